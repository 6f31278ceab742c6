package dev.imagesdk.core.error;

import java.util.List;
import java.util.Map;

/** HTTP 409: the request conflicts with the resource's state (duplicate id or member, second upload, patching a missing property, image still in use). */
public class ConflictException extends ServiceResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * @param serverMessage the server's own explanation, or {@code null}
     * @param method HTTP method
     * @param url request URL (without credentials)
     * @param requestId the server's request id, or {@code null}
     * @param headers response headers (credential headers removed)
     */
    public ConflictException(String serverMessage, String method, String url, String requestId, Map<String, List<String>> headers) {
        super(409, serverMessage, method, url, requestId, headers);
    }

    /**
     * The same, keeping the exception this one rewraps (for example to add what the refusal means) as its cause.
     *
     * @param cause the exception this one replaces, or {@code null}
     */
    public ConflictException(String serverMessage, String method, String url, String requestId, Map<String, List<String>> headers,
            Throwable cause) {
        super(409, serverMessage, method, url, requestId, headers, cause);
    }
}
