package io.jenkins.plugins.sagemaker.engine.upload.agent;

/** Receiver of short progress lines for the build console. */
@FunctionalInterface
public interface ProgressSink {

    /** Discards every line. */
    ProgressSink NONE = line -> { };

    void progress(String line);
}
