package dev.imagesdk.images.importing;

import dev.imagesdk.core.error.ImageServiceException;
import dev.imagesdk.images.model.Image;

import java.util.Optional;

/**
 * Waiting for an image to reach a status failed: the image ended in a state it cannot leave
 * ({@code killed}, deleted), an import into some store failed ({@code os_glance_failed_import}), or
 * the timeout elapsed. {@link #lastSeen()} is the last state read.
 */
public class ImageWaitException extends ImageServiceException {
    private static final long serialVersionUID = 1L;

    private final transient Image lastSeen;
    private final boolean timedOut;

    /**
     * @param message what happened
     * @param lastSeen the image as last read, or {@code null}
     * @param timedOut whether the timeout elapsed
     */
    public ImageWaitException(String message, Image lastSeen, boolean timedOut) {
        this(message, lastSeen, timedOut, null);
    }

    /**
     * @param message what happened
     * @param lastSeen the image as last read, or {@code null}
     * @param timedOut whether the timeout elapsed
     * @param cause what ended the wait (for example the {@link InterruptedException}), or {@code null}
     */
    public ImageWaitException(String message, Image lastSeen, boolean timedOut, Throwable cause) {
        super(message, null, null, null, cause);
        this.lastSeen = lastSeen;
        this.timedOut = timedOut;
    }

    /** The image as last read. */
    public Optional<Image> lastSeen() {
        return Optional.ofNullable(lastSeen);
    }

    /** {@code true} when the wait ran out of time (the image may still get there). */
    public boolean isTimeout() {
        return timedOut;
    }
}
