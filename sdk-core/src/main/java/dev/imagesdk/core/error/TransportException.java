package dev.imagesdk.core.error;

/**
 * The request or response could not be carried: connection refused or reset, timeout, TLS failure,
 * a body cut short. The server may or may not have acted on the request.
 */
public class TransportException extends ImageServiceException {
    private static final long serialVersionUID = 1L;

    private final boolean connectFailure;

    /**
     * @param message what failed
     * @param method HTTP method
     * @param url request URL (without credentials)
     * @param cause the I/O failure
     * @param connectFailure {@code true} when no connection could be made, so the server never saw the request
     */
    public TransportException(String message, String method, String url, Throwable cause, boolean connectFailure) {
        super(message + where(method, url, null), method, url, null, cause);
        this.connectFailure = connectFailure;
    }

    /** {@code true} when the connection could not be established: the server never received the request. */
    public boolean isConnectFailure() {
        return connectFailure;
    }
}
