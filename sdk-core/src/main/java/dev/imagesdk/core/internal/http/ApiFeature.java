package dev.imagesdk.core.internal.http;

/**
 * Parts of the Image API v2 that a server may not serve: added in a later minor version, or switched
 * off by its configuration. Glance lists every minor version it serves in its version document and
 * leaves out the ones of switched-off features: 2.14–2.16 without an image cache
 * ({@code image_cache_dir}), 2.8–2.13 without several stores ({@code enabled_backends}).
 */
public enum ApiFeature {
    /** Interoperable image import: staging, {@code /import}, {@code /v2/info/import} (2.6). */
    IMPORT("interoperable image import", 6, false),
    /** Several stores: {@code /v2/info/stores}, store headers, deleting data from one store (2.8). */
    MULTIPLE_STORES("multiple stores", 8, true),
    /** Deleting an image's data from one store, {@code DELETE /v2/stores/{store}/{id}} (2.10, several stores). */
    STORE_DELETION("deleting image data from one store", 10, true),
    /** The tasks of an image, {@code /v2/images/{id}/tasks} (2.12). */
    IMAGE_TASKS("the tasks of an image", 12, false),
    /** The image cache API, {@code /v2/cache} (2.14). */
    CACHE("the image cache API", 14, true),
    /** Store details, {@code /v2/info/stores/detail} (2.15). */
    STORES_DETAIL("store details", 15, false),
    /**
     * Reading and changing an image's locations through {@code PATCH /v2/images/{id}} (2.0), which
     * Glance refuses unless the operator sets {@code show_multiple_locations}; no version says so, only
     * the refusal (see {@link ApiRequest.Builder#switchedOffWhen}), so requests name it there and not in
     * {@link ApiRequest.Builder#requires}.
     */
    LOCATIONS("image locations (show_multiple_locations)", 0, false),
    /** The image locations API, {@code /v2/images/{id}/locations} (2.17). */
    LOCATIONS_API("the image locations API", 17, false);

    private final String description;
    private final int minor;
    private final boolean switchable;

    ApiFeature(String description, int minor, boolean switchable) {
        this.description = description;
        this.minor = minor;
        this.switchable = switchable;
    }

    /** What a user calls it, for messages. */
    public String description() {
        return description;
    }

    /** The v2 minor version that introduced it. */
    public int minor() {
        return minor;
    }

    /**
     * {@code true} when the server's configuration can switch it off; then only a server that lists
     * exactly this minor version serves it (when the server lists all its versions).
     */
    public boolean switchable() {
        return switchable;
    }
}
