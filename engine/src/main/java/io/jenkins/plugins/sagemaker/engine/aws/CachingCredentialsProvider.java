package io.jenkins.plugins.sagemaker.engine.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Credentials provider that calls its delegate once and reuses the credentials until they are due
 * for a refresh.
 *
 * <p>The credentials of the Jenkins aws-credentials plugin send an STS AssumeRole request on every
 * {@code resolveCredentials()} call when they have an IAM role configured. The SDK clients and the
 * S3 presigner resolve credentials for every request, so a large multipart upload or a long poll
 * would otherwise send thousands of AssumeRole requests and be throttled by STS.
 *
 * <p>Credentials are refreshed after the refresh period (15 minutes by default) or 5 minutes before
 * their expiration time, whichever comes first. Credentials without an expiration time are kept for
 * the refresh period. If a refresh fails while the cached credentials have not expired, the cached
 * credentials are returned, and until they expire the delegate is called again at most once a
 * minute. If nothing unexpired is cached, the delegate's exception propagates.
 *
 * <p>Only one thread calls the delegate at a time. While it does, other threads get the cached
 * credentials if they have not expired, and otherwise wait for the refresh.
 */
public final class CachingCredentialsProvider implements AwsCredentialsProvider, SdkAutoCloseable {

    static final Duration DEFAULT_REFRESH_PERIOD = Duration.ofMinutes(15);

    /** Time before the expiration at which credentials are refreshed. */
    static final Duration REFRESH_BEFORE_EXPIRATION = Duration.ofMinutes(5);

    /**
     * Minimum time between two calls to the delegate after a failed refresh, or after the delegate
     * returned credentials that expire in less than {@link #REFRESH_BEFORE_EXPIRATION}. This never
     * keeps credentials past their expiration time.
     */
    static final Duration RETRY_INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOGGER = Logger.getLogger(CachingCredentialsProvider.class.getName());

    private final AwsCredentialsProvider delegate;
    private final Clock clock;
    private final Duration refreshPeriod;
    private final ReentrantLock refreshLock = new ReentrantLock();

    /** The cached credentials, or null before the first successful call to the delegate. */
    private volatile CachedCredentials cached;

