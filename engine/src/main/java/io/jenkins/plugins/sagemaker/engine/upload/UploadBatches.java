package io.jenkins.plugins.sagemaker.engine.upload;

import io.jenkins.plugins.sagemaker.engine.upload.agent.FileDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Batches of an upload. Each batch is presigned right before the agent sends it, so a batch that is
 * small in requests and bytes finishes long before its URLs expire.
 */
final class UploadBatches {

    private UploadBatches() {
    }

    /**
     * Splits the files into batches of at most {@code maxRequests} requests and
     * {@code maxBytes} bytes. A file that fits into a batch stays whole and starts a new batch
     * when it does not fit into the current one. A larger file fills the current batch and goes on in
     * further batches. A batch contains at least one request, even one larger than {@code maxBytes}.
     */
    static List<List<Presigning.FileSlice>> split(List<FileDigest> files, int maxRequests, long maxBytes) {
        List<List<Presigning.FileSlice>> batches = new ArrayList<>();
        List<Presigning.FileSlice> batch = new ArrayList<>();
        int requests = 0;
        long bytes = 0;
        for (FileDigest digest : files) {
            Presigning.FileSlice whole = Presigning.FileSlice.whole(digest);
            if (!digest.multipart() || (whole.partCount() <= maxRequests && whole.bytes() <= maxBytes)) {
                boolean fits = requests + whole.partCount() <= maxRequests && bytes + whole.bytes() <= maxBytes;
                if (!batch.isEmpty() && !fits) {
                    batches.add(batch);
                    batch = new ArrayList<>();
                    requests = 0;
                    bytes = 0;
                }
                batch.add(whole);
                requests += whole.partCount();
                bytes += whole.bytes();
                continue;
            }

            // Too large for one batch: take as many parts as fit, and start a new batch for the rest.
            int totalParts = whole.partCount();
            int firstPart = 0;
            while (firstPart < totalParts) {
                int count = 0;
                long sliceBytes = 0;
                while (firstPart + count < totalParts) {
                    long partBytes = new Presigning.FileSlice(digest, firstPart + count, 1).bytes();
                    boolean fits = requests + count + 1 <= maxRequests && bytes + sliceBytes + partBytes <= maxBytes;
                    if (!fits && (!batch.isEmpty() || count > 0)) {
                        break;
                    }
                    count++;
                    sliceBytes += partBytes;
                }
                if (count > 0) {
                    batch.add(new Presigning.FileSlice(digest, firstPart, count));
                    requests += count;
                    bytes += sliceBytes;
                    firstPart += count;
                }
                if (firstPart < totalParts) {
                    batches.add(batch);
                    batch = new ArrayList<>();
                    requests = 0;
                    bytes = 0;
                }
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
