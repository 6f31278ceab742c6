package dev.imagesdk.core.internal.http;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.function.CheckedSupplier;
import dev.imagesdk.core.error.CancelledException;
import dev.imagesdk.core.error.DeadlineExceededException;
import dev.imagesdk.core.error.RateLimitedException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.ServiceResponseException;
import dev.imagesdk.core.error.TransportException;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one place that decides about repeating a request: how many attempts, the back-off with jitter
 * between them, the server's {@code Retry-After}, the total time, and what is safe to repeat (the
 * public {@code RetryPolicy} documents the rules). The whole attempt runs inside, reading the body
 * included, so a GET whose body breaks off is retried like one that could not connect; a read timeout
 * is not retried ({@link #isTimeout}). The operation's deadline ({@link OperationScope}) is checked
 * before every attempt, and a pause that would end after it is not taken. A download that resumes
 * takes its pauses from here ({@link #resumeDelay(int)}). An upload (not retryable in general: Glance
 * takes data once) is sent again in two cases only: the server refused it (502, 503, 504, 429) and the
 * request's {@link ApiRequest#resendCheck()} confirms the image is still {@code queued} (retried here,
 * under the policy), or the connection broke and {@link #mayResendUpload(int, boolean, boolean)} allows it.
 */
public final class Retry {
    /** Where {@link #OKHTTP_GUARD} keeps a 503's {@code Retry-After}, out of OkHttp's sight. */
    public static final String SHADOWED_RETRY_AFTER = "X-Imagesdk-Retry-After";

    /**
     * A network interceptor for the SDK's OkHttp client: OkHttp silently repeats a request answered
     * "503 Retry-After: 0", even a POST. Retrying is this class's decision alone, so the header is
     * hidden from OkHttp and restored by {@link #restoreRetryAfter(Headers)}.
     */
    public static final Interceptor OKHTTP_GUARD = chain -> {
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header("Retry-After");
        if (response.code() == 503 && retryAfter != null) {
            return response.newBuilder().removeHeader("Retry-After").header(SHADOWED_RETRY_AFTER, retryAfter).build();
        }
        return response;
    };

    private static final Set<Integer> RETRYABLE_STATUS = Set.of(502, 503, 504);

    private final Settings policy;

    /**
     * The settings of a {@code RetryPolicy}, carried into this package.
     *
     * @param maxAttempts attempts in all, the first one included
     * @param initialDelay delay before the first retry
     * @param maxDelay cap of the growing delay
     * @param jitter random variation of each delay, as a fraction
     * @param maxTotalTime time from the first attempt after which no retry starts
     * @param maxRetryAfter longest {@code Retry-After} waited for
     */
    public record Settings(int maxAttempts, Duration initialDelay, Duration maxDelay, double jitter,
                           Duration maxTotalTime, Duration maxRetryAfter) {
    }

    /** @param policy what to retry */
    public Retry(Settings policy) {
        this.policy = policy;
    }

    /** The settings in force. */
    public Settings settings() {
        return policy;
    }

    /** {@code headers} with a shadowed {@code Retry-After} put back under its own name. */
    public static Headers restoreRetryAfter(Headers headers) {
        String shadowed = headers.get(SHADOWED_RETRY_AFTER);
        if (shadowed == null) {
            return headers;
        }
        return headers.newBuilder().removeAll(SHADOWED_RETRY_AFTER).set("Retry-After", shadowed).build();
    }

    /**
     * Runs {@code attempt} until it succeeds, fails in a way that is not retried, or the policy's
     * attempts or total time, or the operation's deadline, are used up. When the deadline leaves no
     * time for the next pause, the call fails at once with {@code DeadlineExceededException} (caused by
     * the last attempt's failure); an interrupt of the calling thread, also during a pause, ends it with
     * {@code CancelledException}.
     *
     * @param request decides with its method, body and retryable flag what may be repeated
     * @param safeUrl for the log and the exception
     */
    public <T> T run(ApiRequest request, String safeUrl, CheckedSupplier<T> attempt) {
        String method = request.method();
        if (policy.maxAttempts() == 1) {
            try {
                OperationScope.checkpoint(method, safeUrl, null);
                return attempt.get();
            } catch (Throwable t) {
                throw rethrow(request, safeUrl, t);
            }
        }
        Duration[] noTime = new Duration[1];
        dev.failsafe.RetryPolicy<T> failsafe = dev.failsafe.RetryPolicy.<T>builder()
                .handleIf((result, failure) -> failure != null && shouldRetry(request, failure))
                .withMaxAttempts(policy.maxAttempts())
                .withMaxDuration(policy.maxTotalTime())
                .withDelayFn(ctx -> {
                    Duration pause = delayBefore(ctx.getAttemptCount(), ctx.getLastException());
                    Duration left = OperationScope.remaining();
                    if (left != null && pause.compareTo(left) >= 0) {
                        noTime[0] = pause;
                        return Duration.ZERO;
                    }
                    return pause;
                })
                .onRetry(e -> Logging.LOG.debug("retrying {} {} (attempt {} of {}) after {}", request.method(),
                        safeUrl, e.getAttemptCount() + 1, policy.maxAttempts(), describe(e.getLastException())))
                .build();
        try {
            return Failsafe.with(failsafe).get(ctx -> {
                if (noTime[0] != null) {
                    throw OperationScope.noTimeFor(noTime[0], method, safeUrl, ctx.getLastException());
                }
                OperationScope.checkpoint(method, safeUrl, ctx.getLastException());
                return attempt.get();
            });
        } catch (FailsafeException e) {
            throw rethrow(request, safeUrl, e.getCause());
        } catch (RuntimeException e) {
            throw rethrow(request, safeUrl, e);
        }
    }

    private static RuntimeException rethrow(ApiRequest request, String safeUrl, Throwable cause) {
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new CancelledException("Cancelled: the calling thread was interrupted while waiting to retry",
                    request.method(), safeUrl, cause);
        }
        return new TransportException("Request failed: " + cause, request.method(), safeUrl, cause, false);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof ServiceResponseException) {
            return "HTTP " + ((ServiceResponseException) failure).status();
        }
        return failure == null ? "failure" : failure.getClass().getSimpleName();
    }

    /**
     * After an upload's connection broke: whether to send the body again. Only a replayable body (a
     * file), only when the image is back in {@code queued} (Glance discarded the partial data, so a
     * second PUT cannot store anything twice), and at most {@value #MAX_UPLOAD_ATTEMPTS} attempts in
     * all. This checks the server's state first, so it applies under every retry policy.
     */
    public static boolean mayResendUpload(int attemptsSoFar, boolean replayable, boolean imageBackToQueued) {
        return replayable && imageBackToQueued && attemptsSoFar < MAX_UPLOAD_ATTEMPTS;
    }

    /** Attempts in all for a replayable upload whose connection breaks while the image stays queued. */
    public static final int MAX_UPLOAD_ATTEMPTS = 2;

    /**
     * Pause before a broken download asks for the rest of the image ({@code Range}): the policy's
     * back-off for the {@code resumesSoFar + 1}-th repetition.
     */
    public Duration resumeDelay(int resumesSoFar) {
        return delayBefore(resumesSoFar + 1, null);
    }

    /** Whether the policy allows another attempt of {@code request} after {@code failure}. */
    public boolean shouldRetry(ApiRequest request, Throwable failure) {
        if (!request.isReplayable() || failure instanceof Redirects.RedirectFailure
                || failure instanceof DeadlineExceededException || failure instanceof CancelledException) {
            return false;
        }
        if (failure instanceof TransportException) {
            TransportException t = (TransportException) failure;
            if (t.isConnectFailure()) {
                return true;
            }
            if (isTimeout(t)) {
                return false;
            }
            return request.isRetryable() && ("GET".equals(request.method()) || "HEAD".equals(request.method()));
        }
        if (!request.isRetryable()) {
            return request.resendCheck() != null && isRetryableRefusal(failure)
                    && request.resendCheck().maySendAgain((ServiceResponseException) failure);
        }
        return isRetryableRefusal(failure);
    }

    /**
     * Whether {@code failure} is an answer by which the server refused a request without handling it,
     * in a way this policy retries: 429, or 502/503/504, with a {@code Retry-After} (if any) no longer
     * than {@code maxRetryAfter}. For a request that is not retryable in general, a refusal is retried
     * only under its {@link ApiRequest#resendCheck()}; an upload from a stream, which cannot be sent
     * again, uses this to say why it was not.
     */
    public boolean isRetryableRefusal(Throwable failure) {
        if (failure instanceof RateLimitedException) {
            return ((RateLimitedException) failure).retryAfter()
                    .map(d -> d.compareTo(policy.maxRetryAfter()) <= 0).orElse(true);
        }
        if (failure instanceof ServerException) {
            ServerException s = (ServerException) failure;
            if (!RETRYABLE_STATUS.contains(s.status())) {
                return false;
            }
            Duration after = retryAfter(s.header("Retry-After").orElse(null));
            return after == null || after.compareTo(policy.maxRetryAfter()) <= 0;
        }
        return false;
    }

    /**
     * {@code true} when {@code failure} is a read (or write) timeout on a connection that was made: the
     * server got the request and fell silent. Such a failure is not retried (nor is a download resumed
     * after it): a server that said nothing for a whole read timeout rarely answers the next attempt,
     * and retrying would multiply the documented bound ("a stalled answer fails within the read timeout")
     * by the number of attempts. A connect timeout is a connect failure and is retried.
     */
    public static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return !String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connect");
            }
            if (t instanceof InterruptedIOException && "timeout".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Delay before the next attempt: the server's {@code Retry-After} when {@code failure} carries one,
     * otherwise the policy's back-off ({@code initialDelay} doubling per attempt up to {@code maxDelay},
     * varied by {@code jitter}).
     *
     * @param attemptsSoFar attempts already made (1 after the first)
     * @param failure the last failure, or {@code null}
     */
    public Duration delayBefore(int attemptsSoFar, Throwable failure) {
        Duration serverAsked = null;
        if (failure instanceof RateLimitedException) {
            serverAsked = ((RateLimitedException) failure).retryAfter().orElse(null);
        } else if (failure instanceof ServiceResponseException) {
            serverAsked = retryAfter(((ServiceResponseException) failure).header("Retry-After").orElse(null));
        }
        if (serverAsked != null) {
            return serverAsked;
        }
        return backoff(attemptsSoFar, policy.initialDelay(), policy.maxDelay(), policy.jitter());
    }

    /** {@code initial} doubled {@code attemptsSoFar - 1} times, capped at {@code max}, varied by ±{@code jitter}. */
    public static Duration backoff(int attemptsSoFar, Duration initial, Duration max, double jitter) {
        long base = initial.toMillis();
        long exp = base << Math.min(Math.max(attemptsSoFar - 1, 0), 20);
        long capped = Math.min(exp, max.toMillis());
        double factor = jitter == 0 ? 1.0 : 1.0 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * jitter;
        return Duration.ofMillis(Math.max(1, Math.round(capped * factor)));
    }

    /**
     * Sleeps {@code pause} (at least 1 ms) between two attempts of an operation above the transport (a checked write,
     * a wait for a lock); an interrupt ends the operation with {@link CancelledException} ("interrupted while
     * {@code doing}") and keeps the thread's interrupt flag.
     */
    public static void pause(Duration pause, String doing, String method, String url) {
        try {
            Thread.sleep(Math.max(1, pause.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted while " + doing, method, url, e);
        }
    }

    /** Parses {@code Retry-After}: delta seconds or an HTTP-date; {@code null} when absent or unreadable. */
    public static Duration retryAfter(String value) {
        return retryAfter(value, Instant.now());
    }

    /** {@link #retryAfter(String)} with an HTTP-date measured from {@code now}. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, when);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
