package dev.imagesdk.testing.internal.emulator.metadefs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The metadata definitions the emulator holds, as Glance's metadef tables do: namespaces with their
 * objects, properties, tags and resource-type associations, and the resource types (which outlive their
 * associations). One lock guards everything; {@link #reset()} empties it and loads the seed again.
 */
public final class MetadefCatalog {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Namespace> namespaces = new LinkedHashMap<>();
    private final Map<String, ResourceType> resourceTypes = new LinkedHashMap<>();
    private Instant last = Instant.EPOCH;
    private long sequence;
    private volatile Consumer<MetadefCatalog> seed = c -> { };

    /** A namespace row and everything in it. */
    static final class Namespace {
        String name;
        String displayName;
        String description;
        String visibility;
        boolean isProtected;
        String owner;
        Instant createdAt;
        Instant updatedAt;
        final long seq;
        /** Objects in creation order. */
        final Map<String, MetadefObject> objects = new LinkedHashMap<>();
        /** Property name → its JSON schema as stored (Glance keeps the document, name included if it was sent). */
        final Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
        /** Tags in creation order. */
        final List<Tag> tags = new ArrayList<>();
        /** Associations in creation order. */
        final List<Association> associations = new ArrayList<>();

        Namespace(long seq) {
            this.seq = seq;
        }

        Tag tag(String tagName) {
            for (Tag t : tags) {
                if (t.name.equals(tagName)) {
                    return t;
                }
            }
            return null;
        }

        /**
         * The tag a new name collides with. Glance's message says tag names are case insensitive, but that is
         * the database's collation: on SQLite (the test Glance) "TG1" and "tg1" are two tags, as here.
         */
        Tag tagIgnoringCase(String tagName) {
            return tag(tagName);
        }

        Association association(String resourceType) {
            for (Association a : associations) {
                if (a.resourceType.equals(resourceType)) {
                    return a;
                }
            }
            return null;
        }
    }

    /** An object of a namespace. */
    static final class MetadefObject {
        String name;
        String description;
        List<Object> required;
        Map<String, Object> properties;
        Instant createdAt;
        Instant updatedAt;
    }

    /** A tag of a namespace. */
    static final class Tag {
        String name;
        Instant createdAt;
        Instant updatedAt;
        final long seq;

        Tag(long seq) {
            this.seq = seq;
        }
    }

    /** A namespace's association with a resource type. */
    static final class Association {
        String resourceType;
        String prefix;
        String propertiesTarget;
        Instant createdAt;
        Instant updatedAt;
    }

    /** A resource type (Glance creates one on its first association and keeps it). */
    static final class ResourceType {
        String name;
        Instant createdAt;
        Instant updatedAt;
        boolean isProtected;
    }

    /** Runs {@code action} holding the lock. */
    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Namespaces by name, in creation order. Lock held. */
    Map<String, Namespace> namespaces() {
        return namespaces;
    }

    /** Resource types by name, in creation order. Lock held. */
    Map<String, ResourceType> resourceTypes() {
        return resourceTypes;
    }

    /** A new namespace row (not added yet). Lock held. */
    Namespace newNamespace() {
        return new Namespace(++sequence);
    }

    /** A new tag row (not added yet). Lock held. */
    Tag newTag() {
        return new Tag(++sequence);
    }

    /** The resource type {@code name}, created (unprotected, with {@code updated_at}) when unknown. Lock held. */
    ResourceType resourceType(String name, boolean seeded) {
        ResourceType rt = resourceTypes.get(name);
        if (rt == null) {
            rt = new ResourceType();
            rt.name = name;
            rt.createdAt = now();
            rt.updatedAt = seeded ? null : rt.createdAt;
            rt.isProtected = seeded;
            resourceTypes.put(name, rt);
        }
        return rt;
    }

    /** A strictly increasing timestamp (microseconds), so creation order is {@code created_at} order. Lock held. */
    Instant now() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!t.isAfter(last)) {
            t = last.plus(1, ChronoUnit.MICROS);
        }
        last = t;
        return t;
    }

    /** What {@link #reset()} loads after emptying the catalog (e.g. Glance's definition files); applied now. */
    public void seed(Consumer<MetadefCatalog> definitions) {
        this.seed = definitions;
        reset();
    }

    /** Forgets every namespace and resource type, then loads the seed again. */
    public void reset() {
        lock.lock();
        try {
            namespaces.clear();
            resourceTypes.clear();
            seed.accept(this);
        } finally {
            lock.unlock();
        }
    }

    /** How many namespaces the catalog holds. */
    public int namespaceCount() {
        return locked(namespaces::size);
    }
}
