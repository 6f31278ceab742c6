package dev.imagesdk.core;

import dev.imagesdk.core.error.ValidationException;

import java.time.Duration;

/**
 * When and how the SDK retries a failed request by itself. Only safe cases are retried: a connection
 * that could not be made (the server never saw the request), and, for requests that are idempotent
 * (GET, HEAD, PUT, DELETE) and whose body can be sent again, transport failures of GET/HEAD and the
 * answers 502, 503, 504 and 429. A POST or PATCH is never retried after the server may have seen it.
 *
 * <p>A read timeout is not retried, for any method: the connection was made, the request was sent and
 * the server then said nothing for a whole read timeout; it rarely answers the next attempt, and
 * retrying would multiply the wait by the number of attempts. So a stalled answer fails after one read
 * timeout. (A connect timeout is a connection that could not be made and is retried.) Retries also end
 * at the operation's deadline (the client's {@code callTimeout} or the request's own {@code timeout}):
 * it covers every attempt and pause, a pause that would end after it is not taken, and the call then
 * fails with {@code DeadlineExceededException}. An interrupt of the calling thread ends the pauses
 * too ({@code CancelledException}).
 *
 * <p>An image data upload from a file (which Glance accepts once) is sent again from the start when the
 * server answered 502, 503, 504 or 429 and the image is still {@code queued}; an upload from a stream,
 * which cannot be read twice, is not.
 * Delays grow exponentially with jitter; a {@code Retry-After} from the server is honoured (up to
 * {@link #maxRetryAfter()}; a longer one fails at once with {@code RateLimitedException}).
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULT = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double jitter;
    private final Duration maxTotalTime;
    private final Duration maxRetryAfter;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialDelay = b.initialDelay;
        this.maxDelay = b.maxDelay;
        this.jitter = b.jitter;
        this.maxTotalTime = b.maxTotalTime;
        this.maxRetryAfter = b.maxRetryAfter;
    }

    /** 4 attempts, 200 ms doubling up to 5 s, 25 % jitter, at most 60 s in all, {@code Retry-After} up to 60 s. */
    public static RetryPolicy defaults() {
        return DEFAULT;
    }

    /** Never retry. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Attempts in all, the first one included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Delay before the first retry. */
    public Duration initialDelay() {
        return initialDelay;
    }

    /** Cap of the exponentially growing delay. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** Random variation of each delay, as a fraction (0.25 = ±25 %). */
    public double jitter() {
        return jitter;
    }

    /** Time from the first attempt after which no retry starts. */
    public Duration maxTotalTime() {
        return maxTotalTime;
    }

    /** Longest {@code Retry-After} the SDK waits for; a longer one is reported instead. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
                + ", jitter=" + jitter + ", maxTotalTime=" + maxTotalTime + ", maxRetryAfter=" + maxRetryAfter + "}";
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration initialDelay = Duration.ofMillis(200);
        private Duration maxDelay = Duration.ofSeconds(5);
        private double jitter = 0.25;
        private Duration maxTotalTime = Duration.ofSeconds(60);
        private Duration maxRetryAfter = Duration.ofSeconds(60);

        private Builder() {
        }

        /** Attempts in all, at least 1 (1 = no retry). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new ValidationException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Delay before the first retry (positive). */
        public Builder initialDelay(Duration initialDelay) {
            this.initialDelay = positive("initialDelay", initialDelay);
            return this;
        }

        /** Cap of the growing delay (positive). */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = positive("maxDelay", maxDelay);
            return this;
        }

        /** Random variation of each delay, between 0 and 1. */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new ValidationException("jitter must be between 0 and 1, was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /** Time from the first attempt after which no retry starts (positive). */
        public Builder maxTotalTime(Duration maxTotalTime) {
            this.maxTotalTime = positive("maxTotalTime", maxTotalTime);
            return this;
        }

        /** Longest {@code Retry-After} to wait for (zero or positive). */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
                throw new ValidationException("maxRetryAfter must be zero or positive");
            }
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        private static Duration positive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new ValidationException(name + " must be positive, was " + d);
            }
            return d;
        }

        /** The immutable policy. */
        public RetryPolicy build() {
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new ValidationException("maxDelay " + maxDelay + " is shorter than initialDelay " + initialDelay);
            }
            return new RetryPolicy(this);
        }
    }
}
