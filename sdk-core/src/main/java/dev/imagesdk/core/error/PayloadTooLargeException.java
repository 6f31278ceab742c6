package dev.imagesdk.core.error;

import java.util.List;
import java.util.Map;

/** HTTP 413: the image data exceeds the server's size limit or the caller's storage quota. */
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
