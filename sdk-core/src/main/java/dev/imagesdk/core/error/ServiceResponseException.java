package dev.imagesdk.core.error;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The server answered with an HTTP error status. Subclasses name the common statuses; this class
 * itself is thrown for any other unexpected status (for example 405 or an unexpected 3xx).
 */
public class ServiceResponseException extends ImageServiceException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String serverMessage;
    private final transient Map<String, List<String>> headers;

    /**
     * @param status HTTP status code
     * @param serverMessage the server's own explanation, cleaned of markup, or {@code null}
     * @param method HTTP method
     * @param url request URL (without credentials)
     * @param requestId the server's request id, or {@code null}
     * @param headers response headers (credential headers already removed), may be empty
     */
    public ServiceResponseException(int status, String serverMessage, String method, String url, String requestId,
                                    Map<String, List<String>> headers) {
        this(status, serverMessage, method, url, requestId, headers, null);
    }

    /**
     * Like {@link #ServiceResponseException(int, String, String, String, String, Map)}, keeping the
     * exception this one replaces (for example the plain 403 a more specific exception explains) as its cause.
     *
     * @param cause the exception this one rewraps, or {@code null}
     */
    public ServiceResponseException(int status, String serverMessage, String method, String url, String requestId,
                                    Map<String, List<String>> headers, Throwable cause) {
        super(describe(status, serverMessage) + where(method, url, requestId), method, url, requestId, cause);
        this.status = status;
        this.serverMessage = serverMessage;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        this.headers = Collections.unmodifiableMap(copy);
    }

    private static String describe(int status, String serverMessage) {
        String text = HttpStatusText.reason(status);
        String head = status + (text.isEmpty() ? "" : " " + text);
        return serverMessage == null || serverMessage.isBlank() ? head : head + ": " + serverMessage;
    }

    /** The HTTP status code the server answered with. */
    public int status() {
        return status;
    }

    /** The server's own explanation (from its JSON, HTML or plain-text error body), if it gave one. */
    public Optional<String> serverMessage() {
        return Optional.ofNullable(serverMessage);
    }

    /** First value of a response header (case-insensitive name). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** All response headers, names case-insensitive; credential headers are never included. */
    public Map<String, List<String>> headers() {
        return headers;
    }
}
