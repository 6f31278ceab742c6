package dev.imagesdk.images.data;

import dev.imagesdk.core.error.ImageServiceException;

/**
 * A ranged download (or the resume of a broken download) did not get the bytes it asked for: the server
 * answered with the whole image (200, it ignored the {@code Range} header) or with a 206 whose
 * {@code Content-Range} is not the range asked for. The SDK fails instead of handing back other bytes than
 * the ones requested; nothing was written to the target.
 */
public class RangeIgnoredException extends ImageServiceException {
    private static final long serialVersionUID = 1L;

    private final ByteRange requested;
    private final int status;
    private final String contentRange;

    /**
     * @param requested the range asked for
     * @param status the server's status (200 when it ignored the range, 206 with another range)
     * @param contentRange the {@code Content-Range} the server sent, or {@code null}
     * @param method HTTP method
     * @param url request URL (never carries credentials)
     * @param requestId the server's request id, or {@code null}
     */
    public RangeIgnoredException(ByteRange requested, int status, String contentRange, String method, String url,
                                 String requestId) {
        super("asked for " + requested.headerValue() + " but the server answered " + status
                + (status == 200 ? " with the whole image: it ignored the Range header"
                : " with " + (contentRange == null ? "no Content-Range" : "Content-Range: " + contentRange)
                + ", which is not the range asked for")
                + (url == null ? "" : " (" + method + " " + url + (requestId == null ? "" : ", request " + requestId) + ")"),
                method, url, requestId, null);
        this.requested = requested;
        this.status = status;
        this.contentRange = contentRange;
    }

    /** The range that was asked for. */
    public ByteRange requested() {
        return requested;
    }

    /** The server's status: 200 when it ignored the range. */
    public int status() {
        return status;
    }

    /** The {@code Content-Range} the server sent, as sent, or {@code null}. */
    public String contentRange() {
        return contentRange;
    }
}
