package de.ozgkit.core;

import java.time.Duration;

/**
 * Waits: between retries, between status polls. Clients take one through their builders together
 * with a {@link java.time.Clock}, so that tests can let time pass without sleeping (a sleeper that
 * moves a test clock forward).
 *
 * <pre>{@code
 * Sleeper real = Sleeper.SYSTEM;
 * Sleeper instant = duration -> clock.advance(duration);   // in a test, with a movable clock
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps the calling thread ({@link Thread#sleep}). */
    Sleeper SYSTEM = duration -> {
        long nanos = Math.max(0, duration.toNanos());
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    };

    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
