package dev.imagesdk.core.error;

import java.util.List;
import java.util.Map;

/** HTTP 5xx: the server (or a gateway in front of it) failed to handle the request. */
public class ServerException extends ServiceResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * @param status the 5xx status
     * @param serverMessage the server's own explanation, or {@code null}
     * @param method HTTP method
     * @param url request URL (without credentials)
     * @param requestId the server's request id, or {@code null}
     * @param headers response headers (credential headers removed)
     */
    public ServerException(int status, String serverMessage, String method, String url, String requestId,
                           Map<String, List<String>> headers) {
        super(status, serverMessage, method, url, requestId, headers);
    }
}
