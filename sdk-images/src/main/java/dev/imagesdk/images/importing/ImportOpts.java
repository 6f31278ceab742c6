package dev.imagesdk.images.importing;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.error.ValidationException;
import okhttp3.HttpUrl;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The body of {@code POST /v2/images/{id}/import} (interoperable image import). Glance answers 202
 * with an empty body and works in the background: poll the image (e.g. with
 * {@code Images.waitFor}) until it is {@code active}. Which methods a server accepts is announced by
 * {@code GET /v2/info/import}; a disabled method is answered with 400.
 *
 * <ul>
 *   <li>{@link #glanceDirect()} — imports data previously staged with {@code PUT .../stage}.</li>
 *   <li>{@link #webDownload(URI)} — the server downloads the data from a URL.</li>
 *   <li>{@link #copyImage()} — copies an active image's data into more stores (admin by default).</li>
 *   <li>{@link #glanceDownload(String, String)} — copies an image from another region's Glance.</li>
 * </ul>
 * Target stores: {@link Builder#stores(String...)} or {@link Builder#allStores()}; with several stores,
 * {@link Builder#allStoresMustSucceed(boolean)} decides whether one failing store fails the import.
 */
public final class ImportOpts {
    /** Method name of {@link #glanceDirect()}. */
    public static final String GLANCE_DIRECT = "glance-direct";
    /** Method name of {@link #webDownload(URI)}. */
    public static final String WEB_DOWNLOAD = "web-download";
    /** Method name of {@link #copyImage()}. */
    public static final String COPY_IMAGE = "copy-image";
    /** Method name of {@link #glanceDownload(String, String)}. */
    public static final String GLANCE_DOWNLOAD = "glance-download";

    private final String method;
    private final URI uri;
    private final String remoteRegion;
    private final String remoteImageId;
    private final String remoteServiceInterface;
    private final List<String> stores;
    private final boolean allStores;
    private final Boolean allStoresMustSucceed;
    private final boolean requireBootableRaw;

    private ImportOpts(Builder b) {
        this.method = b.method;
        this.uri = b.uri;
        this.remoteRegion = b.remoteRegion;
        this.remoteImageId = b.remoteImageId;
        this.remoteServiceInterface = b.remoteServiceInterface;
        this.stores = List.copyOf(b.stores);
        this.allStores = b.allStores;
        this.allStoresMustSucceed = b.allStoresMustSucceed;
        this.requireBootableRaw = b.requireBootableRaw;
    }

    /** Import staged data ({@code glance-direct}). */
    public static Builder glanceDirect() {
        return new Builder(GLANCE_DIRECT);
    }

    /** Let the server fetch the data from {@code uri} ({@code web-download}; http or https). */
    public static Builder webDownload(URI uri) {
        Arguments.notNull(uri, "uri");
        if (uri.getScheme() == null || HttpUrl.parse(uri.toString()) == null) {
            throw new ValidationException("web-download needs an http(s) URL, was " + uri);
        }
        Builder b = new Builder(WEB_DOWNLOAD);
        b.uri = uri;
        return b;
    }

    /** Copy the active image's data into other stores ({@code copy-image}). */
    public static Builder copyImage() {
        return new Builder(COPY_IMAGE);
    }

    /**
     * Copy an image from the Glance of another region ({@code glance-download}).
     *
     * @param remoteRegion the region whose Glance holds the image
     * @param remoteImageId the image's id there
     */
    public static Builder glanceDownload(String remoteRegion, String remoteImageId) {
        Builder b = new Builder(GLANCE_DOWNLOAD);
        b.remoteRegion = nonBlank("remote region", remoteRegion);
        b.remoteImageId = nonBlank("remote image id", remoteImageId);
        return b;
    }

    /** Any method by name (for methods this SDK does not know); no method-specific fields are sent. */
    public static Builder method(String name) {
        return new Builder(nonBlank("method", name));
    }

    /** The method name. */
    public String method() {
        return method;
    }

    /** The URL of a web-download, or {@code null}. */
    public URI uri() {
        return uri;
    }

    /** Target stores (empty: the server's default, unless {@link #isAllStores()}). */
    public List<String> stores() {
        return stores;
    }

    /** Whether every store is targeted. */
    public boolean isAllStores() {
        return allStores;
    }

    /** {@code all_stores_must_succeed}, or {@code null} for the server's default ({@code true}). */
    public Boolean allStoresMustSucceed() {
        return allStoresMustSucceed;
    }

    /**
     * Whether the SDK checks the remote data of a web-download for an MBR boot signature before asking
     * the server to import it (see {@code dev.imagesdk.images.data.RawImageValidator}).
     */
    public boolean requiresBootableRaw() {
        return requireBootableRaw;
    }

    /** For {@code glance-download}: the region whose Glance holds the image, or {@code null}. */
    public String remoteRegion() {
        return remoteRegion;
    }

    /** For {@code glance-download}: the image's id in the remote region, or {@code null}. */
    public String remoteImageId() {
        return remoteImageId;
    }

    /** For {@code glance-download}: the remote service interface, or {@code null} for the server's default. */
    public String remoteServiceInterface() {
        return remoteServiceInterface;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ImportOpts{method=").append(method);
        if (uri != null) {
            sb.append(", uri=").append(uri);
        }
        if (remoteRegion != null) {
            sb.append(", remoteRegion=").append(remoteRegion).append(", remoteImageId=").append(remoteImageId);
        }
        if (remoteServiceInterface != null) {
            sb.append(", remoteServiceInterface=").append(remoteServiceInterface);
        }
        if (!stores.isEmpty()) {
            sb.append(", stores=").append(stores);
        }
        if (allStores) {
            sb.append(", allStores=true");
        }
        if (allStoresMustSucceed != null) {
            sb.append(", allStoresMustSucceed=").append(allStoresMustSucceed);
        }
        if (requireBootableRaw) {
            sb.append(", requireBootableRaw=true");
        }
        return sb.append('}').toString();
    }

    private static String nonBlank(String what, String v) {
        if (v == null || v.isBlank()) {
            throw new ValidationException(what + " must not be blank");
        }
        return v;
    }

    /** Builds an {@link ImportOpts}. */
    public static final class Builder {
        private final String method;
        private URI uri;
        private String remoteRegion;
        private String remoteImageId;
        private String remoteServiceInterface;
        private final LinkedHashSet<String> stores = new LinkedHashSet<>();
        private boolean allStores;
        private Boolean allStoresMustSucceed;
        private boolean requireBootableRaw;

        private Builder(String method) {
            this.method = method;
        }

        /** Import into these stores ({@code stores}); ids as listed by {@code GET /v2/info/stores}. */
        public Builder stores(String... stores) {
            for (String s : stores) {
                this.stores.add(nonBlank("store", s));
            }
            return this;
        }

        /** Import into every store ({@code all_stores: true}). */
        public Builder allStores() {
            this.allStores = true;
            return this;
        }

        /**
         * {@code all_stores_must_succeed}: {@code true} (the server's default) fails the import when any
         * store fails; {@code false} keeps the stores that succeeded and lists the others in the image's
         * {@code os_glance_failed_import} property.
         */
        public Builder allStoresMustSucceed(boolean mustSucceed) {
            this.allStoresMustSucceed = mustSucceed;
            return this;
        }

        /** For glance-download: the remote service interface ({@code public} by default on the server). */
        public Builder remoteServiceInterface(String iface) {
            if (!GLANCE_DOWNLOAD.equals(method)) {
                throw new ValidationException("remoteServiceInterface only applies to glance-download");
            }
            this.remoteServiceInterface = nonBlank("remote service interface", iface);
            return this;
        }

        /**
         * For web-download: before asking the server, fetch the first 512 bytes of the URL (one HTTP
         * Range request) and refuse the import unless they carry a valid MBR boot signature.
         */
        public Builder requireBootableRaw() {
            if (!WEB_DOWNLOAD.equals(method)) {
                throw new ValidationException("requireBootableRaw only applies to web-download");
            }
            this.requireBootableRaw = true;
            return this;
        }

        /**
         * The request.
         *
         * @throws ValidationException when both explicit stores and all stores are asked for
         */
        public ImportOpts build() {
            if (allStores && !stores.isEmpty()) {
                throw new ValidationException("use either stores(...) or allStores(), not both");
            }
            return new ImportOpts(this);
        }
    }
}
