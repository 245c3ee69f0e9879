package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.nio.file.Files;
import java.nio.file.Path;

/** Maps downloaded objects to workspace files and keeps them inside the download target. */
final class DownloadTargets {

    private DownloadTargets() {
    }

    static Path destination(Path realWorkspace, DownloadBatch batch, DownloadItem item) throws WorkspacePathException {
        if (batch.target() == null || batch.target().isBlank()) {
            throw new WorkspacePathException("The download target is empty; give a file or folder relative to the "
                    + "workspace " + realWorkspace);
        }
        Path target = realWorkspace.resolve(batch.target()).normalize();
        if (!target.startsWith(realWorkspace) || target.equals(realWorkspace) && batch.singleFile()) {
            throw new WorkspacePathException("Download target '" + batch.target() + "' is outside the workspace "
                    + realWorkspace + "; give a path inside the workspace");
        }
        if (batch.singleFile() && !Files.isDirectory(target)) {
            return target;
        }

        Path destination = target.resolve(item.path()).normalize();
        if (item.path().isEmpty() || item.path().startsWith("/") || !destination.startsWith(target)
                || destination.equals(target)) {
            throw new WorkspacePathException("Object " + item.source() + " would be written to '" + item.path()
                    + "', outside the download target '" + batch.target() + "'; rename the object or download it "
                    + "on its own");
        }
        return destination;
    }
}
