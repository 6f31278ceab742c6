package dev.imagesdk.core.error;

import java.util.List;
import java.util.Map;

/** HTTP 400: the server rejected the request as malformed or invalid (schema errors, bad filters, bad sort keys, unknown markers). */
public class BadRequestException extends ServiceResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * @param serverMessage the server's own explanation, or {@code null}
     * @param method HTTP method
     * @param url request URL (without credentials)
     * @param requestId the server's request id, or {@code null}
     * @param headers response headers (credential headers removed)
     */
    public BadRequestException(String serverMessage, String method, String url, String requestId, Map<String, List<String>> headers) {
        super(400, serverMessage, method, url, requestId, headers);
    }
}
