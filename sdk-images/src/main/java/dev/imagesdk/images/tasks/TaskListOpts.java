package dev.imagesdk.images.tasks;

import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.images.model.SortDirection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Filters of {@code GET /v2/tasks}: type, status, sort, page size, marker. */
public final class TaskListOpts {
    private final List<Map.Entry<String, String>> query;

    private TaskListOpts(List<Map.Entry<String, String>> query) {
        this.query = Collections.unmodifiableList(query);
    }

    /** A builder without filters. */
    public static Builder builder() {
        return new Builder();
    }

    /** No filters: every task the caller may see, in the server's default order. */
    public static TaskListOpts defaults() {
        return builder().build();
    }

    /** The query parameters in order (the wire encoding; not API). */
    List<Map.Entry<String, String>> toQuery() {
        return query;
    }

    /** Builds {@link TaskListOpts}. */
    public static final class Builder {
        private final List<Map.Entry<String, String>> query = new ArrayList<>();

        private Builder() {
        }

        /** Tasks of this type ({@code import}, {@code api_image_import}, ...). */
        public Builder type(String type) {
            return add("type", type);
        }

        /** Tasks in this status ({@code pending}, {@code processing}, {@code success}, {@code failure}). */
        public Builder status(String status) {
            return add("status", status);
        }

        /** Sort attribute ({@code created_at}, {@code updated_at}, {@code id}, {@code status}, {@code type}). */
        public Builder sortKey(String key) {
            return add("sort_key", key);
        }

        /** Sort direction. */
        public Builder sortDir(SortDirection dir) {
            return add("sort_dir", dir == null ? null : dir.value());
        }

        /** Page size (&gt; 0). */
        public Builder limit(int limit) {
            if (limit <= 0) {
                throw new ValidationException("limit must be > 0, was " + limit);
            }
            return add("limit", Integer.toString(limit));
        }

        /** Start after this task id. */
        public Builder marker(String marker) {
            return add("marker", marker);
        }

        private Builder add(String name, String value) {
            if (value == null || value.isBlank()) {
                throw new ValidationException(name + " must not be blank");
            }
            query.add(Map.entry(name, value));
            return this;
        }

        /** The options. */
        public TaskListOpts build() {
            return new TaskListOpts(new ArrayList<>(query));
        }
    }
}
