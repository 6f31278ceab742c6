package dev.imagesdk.core.internal.http;

import com.squareup.moshi.Moshi;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.auth.AuthContext;
import dev.imagesdk.core.error.ServiceResponseException;
import dev.imagesdk.core.error.TransportException;
import dev.imagesdk.core.http.ServiceRequest;
import dev.imagesdk.core.http.ServiceResponse;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Sends {@link ApiRequest}s through the pipeline, inside the {@link Retry} loop:
 * {@link ErrorMapping} → {@link Authentication} → {@link Redirects} → {@link Logging} →
 * {@link NetworkCall} (with {@link RequestHeaders}), all under one {@link OperationScope}: the request's
 * overall deadline (its own {@link ApiRequest#timeout()} or the client's {@code callTimeout}) covers
 * every attempt, pause, redirect and renewal of credentials. Requests to an identity service take the same
 * pipeline without the authentication step ({@link #sendUnauthenticated}). Thread-safe; one per
 * {@code ServiceClient}.
 */
public final class HttpTransport implements AuthContext {
    private final OkHttpClient http;
    private final Moshi moshi;
    private final RequestHeaders headers;
    private final Retry retry;
    private final Pipeline pipeline;
    private final Pipeline unauthenticated;
    private final Duration callTimeout;

    /** The overall deadline of an operation unless the client or the request sets another. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);

    /**
     * @param http client that does not follow redirects itself
     * @param moshi JSON codec
     * @param userAgent value of the {@code User-Agent} header
     * @param retry what to retry
     */
    public HttpTransport(OkHttpClient http, Moshi moshi, String userAgent, Retry retry) {
        this(http, moshi, userAgent, retry, DEFAULT_CALL_TIMEOUT);
    }

    /**
     * @param http client that does not follow redirects itself
     * @param moshi JSON codec
     * @param userAgent value of the {@code User-Agent} header
     * @param retry what to retry
     * @param callTimeout overall deadline of a request without its own ({@link ApiRequest#timeout()}); zero = none
     */
    public HttpTransport(OkHttpClient http, Moshi moshi, String userAgent, Retry retry, Duration callTimeout) {
        if (http.followRedirects() || http.followSslRedirects()) {
            throw new IllegalArgumentException("the transport follows redirects itself; pass a client that does not");
        }
        this.http = http.networkInterceptors().contains(Retry.OKHTTP_GUARD) ? http
                : http.newBuilder().addNetworkInterceptor(Retry.OKHTTP_GUARD).build();
        this.moshi = moshi;
        this.headers = new RequestHeaders(userAgent);
        this.retry = retry;
        this.callTimeout = callTimeout;
        this.pipeline = new Pipeline(List.of(new ErrorMapping(), new Authentication(this), new Redirects(),
                new Logging(headers)), new NetworkCall(this.http, headers));
        this.unauthenticated = new Pipeline(List.of(new ErrorMapping(), new Redirects(), new Logging(headers)),
                new NetworkCall(this.http, headers));
    }

    /** The OkHttp client requests go through (shared pools, proxy, TLS and timeouts; does not follow redirects). */
    public OkHttpClient httpClient() {
        return http;
    }

    /** The SDK's JSON codec. */
    public Moshi moshi() {
        return moshi;
    }

    /** The {@code User-Agent} the SDK sends. */
    public String userAgent() {
        return headers.userAgent();
    }

    @Override
    public ServiceResponse sendUnauthenticated(ServiceRequest request) {
        return EscapeHatch.sendUnauthenticated(this, request);
    }

    /** The retry step (policy, back-off, what is safe to repeat). */
    public Retry retry() {
        return retry;
    }

    /**
     * Sends a request and returns its successful response, unread. The operation's deadline covers the
     * attempts until the response headers arrived; reading the body afterwards is bounded by the read
     * timeout (and, for image data, by the transfer's progress rule, {@link OperationScope#transfer}).
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
        Exchange exchange = Exchange.of(request, url, auth, requestId, acceptedStatuses);
        try (OperationScope ignored = OperationScope.enter(timeoutOf(request))) {
            return retry.run(request, exchange.safeUrl(), () -> once(exchange));
        }
    }

    /** The overall deadline of {@code request}: its own, or the client's {@code callTimeout}. */
    public Duration timeoutOf(ApiRequest request) {
        return request.timeout() != null ? request.timeout() : callTimeout;
    }

    /**
     * Sends a request and reads its successful response through {@code reader}, both inside the retry
     * loop: a GET whose body breaks off while being read is retried like one that failed to connect.
     */
    public <T> T sendAndRead(ApiRequest request, HttpUrl url, Auth auth, String requestId, Function<ApiResponse, T> reader) {
        Exchange exchange = Exchange.of(request, url, auth, requestId, Set.of());
        try (OperationScope ignored = OperationScope.enter(timeoutOf(request))) {
            return retry.run(request, exchange.safeUrl(), () -> {
                try (ApiResponse response = once(exchange)) {
                    return reader.apply(response);
                }
            });
        }
    }

    /**
     * Sends a request without credentials and without retries of its own: for an identity service
     * called from inside an image request, whose retry loop already covers it. Redirects, error mapping
     * and logging apply.
     */
    public ApiResponse sendUnauthenticated(ApiRequest request, HttpUrl url, Set<Integer> acceptedStatuses) {
        Exchange exchange = Exchange.of(request, url, Auth.none(), null, acceptedStatuses);
        try (OperationScope ignored = OperationScope.enter(timeoutOf(request))) {
            Response response = unauthenticated.execute(exchange);
            return new ApiResponse(response, response.request().method(), Redaction.url(response.request().url()));
        }
    }

    private ApiResponse once(Exchange exchange) {
        Response response = pipeline.execute(exchange);
        return new ApiResponse(response, response.request().method(), Redaction.url(response.request().url()));
    }
}
