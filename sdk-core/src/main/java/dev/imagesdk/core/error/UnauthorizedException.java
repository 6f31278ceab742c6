package dev.imagesdk.core.error;

import java.util.List;
import java.util.Map;

/** HTTP 401: no valid credentials (missing, expired or revoked token, wrong password). */
public class UnauthorizedException extends ServiceResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * @param serverMessage the server's own explanation, or {@code null}
     * @param method HTTP method
     * @param url request URL (without credentials)
     * @param requestId the server's request id, or {@code null}
     * @param headers response headers (credential headers removed)
     */
    public UnauthorizedException(String serverMessage, String method, String url, String requestId, Map<String, List<String>> headers) {
        super(401, serverMessage, method, url, requestId, headers);
    }
}
