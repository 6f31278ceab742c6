package dev.imagesdk.core.error;

import java.time.Duration;

/**
 * An operation ran out of time and was stopped: its overall deadline passed (the client's
 * {@code callTimeout}, or a request's own {@code timeout}, covering every attempt, pause, redirect
 * and renewal of credentials), or an image data transfer stopped making progress (fewer than the
 * minimum number of bytes moved within its {@code progressTimeout}). The message says which limit
 * and how long it was. The server may or may not have acted on the request.
 */
public class DeadlineExceededException extends TransportException {
    private static final long serialVersionUID = 1L;

    private final Duration limit;

    /**
     * @param message which deadline passed
     * @param method HTTP method
     * @param url request URL (without credentials)
     * @param limit the limit that was exceeded
     * @param cause the failure the deadline cut short, or {@code null}
     */
    public DeadlineExceededException(String message, String method, String url, Duration limit, Throwable cause) {
        super(message, method, url, cause, false);
        this.limit = limit;
    }

    /** The deadline or progress window that was exceeded. */
    public Duration limit() {
        return limit;
    }
}
