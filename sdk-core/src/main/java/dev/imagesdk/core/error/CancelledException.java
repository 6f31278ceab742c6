package dev.imagesdk.core.error;

/**
 * The operation was cancelled from another thread: the calling thread was interrupted
 * ({@link Thread#interrupt()}) while it waited for the server, read or sent data, or paused before a
 * retry. The connection in use is closed, a download's temporary file is deleted, and the thread's
 * interrupt status is kept set. The server may or may not have acted on the request.
 */
public class CancelledException extends TransportException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was cancelled
     * @param method HTTP method
     * @param url request URL (without credentials)
     * @param cause the failure the cancellation caused, or {@code null}
     */
    public CancelledException(String message, String method, String url, Throwable cause) {
        super(message, method, url, cause, false);
    }
}
