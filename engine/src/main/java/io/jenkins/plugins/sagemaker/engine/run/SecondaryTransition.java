package io.jenkins.plugins.sagemaker.engine.run;

import java.io.Serializable;
import java.time.Instant;

/**
 * One entry of a training job's SecondaryStatusTransitions.
 *
 * @param status secondary status, for example {@code Downloading}
 * @param startTime when the job entered the status
 * @param endTime when it left the status, or {@code null} while it is current
 * @param statusMessage SageMaker's description, or {@code null}
 */
public record SecondaryTransition(String status, Instant startTime, Instant endTime, String statusMessage)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
