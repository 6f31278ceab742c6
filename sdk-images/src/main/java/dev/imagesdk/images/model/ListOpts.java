package dev.imagesdk.images.model;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.error.ValidationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Filters, sorting and page size of {@code GET /v2/images}. Built with {@link #builder()}; every
 * argument is checked before a request is sent ({@link ValidationException}).
 *
 * <p>How Glance reads the query: filters combine with AND; {@code tag} may repeat (the image must
 * carry every tag); {@code id}, {@code name}, {@code status}, {@code disk_format} and
 * {@code container_format} accept several values with the {@code in:} operator
 * ({@code name=in:alpha,"b,c"} — values containing a comma are quoted); {@code created_at} and
 * {@code updated_at} take an operator ({@link DateQuery}); any other name filters on a custom
 * property's exact value. Hidden images ({@code os_hidden}) are left out unless {@link Builder#hidden(Boolean)}
 * asks for them. Sorting uses either the new syntax ({@code sort=name:asc,created_at:desc}) or the
 * classic one ({@code sort_key=name&sort_dir=asc}, repeatable) — Glance rejects a mix with 400, so
 * this class rejects it first.
 */
public final class ListOpts {
    /** Query names with a typed setter; custom property filters may not use them. */
    public static final Set<String> RESERVED_QUERY_NAMES = Set.of("limit", "marker", "sort", "sort_key", "sort_dir",
            "name", "id", "owner", "status", "visibility", "member_status", "os_hidden", "protected", "tag",
            "size_min", "size_max", "container_format", "disk_format", "created_at", "updated_at", "checksum",
            "os_hash_value");

    private final Integer limit;
    private final String marker;
    private final String id;
    private final String name;
    private final String owner;
    private final String status;
    private final String visibility;
    private final String memberStatus;
    private final Boolean hidden;
    private final Boolean isProtected;
    private final List<String> tags;
    private final Long sizeMin;
    private final Long sizeMax;
    private final String containerFormat;
    private final String diskFormat;
    private final DateQuery createdAt;
    private final DateQuery updatedAt;
    private final String checksum;
    private final String osHashValue;
    private final List<SortKey> sort;
    private final List<SortKey> classicSort;
    private final Map<String, String> properties;

    private ListOpts(Builder b) {
        this.limit = b.limit;
        this.marker = b.marker;
        this.id = b.id;
        this.name = b.name;
        this.owner = b.owner;
        this.status = b.status;
        this.visibility = b.visibility;
        this.memberStatus = b.memberStatus;
        this.hidden = b.hidden;
        this.isProtected = b.isProtected;
        this.tags = List.copyOf(b.tags);
        this.sizeMin = b.sizeMin;
        this.sizeMax = b.sizeMax;
        this.containerFormat = b.containerFormat;
        this.diskFormat = b.diskFormat;
        this.createdAt = b.createdAt;
        this.updatedAt = b.updatedAt;
        this.checksum = b.checksum;
        this.osHashValue = b.osHashValue;
        this.sort = List.copyOf(b.sort);
        this.classicSort = List.copyOf(b.classicSort);
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
    }

    /** A builder with no filters (the server's defaults: 25 per page, newest first). */
    public static Builder builder() {
        return new Builder();
    }

    /** No filters: what the caller sees by default (own, public and accepted shared images), newest first. */
    public static ListOpts defaults() {
        return new Builder().build();
    }

    /** The page size ({@code limit}), or {@code null} for the server's default. */
    public Integer limit() {
        return limit;
    }

    /** The id of the image the listing starts after ({@code marker}), or {@code null}. */
    public String marker() {
        return marker;
    }

    /** The {@code id} filter: one id, or an {@code in:} list (see {@link #inList(Collection)}); {@code null} when unset. */
    public String idFilter() {
        return id;
    }

    /** The {@code name} filter: one name, or an {@code in:} list; {@code null} when unset. */
    public String nameFilter() {
        return name;
    }

    /** The {@code owner} filter (a project id), or {@code null}. */
    public String owner() {
        return owner;
    }

    /** The {@code status} filter: one status value, or an {@code in:} list; {@code null} when unset. */
    public String statusFilter() {
        return status;
    }

    /** The {@code visibility} filter: a visibility value, {@code all}, or {@code null} for the server's default. */
    public String visibilityFilter() {
        return visibility;
    }

    /** The {@code member_status} filter: a member status value, {@code all}, or {@code null} for the server's default. */
    public String memberStatusFilter() {
        return memberStatus;
    }

    /** The {@code os_hidden} filter, or {@code null}. */
    public Boolean hidden() {
        return hidden;
    }

    /** The {@code protected} filter, or {@code null}. */
    public Boolean isProtected() {
        return isProtected;
    }

    /** The tags every listed image must carry (empty: no tag filter). */
    public List<String> tags() {
        return tags;
    }

    /** The {@code size_min} filter in bytes, or {@code null}. */
    public Long sizeMin() {
        return sizeMin;
    }

    /** The {@code size_max} filter in bytes, or {@code null}. */
    public Long sizeMax() {
        return sizeMax;
    }

    /** The {@code container_format} filter: one format value, or an {@code in:} list; {@code null} when unset. */
    public String containerFormatFilter() {
        return containerFormat;
    }

    /** The {@code disk_format} filter: one format value, or an {@code in:} list; {@code null} when unset. */
    public String diskFormatFilter() {
        return diskFormat;
    }

    /** The {@code created_at} filter, or {@code null}. */
    public DateQuery createdAt() {
        return createdAt;
    }

    /** The {@code updated_at} filter, or {@code null}. */
    public DateQuery updatedAt() {
        return updatedAt;
    }

    /** The md5 {@code checksum} filter, or {@code null}. */
    public String checksum() {
        return checksum;
    }

    /** The {@code os_hash_value} filter, or {@code null}. */
    public String osHashValue() {
        return osHashValue;
    }

    /** Sort criteria in the new syntax ({@code sort=a:asc,b:desc}), in order; empty when unused. */
    public List<SortKey> sortKeys() {
        return sort;
    }

    /** Sort criteria in the classic syntax ({@code sort_key}/{@code sort_dir} pairs), in order; empty when unused. */
    public List<SortKey> classicSortKeys() {
        return classicSort;
    }

    /** Custom property filters (name to exact value), in the order they were added. */
    public Map<String, String> propertyFilters() {
        return properties;
    }

    private List<Object> values() {
        return Arrays.asList(limit, marker, id, name, owner, status, visibility, memberStatus, hidden, isProtected, tags, sizeMin, sizeMax, containerFormat, diskFormat, createdAt, updatedAt, checksum, osHashValue, sort, classicSort, properties);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListOpts && ((ListOpts) o).values().equals(values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ListOpts{");
        String[] names = {"limit", "marker", "id", "name", "owner", "status", "visibility", "memberStatus", "hidden", "isProtected", "tags", "sizeMin", "sizeMax", "containerFormat", "diskFormat", "createdAt", "updatedAt", "checksum", "osHashValue", "sort", "classicSort", "properties"};
        List<Object> values = values();
        for (int i = 0; i < names.length; i++) {
            Object v = values.get(i);
            if (v != null && !(v instanceof Collection && ((Collection<?>) v).isEmpty())
                    && !(v instanceof Map && ((Map<?, ?>) v).isEmpty())) {
                sb.append(sb.length() == 9 ? "" : ", ").append(names[i]).append('=').append(v);
            }
        }
        return sb.append('}').toString();
    }

    /**
     * The value of an {@code in:} list as Glance parses it: {@code in:a,"b,c"}. A value is quoted when
     * it contains a comma, starts with a quote or could be mistaken for an operator.
     *
     * @throws ValidationException for an empty list, or a value Glance cannot express (containing {@code "})
     */
    public static String inList(Collection<String> values) {
        if (values == null || values.isEmpty()) {
            throw new ValidationException("an in: list needs at least one value");
        }
        StringBuilder sb = new StringBuilder("in:");
        boolean first = true;
        for (String v : values) {
            if (v == null) {
                throw new ValidationException("an in: list must not contain null");
            }
            if (v.indexOf('"') >= 0) {
                throw new ValidationException("Glance's in: operator cannot match a value containing '\"': " + v);
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            boolean quote = v.isEmpty() || v.indexOf(',') >= 0 || v.startsWith(" ") || v.endsWith(" ");
            if (quote) {
                if (v.endsWith("\\")) {
                    throw new ValidationException("Glance's in: operator cannot match a quoted value ending in '\\': " + v);
                }
                sb.append('"').append(v).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }

    /** Builds {@link ListOpts}. */
    public static final class Builder {
        private Integer limit;
        private String marker;
        private String name;
        private String id;
        private String owner;
        private String status;
        private String visibility;
        private String memberStatus;
        private Boolean hidden;
        private Boolean isProtected;
        private final List<String> tags = new ArrayList<>();
        private Long sizeMin;
        private Long sizeMax;
        private String containerFormat;
        private String diskFormat;
        private DateQuery createdAt;
        private DateQuery updatedAt;
        private String checksum;
        private String osHashValue;
        private final List<SortKey> sort = new ArrayList<>();
        private final List<SortKey> classicSort = new ArrayList<>();
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder() {
        }

        /** Page size ({@code limit}, must be &gt; 0; Glance caps it at its {@code api_limit_max}, 1000 by default). */
        public Builder limit(int limit) {
            if (limit <= 0) {
                throw new ValidationException("limit must be > 0, was " + limit);
            }
            this.limit = limit;
            return this;
        }

        /** Start after the image with this id ({@code marker}); Glance answers 400 for an id it does not know. */
        public Builder marker(String marker) {
            this.marker = nonBlank("marker", marker);
            return this;
        }

        /** Images with exactly this name. */
        public Builder name(String name) {
            this.name = single("name", name);
            return this;
        }

        /** Images whose name is any of {@code names} ({@code name=in:...}). */
        public Builder names(String... names) {
            this.name = inList(list(names));
            return this;
        }

        /** The image with this id. */
        public Builder id(String id) {
            this.id = single("id", id);
            return this;
        }

        /** Images whose id is any of {@code ids} ({@code id=in:...}). */
        public Builder ids(String... ids) {
            this.id = inList(list(ids));
            return this;
        }

        /** Images owned by this project. */
        public Builder owner(String owner) {
            this.owner = nonBlank("owner", owner);
            return this;
        }

        /** Images in this status. */
        public Builder status(ImageStatus status) {
            this.status = Arguments.notNull(status, "status").value();
            return this;
        }

        /** Images in any of these statuses ({@code status=in:...}). */
        public Builder statuses(ImageStatus... statuses) {
            List<String> values = new ArrayList<>();
            for (ImageStatus s : statuses) {
                values.add(s.value());
            }
            this.status = inList(values);
            return this;
        }

        /**
         * Images of this visibility. Glance's default listing shows the caller's own images, public ones
         * and accepted shared ones; {@code community} and {@link #anyVisibility()} widen it. Replaces an
         * earlier {@code visibility} or {@code anyVisibility}; {@code null} removes the filter.
         */
        public Builder visibility(Visibility visibility) {
            this.visibility = visibility == null ? null : visibility.value();
            return this;
        }

        /**
         * Images of every visibility the caller may see ({@code visibility=all}), community images and
         * not-yet-accepted shared ones included. Replaces an earlier {@link #visibility(Visibility)}.
         */
        public Builder anyVisibility() {
            this.visibility = "all";
            return this;
        }

        /**
         * Shared images whose membership for the caller has this status ({@code member_status}). Replaces
         * an earlier {@code memberStatus} or {@code anyMemberStatus}; {@code null} removes the filter.
         */
        public Builder memberStatus(MemberStatus memberStatus) {
            this.memberStatus = memberStatus == null ? null : memberStatus.value();
            return this;
        }

        /**
         * Shared images whatever the caller's membership status ({@code member_status=all}). Replaces an
         * earlier {@link #memberStatus(MemberStatus)}.
         */
        public Builder anyMemberStatus() {
            this.memberStatus = "all";
            return this;
        }

        /** {@code os_hidden}: {@code true} lists the hidden images (which the default listing leaves out). */
        public Builder hidden(Boolean hidden) {
            this.hidden = hidden;
            return this;
        }

        /** {@code protected}: only protected ({@code true}) or unprotected ({@code false}) images. */
        public Builder isProtected(Boolean isProtected) {
            this.isProtected = isProtected;
            return this;
        }

        /** Images carrying this tag; repeat for several (all must be present). */
        public Builder tag(String tag) {
            tags.add(Arguments.tag(tag));
            return this;
        }

        /** Images carrying all of these tags. */
        public Builder tags(String... tags) {
            for (String t : tags) {
                tag(t);
            }
            return this;
        }

        /** Images with at least this many bytes of data ({@code size_min}). */
        public Builder sizeMin(long bytes) {
            if (bytes < 0) {
                throw new ValidationException("sizeMin must be >= 0, was " + bytes);
            }
            this.sizeMin = bytes;
            return this;
        }

        /** Images with at most this many bytes of data ({@code size_max}). */
        public Builder sizeMax(long bytes) {
            if (bytes < 0) {
                throw new ValidationException("sizeMax must be >= 0, was " + bytes);
            }
            this.sizeMax = bytes;
            return this;
        }

        /** Images with this container format. */
        public Builder containerFormat(ContainerFormat format) {
            this.containerFormat = Arguments.notNull(format, "format").value();
            return this;
        }

        /** Images with any of these container formats ({@code in:}). */
        public Builder containerFormats(ContainerFormat... formats) {
            List<String> values = new ArrayList<>();
            for (ContainerFormat f : formats) {
                values.add(f.value());
            }
            this.containerFormat = inList(values);
            return this;
        }

        /** Images with this disk format. */
        public Builder diskFormat(DiskFormat format) {
            this.diskFormat = Arguments.notNull(format, "format").value();
            return this;
        }

        /** Images with any of these disk formats ({@code in:}). */
        public Builder diskFormats(DiskFormat... formats) {
            List<String> values = new ArrayList<>();
            for (DiskFormat f : formats) {
                values.add(f.value());
            }
            this.diskFormat = inList(values);
            return this;
        }

        /** Filter on {@code created_at}. */
        public Builder createdAt(DateQuery query) {
            this.createdAt = query;
            return this;
        }

        /** Filter on {@code updated_at}. */
        public Builder updatedAt(DateQuery query) {
            this.updatedAt = query;
            return this;
        }

        /** Images whose md5 {@code checksum} is this hex value. */
        public Builder checksum(String md5Hex) {
            this.checksum = nonBlank("checksum", md5Hex);
            return this;
        }

        /** Images whose {@code os_hash_value} is this hex value. */
        public Builder osHashValue(String hex) {
            this.osHashValue = nonBlank("osHashValue", hex);
            return this;
        }

        /** Adds a sort criterion in the new syntax ({@code sort=a:asc,b:desc}). */
        public Builder sort(SortKey key) {
            sort.add(Arguments.notNull(key, "key"));
            return this;
        }

        /** Adds a sort criterion in the new syntax. */
        public Builder sort(String attribute, SortDirection direction) {
            return sort(SortKey.of(attribute, direction));
        }

        /**
         * Adds a sort criterion in the classic syntax ({@code sort_key=a&sort_dir=asc}, repeatable).
         * Glance's {@code next} links keep only the last pair; {@code Images.list} puts the others back
         * so every page is sorted the same way.
         */
        public Builder sortKey(String attribute, SortDirection direction) {
            classicSort.add(SortKey.of(attribute, direction));
            return this;
        }

        /**
         * Images whose custom property {@code name} has exactly {@code value} (e.g.
         * {@code property("os_distro", "ubuntu")} → {@code ?os_distro=ubuntu}).
         */
        public Builder property(String name, String value) {
            nonBlank("property name", name);
            if (RESERVED_QUERY_NAMES.contains(name)) {
                throw new ValidationException("\"" + name + "\" has its own ListOpts setter; it cannot be a property filter");
            }
            properties.put(name, Arguments.notNull(value, "value"));
            return this;
        }

        /**
         * The options.
         *
         * @throws ValidationException when both sort syntaxes are used, or sizeMin &gt; sizeMax
         */
        public ListOpts build() {
            if (!sort.isEmpty() && !classicSort.isEmpty()) {
                throw new ValidationException("use either sort(...) (sort=key:dir) or sortKey(...) (sort_key/sort_dir), "
                        + "not both: Glance rejects mixing the two syntaxes");
            }
            if (sizeMin != null && sizeMax != null && sizeMin > sizeMax) {
                throw new ValidationException("sizeMin " + sizeMin + " is greater than sizeMax " + sizeMax);
            }
            return new ListOpts(this);
        }

        private static List<String> list(String[] values) {
            if (values == null) {
                throw new ValidationException("values must not be null");
            }
            return Arrays.asList(values);
        }

        private static String nonBlank(String what, String value) {
            if (value == null || value.isBlank()) {
                throw new ValidationException(what + " must not be blank");
            }
            return value;
        }

        /** A single exact value; one that starts like an operator is sent as a one-element in: list. */
        private static String single(String what, String value) {
            nonBlank(what, value);
            return value.startsWith("in:") ? inList(List.of(value)) : value;
        }
    }
}
