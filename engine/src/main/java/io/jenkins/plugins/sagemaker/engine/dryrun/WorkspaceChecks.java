package io.jenkins.plugins.sagemaker.engine.dryrun;

import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.upload.agent.WorkspaceAgent;
import io.jenkins.plugins.sagemaker.engine.upload.agent.WorkspacePathException;
import io.jenkins.plugins.sagemaker.engine.validation.ValidationProblem;
import java.io.IOException;
import java.util.List;
import software.amazon.awssdk.core.exception.AbortedException;

/**
 * Checks that the workspace path of every channel uploaded from the workspace ({@code localPath}) is a
 * file or a folder with files inside the workspace, by listing it where the workspace is, as the upload
 * does first. Without a workspace, each such channel gets a warning instead.
 */
final class WorkspaceChecks {

    private final WorkspaceAgent workspace;
    private final List<ValidationProblem> problems;
    private final List<String> warnings;

    WorkspaceChecks(WorkspaceAgent workspace, List<ValidationProblem> problems, List<String> warnings) {
        this.workspace = workspace;
        this.problems = problems;
        this.warnings = warnings;
    }

    void check(TrainingJobSpec spec) {
        List<ChannelSpec> channels = spec.getChannels();
        for (int i = 0; i < channels.size(); i++) {
            ChannelSpec channel = channels.get(i);
            if (channel.isFromWorkspace()) {
                checkPath("channels[" + i + "].localPath", channel.getLocalPath());
            }
        }
    }

    private void checkPath(String field, String path) {
        if (workspace == null) {
            warnings.add(field + " \"" + path + "\" was not checked, because no workspace is available to this "
                    + "check.");
            return;
        }
        try {
            workspace.listFiles(path);
        } catch (WorkspacePathException e) {
            problems.add(new ValidationProblem(field, path, "a file or a folder with files in the workspace",
                    field + ": " + e.getMessage()));
        } catch (IOException e) {
            warnings.add(field + " \"" + path + "\" could not be listed (" + e.getMessage()
                    + "), so that path was not checked.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.create("The dry run was interrupted while listing " + path, e);
        }
    }
}
