package dev.imagesdk.core.error;

import java.util.List;

/** The endpoint does not offer the Image API v2 (version discovery found no usable v2.x). */
public class ApiVersionException extends ImageServiceException {
    private static final long serialVersionUID = 1L;

    private final List<String> offered;

    /**
     * @param offered versions the server listed, as {@code "<id> <status>"}
     * @param url the discovery URL
     * @param requestId the server's request id, or {@code null}
     */
    public ApiVersionException(List<String> offered, String url, String requestId) {
        super("The image service offers no supported v2 API; it offers " + (offered.isEmpty() ? "no versions" : String.join(", ", offered))
                + where("GET", url, requestId), "GET", url, requestId, null);
        this.offered = List.copyOf(offered);
    }

    /**
     * For subclasses with their own message (the request's place is appended).
     *
     * @param message what is missing
     * @param offered versions the server listed, as {@code "<id> <status>"}
     * @param url the discovery URL
     * @param requestId the server's request id, or {@code null}
     */
    protected ApiVersionException(String message, List<String> offered, String url, String requestId) {
        super(message + where("GET", url, requestId), "GET", url, requestId, null);
        this.offered = List.copyOf(offered);
    }

    /**
     * For subclasses about an operation the server refused (the request's place is appended).
     *
     * @param message what is missing
     * @param method the refused request's method
     * @param url the refused request's URL
     * @param requestId the server's request id, or {@code null}
     * @param cause the server's answer
     */
    protected ApiVersionException(String message, String method, String url, String requestId, Throwable cause) {
        super(message + where(method, url, requestId), method, url, requestId, cause);
        this.offered = List.of();
    }

    /** The versions the server offers, as {@code "<id> <status>"}. */
    public List<String> offered() {
        return offered;
    }
}
