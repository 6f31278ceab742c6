package dev.imagesdk.core.error;

import java.util.List;
import java.util.Map;

/**
 * HTTP 413: a Glance limit was exceeded — image data beyond {@code image_size_cap} or the caller's
 * storage quota, or more custom properties, tags or members on one image than its quotas allow (128
 * each by default); the server's message names the limit.
 */
public class PayloadTooLargeException extends ServiceResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * @param serverMessage the server's own explanation, or {@code null}
     * @param method HTTP method
     * @param url request URL (without credentials)
     * @param requestId the server's request id, or {@code null}
     * @param headers response headers (credential headers removed)
     */
    public PayloadTooLargeException(String serverMessage, String method, String url, String requestId, Map<String, List<String>> headers) {
        super(413, serverMessage, method, url, requestId, headers);
    }
}
