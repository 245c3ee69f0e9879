package io.jenkins.plugins.sagemaker.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

class CachingCredentialsProviderTest {

    private static final Duration PERIOD = CachingCredentialsProvider.DEFAULT_REFRESH_PERIOD;
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));

    private CachingCredentialsProvider cache(AwsCredentialsProvider delegate) {
        return CachingCredentialsProvider.create(delegate, clock, PERIOD);
    }

    private static AwsCredentials basic(int call) {
        return AwsBasicCredentials.create("AKID" + call, "secret-" + call);
    }

    private AwsCredentials session(int call, Duration validity) {
        return AwsSessionCredentials.builder()
                .accessKeyId("ASIA" + call)
                .secretAccessKey("secret-" + call)
                .sessionToken("token-" + call)
                .expirationTime(clock.instant().plus(validity))
                .build();
    }

    @Test
    void repeatedCallsResolveOnce() {
        CountingProvider delegate = new CountingProvider(CachingCredentialsProviderTest::basic);
        CachingCredentialsProvider provider = cache(delegate);

        AwsCredentials first = provider.resolveCredentials();
        for (int i = 0; i < 1000; i++) {
            assertThat(provider.resolveCredentials()).isSameAs(first);
        }

        assertThat(delegate.calls()).isEqualTo(1);
    }

    @Test
    void credentialsWithoutExpiryRefreshAfterPeriod() {
        CountingProvider delegate = new CountingProvider(CachingCredentialsProviderTest::basic);
        CachingCredentialsProvider provider = cache(delegate);
        provider.resolveCredentials();

        clock.advance(PERIOD.minus(ONE_SECOND));
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKID1");

        clock.advance(ONE_SECOND);
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKID2");
        assertThat(delegate.calls()).isEqualTo(2);
    }

    @Test
    void sessionRefreshesFiveMinutesBeforeExpiry() {
        CountingProvider delegate = new CountingProvider(call -> session(call, Duration.ofMinutes(10)));
        CachingCredentialsProvider provider = cache(delegate);
        provider.resolveCredentials();

        clock.advance(Duration.ofMinutes(5).minus(ONE_SECOND));
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIA1");

        clock.advance(ONE_SECOND);
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIA2");
        assertThat(delegate.calls()).isEqualTo(2);
    }

    @Test
    void longSessionRefreshesAfterPeriod() {
        CountingProvider delegate = new CountingProvider(call -> session(call, Duration.ofHours(1)));
        CachingCredentialsProvider provider = cache(delegate);
        provider.resolveCredentials();

        clock.advance(PERIOD.minus(ONE_SECOND));
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIA1");

        clock.advance(ONE_SECOND);
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIA2");
        assertThat(delegate.calls()).isEqualTo(2);
    }

    @Test
    void nearlyExpiredSessionIsKeptOneMinute() {
        CountingProvider delegate = new CountingProvider(call -> session(call, Duration.ofMinutes(2)));
        CachingCredentialsProvider provider = cache(delegate);
        provider.resolveCredentials();

        clock.advance(CachingCredentialsProvider.RETRY_INTERVAL.minus(ONE_SECOND));
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIA1");
        assertThat(delegate.calls()).isEqualTo(1);

        clock.advance(ONE_SECOND);
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIA2");
        assertThat(delegate.calls()).isEqualTo(2);
    }

    @Test
    void failedRefreshReturnsCachedCredentials() {
        CountingProvider delegate = new CountingProvider(call -> {
            if (call > 1) {
                throw SdkClientException.create("Rate exceeded");
            }
            return session(call, Duration.ofMinutes(10));
        });
        CachingCredentialsProvider provider = cache(delegate);
        AwsCredentials first = provider.resolveCredentials();

        clock.advance(Duration.ofMinutes(5));

        assertThat(provider.resolveCredentials()).isSameAs(first);
        assertThat(delegate.calls()).isEqualTo(2);
    }

    @Test
    void failedRefreshRetriesAfterOneMinute() {
        CountingProvider delegate = new CountingProvider(call -> {
            if (call > 1) {
                throw SdkClientException.create("Rate exceeded");
            }
            return session(call, Duration.ofMinutes(10));
        });
        CachingCredentialsProvider provider = cache(delegate);
        AwsCredentials first = provider.resolveCredentials();
        clock.advance(Duration.ofMinutes(5));
        provider.resolveCredentials();

        clock.advance(CachingCredentialsProvider.RETRY_INTERVAL.minus(ONE_SECOND));
        assertThat(provider.resolveCredentials()).isSameAs(first);
        assertThat(delegate.calls()).isEqualTo(2);

        clock.advance(ONE_SECOND);
        assertThat(provider.resolveCredentials()).isSameAs(first);
        assertThat(delegate.calls()).isEqualTo(3);
    }

    @Test
    void failedRefreshKeepsCredentialsWithoutExpiry() {
        CountingProvider delegate = new CountingProvider(call -> {
            if (call > 1) {
                throw SdkClientException.create("Unable to load credentials");
            }
            return basic(call);
        });
        CachingCredentialsProvider provider = cache(delegate);
        AwsCredentials first = provider.resolveCredentials();

        clock.advance(Duration.ofDays(1));

        assertThat(provider.resolveCredentials()).isSameAs(first);
        assertThat(delegate.calls()).isEqualTo(2);
    }

    @Test
    void failedRefreshAfterExpiryPropagates() {
        SdkClientException failure = SdkClientException.create("Rate exceeded");
        CountingProvider delegate = new CountingProvider(call -> {
            if (call > 1) {
                throw failure;
            }
            return session(call, Duration.ofMinutes(10));
        });
        CachingCredentialsProvider provider = cache(delegate);
        provider.resolveCredentials();

        clock.advance(Duration.ofMinutes(10));

        assertThatThrownBy(provider::resolveCredentials).isSameAs(failure);
        assertThat(delegate.calls()).isEqualTo(2);
    }

    @Test
    void failureWithNothingCachedPropagates() {
        SdkClientException failure = SdkClientException.create("Unable to assume role");
        CountingProvider delegate = new CountingProvider(call -> {
            throw failure;
        });
        CachingCredentialsProvider provider = cache(delegate);

        assertThatThrownBy(provider::resolveCredentials).isSameAs(failure);
        assertThatThrownBy(provider::resolveCredentials).isSameAs(failure);
        assertThat(delegate.calls()).isEqualTo(2);
    }

    @Test
    void failedRefreshLogsNoSecret() {
        CountingProvider delegate = new CountingProvider(call -> {
            if (call > 1) {
                throw SdkClientException.create("Rate exceeded");
            }
            return session(call, Duration.ofMinutes(10));
        });
        CachingCredentialsProvider provider = cache(delegate);
        Logger logger = Logger.getLogger(CachingCredentialsProvider.class.getName());
        RecordingHandler handler = new RecordingHandler();
        Level previousLevel = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(handler);
        try {
            provider.resolveCredentials();
            clock.advance(Duration.ofMinutes(5));
            provider.resolveCredentials();
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(previousLevel);
        }

        assertThat(handler.levels()).containsExactly(Level.FINE, Level.WARNING);
        assertThat(handler.text()).contains("Failed to refresh AWS credentials from CountingProvider");
        assertThat(handler.text()).contains("Rate exceeded");
        assertThat(handler.text()).doesNotContain("secret-1");
        assertThat(handler.text()).doesNotContain("token-1");
    }

    @Test
    void concurrentFirstCallsResolveOnce() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountingProvider delegate = new CountingProvider(call -> {
            awaitQuietly(release);
            return basic(call);
        });
        CachingCredentialsProvider provider = cache(delegate);
        Queue<AwsCredentials> results = new ConcurrentLinkedQueue<>();
        Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(() -> {
                try {
                    results.add(provider.resolveCredentials());
                } catch (RuntimeException e) {
                    errors.add(e);
                }
            }, "resolver-" + i);
            threads.add(thread);
            thread.start();
        }

        // Each thread is either inside the delegate or waiting for the thread that is.
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> threads.stream().allMatch(
                    thread -> thread.getState() == Thread.State.WAITING
                            || thread.getState() == Thread.State.TIMED_WAITING));
        } finally {
            release.countDown();
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }

        assertThat(errors).isEmpty();
        assertThat(results).hasSize(8);
        assertThat(results).allSatisfy(credentials -> assertThat(credentials).isSameAs(results.peek()));
        assertThat(delegate.calls()).isEqualTo(1);
    }

    @Test
    void refreshInProgressReturnsCachedCredentials() throws InterruptedException {
        CountDownLatch refreshStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountingProvider delegate = new CountingProvider(call -> {
            if (call > 1) {
                refreshStarted.countDown();
                awaitQuietly(release);
            }
            return session(call, Duration.ofHours(1));
        });
        CachingCredentialsProvider provider = cache(delegate);
        AwsCredentials first = provider.resolveCredentials();
        clock.advance(PERIOD);
        AtomicReference<AwsCredentials> refreshed = new AtomicReference<>();
        Thread refresher = new Thread(() -> refreshed.set(provider.resolveCredentials()), "refresher");
        refresher.start();

        try {
            assertThat(refreshStarted.await(10, TimeUnit.SECONDS)).isTrue();
            AwsCredentials duringRefresh = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    provider::resolveCredentials);
            assertThat(duringRefresh).isSameAs(first);
        } finally {
            release.countDown();
        }
        refresher.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(refreshed.get().accessKeyId()).isEqualTo("ASIA2");
        assertThat(provider.resolveCredentials()).isSameAs(refreshed.get());
        assertThat(delegate.calls()).isEqualTo(2);
    }

    @Test
    void wrapIsIdempotent() {
        CountingProvider delegate = new CountingProvider(CachingCredentialsProviderTest::basic);

        AwsCredentialsProvider once = CachingCredentialsProvider.wrap(delegate);

        assertThat(once).isInstanceOf(CachingCredentialsProvider.class);
        assertThat(CachingCredentialsProvider.wrap(once)).isSameAs(once);
    }

    @Test
    void wrapKeepsStaticProvider() {
        StaticCredentialsProvider staticProvider = StaticCredentialsProvider.create(basic(1));

        assertThat(CachingCredentialsProvider.wrap(staticProvider)).isSameAs(staticProvider);
    }

    @Test
    void nonPositiveRefreshPeriodIsRejected() {
        CountingProvider delegate = new CountingProvider(CachingCredentialsProviderTest::basic);

        assertThatThrownBy(() -> CachingCredentialsProvider.create(delegate, clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refreshPeriod must be positive");
    }

    @Test
    void toStringHidesCredentials() {
        CountingProvider delegate = new CountingProvider(call -> session(call, Duration.ofHours(1)));
        CachingCredentialsProvider provider = cache(delegate);
        provider.resolveCredentials();

        String text = provider.toString();

        assertThat(text).isEqualTo("CachingCredentialsProvider(CountingProvider)");
        assertThat(text).doesNotContain("secret-1");
        assertThat(text).doesNotContain("token-1");
    }

    @Test
    void closeClosesDelegate() {
        CountingProvider delegate = new CountingProvider(CachingCredentialsProviderTest::basic);
        CachingCredentialsProvider provider = cache(delegate);

        provider.close();

        assertThat(delegate.isClosed()).isTrue();
    }

    @Test
    void closeAcceptsNonCloseableDelegate() {
        CachingCredentialsProvider provider = cache(() -> basic(1));

        assertThatCode(provider::close).doesNotThrowAnyException();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Test latch was not released within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the test latch", e);
        }
    }

    /**
     * Fake delegate that counts its calls and passes the call number, starting at 1, to
     * {@code response}. Its {@code toString()} prints the last secret key, as a careless delegate might.
     */
    private static final class CountingProvider implements AwsCredentialsProvider, SdkAutoCloseable {

        private final IntFunction<AwsCredentials> response;
        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicReference<AwsCredentials> last = new AtomicReference<>();
        private volatile boolean closed;

        CountingProvider(IntFunction<AwsCredentials> response) {
            this.response = response;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            AwsCredentials credentials = response.apply(calls.incrementAndGet());
            last.set(credentials);
            return credentials;
        }

        int calls() {
            return calls.get();
        }

        boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public String toString() {
            AwsCredentials credentials = last.get();
            return "CountingProvider(" + (credentials == null ? "" : credentials.secretAccessKey()) + ")";
        }
    }

    /** Clock whose time changes only when a test advances it. */
    private static final class MutableClock extends Clock {

        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("MutableClock supports only UTC");
        }
    }

    /** Log handler that keeps each record's level and its message with the thrown exception's message. */
    private static final class RecordingHandler extends Handler {

        private final Queue<LogRecord> records = new ConcurrentLinkedQueue<>();

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        List<Level> levels() {
            return records.stream().map(LogRecord::getLevel).toList();
        }

        String text() {
            StringBuilder text = new StringBuilder();
            for (LogRecord record : records) {
                text.append(MessageFormat.format(record.getMessage(),
                        record.getParameters() == null ? new Object[0] : record.getParameters()));
                if (record.getThrown() != null) {
                    text.append(' ').append(record.getThrown());
                }
                text.append('\n');
            }
            return text.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
