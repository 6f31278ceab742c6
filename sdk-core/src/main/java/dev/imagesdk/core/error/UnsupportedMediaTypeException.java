package dev.imagesdk.core.error;

import java.util.List;
import java.util.Map;

/** HTTP 415: the request body's Content-Type is not one the server accepts for this call. */
public class UnsupportedMediaTypeException extends ServiceResponseException {
    private static final long serialVersionUID = 1L;

    /**
     * @param serverMessage the server's own explanation, or {@code null}
     * @param method HTTP method
     * @param url request URL (without credentials)
     * @param requestId the server's request id, or {@code null}
     * @param headers response headers (credential headers removed)
     */
    public UnsupportedMediaTypeException(String serverMessage, String method, String url, String requestId, Map<String, List<String>> headers) {
        super(415, serverMessage, method, url, requestId, headers);
    }
}
