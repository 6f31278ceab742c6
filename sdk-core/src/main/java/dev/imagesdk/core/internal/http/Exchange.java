package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.auth.AuthHeaders;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;

import java.util.Set;

/**
 * One attempt of a request as it travels through the {@link Pipeline}: what is sent where, with
 * which credentials. Immutable; a step that changes something passes a modified copy on.
 */
public final class Exchange {
    private final ApiRequest request;
    private final String method;
    private final HttpUrl url;
    private final RequestBody body;
    private final Auth auth;
    private final AuthHeaders credentials;
    private final String requestId;
    private final Set<Integer> acceptedStatuses;

    private Exchange(ApiRequest request, String method, HttpUrl url, RequestBody body, Auth auth,
                     AuthHeaders credentials, String requestId, Set<Integer> acceptedStatuses) {
        this.request = request;
        this.method = method;
        this.url = url;
        this.body = body;
        this.auth = auth;
        this.credentials = credentials;
        this.requestId = requestId;
        this.acceptedStatuses = acceptedStatuses;
    }

    /**
     * The first attempt of {@code request}.
     *
     * @param url the resolved URL
     * @param auth credentials to apply ({@link Auth#none()} for none)
     * @param requestId caller-chosen {@code X-Openstack-Request-Id}, or {@code null}
     * @param acceptedStatuses non-2xx statuses handed back as responses instead of errors
     */
    public static Exchange of(ApiRequest request, HttpUrl url, Auth auth, String requestId, Set<Integer> acceptedStatuses) {
        return new Exchange(request, request.method(), url, request.body(), auth, AuthHeaders.none(), requestId,
                Set.copyOf(acceptedStatuses));
    }

    /** The request as the SDK built it (its headers, whether it may be replayed). */
    public ApiRequest request() {
        return request;
    }

    /** The HTTP method of this attempt (a redirect may turn a POST into a GET). */
    public String method() {
        return method;
    }

    /** Where this attempt goes. */
    public HttpUrl url() {
        return url;
    }

    /** The body, or {@code null}. */
    public RequestBody body() {
        return body;
    }

    /** Whose credentials the request carries. */
    public Auth auth() {
        return auth;
    }

    /** The credential headers to send (none until the authentication step sets them). */
    public AuthHeaders credentials() {
        return credentials;
    }

    /** The caller-chosen request id, or {@code null}. */
    public String requestId() {
        return requestId;
    }

    /** Non-2xx statuses that are answers, not errors. */
    public Set<Integer> acceptedStatuses() {
        return acceptedStatuses;
    }

    /** {@code true} when the body (if any) can be sent again. */
    public boolean isReplayable() {
        return body == null || !body.isOneShot();
    }

    /** This exchange with other credentials. */
    public Exchange withCredentials(AuthHeaders credentials) {
        return new Exchange(request, method, url, body, auth, credentials, requestId, acceptedStatuses);
    }

    /** This exchange sent elsewhere (a redirect), possibly with another method and body. */
    public Exchange redirectedTo(String method, HttpUrl url, RequestBody body) {
        return new Exchange(request, method, url, body, auth, credentials, requestId, acceptedStatuses);
    }

    /** The URL for logs and exceptions. */
    public String safeUrl() {
        return Redaction.url(url);
    }
}
