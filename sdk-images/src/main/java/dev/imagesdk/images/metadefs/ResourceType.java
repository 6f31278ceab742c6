package dev.imagesdk.images.metadefs;

import dev.imagesdk.core.types.Decoded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource type that metadef namespaces can be associated with, e.g. {@code OS::Glance::Image},
 * {@code OS::Nova::Flavor} ({@code GET /v2/metadefs/resource_types}). Glance creates one the first time a
 * namespace is associated with it. Read-only.
 */
public final class ResourceType implements Decoded {
    private final String name;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final List<String> decodingProblems;

    private ResourceType(String name, Instant createdAt, Instant updatedAt, List<String> problems) {
        this.name = name;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.decodingProblems = List.copyOf(problems);
    }

    static ResourceType decode(Object raw) {
        return decode(raw, new ArrayList<>());
    }

    static ResourceType decode(Object raw, List<String> problems) {
        Fields f = Fields.of(raw, problems, "a resource type");
        return new ResourceType(f.string("name"), f.instant("created_at"), f.instant("updated_at"), problems);
    }

    /** The name, e.g. {@code OS::Glance::Image}. */
    public String name() {
        return name;
    }

    /** When Glance first saw it. */
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

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceType && Objects.equals(name, ((ResourceType) o).name)
                && Objects.equals(createdAt, ((ResourceType) o).createdAt)
                && Objects.equals(updatedAt, ((ResourceType) o).updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "ResourceType{" + name + "}";
    }
}
