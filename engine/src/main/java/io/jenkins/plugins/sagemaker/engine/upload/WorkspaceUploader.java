package io.jenkins.plugins.sagemaker.engine.upload;

import io.jenkins.plugins.sagemaker.engine.upload.agent.ByteSizes;
import io.jenkins.plugins.sagemaker.engine.upload.agent.CancellationToken;
import io.jenkins.plugins.sagemaker.engine.upload.agent.FileDigest;
import io.jenkins.plugins.sagemaker.engine.upload.agent.FileListing;
import io.jenkins.plugins.sagemaker.engine.upload.agent.HashRequest;
import io.jenkins.plugins.sagemaker.engine.upload.agent.LocalFile;
import io.jenkins.plugins.sagemaker.engine.upload.agent.PartResult;
import io.jenkins.plugins.sagemaker.engine.upload.agent.ProgressSink;
import io.jenkins.plugins.sagemaker.engine.upload.agent.ProgressTotals;
import io.jenkins.plugins.sagemaker.engine.upload.agent.TransferCancelledException;
import io.jenkins.plugins.sagemaker.engine.upload.agent.UploadBatch;
import io.jenkins.plugins.sagemaker.engine.upload.agent.WorkspaceAgent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Uploads a channel's workspace data to S3: the controller half. It makes every AWS call, and the
 * {@link WorkspaceAgent} lists, hashes and sends the files over presigned URLs.
 *
 * <p>Unchanged files are skipped by comparing with the user metadata {@code x-amz-meta-sha256}
 * (and {@code x-amz-meta-source-mtime-ms}) of the objects under the destination prefix. The check
 * needs no manifest object, so nothing extra appears under the prefix that SageMaker reads as input.
 */
public final class WorkspaceUploader {

    private static final Logger LOGGER = Logger.getLogger(WorkspaceUploader.class.getName());

    /** Smallest hash group: 64 MiB, so that small uploads are not split into many agent calls. */
    private static final long MIN_HASH_GROUP_BYTES = 64L * 1024 * 1024;

    /** Number of hash groups that large uploads are split into. */
    private static final int HASH_GROUPS = 8;

    private static final long HASH_SHUTDOWN_SECONDS = 60;

    /** AbortMultipartUpload calls per upload before remaining parts are left to a lifecycle rule. */
    private static final int ABORT_ROUNDS = 3;

    private final S3Client s3;
    private final UploadSettings settings;
    private final Presigning presigning;
    private final StoredObjects stored;

    public WorkspaceUploader(S3Client s3, S3Presigner presigner, UploadSettings settings) {
        this.s3 = s3;
        this.settings = settings;
        this.presigning = new Presigning(s3, presigner, settings.presignDuration());
        this.stored = new StoredObjects(s3);
    }

    /**
     * Uploads the files of a workspace path below the destination prefix and returns the counts.
     * Files whose stored copy has the same SHA-256 are skipped.
     *
     * @throws io.jenkins.plugins.sagemaker.engine.upload.agent.WorkspacePathException when the path
     *     is missing, empty or leads outside the workspace
     * @throws TransferCancelledException when the token is cancelled or the thread is interrupted;
     *     open multipart uploads are aborted first, and the interrupt flag stays set
     */
    public ChannelUploadResult upload(ChannelUpload channel, WorkspaceAgent agent, ProgressSink sink,
            CancellationToken token) throws IOException {
        Presigning.OpenUploads open = new Presigning.OpenUploads();
        try {
            return run(channel, agent, sink, token, open);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(channel, open, new TransferCancelledException("Upload interrupted", e));
        } catch (TransferCancelledException e) {
            throw cancelled(channel, open, e);
        } catch (AbortedException e) {
            // The SDK throws this when the thread is interrupted during a call.
            throw cancelled(channel, open, new TransferCancelledException("Upload interrupted", e));
        } catch (IOException | RuntimeException e) {
            if (token.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw cancelled(channel, open, new TransferCancelledException("Upload cancelled", e));
            }
            abortQuietly(open, e);
            throw e;
        }
    }

