package dev.imagesdk.images.model;

import dev.imagesdk.core.internal.Arguments;
import java.util.List;
import java.util.Optional;

/**
 * The answer to {@code POST /v2/images}: the new image plus what the server announced in headers —
 * {@code OpenStack-image-import-methods} (import methods this server accepts, e.g.
 * {@code glance-direct,copy-image}), {@code OpenStack-image-store-ids} (stores the data can go to)
 * and {@code Location} (absolute URL of the image).
 */
public final class CreatedImage {
    private final Image image;
    private final List<String> importMethods;
    private final List<String> storeIds;
    private final String location;
    private final String requestId;

    /**
     * @param image the created image
     * @param importMethods methods from the import-methods header (empty when absent)
     * @param storeIds ids from the store-ids header (empty when absent)
     * @param location the {@code Location} header, or {@code null}
     * @param requestId the server's request id, or {@code null}
     */
    public CreatedImage(Image image, List<String> importMethods, List<String> storeIds, String location, String requestId) {
        this.image = Arguments.notNull(image, "image");
        this.importMethods = List.copyOf(importMethods);
        this.storeIds = List.copyOf(storeIds);
        this.location = location;
        this.requestId = requestId;
    }

    /** The image record (status {@code queued}). */
    public Image image() {
        return image;
    }

    /** Import methods the server accepts, from {@code OpenStack-image-import-methods}. */
    public List<String> importMethods() {
        return importMethods;
    }

    /**
     * Store ids the server offers for data, from {@code OpenStack-image-store-ids}, without Glance's
     * internal stores ({@code os_glance_staging_store}, {@code os_glance_tasks_store}), which an import
     * cannot target.
     */
    public List<String> storeIds() {
        return storeIds;
    }

    /** The absolute URL from {@code Location}. */
    public Optional<String> location() {
        return Optional.ofNullable(location);
    }

    /** The request id of the create call. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    @Override
    public String toString() {
        return "CreatedImage{" + image + ", importMethods=" + importMethods + ", storeIds=" + storeIds + "}";
    }
}
