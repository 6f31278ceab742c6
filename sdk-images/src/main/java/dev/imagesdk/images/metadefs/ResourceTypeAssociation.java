package dev.imagesdk.images.metadefs;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.types.Decoded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The association of a metadef namespace with a resource type: the namespace's properties apply to
 * that type of resource, named with {@link #prefix()} in front (e.g. prefix {@code hw_} turns property
 * {@code cpu_cores} into image property {@code hw_cpu_cores}). {@link #propertiesTarget()} says where
 * on the resource they go (for a Cinder volume: {@code image} or {@code volume}). Immutable; build one to
 * associate a namespace with {@link #builder(String)}.
 */
public final class ResourceTypeAssociation implements Decoded {
    private final String name;
    private final String prefix;
    private final String propertiesTarget;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final List<String> decodingProblems;

    private ResourceTypeAssociation(String name, String prefix, String propertiesTarget, Instant createdAt,
            Instant updatedAt, List<String> problems) {
        this.name = name;
        this.prefix = prefix;
        this.propertiesTarget = propertiesTarget;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.decodingProblems = List.copyOf(problems);
    }

    static ResourceTypeAssociation decode(Object raw) {
        return decode(raw, new ArrayList<>());
    }

    static ResourceTypeAssociation decode(Object raw, List<String> problems) {
        Fields f = Fields.of(raw, problems, "a resource type association");
        return new ResourceTypeAssociation(f.string("name"), f.string("prefix"), f.string("properties_target"),
                f.instant("created_at"), f.instant("updated_at"), problems);
    }

    /** An association with the resource type {@code name} (e.g. {@code OS::Glance::Image}), no prefix, no target. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The resource type's name. */
    public String name() {
        return name;
    }

    /** The prefix put before the namespace's property names for this resource type. */
    public Optional<String> prefix() {
        return Optional.ofNullable(prefix);
    }

    /** Where on the resource the properties go (e.g. {@code image} for a volume's image metadata). */
    public Optional<String> propertiesTarget() {
        return Optional.ofNullable(propertiesTarget);
    }

    /** When the association was made (not returned inline on create). */
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
        if (prefix != null) {
            body.put("prefix", prefix);
        }
        if (propertiesTarget != null) {
            body.put("properties_target", propertiesTarget);
        }
        return body;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ResourceTypeAssociation)) {
            return false;
        }
        ResourceTypeAssociation a = (ResourceTypeAssociation) o;
        return Objects.equals(name, a.name) && Objects.equals(prefix, a.prefix)
                && Objects.equals(propertiesTarget, a.propertiesTarget) && Objects.equals(createdAt, a.createdAt)
                && Objects.equals(updatedAt, a.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, prefix, propertiesTarget, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "ResourceTypeAssociation{" + name + (prefix == null ? "" : ", prefix=" + prefix)
                + (propertiesTarget == null ? "" : ", target=" + propertiesTarget) + "}";
    }

    /** Builds a {@link ResourceTypeAssociation} to send. */
    public static final class Builder {
        private final String name;
        private String prefix;
        private String propertiesTarget;

        private Builder(String name) {
            this.name = Arguments.id(name, "resource type name");
        }

        /** The prefix of the property names, e.g. {@code hw_}. */
        public Builder prefix(String prefix) {
            this.prefix = Arguments.notNull(prefix, "prefix");
            return this;
        }

        /** Where on the resource the properties go. */
        public Builder propertiesTarget(String target) {
            this.propertiesTarget = Arguments.notBlank(target, "properties target");
            return this;
        }

        /** The association. */
        public ResourceTypeAssociation build() {
            return new ResourceTypeAssociation(name, prefix, propertiesTarget, null, null, List.of());
        }
    }
}
