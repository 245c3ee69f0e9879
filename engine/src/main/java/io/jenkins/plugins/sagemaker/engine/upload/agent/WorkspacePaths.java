package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Resolves workspace paths and keeps every read and write inside the workspace, also through
 * symbolic links.
 */
final class WorkspacePaths {

    private WorkspacePaths() {
    }

    /** Lists the regular files under a file or folder of the workspace. */
    static FileListing list(Path workspace, String requestedPath) throws IOException {
        Path root = realWorkspace(workspace);
        if (requestedPath == null || requestedPath.isBlank()) {
            throw new WorkspacePathException("The local path is empty; give a file or folder relative to the workspace "
                    + root);
        }

        Path candidate = root.resolve(requestedPath).normalize();
        if (!candidate.startsWith(root)) {
            throw new WorkspacePathException("Path '" + requestedPath + "' is outside the workspace " + root
                    + "; give a path inside the workspace");
        }
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            throw new WorkspacePathException("Path '" + requestedPath + "' not found in the workspace " + root
                    + "; check the path and the step that creates the data");
        }
        Path real = realInside(root, candidate, requestedPath);

        if (Files.isRegularFile(real)) {
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            LocalFile file = new LocalFile(candidate.getFileName().toString(), attributes.size(),
                    attributes.lastModifiedTime().toMillis());
            return new FileListing(requestedPath, slashPath(root, candidate.getParent()), true, List.of(file));
        }
        if (!Files.isDirectory(real)) {
            throw new WorkspacePathException("Path '" + requestedPath + "' in the workspace " + root
                    + " is neither a regular file nor a folder; give a file or folder");
        }

        List<LocalFile> files = walk(root, candidate, requestedPath);
        if (files.isEmpty()) {
            throw new WorkspacePathException("Folder '" + requestedPath + "' in the workspace " + root
                    + " contains no files; create the data first or fix the path");
        }
        return new FileListing(requestedPath, slashPath(root, candidate), false, files);
    }

    /** Resolves a file of an upload root and checks that it still lies inside the workspace. */
    static Path uploadFile(Path workspace, String root, String path) throws IOException {
        Path realRoot = realWorkspace(workspace);
        Path file = realRoot.resolve(root).resolve(path).normalize();
        String label = root.isEmpty() ? path : root + "/" + path;
        if (!file.startsWith(realRoot)) {
            throw new WorkspacePathException("Path '" + label + "' is outside the workspace " + realRoot);
        }
        return realInside(realRoot, file, label);
    }

    /** Returns the workspace folder with all symbolic links resolved. */
    static Path realWorkspace(Path workspace) throws IOException {
        if (!Files.isDirectory(workspace)) {
            throw new WorkspacePathException("Workspace " + workspace + " not found or not a folder");
        }
        return workspace.toRealPath();
    }

    /**
     * Joins the names of {@code path} below {@code base} with forward slashes, on every OS.
     * NOTE: tests run on Linux only; Windows separators are handled by the Path API, not tested.
     */
    static String slashPath(Path base, Path path) {
        Path relative = base.relativize(path);
        List<String> names = new ArrayList<>();
        for (Path name : relative) {
            if (!name.toString().isEmpty()) {
                names.add(name.toString());
            }
        }
        return String.join("/", names);
    }

    /** Resolves links in {@code path} and fails when the result is outside the workspace. */
    static Path realInside(Path realWorkspace, Path path, String label) throws IOException {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new WorkspacePathException("Path '" + label + "' in the workspace " + realWorkspace
                    + " is a symbolic link to a missing file (" + e.getMessage() + "); fix or delete the link");
        }
        if (!real.startsWith(realWorkspace)) {
            throw new WorkspacePathException("Path '" + label + "' is a symbolic link that leads outside the workspace "
                    + realWorkspace + " (to " + real + "); copy the data into the workspace instead");
        }
        return real;
    }

    private static List<LocalFile> walk(Path realWorkspace, Path folder, String requestedPath) throws IOException {
        List<LocalFile> files = new ArrayList<>();
        Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
                            throws IOException {
                        realInside(realWorkspace, dir, label(dir));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                        // With FOLLOW_LINKS, a link whose target is missing arrives with its own attributes.
                        if (attributes.isSymbolicLink() || attributes.isRegularFile()) {
                            realInside(realWorkspace, file, label(file));
                        }
                        if (attributes.isRegularFile()) {
                            files.add(new LocalFile(slashPath(folder, file), attributes.size(),
                                    attributes.lastModifiedTime().toMillis()));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (e instanceof FileSystemLoopException) {
                            throw new WorkspacePathException("Path '" + label(file) + "' under '" + requestedPath
                                    + "' in the workspace " + realWorkspace
                                    + " is a symbolic link loop; remove the link");
                        }
                        throw e;
                    }

                    private String label(Path path) {
                        return slashPath(realWorkspace, path);
                    }
                });
        files.sort(Comparator.comparing(LocalFile::path));
        return files;
    }
}
