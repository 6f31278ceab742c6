package dev.imagesdk.core.error;

import java.util.Optional;

/**
 * Root of every exception the SDK throws. Unchecked: the subtype says what went wrong, the
 * accessors say where (HTTP method, URL without credentials) and how to find it in the server's
 * logs ({@link #requestId()}).
 */
public class ImageServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String url;
    private final String requestId;

    /**
     * @param message what went wrong, for people
     * @param method HTTP method of the request involved, or {@code null} when no request was made
     * @param url URL of the request involved (never carries credentials), or {@code null}
     * @param requestId the server's {@code x-openstack-request-id}, or {@code null}
     * @param cause underlying cause, or {@code null}
     */
    public ImageServiceException(String message, String method, String url, String requestId, Throwable cause) {
        super(message, cause);
        this.method = method;
        this.url = url;
        this.requestId = requestId;
    }

    /** @param message what went wrong, for people */
    public ImageServiceException(String message) {
        this(message, null, null, null, null);
    }

    /** HTTP method of the request this exception is about, when there was one. */
    public Optional<String> method() {
        return Optional.ofNullable(method);
    }

    /** URL of the request this exception is about (credentials are never part of it). */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** The server's {@code x-openstack-request-id} for the failed request, when it sent one. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** Describes the request in a suffix such as {@code " (GET http://h/v2/images, request req-1)"}. */
    static String where(String method, String url, String requestId) {
        if (method == null && url == null && requestId == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (");
        if (method != null) {
            sb.append(method).append(' ');
        }
        if (url != null) {
            sb.append(url);
        }
        if (requestId != null) {
            sb.append(method != null || url != null ? ", request " : "request ").append(requestId);
        }
        return sb.append(')').toString();
    }
}
