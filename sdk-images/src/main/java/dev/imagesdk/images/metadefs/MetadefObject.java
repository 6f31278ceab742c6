package dev.imagesdk.images.metadefs;

import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.types.Decoded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A metadef object: a named group of property definitions within a namespace (e.g. "CPU Limits" with
 * its quota properties), some of them {@link #required()}. Immutable; build one to create or replace an
 * object with {@link #builder(String)}.
 */
public final class MetadefObject implements Decoded {
    private final String name;
    private final String description;
    private final List<String> required;
    private final Map<String, PropertyDefinition> properties;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final List<String> decodingProblems;

    private MetadefObject(String name, String description, List<String> required,
            Map<String, PropertyDefinition> properties, Instant createdAt, Instant updatedAt, List<String> problems) {
        this.name = name;
        this.description = description;
        this.required = List.copyOf(required);
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.decodingProblems = List.copyOf(problems);
    }

    static MetadefObject decode(Object raw) {
        return decode(raw, new ArrayList<>());
    }

    static MetadefObject decode(Object raw, List<String> problems) {
        Fields f = Fields.of(raw, problems, "a metadef object");
        return new MetadefObject(f.string("name"), f.string("description"), f.strings("required"),
                f.properties("properties"), f.instant("created_at"), f.instant("updated_at"), problems);
    }

    /** A builder of an object named {@code name} (at most 80 characters). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The object's name, unique within its namespace. */
    public String name() {
        return name;
    }

    /** Description. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** Names of the properties a resource must set. */
    public List<String> required() {
        return required;
    }

    /** The object's property definitions by name (prefixed when read for a resource type). */
    public Map<String, PropertyDefinition> properties() {
        return properties;
    }

    /** Creation time (not in a namespace's inline copy on create). */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    /** Last change. */
    public Optional<Instant> updatedAt() {
        return Optional.ofNullable(updatedAt);
    }

    @Override
    public List<String> decodingProblems() {
        return decodingProblems;
    }

    Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (description != null) {
            body.put("description", description);
        }
        if (!required.isEmpty()) {
            body.put("required", required);
        }
        if (!properties.isEmpty()) {
            Map<String, Object> props = new LinkedHashMap<>();
            properties.forEach((k, v) -> props.put(k, v.toNestedBody()));
            body.put("properties", props);
        }
        return body;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MetadefObject)) {
            return false;
        }
        MetadefObject x = (MetadefObject) o;
        return Objects.equals(name, x.name) && Objects.equals(description, x.description) && required.equals(x.required)
                && properties.equals(x.properties) && Objects.equals(createdAt, x.createdAt)
                && Objects.equals(updatedAt, x.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, required, properties, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "MetadefObject{" + name + ", properties=" + properties.keySet() + "}";
    }

    /** Builds a {@link MetadefObject} to send. */
    public static final class Builder {
        private final String name;
        private String description;
        private final List<String> required = new ArrayList<>();
        private final Map<String, PropertyDefinition> properties = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = Arguments.id(name, "object name");
            if (name.length() > 80) {
                throw new ValidationException("an object name must be at most 80 characters (Glance's limit)");
            }
        }

        /** Description. */
        public Builder description(String description) {
            this.description = Arguments.notNull(description, "description");
            return this;
        }

        /** Adds a property definition (under its name). */
        public Builder property(PropertyDefinition property) {
            Arguments.notNull(property, "property");
            properties.put(property.name().orElseThrow(() -> new ValidationException("the property has no name")),
                    property);
            return this;
        }

        /** Marks properties as required (names of properties of this object). */
        public Builder required(List<String> names) {
            for (String n : Arguments.notNull(names, "names")) {
                required.add(Arguments.notBlank(n, "required property name"));
            }
            return this;
        }

        /** The object. */
        public MetadefObject build() {
            return new MetadefObject(name, description, required, properties, null, null, List.of());
        }
    }
}
