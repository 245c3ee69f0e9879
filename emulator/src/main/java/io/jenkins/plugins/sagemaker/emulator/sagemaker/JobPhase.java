package io.jenkins.plugins.sagemaker.emulator.sagemaker;

/** Non-terminal secondary statuses through which an emulated job moves, with their TrainingJobStatus. */
enum JobPhase {
    STARTING("Starting", "InProgress"),
    DOWNLOADING("Downloading", "InProgress"),
    TRAINING("Training", "InProgress"),
    UPLOADING("Uploading", "InProgress"),
    STOPPING("Stopping", "Stopping");

    private final String secondaryStatus;
    private final String trainingJobStatus;

    JobPhase(String secondaryStatus, String trainingJobStatus) {
        this.secondaryStatus = secondaryStatus;
        this.trainingJobStatus = trainingJobStatus;
    }

    String secondaryStatus() {
        return secondaryStatus;
    }

    String trainingJobStatus() {
        return trainingJobStatus;
    }

    /** Returns true for the phases that count against MaxRuntimeInSeconds, which runs from TrainingStartTime. */
    boolean countsTowardsRuntime() {
        return this == DOWNLOADING || this == TRAINING || this == UPLOADING;
    }
}
