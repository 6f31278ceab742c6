package dev.imagesdk.core.error;

import java.util.List;
import java.util.Map;

/**
 * HTTP 409 answering {@code DELETE /v2/images/{id}}: the image is still in use and was not deleted. Glance says
 * so when its store refuses to drop the data ({@code "Image <id> could not be deleted because it is in use: …"},
 * for example an RBD image with clones or a volume made from it) or when the data has snapshots. Deleting it again
 * later, once the user is gone, can succeed; the server's own sentence is in {@link #serverMessage()}.
 */
public class ImageInUseException extends ConflictException {
    private static final long serialVersionUID = 1L;

    private final String imageId;

    /**
     * @param imageId the image that could not be deleted
     * @param serverMessage the server's own explanation, or {@code null}
     * @param method HTTP method
     * @param url request URL (without credentials)
     * @param requestId the server's request id, or {@code null}
     * @param headers response headers (credential headers removed)
     * @param cause the exception this one replaces, or {@code null}
     */
    public ImageInUseException(String imageId, String serverMessage, String method, String url, String requestId,
            Map<String, List<String>> headers, Throwable cause) {
        super(serverMessage, method, url, requestId, headers, cause);
        this.imageId = imageId;
    }

    /** The id of the image that is still in use. */
    public String imageId() {
        return imageId;
    }
}
