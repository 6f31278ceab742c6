package dev.imagesdk.core.error;

import java.util.List;
import java.util.Map;

/** HTTP 404: no such resource, or one the caller may not see (Glance answers 404, not 403, for other projects' private images). */
public class NotFoundException extends ServiceResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * @param serverMessage the server's own explanation, or {@code null}
     * @param method HTTP method
     * @param url request URL (without credentials)
     * @param requestId the server's request id, or {@code null}
     * @param headers response headers (credential headers removed)
     */
    public NotFoundException(String serverMessage, String method, String url, String requestId, Map<String, List<String>> headers) {
        super(404, serverMessage, method, url, requestId, headers);
    }

    /**
     * The same, keeping the exception this one rewraps (for example to add what the refusal means) as its cause.
     *
     * @param cause the exception this one replaces, or {@code null}
     */
    public NotFoundException(String serverMessage, String method, String url, String requestId, Map<String, List<String>> headers,
            Throwable cause) {
        super(404, serverMessage, method, url, requestId, headers, cause);
    }
}
