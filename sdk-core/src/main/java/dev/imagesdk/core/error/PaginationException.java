package dev.imagesdk.core.error;

/**
 * The server's paging links cannot be followed safely: a {@code next} link repeats one already
 * visited (the listing would never end) or points to another host (the token would leak there).
 */
public class PaginationException extends ImageServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with the link
     * @param url the offending link, safe to show
     * @param requestId request id of the page that carried it, or {@code null}
     */
    public PaginationException(String message, String url, String requestId) {
        super(message + where("GET", url, requestId), "GET", url, requestId, null);
    }
}
