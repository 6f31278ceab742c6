package dev.imagesdk.links;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.error.ValidationException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Filters and page size of {@code GET /v2/image-links}. Filters are exact matches and combine with
 * AND; whatever the filters, the server returns only links the caller may see (see
 * {@link dev.imagesdk.links.ScopeRules}), ordered by scope, then priority.
 */
public final class LinkListOpts {
    /** Largest page size a server serves (it treats larger limits as this one); the SDK refuses larger values. */
    public static final int MAX_LIMIT = 1000;

    private final List<Map.Entry<String, String>> query;

    private LinkListOpts(List<Map.Entry<String, String>> query) {
        this.query = Collections.unmodifiableList(query);
    }

    /** A builder with no filters. */
    public static Builder builder() {
        return new Builder();
    }

    /** No filters: every link the caller may see. */
    public static LinkListOpts defaults() {
        return new Builder().build();
    }

    /** The query parameters in the order they are sent (the wire encoding; not API). */
    List<Map.Entry<String, String>> toQuery() {
        return query;
    }

    /** The value of one query parameter ({@code imid}, {@code org_slug}, {@code limit}, ...), or {@code null}. */
    String value(String name) {
        for (Map.Entry<String, String> e : query) {
            if (e.getKey().equals(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkListOpts && ((LinkListOpts) o).query.equals(query);
    }

    @Override
    public int hashCode() {
        return query.hashCode();
    }

    @Override
    public String toString() {
        return "LinkListOpts" + query;
    }

    /** Builds {@link LinkListOpts}; every value is checked here, before any request. */
    public static final class Builder {
        private Integer limit;
        private String marker;
        private String imageId;
        private String orgSlug;
        private String spaceSlug;
        private String spaceType;

        private Builder() {
        }

        /** Page size, 1 to {@link #MAX_LIMIT} (server default 25). Paging still returns every item. */
        public Builder limit(int limit) {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new ValidationException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
            }
            this.limit = limit;
            return this;
        }

        /** Start after the link with this id (in the listing's order). */
        public Builder marker(String linkId) {
            this.marker = nonBlank("marker", linkId);
            return this;
        }

        /** Only links of this image ({@code imid}). */
        public Builder imageId(String imageId) {
            this.imageId = Arguments.uuid(imageId, "image id");
            return this;
        }

        /** Only links naming this organization ({@code org_slug}): its organization and space links. */
        public Builder orgSlug(String orgSlug) {
            this.orgSlug = nonBlank("organization slug", orgSlug);
            return this;
        }

        /** Only links of this space ({@code space_slug}). */
        public Builder spaceSlug(String spaceSlug) {
            this.spaceSlug = nonBlank("space slug", spaceSlug);
            return this;
        }

        /** Only links of spaces of this type ({@code space_type}). */
        public Builder spaceType(String spaceType) {
            this.spaceType = nonBlank("space type", spaceType);
            return this;
        }

        private static String nonBlank(String what, String value) {
            if (value == null || value.isBlank()) {
                throw new ValidationException(what + " filter must not be blank");
            }
            return value;
        }

        /** The options. */
        public LinkListOpts build() {
            List<Map.Entry<String, String>> q = new ArrayList<>();
            add(q, "imid", imageId);
            add(q, "org_slug", orgSlug);
            add(q, "space_slug", spaceSlug);
            add(q, "space_type", spaceType);
            add(q, "limit", limit == null ? null : String.valueOf(limit));
            add(q, "marker", marker);
            return new LinkListOpts(q);
        }

        private static void add(List<Map.Entry<String, String>> q, String name, String value) {
            if (value != null) {
                q.add(Map.entry(name, value));
            }
        }
    }
}
