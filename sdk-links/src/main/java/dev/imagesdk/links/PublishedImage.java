package dev.imagesdk.links;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.images.model.Image;

import java.util.List;

/** The result of {@link ImageLinks#publish}: the new image and its links, in the order of the scopes given. */
public final class PublishedImage {
    private final Image image;
    private final List<ImageLink> links;

    /**
     * @param image the created image
     * @param links its links
     */
    public PublishedImage(Image image, List<ImageLink> links) {
        this.image = Arguments.notNull(image, "image");
        this.links = List.copyOf(links);
    }

    /** The created image (status {@code queued}: upload its data next). */
    public Image image() {
        return image;
    }

    /** The links created for it, one per scope. */
    public List<ImageLink> links() {
        return links;
    }

    @Override
    public String toString() {
        return "PublishedImage{" + image.id() + ", " + links + "}";
    }
}
