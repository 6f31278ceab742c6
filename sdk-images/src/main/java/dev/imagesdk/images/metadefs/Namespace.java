package dev.imagesdk.images.metadefs;

import dev.imagesdk.core.types.Decoded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A metadata definition namespace ({@code /v2/metadefs/namespaces/{namespace}}): a named catalogue of
 * property definitions, objects and tags that dashboards offer for images and other resources, e.g.
 * {@code OS::Compute::Libvirt}. Read from the server; a namespace read with
 * {@link MetadefNamespaces#get(String)} carries its contents inline, one from a listing only its own
 * fields and resource type associations. Read-only.
 */
public final class Namespace implements Decoded {
    private final String namespace;
    private final String displayName;
    private final String description;
    private final MetadefVisibility visibility;
    private final Boolean isProtected;
    private final String owner;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final List<ResourceTypeAssociation> resourceTypeAssociations;
    private final Map<String, PropertyDefinition> properties;
    private final List<MetadefObject> objects;
    private final List<MetadefTag> tags;
    private final List<String> decodingProblems;

    private Namespace(Fields f) {
        this.namespace = f.string("namespace");
        this.displayName = f.string("display_name");
        this.description = f.string("description");
        this.visibility = MetadefVisibility.of(f.string("visibility"));
        this.isProtected = f.bool("protected");
        this.owner = f.string("owner");
        this.createdAt = f.instant("created_at");
        this.updatedAt = f.instant("updated_at");
        List<ResourceTypeAssociation> rta = new ArrayList<>();
        for (Object o : f.objects("resource_type_associations")) {
            ResourceTypeAssociation a = ResourceTypeAssociation.decode(o);
            a.decodingProblems().forEach(p -> f.problems().add("resource_type_associations: " + p));
            rta.add(a);
        }
        this.resourceTypeAssociations = List.copyOf(rta);
        this.properties = f.properties("properties");
        List<MetadefObject> objs = new ArrayList<>();
        for (Object o : f.objects("objects")) {
            MetadefObject x = MetadefObject.decode(o);
            x.decodingProblems().forEach(p -> f.problems().add("objects: " + p));
            objs.add(x);
        }
        this.objects = List.copyOf(objs);
        List<MetadefTag> t = new ArrayList<>();
        for (Object o : f.objects("tags")) {
            MetadefTag x = MetadefTag.decode(o);
            x.decodingProblems().forEach(p -> f.problems().add("tags: " + p));
            t.add(x);
        }
        this.tags = List.copyOf(t);
        this.decodingProblems = List.copyOf(f.problems());
    }

    static Namespace decode(Object raw, List<String> problems) {
        return new Namespace(Fields.of(raw, problems, "a namespace"));
    }

    /** The namespace's unique name, e.g. {@code OS::Compute::Libvirt}. */
    public String namespace() {
        return namespace;
    }

    /** The name dashboards show. */
    public Optional<String> displayName() {
        return Optional.ofNullable(displayName);
    }

    /** Description. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** Who can see it ({@code private} when the server says nothing). */
    public MetadefVisibility visibility() {
        return visibility == null ? MetadefVisibility.PRIVATE : visibility;
    }

    /** {@code true} when protected: Glance refuses to delete it or its contents (403). */
    public boolean isProtected() {
        return Boolean.TRUE.equals(isProtected);
    }

    /** The owning project. */
    public Optional<String> owner() {
        return Optional.ofNullable(owner);
    }

    /** Creation time. */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    /** Last change. */
    public Optional<Instant> updatedAt() {
        return Optional.ofNullable(updatedAt);
    }

    /** The resource types its properties apply to. */
    public List<ResourceTypeAssociation> resourceTypeAssociations() {
        return resourceTypeAssociations;
    }

    /** Its property definitions by name (inline in {@code get}; prefixed when read for a resource type). */
    public Map<String, PropertyDefinition> properties() {
        return properties;
    }

    /** Its objects (inline in {@code get}). */
    public List<MetadefObject> objects() {
        return objects;
    }

    /** Its tags (inline in {@code get}). */
    public List<MetadefTag> tags() {
        return tags;
    }

    @Override
    public List<String> decodingProblems() {
        return decodingProblems;
    }

    @Override
    public String toString() {
        return "Namespace{" + namespace + ", " + visibility() + (isProtected() ? ", protected" : "") + "}";
    }
}
