package dev.imagesdk.core.internal;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The SDK's one way of waiting for the server to reach a state: read, test, pause with growing
 * intervals, until the state is reached, the time is up, or the thread is interrupted. Used by the
 * waiters (an image leaving {@code saving}, an import finishing). The reads themselves go through the
 * transport, whose retry step handles failed exchanges.
 */
public final class Poller {
    private final Duration firstInterval;
    private final Duration maxInterval;
    private final double growth;

    /**
     * @param firstInterval pause after the first read (positive)
     * @param maxInterval longest pause
     * @param growth factor by which the pause grows (at least 1; it grows by at least 1 ms)
     */
    public Poller(Duration firstInterval, Duration maxInterval, double growth) {
        if (firstInterval.isNegative() || firstInterval.isZero() || growth < 1) {
            throw new IllegalArgumentException("interval must be positive and growth at least 1");
        }
        this.firstInterval = firstInterval;
        this.maxInterval = maxInterval;
        this.growth = growth;
    }

    /** How a wait ended. */
    public enum Ending {
        /** The state was reached. */
        REACHED,
        /** The time was up first. */
        TIMED_OUT,
        /** The thread was interrupted while pausing (its interrupt flag is set again). */
        INTERRUPTED
    }

    /**
     * The last value read and why the wait ended.
     *
     * @param <T> what was read
     */
    public static final class Outcome<T> {
        private final T last;
        private final Ending ending;
        private final InterruptedException interruption;

        Outcome(T last, Ending ending, InterruptedException interruption) {
            this.last = last;
            this.ending = ending;
            this.interruption = interruption;
        }

        /** The interruption that ended the wait, for {@link Ending#INTERRUPTED}; keep it as a cause. */
        public java.util.Optional<InterruptedException> interruption() {
            return java.util.Optional.ofNullable(interruption);
        }

        /** The last value read. */
        public T last() {
            return last;
        }

        /** Why the wait ended. */
        public Ending ending() {
            return ending;
        }
    }

    /**
     * Reads until {@code reached} accepts a value or {@code timeout} has passed; at least one read.
     * {@code read} and {@code reached} may throw to end the wait early.
     */
    public <T> Outcome<T> await(Supplier<T> read, Predicate<T> reached, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long interval = firstInterval.toMillis();
        while (true) {
            T value = read.get();
            if (reached.test(value)) {
                return new Outcome<>(value, Ending.REACHED, null);
            }
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return new Outcome<>(value, Ending.TIMED_OUT, null);
            }
            try {
                Thread.sleep(Math.min(interval, remainingMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome<>(value, Ending.INTERRUPTED, e);
            }
            interval = Math.min(maxInterval.toMillis(), Math.max(interval + 1, (long) (interval * growth)));
        }
    }
}
