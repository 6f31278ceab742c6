package dev.imagesdk.images.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An image as Glance describes it ({@code GET /v2/images/{id}}). Immutable.
 *
 * <p>Glance mixes custom properties with its core attributes at the top level of the JSON; the core
 * attributes are the typed accessors here, every other key is in {@link #properties()} with its JSON
 * type preserved ({@code String}, {@code Long} or {@code Double}, {@code Boolean}, {@code null},
 * {@code List}, {@code Map}). Attributes the server may send as {@code null} or leave out are
 * returned as {@code null} (or an empty list).
 *
 * <p>Decoding is tolerant: a wrong-typed or unparseable value never fails the read. The field is left
 * {@code null}, the raw value is kept in {@link #properties()} only if it is not a core attribute,
 * and the problem is listed in {@link #decodingProblems()} ({@link #isWellFormed()} is then
 * {@code false}). This way one malformed image in a listing page does not hide the others.
 */
public final class Image implements dev.imagesdk.core.types.Decoded {
    /** Top-level keys that are typed attributes of this class, never custom properties. */
    public static final Set<String> CORE_ATTRIBUTES = Set.of(
            "id", "name", "status", "visibility", "protected", "os_hidden", "checksum", "os_hash_algo",
            "os_hash_value", "size", "virtual_size", "disk_format", "container_format", "min_disk", "min_ram",
            "owner", "tags", "created_at", "updated_at", "file", "self", "schema", "direct_url", "locations",
            "stores");

    private final String id;
    private final String name;
    private final ImageStatus status;
    private final Visibility visibility;
    private final Boolean isProtected;
    private final Boolean hidden;
    private final String checksum;
    private final String osHashAlgo;
    private final String osHashValue;
    private final Long size;
    private final Long virtualSize;
    private final DiskFormat diskFormat;
    private final ContainerFormat containerFormat;
    private final Integer minDisk;
    private final Integer minRam;
    private final String owner;
    private final List<String> tags;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final String file;
    private final String self;
    private final String schema;
    private final String directUrl;
    private final List<Location> locations;
    private final List<String> stores;
    private final Map<String, Object> properties;
    private final List<String> decodingProblems;

    private Image(Builder b) {
        this.id = b.id;
        this.name = b.name;
        this.status = b.status;
        this.visibility = b.visibility;
        this.isProtected = b.isProtected;
        this.hidden = b.hidden;
        this.checksum = b.checksum;
        this.osHashAlgo = b.osHashAlgo;
        this.osHashValue = b.osHashValue;
        this.size = b.size;
        this.virtualSize = b.virtualSize;
        this.diskFormat = b.diskFormat;
        this.containerFormat = b.containerFormat;
        this.minDisk = b.minDisk;
        this.minRam = b.minRam;
        this.owner = b.owner;
        this.tags = List.copyOf(b.tags);  // the builder holds an immutable list: no copy
        this.createdAt = b.createdAt;
        this.updatedAt = b.updatedAt;
        this.file = b.file;
        this.self = b.self;
        this.schema = b.schema;
        this.directUrl = b.directUrl;
        this.locations = b.locations == null ? null : List.copyOf(b.locations);
        this.stores = b.stores == null ? null : List.copyOf(b.stores);
        this.properties = b.handOverProperties();
        this.decodingProblems = b.decodingProblems == null ? List.of() : List.copyOf(b.decodingProblems);
    }

    /** A builder for an image (tests, emulators, decoders). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this image. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.name = name;
        b.status = status;
        b.visibility = visibility;
        b.isProtected = isProtected;
        b.hidden = hidden;
        b.checksum = checksum;
        b.osHashAlgo = osHashAlgo;
        b.osHashValue = osHashValue;
        b.size = size;
        b.virtualSize = virtualSize;
        b.diskFormat = diskFormat;
        b.containerFormat = containerFormat;
        b.minDisk = minDisk;
        b.minRam = minRam;
        b.owner = owner;
        b.tags = tags;
        b.createdAt = createdAt;
        b.updatedAt = updatedAt;
        b.file = file;
        b.self = self;
        b.schema = schema;
        b.directUrl = directUrl;
        b.locations = locations;
        b.stores = stores;
        b.shareProperties(properties);
        if (!decodingProblems.isEmpty()) {
            b.decodingProblems = new ArrayList<>(decodingProblems);
        }
        return b;
    }

    /** The image's UUID ({@code id}); {@code null} only for an item the server sent without one (see {@link #decodingProblems()}). */
    public String id() {
        return id;
    }

    /** Display name; not unique, may be {@code null}. */
    public String name() {
        return name;
    }

    /** Lifecycle state ({@code status}). */
    public ImageStatus status() {
        return status;
    }

    /** Who can see the image ({@code visibility}); Glance defaults it to {@code shared}. */
    public Visibility visibility() {
        return visibility;
    }

    /** {@code protected}: the server refuses to delete a protected image (403). {@code false} when absent. */
    public boolean isProtected() {
        return Boolean.TRUE.equals(isProtected);
    }

    /** {@code os_hidden}: hidden images are left out of listings unless asked for. {@code false} when absent. */
    public boolean isHidden() {
        return Boolean.TRUE.equals(hidden);
    }

    /** MD5 of the data as hex ({@code checksum}); {@code null} until data exists. */
    public String checksum() {
        return checksum;
    }

    /** Algorithm of {@link #osHashValue()} ({@code os_hash_algo}, e.g. {@code sha512}); {@code null} until data exists. */
    public String osHashAlgo() {
        return osHashAlgo;
    }

    /** Hex digest of the data with {@link #osHashAlgo()} ({@code os_hash_value}); {@code null} until data exists. */
    public String osHashValue() {
        return osHashValue;
    }

    /** Size of the data in bytes ({@code size}); {@code null} until data exists. */
    public Long size() {
        return size;
    }

    /** Virtual disk size in bytes ({@code virtual_size}); may be {@code null}. */
    public Long virtualSize() {
        return virtualSize;
    }

    /** {@code disk_format}; {@code null} until set. */
    public DiskFormat diskFormat() {
        return diskFormat;
    }

    /** {@code container_format}; {@code null} until set. */
    public ContainerFormat containerFormat() {
        return containerFormat;
    }

    /** Disk in GB needed to boot ({@code min_disk}); 0 when absent. */
    public int minDisk() {
        return minDisk == null ? 0 : minDisk;
    }

    /** RAM in MB needed to boot ({@code min_ram}); 0 when absent. */
    public int minRam() {
        return minRam == null ? 0 : minRam;
    }

    /** Owning project id ({@code owner}); {@code null} when the server runs without authentication. */
    public String owner() {
        return owner;
    }

    /** Tags, in the server's order (Glance does not preserve insertion order). */
    public List<String> tags() {
        return tags;
    }

    /** {@code created_at}. */
    public Instant createdAt() {
        return createdAt;
    }

    /** {@code updated_at}. */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** Path of the data ({@code file}, e.g. {@code /v2/images/{id}/file}). */
    public String file() {
        return file;
    }

    /** Path of this image ({@code self}). */
    public String self() {
        return self;
    }

    /** Path of the JSON schema ({@code schema}). */
    public String schema() {
        return schema;
    }

    /** {@code direct_url}; only sent when the operator enables {@code show_image_direct_url}. */
    public Optional<String> directUrl() {
        return Optional.ofNullable(directUrl);
    }

    /** {@code locations}; only sent when the operator enables {@code show_multiple_locations}, else empty. */
    public Optional<List<Location>> locations() {
        return Optional.ofNullable(locations);
    }

    /**
     * Stores holding the data. Glance sends {@code stores} as a comma-separated string and only once
     * data exists (multi-store deployments); this is the split list, empty when absent.
     */
    public List<String> stores() {
        return stores == null ? List.of() : stores;
    }

    /** Every top-level key that is not a core attribute, in the server's order, JSON types preserved. */
    public Map<String, Object> properties() {
        return properties;
    }

    /** A custom property's value, if present and not {@code null}. */
    public Optional<Object> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /** A custom property's value as text (numbers and booleans are converted), if present and not {@code null}. */
    public Optional<String> stringProperty(String name) {
        Object v = properties.get(name);
        return v == null || v instanceof List || v instanceof Map ? Optional.empty() : Optional.of(String.valueOf(v));
    }

    /** What could not be decoded from the server's JSON (wrong types, unparseable values); empty when all was fine. */
    @Override
    public List<String> decodingProblems() {
        return decodingProblems;
    }

    /** {@code true} when every attribute decoded cleanly. */
    @Override
    public boolean isWellFormed() {
        return decodingProblems.isEmpty();
    }

    /** {@code true} when Glance recorded a failed import into some store ({@code os_glance_failed_import} non-empty). */
    public boolean hasFailedImport() {
        return stringProperty("os_glance_failed_import").filter(s -> !s.isBlank()).isPresent();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Image)) {
            return false;
        }
        Image i = (Image) o;
        return Objects.equals(id, i.id) && Objects.equals(name, i.name) && Objects.equals(status, i.status)
                && Objects.equals(visibility, i.visibility) && Objects.equals(isProtected, i.isProtected)
                && Objects.equals(hidden, i.hidden) && Objects.equals(checksum, i.checksum)
                && Objects.equals(osHashAlgo, i.osHashAlgo) && Objects.equals(osHashValue, i.osHashValue)
                && Objects.equals(size, i.size) && Objects.equals(virtualSize, i.virtualSize)
                && Objects.equals(diskFormat, i.diskFormat) && Objects.equals(containerFormat, i.containerFormat)
                && Objects.equals(minDisk, i.minDisk) && Objects.equals(minRam, i.minRam)
                && Objects.equals(owner, i.owner) && tags.equals(i.tags) && Objects.equals(createdAt, i.createdAt)
                && Objects.equals(updatedAt, i.updatedAt) && Objects.equals(file, i.file)
                && Objects.equals(self, i.self) && Objects.equals(schema, i.schema)
                && Objects.equals(directUrl, i.directUrl) && Objects.equals(locations, i.locations)
                && Objects.equals(stores, i.stores) && properties.equals(i.properties)
                && decodingProblems.equals(i.decodingProblems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, status, updatedAt, size, properties);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Image{id=").append(id).append(", name=").append(name)
                .append(", status=").append(status).append(", visibility=").append(visibility);
        if (size != null) {
            sb.append(", size=").append(size);
        }
        if (!properties.isEmpty()) {
            sb.append(", properties=").append(properties.keySet());
        }
        if (!decodingProblems.isEmpty()) {
            sb.append(", problems=").append(decodingProblems);
        }
        return sb.append('}').toString();
    }

    /** One entry of {@code locations}: where the store keeps the data and the store's metadata. */
    public static final class Location {
        private final String url;
        private final Map<String, Object> metadata;

        /**
         * @param url the location URL
         * @param metadata store metadata (for example {@code {"store": "fast"}})
         */
        public Location(String url, Map<String, Object> metadata) {
            this.url = url;
            this.metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }

        /** The location URL. */
        public String url() {
            return url;
        }

        /** Store metadata. */
        public Map<String, Object> metadata() {
            return metadata;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Location && Objects.equals(url, ((Location) o).url)
                    && metadata.equals(((Location) o).metadata);
        }

        @Override
        public int hashCode() {
            return Objects.hash(url, metadata);
        }

        @Override
        public String toString() {
            return "Location{" + url + "}";
        }
    }

    /** Builds an {@link Image}. Unset attributes are {@code null} (absent). */
    public static final class Builder {
        private String id;
        private String name;
        private ImageStatus status;
        private Visibility visibility;
        private Boolean isProtected;
        private Boolean hidden;
        private String checksum;
        private String osHashAlgo;
        private String osHashValue;
        private Long size;
        private Long virtualSize;
        private DiskFormat diskFormat;
        private ContainerFormat containerFormat;
        private Integer minDisk;
        private Integer minRam;
        private String owner;
        /** Always an unmodifiable list, so that an image can share it. */
        private List<String> tags = List.of();
        private Instant createdAt;
        private Instant updatedAt;
        private String file;
        private String self;
        private String schema;
        private String directUrl;
        /** {@code null} or an unmodifiable list. */
        private List<Location> locations;
        /** {@code null} or an unmodifiable list. */
        private List<String> stores;
        /** {@code null} until the first property; shared with built images when {@link #propertiesShared}. */
        private Map<String, Object> properties;
        /**
         * Set when {@link #properties} is the map of an image (built or copied from): the next change
         * copies it first (copy on write), so a built image never changes.
         */
        private boolean propertiesShared;
        private List<String> decodingProblems;

        private Builder() {
        }

        /** @param id the image UUID */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** @param name display name */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** @param status lifecycle state */
        public Builder status(ImageStatus status) {
            this.status = status;
            return this;
        }

        /** @param visibility visibility */
        public Builder visibility(Visibility visibility) {
            this.visibility = visibility;
            return this;
        }

        /** @param isProtected whether deletion is refused */
        public Builder isProtected(Boolean isProtected) {
            this.isProtected = isProtected;
            return this;
        }

        /** @param hidden {@code os_hidden} */
        public Builder hidden(Boolean hidden) {
            this.hidden = hidden;
            return this;
        }

        /** @param checksum md5 hex */
        public Builder checksum(String checksum) {
            this.checksum = checksum;
            return this;
        }

        /** @param osHashAlgo hash algorithm name */
        public Builder osHashAlgo(String osHashAlgo) {
            this.osHashAlgo = osHashAlgo;
            return this;
        }

        /** @param osHashValue hash hex digest */
        public Builder osHashValue(String osHashValue) {
            this.osHashValue = osHashValue;
            return this;
        }

        /** @param size data size in bytes */
        public Builder size(Long size) {
            this.size = size;
            return this;
        }

        /** @param virtualSize virtual size in bytes */
        public Builder virtualSize(Long virtualSize) {
            this.virtualSize = virtualSize;
            return this;
        }

        /** @param diskFormat disk format */
        public Builder diskFormat(DiskFormat diskFormat) {
            this.diskFormat = diskFormat;
            return this;
        }

        /** @param containerFormat container format */
        public Builder containerFormat(ContainerFormat containerFormat) {
            this.containerFormat = containerFormat;
            return this;
        }

        /** @param minDisk GB */
        public Builder minDisk(Integer minDisk) {
            this.minDisk = minDisk;
            return this;
        }

        /** @param minRam MB */
        public Builder minRam(Integer minRam) {
            this.minRam = minRam;
            return this;
        }

        /** @param owner owning project */
        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        /** @param tags replaces the tags */
        public Builder tags(List<String> tags) {
            this.tags = tags == null ? List.of() : unmodifiableCopy(tags);
            return this;
        }

        /** @param createdAt creation time */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** @param updatedAt last modification time */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /** @param file data path */
        public Builder file(String file) {
            this.file = file;
            return this;
        }

        /** @param self image path */
        public Builder self(String self) {
            this.self = self;
            return this;
        }

        /** @param schema schema path */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /** @param directUrl direct URL */
        public Builder directUrl(String directUrl) {
            this.directUrl = directUrl;
            return this;
        }

        /** @param locations locations, {@code null} = not sent */
        public Builder locations(List<Location> locations) {
            this.locations = locations == null ? null : unmodifiableCopy(locations);
            return this;
        }

        /** @param stores store ids, {@code null} = not sent */
        public Builder stores(List<String> stores) {
            this.stores = stores == null ? null : unmodifiableCopy(stores);
            return this;
        }

        /**
         * Adds a custom property (value: {@code String}, {@code Long}, {@code Double}, {@code Boolean},
         * {@code null}, {@code List} or {@code Map}).
         *
         * @throws dev.imagesdk.core.error.ValidationException when {@code name} is a core attribute
         */
        public Builder property(String name, Object value) {
            if (CORE_ATTRIBUTES.contains(name)) {
                throw new dev.imagesdk.core.error.ValidationException("\"" + name + "\" is a core attribute, not a custom property");
            }
            if (properties == null) {
                properties = new LinkedHashMap<>();
            } else if (propertiesShared) {
                properties = new LinkedHashMap<>(properties);
                propertiesShared = false;
            }
            properties.put(name, value);
            return this;
        }

        /** Records something that could not be decoded. */
        public Builder decodingProblem(String problem) {
            if (decodingProblems == null) {
                decodingProblems = new ArrayList<>();
            }
            decodingProblems.add(problem);
            return this;
        }

        /** The immutable image. */
        public Image build() {
            return new Image(this);
        }

        /**
         * The properties for a new image: the builder's map itself, read-only, instead of a copy. The
         * builder then treats the map as shared and copies it before its next change.
         */
        private Map<String, Object> handOverProperties() {
            if (properties == null) {
                return Collections.emptyMap();
            }
            propertiesShared = true;
            return Collections.unmodifiableMap(properties);
        }

        /** Starts from an image's read-only properties, copied only if this builder changes them. */
        private void shareProperties(Map<String, Object> imageProperties) {
            if (!imageProperties.isEmpty()) {
                properties = imageProperties;
                propertiesShared = true;
            }
        }

        /**
         * An unmodifiable copy of {@code list}. A list with {@code null} elements is kept as an
         * unmodifiable view of a copy, so that {@link #build()} rejects it ({@code List.copyOf}) as it always did.
         */
        private static <T> List<T> unmodifiableCopy(List<T> list) {
            for (T item : list) {
                if (item == null) {
                    return Collections.unmodifiableList(new ArrayList<>(list));
                }
            }
            return List.copyOf(list);
        }
    }
}
