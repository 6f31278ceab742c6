package dev.imagesdk.images.model;

import dev.imagesdk.core.types.OpenEnum;

import java.util.List;

/**
 * Lifecycle state of an image, as Glance reports it in {@code status}.
 * Values this SDK does not know are kept verbatim ({@link #isKnown()} is {@code false}).
 */
public final class ImageStatus extends OpenEnum {
    private static final Values<ImageStatus> VALUES = new Values<>(ImageStatus::new);

    /** Record exists, no data yet. */
    public static final ImageStatus QUEUED = VALUES.declare("queued");
    /** Data is being uploaded. */
    public static final ImageStatus SAVING = VALUES.declare("saving");
    /** Data is staged for import (interoperable import). */
    public static final ImageStatus UPLOADING = VALUES.declare("uploading");
    /** An import task is moving staged or remote data into the stores. */
    public static final ImageStatus IMPORTING = VALUES.declare("importing");
    /** Data is available: the image can be used and downloaded. */
    public static final ImageStatus ACTIVE = VALUES.declare("active");
    /** Upload failed; the image is unusable. */
    public static final ImageStatus KILLED = VALUES.declare("killed");
    /** The image was deleted (kept only as a record). */
    public static final ImageStatus DELETED = VALUES.declare("deleted");
    /** Deleted, data removal is delayed. */
    public static final ImageStatus PENDING_DELETE = VALUES.declare("pending_delete");
    /** Data download is blocked for non-admins until reactivated. */
    public static final ImageStatus DEACTIVATED = VALUES.declare("deactivated");

    private ImageStatus(String value, Boolean known) {
        super(value, known);
    }

    /** The constant for {@code value}, or an unknown value kept verbatim; {@code null} for {@code null}. */
    public static ImageStatus of(String value) {
        return VALUES.of(value);
    }

    /** The values this SDK version knows, in the server's documented order. */
    public static List<ImageStatus> knownValues() {
        return VALUES.known();
    }
}
