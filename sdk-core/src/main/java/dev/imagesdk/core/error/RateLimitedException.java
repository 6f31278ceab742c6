package dev.imagesdk.core.error;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** HTTP 429: the server asks the caller to slow down, possibly saying for how long ({@code Retry-After}). */
public class RateLimitedException extends ServiceResponseException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param serverMessage the server's own explanation, or {@code null}
     * @param method HTTP method
     * @param url request URL (without credentials)
     * @param requestId the server's request id, or {@code null}
     * @param headers response headers (credential headers removed)
     * @param retryAfter how long the server asked to wait, or {@code null} when it did not say
     */
    public RateLimitedException(String serverMessage, String method, String url, String requestId,
                                Map<String, List<String>> headers, Duration retryAfter) {
        super(429, serverMessage, method, url, requestId, headers);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked the caller to wait before trying again, from {@code Retry-After}. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
