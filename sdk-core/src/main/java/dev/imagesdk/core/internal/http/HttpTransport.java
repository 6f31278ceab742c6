package dev.imagesdk.core.internal.http;

import com.squareup.moshi.Moshi;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.auth.AuthContext;
import dev.imagesdk.core.auth.AuthHeaders;
import dev.imagesdk.core.error.BadRequestException;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.PayloadTooLargeException;
import dev.imagesdk.core.error.RangeNotSatisfiableException;
import dev.imagesdk.core.error.RateLimitedException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.ServiceResponseException;
import dev.imagesdk.core.error.TransportException;
import dev.imagesdk.core.error.UnauthorizedException;
import dev.imagesdk.core.error.UnsupportedMediaTypeException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import dev.failsafe.function.CheckedSupplier;

/**
 * Sends {@link ApiRequest}s: adds credentials and the user agent, replays once after a 401 when the
 * {@link Auth} renewed its credentials, follows redirects without carrying credentials to another
 * origin, retries what {@link RetryPolicy} allows, logs one line per exchange and turns every error
 * status into a typed {@link ServiceResponseException}. Thread-safe; one per {@code ServiceClient}.
 */
public final class HttpTransport implements AuthContext {
    private static final Logger LOG = LoggerFactory.getLogger("dev.imagesdk.http");
    private static final String REQUEST_ID = "X-Openstack-Request-Id";
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(502, 503, 504);
    /** Where the client's network interceptor keeps a 503's {@code Retry-After}, out of OkHttp's sight. */
    public static final String SHADOWED_RETRY_AFTER = "X-Imagesdk-Retry-After";

    private final OkHttpClient http;
    private final Moshi moshi;
    private final String userAgent;
    private final RetryPolicy retryPolicy;

    /**
     * @param http client that does not follow redirects itself
     * @param moshi JSON codec
     * @param userAgent value of the {@code User-Agent} header
     * @param retryPolicy what to retry
     */
    public HttpTransport(OkHttpClient http, Moshi moshi, String userAgent, RetryPolicy retryPolicy) {
        if (http.followRedirects() || http.followSslRedirects()) {
            throw new IllegalArgumentException("the transport follows redirects itself; pass a client that does not");
        }
        this.http = http;
        this.moshi = moshi;
        this.userAgent = userAgent;
        this.retryPolicy = retryPolicy;
    }

    @Override
    public OkHttpClient httpClient() {
        return http;
    }

    @Override
    public Moshi moshi() {
        return moshi;
    }

    @Override
    public String userAgent() {
        return userAgent;
    }

    /** The retry policy in force. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Sends a request and returns its successful response, unread.
     *
     * @param request the call
     * @param url the resolved URL
     * @param auth credentials to apply
     * @param requestId caller-chosen {@code X-Openstack-Request-Id}, or {@code null}
     * @param acceptedStatuses non-2xx statuses to hand back as responses instead of errors
     * @throws ServiceResponseException for an error status
     * @throws TransportException when the exchange fails
     */
    public ApiResponse send(ApiRequest request, HttpUrl url, Auth auth, String requestId, Set<Integer> acceptedStatuses) {
        return withRetries(request, url, () -> attempt(request, url, auth, requestId, acceptedStatuses));
    }

    /**
     * Sends a request and reads its successful response through {@code reader}, both inside the retry
     * loop: a GET whose body breaks off while being read is retried like one that failed to connect.
     */
    public <T> T sendAndRead(ApiRequest request, HttpUrl url, Auth auth, String requestId, Function<ApiResponse, T> reader) {
        return withRetries(request, url, () -> {
            try (ApiResponse response = attempt(request, url, auth, requestId, Set.of())) {
                return reader.apply(response);
            }
        });
    }

    private <T> T withRetries(ApiRequest request, HttpUrl url, CheckedSupplier<T> action) {
        if (retryPolicy.maxAttempts() == 1) {
            try {
                return action.get();
            } catch (Throwable t) {
                throw rethrow(request, url, t);
            }
        }
        dev.failsafe.RetryPolicy<T> policy = dev.failsafe.RetryPolicy.<T>builder()
                .handleIf((result, failure) -> failure != null && shouldRetry(request, failure))
                .withMaxAttempts(retryPolicy.maxAttempts())
                .withMaxDuration(retryPolicy.maxTotalTime())
                .withDelayFn(ctx -> delayBefore(ctx.getAttemptCount(), ctx.getLastException()))
                .onRetry(e -> LOG.debug("retrying {} {} (attempt {} of {}) after {}", request.method(),
                        Redaction.url(url), e.getAttemptCount() + 1, retryPolicy.maxAttempts(),
                        describe(e.getLastException())))
                .build();
        try {
            return Failsafe.with(policy).get(action);
        } catch (FailsafeException e) {
            throw rethrow(request, url, e.getCause());
        } catch (RuntimeException e) {
            throw rethrow(request, url, e);
        }
    }

