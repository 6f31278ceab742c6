package dev.imagesdk.images.model;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.error.ValidationException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The body of {@code POST /v2/images}: the new image record (no data yet; status {@code queued}).
 * Unset attributes are left to the server: visibility defaults to {@code shared}, formats to
 * {@code null} (both formats must be set before data can be uploaded). Custom property values are
 * strings (Glance's schema answers 400 otherwise); reserved names are rejected here.
 */
public final class CreateOpts {
    private final String id;
    private final String name;
    private final Visibility visibility;
    private final List<String> tags;
    private final DiskFormat diskFormat;
    private final ContainerFormat containerFormat;
    private final Integer minDisk;
    private final Integer minRam;
    private final Boolean isProtected;
    private final Boolean hidden;
    private final String owner;
    private final Map<String, String> properties;

    private CreateOpts(Builder b) {
        this.id = b.id;
        this.name = b.name;
        this.visibility = b.visibility;
        this.tags = b.tags == null ? null : List.copyOf(b.tags);
        this.diskFormat = b.diskFormat;
        this.containerFormat = b.containerFormat;
        this.minDisk = b.minDisk;
        this.minRam = b.minRam;
        this.isProtected = b.isProtected;
        this.hidden = b.hidden;
        this.owner = b.owner;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The requested id, or {@code null} to let the server pick one. */
    public String id() {
        return id;
    }

    /** The name, or {@code null}. */
    public String name() {
        return name;
    }

    /** The visibility, or {@code null} for the server's default ({@code shared}). */
    public Visibility visibility() {
        return visibility;
    }

    /** The tags, or {@code null}. */
    public List<String> tags() {
        return tags;
    }

    /** The disk format, or {@code null}. */
    public DiskFormat diskFormat() {
        return diskFormat;
    }

    /** The container format, or {@code null}. */
    public ContainerFormat containerFormat() {
        return containerFormat;
    }

    /** {@code min_disk} in GB, or {@code null}. */
    public Integer minDisk() {
        return minDisk;
    }

    /** {@code min_ram} in MB, or {@code null}. */
    public Integer minRam() {
        return minRam;
    }

    /** {@code protected}, or {@code null}. */
    public Boolean isProtected() {
        return isProtected;
    }

    /** {@code os_hidden}, or {@code null}. */
    public Boolean hidden() {
        return hidden;
    }

    /** The owning project to record, or {@code null} for the caller's project. */
    public String owner() {
        return owner;
    }

    /** Custom properties. */
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CreateOpts{");
        field(sb, "id", id);
        field(sb, "name", name);
        field(sb, "visibility", visibility == null ? null : visibility.value());
        field(sb, "tags", tags);
        field(sb, "diskFormat", diskFormat == null ? null : diskFormat.value());
        field(sb, "containerFormat", containerFormat == null ? null : containerFormat.value());
        field(sb, "minDisk", minDisk);
        field(sb, "minRam", minRam);
        field(sb, "isProtected", isProtected);
        field(sb, "hidden", hidden);
        field(sb, "owner", owner);
        field(sb, "properties", properties.isEmpty() ? null : properties);
        return sb.append('}').toString();
    }

    private static void field(StringBuilder sb, String name, Object value) {
        if (value != null) {
            sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : ", ").append(name).append('=').append(value);
        }
    }

    /** Builds {@link CreateOpts}. */
    public static final class Builder {
        private String id;
        private String name;
        private Visibility visibility;
        private List<String> tags;
        private DiskFormat diskFormat;
        private ContainerFormat containerFormat;
        private Integer minDisk;
        private Integer minRam;
        private Boolean isProtected;
        private Boolean hidden;
        private String owner;
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder() {
        }

        /** Records another project as owner; admin-only under Glance's default policy (403 otherwise). */
        public Builder owner(String projectId) {
            if (projectId == null || projectId.isBlank()) {
                throw new ValidationException("owner must not be blank");
            }
            this.owner = projectId;
            return this;
        }

        /** Asks for this id (a UUID); Glance answers 409 when it exists. */
        public Builder id(String id) {
            try {
                UUID.fromString(Arguments.notNull(id, "id"));
            } catch (IllegalArgumentException e) {
                throw new ValidationException("image id must be a UUID, was \"" + id + "\"", e);
            }
            this.id = id;
            return this;
        }

        /** Display name (at most 255 characters). */
        public Builder name(String name) {
            if (name != null && name.length() > 255) {
                throw new ValidationException("name longer than 255 characters");
            }
            this.name = name;
            return this;
        }

        /** Visibility; {@code public} needs an admin under Glance's default policy. */
        public Builder visibility(Visibility visibility) {
            if (visibility != null && "all".equals(visibility.value())) {
                throw new ValidationException("\"all\" is a listing filter, not a visibility an image can have");
            }
            this.visibility = visibility;
            return this;
        }

        /** Tags (a set on the server: duplicates are dropped here). */
        public Builder tags(String... tags) {
            return tags(List.of(tags));
        }

        /** Tags. */
        public Builder tags(List<String> tags) {
            LinkedHashSet<String> set = new LinkedHashSet<>();
            for (String t : tags) {
                set.add(Arguments.tag(t));
            }
            this.tags = new ArrayList<>(set);
            return this;
        }

        /** Disk format. */
        public Builder diskFormat(DiskFormat diskFormat) {
            this.diskFormat = diskFormat;
            return this;
        }

        /** Container format. */
        public Builder containerFormat(ContainerFormat containerFormat) {
            this.containerFormat = containerFormat;
            return this;
        }

        /** Disk in GB needed to boot (&ge; 0). */
        public Builder minDisk(int gigabytes) {
            this.minDisk = nonNegative("minDisk", gigabytes);
            return this;
        }

        /** RAM in MB needed to boot (&ge; 0). */
        public Builder minRam(int megabytes) {
            this.minRam = nonNegative("minRam", megabytes);
            return this;
        }

        /** Whether the server refuses deletion. */
        public Builder isProtected(boolean isProtected) {
            this.isProtected = isProtected;
            return this;
        }

        /** Whether the image is hidden from default listings ({@code os_hidden}). */
        public Builder hidden(boolean hidden) {
            this.hidden = hidden;
            return this;
        }

        /**
         * A custom property (a string, as Glance requires).
         *
         * @throws ValidationException for core, read-only or reserved ({@code os_glance_*}) names
         */
        public Builder property(String name, String value) {
            ReservedNames.checkCustomProperty(name);
            if (value == null) {
                throw new ValidationException("property \"" + name + "\" needs a value (Glance stores strings)");
            }
            properties.put(name, value);
            return this;
        }

        /** Several custom properties (see {@link #property(String, String)}). */
        public Builder properties(Map<String, String> properties) {
            properties.forEach(this::property);
            return this;
        }

        /** The options. */
        public CreateOpts build() {
            return new CreateOpts(this);
        }

        private static int nonNegative(String what, int v) {
            if (v < 0) {
                throw new ValidationException(what + " must be >= 0, was " + v);
            }
            return v;
        }
    }
}