    private ChannelUploadResult run(ChannelUpload channel, WorkspaceAgent agent, ProgressSink sink,
            CancellationToken token, Presigning.OpenUploads open) throws IOException, InterruptedException {
        long start = System.nanoTime();
        S3Prefix destination = channel.destination();
        FileListing listing = agent.listFiles(channel.localPath());
        sink.progress(String.format(Locale.ROOT, "Channel '%s': %,d files (%s) in %s, destination %s",
                channel.channelName(), listing.files().size(), ByteSizes.format(listing.totalBytes()),
                channel.localPath(), destination.uri()));
        token.throwIfCancelled();

        // Quick check first: same key, size and modification time as the stored object.
        StoredObjects.Found found = stored.find(destination, listing.files(), settings.threads(), token);
        Map<String, StoredObjects.Stored> existing = found.copies();
        List<LocalFile> toHash = new ArrayList<>();
        int skippedFiles = 0;
        long skippedBytes = 0;
        for (LocalFile file : listing.files()) {
            StoredObjects.Stored copy = existing.get(destination.keyFor(file.path()));
            if (!settings.alwaysHash() && copy != null && copy.sourceModifiedMillis() == file.modifiedMillis()) {
                skippedFiles++;
                skippedBytes += file.size();
            } else {
                toHash.add(file);
            }
        }

        // Content check for the rest, so that a file touched but not changed is still skipped. The
        // next group is hashed while the current one uploads.
        long hashBytes = toHash.stream().mapToLong(LocalFile::size).sum();
        Progress progress = new Progress(toHash.size(), hashBytes, settings.progressInterval().toNanos(), sink);
        List<List<LocalFile>> groups = hashGroups(toHash, hashBytes);
        ExecutorService hasher = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sagemaker-upload-hash");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<List<FileDigest>> pending = groups.isEmpty() ? null
                    : hasher.submit(hashTask(agent, listing.root(), groups.get(0)));
            for (int group = 0; group < groups.size(); group++) {
                List<FileDigest> digests = await(pending);
                pending = group + 1 < groups.size()
                        ? hasher.submit(hashTask(agent, listing.root(), groups.get(group + 1)))
                        : null;

                List<FileDigest> changed = new ArrayList<>();
                for (FileDigest digest : digests) {
                    StoredObjects.Stored copy = existing.get(destination.keyFor(digest.file().path()));
                    // NOTE: the stored modification time is not updated here, so a touched file is
                    // hashed again on every rerun until its content changes.
                    if (copy != null && copy.size() == digest.file().size()
                            && copy.sha256Hex().equals(digest.sha256Hex())) {
                        skippedFiles++;
                        skippedBytes += digest.file().size();
                        progress.add(1, digest.file().size());
                    } else {
                        changed.add(digest);
                    }
                }
                sendAll(listing.root(), destination, changed, progress, agent, token, open);
            }
        } finally {
            stop(hasher);
        }
        if (skippedFiles > 0) {
            sink.progress(String.format(Locale.ROOT, "Skipped %,d unchanged files (%s) already in %s",
                    skippedFiles, ByteSizes.format(skippedBytes), destination.uri()));
        }

