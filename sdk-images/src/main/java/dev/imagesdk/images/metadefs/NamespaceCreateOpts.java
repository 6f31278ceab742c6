package dev.imagesdk.images.metadefs;

import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.Arguments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A new namespace for {@link MetadefNamespaces#create(NamespaceCreateOpts)}: its name and fields, and
 * optionally its first contents (resource type associations, property definitions, objects, tags), all
 * created by the one request.
 */
public final class NamespaceCreateOpts {
    private final Map<String, Object> body;

    private NamespaceCreateOpts(Map<String, Object> body) {
        this.body = body;
    }

    /** A builder of a namespace named {@code namespace} (at most 80 characters). */
    public static Builder builder(String namespace) {
        return new Builder(namespace);
    }

    /** The JSON body (the wire encoding; not API). */
    Map<String, Object> body() {
        return body;
    }

    /** The new namespace's name. */
    public String namespace() {
        return (String) body.get("namespace");
    }

    /** Builds {@link NamespaceCreateOpts}. */
    public static final class Builder {
        private final Map<String, Object> body = new LinkedHashMap<>();
        private final List<Object> associations = new ArrayList<>();
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private final List<Object> objects = new ArrayList<>();
        private final List<Object> tags = new ArrayList<>();

        private Builder(String namespace) {
            body.put("namespace", NamespaceUpdateOpts.checkName(namespace));
        }

        /** The name dashboards show (at most 80 characters). */
        public Builder displayName(String displayName) {
            body.put("display_name", NamespaceUpdateOpts.checkLength(displayName, "display name", 80));
            return this;
        }

        /** Description (at most 500 characters). */
        public Builder description(String description) {
            body.put("description", NamespaceUpdateOpts.checkLength(description, "description", 500));
            return this;
        }

        /** Who can see it (Glance's default: private). */
        public Builder visibility(MetadefVisibility visibility) {
            body.put("visibility", Arguments.notNull(visibility, "visibility").value());
            return this;
        }

        /** Protects it from deletion (Glance's default: not protected). */
        public Builder isProtected(boolean isProtected) {
            body.put("protected", isProtected);
            return this;
        }

        /** Associates it with a resource type. */
        public Builder resourceTypeAssociation(ResourceTypeAssociation association) {
            associations.add(Arguments.notNull(association, "association").toBody());
            return this;
        }

        /** Adds a property definition. */
        public Builder property(PropertyDefinition property) {
            Arguments.notNull(property, "property");
            properties.put(property.name().orElseThrow(() -> new ValidationException("the property has no name")),
                    property.toNestedBody());
            return this;
        }

        /** Adds an object. */
        public Builder object(MetadefObject object) {
            objects.add(Arguments.notNull(object, "object").toBody());
            return this;
        }

        /** Adds tags. */
        public Builder tags(List<String> names) {
            for (String n : Arguments.notNull(names, "names")) {
                tags.add(Map.of("name", MetadefTags.checkTag(n)));
            }
            return this;
        }

        /** The options. */
        public NamespaceCreateOpts build() {
            Map<String, Object> b = new LinkedHashMap<>(body);
            if (!associations.isEmpty()) {
                b.put("resource_type_associations", new ArrayList<>(associations));
            }
            if (!properties.isEmpty()) {
                b.put("properties", new LinkedHashMap<>(properties));
            }
            if (!objects.isEmpty()) {
                b.put("objects", new ArrayList<>(objects));
            }
            if (!tags.isEmpty()) {
                b.put("tags", new ArrayList<>(tags));
            }
            return new NamespaceCreateOpts(b);
        }
    }
}