    private CachingCredentialsProvider(AwsCredentialsProvider delegate, Clock clock, Duration refreshPeriod) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshPeriod = Objects.requireNonNull(refreshPeriod, "refreshPeriod");
        if (refreshPeriod.isNegative() || refreshPeriod.isZero()) {
            throw new IllegalArgumentException("refreshPeriod must be positive, but was " + refreshPeriod);
        }
    }

    /**
     * Wraps {@code delegate} in a cache with the default refresh period. Returns {@code delegate}
     * itself if it is already a {@code CachingCredentialsProvider} or a
     * {@link StaticCredentialsProvider}, which has nothing to cache.
     */
    public static AwsCredentialsProvider wrap(AwsCredentialsProvider delegate) {
        Objects.requireNonNull(delegate, "delegate");
        if (delegate instanceof CachingCredentialsProvider || delegate instanceof StaticCredentialsProvider) {
            return delegate;
        }
        return create(delegate, Clock.systemUTC(), DEFAULT_REFRESH_PERIOD);
    }

    /** Creates a cache that reads the time from {@code clock}. It always wraps, unlike {@link #wrap}. */
    static CachingCredentialsProvider create(AwsCredentialsProvider delegate, Clock clock, Duration refreshPeriod) {
        return new CachingCredentialsProvider(delegate, clock, refreshPeriod);
    }

    @Override
    public AwsCredentials resolveCredentials() {
        CachedCredentials current = cached;
        Instant now = clock.instant();
        if (current != null && current.isFresh(now)) {
            return current.credentials();
        }

        if (current != null && current.isUnexpired(now)) {
            // If another thread is refreshing, return the unexpired cached credentials instead of waiting.
            if (!refreshLock.tryLock()) {
                return current.credentials();
            }
        } else {
            refreshLock.lock();
        }
        try {
            return refreshIfDue().credentials();
        } finally {
            refreshLock.unlock();
        }
    }

    /**
     * Calls the delegate unless another thread refreshed the cache while this one waited. The caller
     * holds {@code refreshLock}.
     */
    private CachedCredentials refreshIfDue() {
        CachedCredentials current = cached;
        Instant now = clock.instant();
        if (current != null && current.isFresh(now)) {
            return current;
        }

        CachedCredentials refreshed;
        try {
            refreshed = cache(delegate.resolveCredentials(), now);
        } catch (RuntimeException e) {
            if (current == null || !current.isUnexpired(now)) {
                throw e;
            }
            refreshed = keepAfterFailure(current, now, e);
        }
        cached = refreshed;
        return refreshed;
    }

    private CachedCredentials keepAfterFailure(CachedCredentials current, Instant now, RuntimeException failure) {
        CachedCredentials fallback = current.retryAt(earliest(now.plus(RETRY_INTERVAL), current.expiresAt()));
        LOGGER.log(Level.WARNING, failure, () -> "Failed to refresh AWS credentials from " + delegateName()
                + "; using the cached credentials, which " + describeExpiration(fallback.expiresAt())
                + ", until the next attempt at " + fallback.refreshAt());
        return fallback;
    }

    private CachedCredentials cache(AwsCredentials credentials, Instant now) {
        Instant expiresAt = credentials.expirationTime().orElse(Instant.MAX);
        Instant refreshAt = earliest(now.plus(refreshPeriod), expiresAt.minus(REFRESH_BEFORE_EXPIRATION));
        if (!refreshAt.isAfter(now)) {
            // The delegate returned credentials that are already due for a refresh. Keep them
            // briefly, so that a delegate that returns them again is not called on every request.
            refreshAt = earliest(now.plus(RETRY_INTERVAL), expiresAt);
        }
        LOGGER.log(Level.FINE, "Resolved AWS credentials from {0}, which {1}; next refresh at {2}",
                new Object[] {delegateName(), describeExpiration(expiresAt), refreshAt});
        return new CachedCredentials(credentials, refreshAt, expiresAt);
    }

    /** Closes the delegate if it is closeable. A failure to close is logged, not thrown. */
    @Override
    public void close() {
        if (!(delegate instanceof AutoCloseable)) {
            return;
        }
        try {
            ((AutoCloseable) delegate).close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOGGER.log(Level.WARNING, e, () -> "Failed to close the credentials provider " + delegateName());
        }
    }

    /** Names only the delegate's class, because the delegate's own {@code toString()} may contain secrets. */
    @Override
    public String toString() {
        return "CachingCredentialsProvider(" + delegateName() + ")";
    }

    private String delegateName() {
        return delegate.getClass().getSimpleName();
    }

    private static Instant earliest(Instant first, Instant second) {
        return first.isBefore(second) ? first : second;
    }

    private static String describeExpiration(Instant expiresAt) {
        return expiresAt.equals(Instant.MAX) ? "do not expire" : "expire at " + expiresAt;
    }

    /**
     * Credentials with the time at which they are refreshed and the time at which they expire
     * ({@link Instant#MAX} if they do not expire).
     */
    private record CachedCredentials(AwsCredentials credentials, Instant refreshAt, Instant expiresAt) {

        boolean isFresh(Instant now) {
            return now.isBefore(refreshAt);
        }

        boolean isUnexpired(Instant now) {
            return now.isBefore(expiresAt);
        }

        CachedCredentials retryAt(Instant nextRefresh) {
            return new CachedCredentials(credentials, nextRefresh, expiresAt);
        }

        /** Omits the credentials, because the record's generated {@code toString()} would print the secret key. */
        @Override
        public String toString() {
            return "CachedCredentials(refreshAt=" + refreshAt + ", expiresAt=" + expiresAt + ")";
        }
    }
}
