package dev.imagesdk.images.tasks;

import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.Arguments;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code POST /v2/tasks} creates: a task type and its input. Glance's users create {@code import}
 * tasks (the legacy import: Glance fetches {@code import_from} over http into a new image), built with
 * {@link #importFrom(URI, String)}; {@link #builder()} takes any type and input as Glance defines them.
 */
public final class TaskCreateOpts {
    private final String type;
    private final Map<String, Object> input;

    private TaskCreateOpts(Builder b) {
        this.type = b.type;
        this.input = Collections.unmodifiableMap(new LinkedHashMap<>(b.input));
    }

    /** A builder for any task type and input. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * An {@code import} task: Glance fetches {@code source} (http, the only scheme Glance's default
     * configuration accepts) and stores it as a new image in {@code sourceFormat} ({@code raw},
     * {@code qcow2}, ...); add the new image's attributes with {@link Builder#imageProperty(String, Object)}.
     *
     * @throws ValidationException for a source that is not an absolute http URL, or a blank format
     */
    public static Builder importFrom(URI source, String sourceFormat) {
        Arguments.notNull(source, "source");
        String scheme = source.getScheme() == null ? "" : source.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") || source.getHost() == null) {
            throw new ValidationException("source must be an absolute http URL (Glance's import task accepts no "
                    + "other scheme by default), was " + source);
        }
        return builder().type("import").input("import_from", source.toString())
                .input("import_from_format", Arguments.notBlank(sourceFormat, "source format"))
                .input("image_properties", new LinkedHashMap<String, Object>());
    }

    /** The task type. */
    public String type() {
        return type;
    }

    /** The task input, as sent. */
    public Map<String, Object> input() {
        return input;
    }

    /** Builds {@link TaskCreateOpts}. */
    public static final class Builder {
        private String type;
        private final Map<String, Object> input = new LinkedHashMap<>();

        private Builder() {
        }

        /** The task type ({@code import}; Glance also knows {@code api_image_import}, which imports create). */
        public Builder type(String type) {
            this.type = Arguments.notBlank(type, "task type");
            return this;
        }

        /** One input key (a JSON value: string, number, boolean, list, map or {@code null}). */
        public Builder input(String key, Object value) {
            input.put(Arguments.notBlank(key, "input key"), value);
            return this;
        }

        /**
         * An attribute of the image an {@code import} task creates ({@code name}, {@code disk_format},
         * {@code container_format}, {@code tags}, custom properties), in {@code input.image_properties}.
         */
        @SuppressWarnings("unchecked")
        public Builder imageProperty(String name, Object value) {
            Object properties = input.get("image_properties");
            Map<String, Object> map;
            if (properties instanceof Map) {
                map = new LinkedHashMap<>((Map<String, Object>) properties);
            } else {
                map = new LinkedHashMap<>();
            }
            map.put(Arguments.notBlank(name, "image property name"), value);
            input.put("image_properties", map);
            return this;
        }

        /**
         * The options.
         *
         * @throws ValidationException without a type
         */
        public TaskCreateOpts build() {
            if (type == null) {
                throw new ValidationException("a task needs a type");
            }
            return new TaskCreateOpts(this);
        }
    }
}
