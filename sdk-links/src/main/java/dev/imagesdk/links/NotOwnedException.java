package dev.imagesdk.links;

import dev.imagesdk.core.error.ImageServiceException;

import java.util.Optional;

/**
 * Refused by the SDK before any {@code DELETE}: the image is not owned by the organization that asked to delete it
 * (its {@code imagesdk:org} property names another organization, or none). No request changed anything.
 */
public class NotOwnedException extends ImageServiceException {
    private static final long serialVersionUID = 1L;

    private final String imageId;
    private final String organization;
    private final String owner;

    /**
     * @param imageId the image
     * @param organization the organization that asked
     * @param owner the organization that owns the image, or {@code null} when none does
     */
    public NotOwnedException(String imageId, String organization, String owner) {
        super("image " + imageId + " is not owned by organization " + organization
                + (owner == null ? " (it belongs to no organization)" : " (it belongs to " + owner + ")"));
        this.imageId = imageId;
        this.organization = organization;
        this.owner = owner;
    }

    /** The image that was not deleted. */
    public String imageId() {
        return imageId;
    }

    /** The organization that asked. */
    public String organization() {
        return organization;
    }

    /** The organization that owns the image, empty when none does. */
    public Optional<String> owner() {
        return Optional.ofNullable(owner);
    }
}
