package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs tasks on a fixed pool and stops all of them at the first failure, cancellation or interrupt.
 * The controller side uses it too, for HeadObject and presigning.
 * It returns only after every started task has ended, so nothing keeps writing after a failure.
 */
public final class ParallelTasks {

    private static final Logger LOGGER = Logger.getLogger(ParallelTasks.class.getName());

    /** How often the waiting thread checks the cancellation token, in milliseconds. */
    private static final long POLL_MILLIS = 100;

    /** How long to wait for interrupted tasks to end, in seconds. */
    private static final long SHUTDOWN_SECONDS = 60;

    private static final AtomicInteger POOL_COUNT = new AtomicInteger();

    private ParallelTasks() {
    }

    /** Runs the tasks with at most {@code threads} at a time and returns their results in order. */
    public static <T> List<T> run(List<Callable<T>> tasks, int threads, CancellationToken token) throws IOException {
        token.throwIfCancelled();
        if (tasks.isEmpty()) {
            return List.of();
        }

        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), threadFactory());
        CompletionService<T> completion = new ExecutorCompletionService<>(pool);
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        try {
            for (Callable<T> task : tasks) {
                futures.add(completion.submit(task));
            }

            for (int finished = 0; finished < tasks.size(); ) {
                Future<T> future = completion.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                token.throwIfCancelled();
                if (future != null) {
                    finished++;
                    resultOf(future);
                }
            }

            List<T> results = new ArrayList<>(tasks.size());
            for (Future<T> future : futures) {
                results.add(resultOf(future));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferCancelledException("Transfer interrupted", e);
        } finally {
            stop(pool);
        }
    }

    private static <T> T resultOf(Future<T> future) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
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

    private static void stop(ExecutorService pool) {
        pool.shutdownNow();

        // Wait even when this thread was interrupted, then restore its flag.
        boolean interrupted = Thread.interrupted();
        try {
            if (!pool.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
                LOGGER.log(Level.WARNING, "Transfer threads still running {0} s after they were stopped",
                        SHUTDOWN_SECONDS);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ThreadFactory threadFactory() {
        int pool = POOL_COUNT.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "sagemaker-transfer-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