        int uploadedFiles = listing.files().size() - skippedFiles;
        long uploadedBytes = listing.totalBytes() - skippedBytes;
        long elapsed = System.nanoTime() - start;
        sink.progress(String.format(Locale.ROOT, "Uploaded %,d files (%s) in %.1f s (%s); skipped %,d unchanged "
                + "files (%s)", uploadedFiles, ByteSizes.format(uploadedBytes), elapsed / 1e9,
                ByteSizes.rate(uploadedBytes, elapsed), skippedFiles, ByteSizes.format(skippedBytes)));
        if (found.others().count() > 0) {
            sink.progress(otherObjectsWarning(channel, listing, found.others()));
        }
        return new ChannelUploadResult(destination, uploadedFiles, uploadedBytes, skippedFiles, skippedBytes);
    }

    /**
     * Formats the warning about objects under the destination that match no workspace file. The
     * uploader deletes nothing, because the prefix may be shared on purpose, but SageMaker's
     * {@code S3Prefix} input reads every object under it, so the user has to know.
     */
    private static String otherObjectsWarning(ChannelUpload channel, FileListing listing,
            StoredObjects.OtherObjects others) {
        boolean singleObject = others.count() == 1;
        String objects = singleObject ? "1 object" : String.format(Locale.ROOT, "%,d objects", others.count());
        String notFromWorkspace;
        if (listing.singleFile()) {
            notFromWorkspace = (singleObject ? "is not" : "are not") + " the workspace file ";
        } else {
            notFromWorkspace = (singleObject ? "is not" : "are not") + " in the workspace folder ";
        }
        // Name every key when there are few, else the first ones.
        String keys = others.count() > others.examples().size() ? ", for example " : ": ";
        String pronoun = singleObject ? "it" : "them";
        return "Channel '" + channel.channelName() + "': " + objects + " under " + channel.destination().uri() + " "
                + notFromWorkspace + channel.localPath() + " and the job will read " + pronoun + " too" + keys
                + String.join(", ", others.examples()) + ". Delete " + pronoun + " or use a per-build prefix.";
    }

    /**
     * Splits the files into hash groups of at least 64 MiB or an eighth of the bytes, whichever is
     * more, and at most one batch of files. A file larger than a group gets a group alone.
     */
    private List<List<LocalFile>> hashGroups(List<LocalFile> files, long totalBytes) {
        long groupBytes = Math.max(MIN_HASH_GROUP_BYTES, totalBytes / HASH_GROUPS);
        List<List<LocalFile>> groups = new ArrayList<>();
        List<LocalFile> group = new ArrayList<>();
        long bytes = 0;
        for (LocalFile file : files) {
            if (!group.isEmpty() && (bytes + file.size() > groupBytes || group.size() >= settings.maxBatchRequests())) {
                groups.add(group);
                group = new ArrayList<>();
                bytes = 0;
            }
            group.add(file);
            bytes += file.size();
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    private Callable<List<FileDigest>> hashTask(WorkspaceAgent agent, String root, List<LocalFile> files) {
        HashRequest request = new HashRequest(root, files, settings.multipartThreshold(), settings.partSize(),
                settings.transferSettings());
        return () -> agent.hashFiles(request);
    }

    private static List<FileDigest> await(Future<List<FileDigest>> future) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    /** Stops the hashing thread and waits for it, so that no agent call outlives the upload. */
    private static void stop(ExecutorService hasher) {
        hasher.shutdownNow();
        boolean interrupted = Thread.interrupted();
        try {
            if (!hasher.awaitTermination(HASH_SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
                LOGGER.log(Level.WARNING, "Hashing still running {0} s after the upload stopped",
                        HASH_SHUTDOWN_SECONDS);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void sendAll(String root, S3Prefix destination, List<FileDigest> files, Progress progress,
            WorkspaceAgent agent, CancellationToken token, Presigning.OpenUploads open)
            throws IOException, InterruptedException {
        Presigning.Multipart multipart = new Presigning.Multipart();
        for (List<Presigning.FileSlice> slices : UploadBatches.split(files, settings.maxBatchRequests(),
                settings.maxBatchBytes())) {
            token.throwIfCancelled();

            // Each batch presigns only its own requests, right before it is sent, so that its URLs
            // are fresh while a large file's multipart upload stays open across batches.
            Presigning.Batch presigned = presigning.presign(destination, slices, multipart, open, settings.threads(),
                    token);
            List<PartResult> results = agent.upload(new UploadBatch(root, presigned.parts(), progress.totals(),
                    settings.transferSettings()));
            token.throwIfCancelled();
            presigning.complete(presigned, results, multipart, open);

            int doneFiles = 0;
            long bytes = 0;
            for (Presigning.FileSlice slice : slices) {
                doneFiles += slice.last() ? 1 : 0;
                bytes += slice.bytes();
            }
            progress.add(doneFiles, bytes);
            progress.printIfDue();
            LOGGER.log(Level.FINE, "Uploaded batch of {0} requests, {1} bytes, to {2}",
                    new Object[] {presigned.parts().size(), bytes, destination});
        }
        if (!multipart.isEmpty()) {
            throw new IllegalStateException("Multipart uploads are still open after the last batch");
        }
    }

    /**
     * Files and bytes of the hashed files that are done, uploaded or skipped. The agent prints
     * progress within a batch that runs longer than the interval, and this class between batches.
     */
    private static final class Progress {

        private final int totalFiles;
        private final long totalBytes;
        private final long intervalNanos;
        private final ProgressSink sink;
        private final long startNanos = System.nanoTime();
        private long lastLineNanos = startNanos;
        private int doneFiles;
        private long doneBytes;

        Progress(int totalFiles, long totalBytes, long intervalNanos, ProgressSink sink) {
            this.totalFiles = totalFiles;
            this.totalBytes = totalBytes;
            this.intervalNanos = intervalNanos;
            this.sink = sink;
        }

        void printIfDue() {
            long now = System.nanoTime();
            if (now - lastLineNanos >= intervalNanos && doneFiles < totalFiles) {
                lastLineNanos = now;
                sink.progress(totals().line("Uploading", ByteSizes.rate(doneBytes, now - startNanos)));
            }
        }

        void add(int files, long bytes) {
            doneFiles += files;
            doneBytes += bytes;
        }

        ProgressTotals totals() {
            return new ProgressTotals(totalFiles, totalBytes, doneFiles, doneBytes);
        }
    }

    private TransferCancelledException cancelled(ChannelUpload channel, Presigning.OpenUploads open,
            TransferCancelledException e) {
        // The SDK fails at once on an interrupted thread, so clear the flag while aborting.
        boolean interrupted = Thread.interrupted();
        try {
            abortQuietly(open, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return new TransferCancelledException("Upload of channel '" + channel.channelName() + "' from "
                + channel.localPath() + " was cancelled", e);
    }

    private void abortQuietly(Presigning.OpenUploads open, Exception failure) {
        for (Presigning.OpenUpload upload : open.drain()) {
            try {
                abortUntilNoParts(upload);
                LOGGER.log(Level.FINE, "Aborted multipart upload of s3://{0}/{1}",
                        new Object[] {upload.bucket(), upload.key()});
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "Could not abort the multipart upload of s3://" + upload.bucket() + "/"
                        + upload.key() + "; a bucket lifecycle rule must remove it", e);
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * Aborts a multipart upload, then lists its parts and aborts again while any are listed. The S3
     * API reference for AbortMultipartUpload states that a part upload in progress can still succeed,
     * and to check with ListParts. The local agent waits for its requests before the abort, but a
     * remote agent may still be sending when the controller gives up waiting for it.
     */
    // NOTE: the second abort is not tested. The emulator's S3Proxy rejects it with NoSuchUpload and
    // keeps a part that landed after the first abort, so no test here can show that it frees the part.
    private void abortUntilNoParts(Presigning.OpenUpload upload) {
        for (int round = 1; ; round++) {
            try {
                s3.abortMultipartUpload(builder -> builder.bucket(upload.bucket()).key(upload.key())
                        .uploadId(upload.uploadId()));
            } catch (NoSuchUploadException e) {
                if (round == 1) {
                    throw e;
                }
                return;
            }

            List<Part> parts;
            try {
                parts = s3.listParts(builder -> builder.bucket(upload.bucket()).key(upload.key())
                        .uploadId(upload.uploadId())).parts();
            } catch (NoSuchUploadException e) {
                return;
            }
            if (parts.isEmpty()) {
                return;
            }
            if (round >= ABORT_ROUNDS) {
                throw new IllegalStateException(parts.size() + " parts of multipart upload " + upload.uploadId()
                        + " of s3://" + upload.bucket() + "/" + upload.key() + " remain after " + round + " aborts");
            }
            LOGGER.log(Level.FINE, "{0} parts of s3://{1}/{2} were stored after the abort; aborting again",
                    new Object[] {parts.size(), upload.bucket(), upload.key()});
        }
    }
}