    private static RuntimeException rethrow(ApiRequest request, HttpUrl url, Throwable cause) {
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new TransportException("Interrupted while waiting to retry", request.method(), Redaction.url(url), cause, false);
        }
        return new TransportException("Request failed: " + cause, request.method(), Redaction.url(url), cause, false);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof ServiceResponseException) {
            return "HTTP " + ((ServiceResponseException) failure).status();
        }
        return failure == null ? "failure" : failure.getClass().getSimpleName();
    }

    /** Whether the policy allows another attempt after {@code failure}. */
    boolean shouldRetry(ApiRequest request, Throwable failure) {
        if (!request.isReplayable()) {
            return false;
        }
        if (failure instanceof TransportException) {
            TransportException t = (TransportException) failure;
            if (t.isConnectFailure()) {
                return true;
            }
            return request.isRetryable() && ("GET".equals(request.method()) || "HEAD".equals(request.method()));
        }
        if (!request.isRetryable()) {
            return false;
        }
        if (failure instanceof RateLimitedException) {
            return ((RateLimitedException) failure).retryAfter()
                    .map(d -> d.compareTo(retryPolicy.maxRetryAfter()) <= 0).orElse(true);
        }
        if (failure instanceof ServerException) {
            ServerException s = (ServerException) failure;
            if (!RETRYABLE_STATUS.contains(s.status())) {
                return false;
            }
            Duration after = retryAfter(s.header("Retry-After").orElse(null));
            return after == null || after.compareTo(retryPolicy.maxRetryAfter()) <= 0;
        }
        return false;
    }

    /** Delay before the next attempt: the server's {@code Retry-After} when given, otherwise jittered backoff. */
    Duration delayBefore(int attemptsSoFar, Throwable failure) {
        Duration serverAsked = null;
        if (failure instanceof RateLimitedException) {
            serverAsked = ((RateLimitedException) failure).retryAfter().orElse(null);
        } else if (failure instanceof ServiceResponseException) {
            serverAsked = retryAfter(((ServiceResponseException) failure).header("Retry-After").orElse(null));
        }
        if (serverAsked != null) {
            return serverAsked;
        }
        long base = retryPolicy.initialDelay().toMillis();
        long exp = base << Math.min(Math.max(attemptsSoFar - 1, 0), 20);
        long capped = Math.min(exp, retryPolicy.maxDelay().toMillis());
        double j = retryPolicy.jitter();
        double factor = j == 0 ? 1.0 : 1.0 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * j;
        return Duration.ofMillis(Math.max(1, Math.round(capped * factor)));
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

    private ApiResponse attempt(ApiRequest request, HttpUrl url, Auth auth, String requestId, Set<Integer> accepted) {
        AuthHeaders credentials = auth.headers(this);
        Response response = call(request.method(), url, request.body(), request, credentials, requestId);
        if (response.code() == 401 && !credentials.asMap().isEmpty()) {
            if (auth.refreshAfterUnauthorized(this, credentials)) {
                if (!request.isReplayable()) {
                    throw mapError(response, request.method(), url,
                            "credentials were renewed, but the request body was a one-shot stream and cannot be "
                                    + "sent again; repeat the call with a replayable body (a file)");
                }
                response.close();
                credentials = auth.headers(this);
                LOG.debug("replaying {} {} with renewed credentials", request.method(), Redaction.url(url));
                response = call(request.method(), url, request.body(), request, credentials, requestId);
            }
        }
        String method = request.method();
        RequestBody body = request.body();
        HttpUrl current = url;
        for (int hops = 0; isRedirect(response.code()) && response.header("Location") != null; hops++) {
            if (hops == MAX_REDIRECTS) {
                throw mapError(response, method, current, "more than " + MAX_REDIRECTS + " redirects");
            }
            HttpUrl target = current.resolve(response.header("Location"));
            if (target == null) {
                throw mapError(response, method, current, "redirect to an unusable location");
            }
            int code = response.code();
            if (code == 303 || ((code == 301 || code == 302) && "POST".equals(method))) {
                method = "HEAD".equals(method) ? "HEAD" : "GET";
                body = null;
            } else if (body != null && body.isOneShot()) {
                throw mapError(response, method, current, "redirected, but the request body was a one-shot stream");
            }
            response.close();
            boolean sameOrigin = sameOrigin(url, target);
            if (!sameOrigin) {
                LOG.debug("redirect from {} to another origin {}: credentials are not sent there",
                        Redaction.url(current), Redaction.url(target));
            }
            current = target;
            response = call(method, current, body, request, sameOrigin ? credentials : AuthHeaders.none(), requestId);
        }
        if (response.isSuccessful() || accepted.contains(response.code())) {
            return new ApiResponse(response, method, Redaction.url(current));
        }
        throw mapError(response, method, current, null);
    }

    private static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    /** Same scheme, host and port. */
    public static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
    }

    private Response call(String method, HttpUrl url, RequestBody body, ApiRequest request, AuthHeaders credentials,
                          String requestId) {
        Request.Builder rb = new Request.Builder().url(url).header("User-Agent", userAgent).header("Accept", "application/json");
        request.headers().forEach(rb::header);
        if (requestId != null) {
            rb.header(REQUEST_ID, requestId);
        }
        credentials.asMap().forEach(rb::header);
        RequestBody effectiveBody = body;
        if (effectiveBody == null && ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method))) {
            effectiveBody = RequestBody.create(new byte[0], null);
        }
        rb.method(method, effectiveBody);
        Request okRequest = rb.build();
        String safeUrl = Redaction.url(url);
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {} headers {}", method, safeUrl, Redaction.headers(okRequest.headers()));
        }
        long start = System.nanoTime();
        try {
            Response response = http.newCall(okRequest).execute();
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} -> {} ({} ms, {})", method, safeUrl, response.code(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                        requestId(response) == null ? "no request id" : requestId(response));
            }
            return response;
        } catch (IOException e) {
            boolean connect = isConnectFailure(e);
            LOG.debug("{} {} -> failed after {} ms: {}", method, safeUrl,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), e.toString());
            String what = connect ? "Could not connect" : (e instanceof InterruptedIOException ? "Timed out" : "Connection failed");
            throw new TransportException(what + ": " + e.getMessage(), method, safeUrl, e, connect);
        }
    }

    static boolean isConnectFailure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return true;
            }
            if (t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).toLowerCase().contains("connect")) {
                return true;
            }
        }
        return false;
    }

    static String requestId(Response response) {
        String id = response.header(REQUEST_ID);
        return id != null ? id : response.header("X-Compute-Request-Id");
    }

    /** Reads (a bounded part of) the error body, closes the response, and builds the typed exception. */
    private ServiceResponseException mapError(Response response, String method, HttpUrl url, String note) {
        byte[] bytes;
        String contentType;
        try (ResponseBody body = response.body()) {
            contentType = body.contentType() == null ? response.header("Content-Type") : body.contentType().toString();
            BufferedSource source = body.source();
            source.request(MAX_ERROR_BODY);
            long n = Math.min(source.getBuffer().size(), MAX_ERROR_BODY);
            bytes = source.readByteArray(n);
        } catch (IOException e) {
            bytes = new byte[0];
            contentType = null;
        }
        String message = ErrorBodies.message(contentType, bytes);
        if (note != null) {
            message = message == null ? note : message + " (" + note + ")";
        }
        okhttp3.Headers headers = response.headers();
        String shadowed = headers.get(SHADOWED_RETRY_AFTER);
        if (shadowed != null) {
            headers = headers.newBuilder().removeAll(SHADOWED_RETRY_AFTER).set("Retry-After", shadowed).build();
        }
        return toException(response.code(), message, method, Redaction.url(url), requestId(response),
                Redaction.withoutSecrets(headers));
    }

    /** The exception type for an error status. */
    public static ServiceResponseException toException(int status, String message, String method, String url,
                                                       String requestId, Map<String, List<String>> headers) {
        switch (status) {
            case 400: return new BadRequestException(message, method, url, requestId, headers);
            case 401: return new UnauthorizedException(message, method, url, requestId, headers);
            case 403: return new ForbiddenException(message, method, url, requestId, headers);
            case 404: return new NotFoundException(message, method, url, requestId, headers);
            case 409: return new ConflictException(message, method, url, requestId, headers);
            case 413: return new PayloadTooLargeException(message, method, url, requestId, headers);
            case 415: return new UnsupportedMediaTypeException(message, method, url, requestId, headers);
            case 416: return new RangeNotSatisfiableException(message, method, url, requestId, headers);
            case 429: {
                List<String> ra = headers.get("Retry-After");
                return new RateLimitedException(message, method, url, requestId, headers,
                        retryAfter(ra == null || ra.isEmpty() ? null : ra.get(0)));
            }
            default:
                if (status >= 500 && status <= 599) {
                    return new ServerException(status, message, method, url, requestId, headers);
                }
                return new ServiceResponseException(status, message, method, url, requestId, headers);
        }
    }
}
