package dev.imagesdk.images.metadefs;

import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.images.model.SortDirection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Filters and order of {@code GET /v2/metadefs/namespaces}: visibility, resource types, sort, page size. */
public final class NamespaceListOpts {
    private final List<Map.Entry<String, String>> query;

    private NamespaceListOpts(List<Map.Entry<String, String>> query) {
        this.query = Collections.unmodifiableList(query);
    }

    /** A builder without filters. */
    public static Builder builder() {
        return new Builder();
    }

    /** No filters: every namespace the caller may see, newest first (Glance's default order). */
    public static NamespaceListOpts defaults() {
        return builder().build();
    }

    List<Map.Entry<String, String>> toQuery() {
        return query;
    }

    /** Builds {@link NamespaceListOpts}. */
    public static final class Builder {
        private final List<Map.Entry<String, String>> query = new ArrayList<>();

        private Builder() {
        }

        /** Only namespaces of this visibility. */
        public Builder visibility(MetadefVisibility visibility) {
            return add("visibility", Arguments.notNull(visibility, "visibility").value());
        }

        /** Only namespaces associated with at least one of these resource types (e.g. {@code OS::Glance::Image}). */
        public Builder resourceTypes(List<String> names) {
            Arguments.notNull(names, "names");
            if (names.isEmpty()) {
                throw new ValidationException("resource types must not be empty");
            }
            for (String n : names) {
                Arguments.notBlank(n, "resource type");
                if (n.contains(",")) {
                    throw new ValidationException("a resource type name must not contain ',': " + n);
                }
            }
            return add("resource_types", String.join(",", names));
        }

        /** Sort attribute ({@code created_at} by default, {@code namespace}, {@code updated_at}, ...). */
        public Builder sortKey(String key) {
            return add("sort_key", key);
        }

        /** Sort direction (Glance's default: descending). */
        public Builder sortDir(SortDirection dir) {
            return add("sort_dir", Arguments.notNull(dir, "dir").value());
        }

        /** Page size (&gt; 0); Glance caps it at its {@code api_limit_max}. */
        public Builder limit(int limit) {
            if (limit <= 0) {
                throw new ValidationException("limit must be > 0, was " + limit);
            }
            return add("limit", Integer.toString(limit));
        }

        /** Start after this namespace. */
        public Builder marker(String namespace) {
            return add("marker", namespace);
        }

        private Builder add(String name, String value) {
            Arguments.notBlank(value, name);
            query.removeIf(e -> e.getKey().equals(name));
            query.add(Map.entry(name, value));
            return this;
        }

        /** The options. */
        public NamespaceListOpts build() {
            return new NamespaceListOpts(new ArrayList<>(query));
        }
    }
}
