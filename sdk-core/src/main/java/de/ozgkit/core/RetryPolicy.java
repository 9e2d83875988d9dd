package de.ozgkit.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How ozgkit retries a failed attempt: exponential backoff with jitter, {@code Retry-After}
 * honoured up to a cap, a bounded number of attempts.
 *
 * <p>Only retry-safe requests are retried (idempotent methods, or requests carrying an idempotency
 * key), except that a request that could not even be sent (connection refused, connect timeout)
 * is always retried. Retried statuses are {@link #retryStatuses()}; by default 429, 500, 502, 503
 * and 504.
 *
 * @param maxAttempts    attempts in all, including the first (1 disables retries)
 * @param initialBackoff wait before the second attempt
 * @param maxBackoff     the longest wait between two attempts
 * @param multiplier     factor by which the wait grows per attempt
 * @param jitter         fraction of the wait that is randomised (0 = none, 0.5 = +/-50%)
 * @param maxRetryAfter  the longest {@code Retry-After} ozgkit will wait; a longer demand ends the
 *                       retries and surfaces as {@link RateLimitedException} or {@link ServerErrorException}
 * @param retryStatuses  HTTP statuses that are retried
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
                          double jitter, Duration maxRetryAfter, Set<Integer> retryStatuses) {

    /** 3 attempts, 200 ms growing by 2 up to 5 s, 20% jitter, Retry-After up to 30 s, 429/500/502/503/504. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), 2.0,
            0.2, Duration.ofSeconds(30), Set.of(429, 500, 502, 503, 504));

    /** Checks the values. */
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw OzgClientException.configuration("maxAttempts must be between 1 and 100, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
            throw OzgClientException.configuration("backoff durations must not be negative");
        }
        if (multiplier < 1.0) {
            throw OzgClientException.configuration("multiplier must be at least 1.0, was " + multiplier);
        }
        if (jitter < 0.0 || jitter > 1.0) {
            throw OzgClientException.configuration("jitter must be between 0.0 and 1.0, was " + jitter);
        }
        retryStatuses = Set.copyOf(retryStatuses);
    }

    /** @return a policy that never retries */
    public static RetryPolicy none() {
        return DEFAULT.withMaxAttempts(1);
    }

    /**
     * @param attempts attempts in all
     * @return a copy with another number of attempts
     */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff, multiplier, jitter, maxRetryAfter, retryStatuses);
    }

    /**
     * @param initial the first wait
     * @param max     the longest wait
     * @return a copy with other backoff bounds
     */
    public RetryPolicy withBackoff(Duration initial, Duration max) {
        return new RetryPolicy(maxAttempts, initial, max, multiplier, jitter, maxRetryAfter, retryStatuses);
    }

    /**
     * @param max the longest Retry-After to honour
     * @return a copy with another Retry-After cap
     */
    public RetryPolicy withMaxRetryAfter(Duration max) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, max, retryStatuses);
    }

    /**
     * Computes the wait before the next attempt.
     *
     * @param failedAttempt the 1-based number of the attempt that just failed
     * @return the wait, with jitter applied, never above {@link #maxBackoff()}
     */
    public Duration backoff(int failedAttempt) {
        double base = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempt - 1));
        double capped = Math.min(base, maxBackoff.toMillis());
        double factor = jitter == 0.0 ? 1.0 : 1.0 + jitter * (ThreadLocalRandom.current().nextDouble() * 2.0 - 1.0);
        long millis = Math.round(Math.min(capped * factor, maxBackoff.toMillis()));
        return Duration.ofMillis(Math.max(0, millis));
    }
}
