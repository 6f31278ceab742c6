package dev.imagesdk.images.data;

import dev.imagesdk.core.error.TransportException;
import dev.imagesdk.images.model.ImageStatus;

import java.util.Optional;

/**
 * The connection broke while image data was being sent. Says what state the image was left in, read
 * back from the server after the failure: {@code queued} (Glance reverted it; upload again),
 * {@code saving} (Glance has not noticed yet), {@code killed} (unusable; delete it), or unknown when
 * the image could not be read either.
 */
public class UploadInterruptedException extends TransportException {
    private static final long serialVersionUID = 1L;

    private final String imageId;
    private final transient ImageStatus imageStatus;
    private final int attempts;

    /**
     * @param imageId the image being uploaded to
     * @param imageStatus its status after the failure, or {@code null} when it could not be read
     * @param attempts how many times the data was sent
     * @param replayable whether the body could have been sent again (a file)
     * @param cause the transport failure of the last attempt
     */
    public UploadInterruptedException(String imageId, ImageStatus imageStatus, int attempts, boolean replayable,
                                      TransportException cause) {
        super("Upload to image " + imageId + " was interrupted after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                        + "; the image is now " + (imageStatus == null ? "in an unknown state" : imageStatus.value())
                        + (replayable ? "" : " (the data came from a stream, which cannot be sent again)")
                        + ": " + cause.getMessage(),
                cause.method().orElse("PUT"), cause.url().orElse(null), cause, false);
        this.imageId = imageId;
        this.imageStatus = imageStatus;
        this.attempts = attempts;
    }

    /** The image the data was for. */
    public String imageId() {
        return imageId;
    }

    /** The image's status read back after the failure; empty when it could not be read. */
    public Optional<ImageStatus> imageStatus() {
        return Optional.ofNullable(imageStatus);
    }

    /** How many times the data was sent. */
    public int attempts() {
        return attempts;
    }
}
