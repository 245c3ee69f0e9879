package io.jenkins.plugins.sagemaker.emulator.logs;

import java.util.List;

/**
 * A planned log stream of one instance of a training job. All events are known in advance. Which of them
 * exist at a given moment depends on the emulator clock and on when the job stopped writing logs.
 *
 * @param creationTime epoch milliseconds at which the stream appears
 * @param events events sorted by timestamp
 */
public record LogStream(String name, long creationTime, List<LogEvent> events) {

    public LogStream {
        events = List.copyOf(events);
    }

    /**
     * Returns how many events are visible at a cut-off time: events are sorted, so the visible events are
     * always a prefix of the list and an index into it stays valid as time passes.
     */
    public int visibleCount(long cutoffMillis) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (events.get(middle).timestamp() <= cutoffMillis) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Returns true when the stream exists at the cut-off time. */
    public boolean existsAt(long cutoffMillis) {
        return creationTime <= cutoffMillis;
    }
}
