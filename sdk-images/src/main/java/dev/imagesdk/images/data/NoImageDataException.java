package dev.imagesdk.images.data;

import dev.imagesdk.core.error.ImageServiceException;

/**
 * The image has no data to download: Glance answers {@code GET /v2/images/{id}/file} with
 * 204 No Content for an image that is still {@code queued} (nothing uploaded) or whose import has
 * not finished.
 */
public class NoImageDataException extends ImageServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * @param imageId the image
     * @param method HTTP method
     * @param url request URL
     * @param requestId the server's request id, or {@code null}
     */
    public NoImageDataException(String imageId, String method, String url, String requestId) {
        super("Image " + imageId + " has no data yet (the server answered 204 No Content): upload or import data first"
                + (url == null ? "" : " (" + method + " " + url + (requestId == null ? "" : ", request " + requestId) + ")"),
                method, url, requestId, null);
    }
}
