package dev.imagesdk.core.error;

/**
 * The server answered with a success status but a body the SDK cannot read (malformed JSON, a
 * wrong type, a missing required field, a non-JSON content type). Carries the start of the body.
 */
public class ResponseFormatException extends ImageServiceException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String bodySnippet;

    /**
     * @param problem what is wrong with the body
     * @param status HTTP status of the response
     * @param bodySnippet the first bytes of the body as text (already shortened)
     * @param method HTTP method
     * @param url request URL (without credentials)
     * @param requestId the server's request id, or {@code null}
     * @param cause the parser's exception, or {@code null}
     */
    public ResponseFormatException(String problem, int status, String bodySnippet, String method, String url,
                                   String requestId, Throwable cause) {
        super("Unreadable response (HTTP " + status + "): " + problem
                + (bodySnippet == null || bodySnippet.isEmpty() ? "" : "; body starts with: " + bodySnippet)
                + where(method, url, requestId), method, url, requestId, cause);
        this.status = status;
        this.bodySnippet = bodySnippet == null ? "" : bodySnippet;
    }

    /** HTTP status of the unreadable response. */
    public int status() {
        return status;
    }

    /** The first bytes of the body, as text. */
    public String bodySnippet() {
        return bodySnippet;
    }
}
