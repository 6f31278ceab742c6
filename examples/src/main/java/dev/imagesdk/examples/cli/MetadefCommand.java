package dev.imagesdk.examples.cli;

import dev.imagesdk.examples.cli.output.Record;
import dev.imagesdk.images.Schemas;
import dev.imagesdk.images.metadefs.MetadefNamespaces;
import dev.imagesdk.images.metadefs.MetadefObject;
import dev.imagesdk.images.metadefs.MetadefObjects;
import dev.imagesdk.images.metadefs.MetadefProperties;
import dev.imagesdk.images.metadefs.MetadefResourceTypes;
import dev.imagesdk.images.metadefs.MetadefTag;
import dev.imagesdk.images.metadefs.MetadefTags;
import dev.imagesdk.images.metadefs.MetadefVisibility;
import dev.imagesdk.images.metadefs.Namespace;
import dev.imagesdk.images.metadefs.NamespaceCreateOpts;
import dev.imagesdk.images.metadefs.NamespaceListOpts;
import dev.imagesdk.images.metadefs.NamespaceUpdateOpts;
import dev.imagesdk.images.metadefs.PropertyDefinition;
import dev.imagesdk.images.metadefs.ResourceType;
import dev.imagesdk.images.metadefs.ResourceTypeAssociation;
import dev.imagesdk.images.model.SortDirection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code imagectl metadef ...}: Glance's metadata definitions (namespaces, objects, property definitions,
 * tags, resource type associations, their schemas). Reading is for everyone; writing needs an
 * administrator under Glance's default policy.
 */
@Command(name = "metadef", description = "Metadata definitions: the catalogue of image properties (writes: admin).",
        mixinStandardHelpOptions = true,
        subcommands = {MetadefCommand.Namespaces.class, MetadefCommand.Objects.class, MetadefCommand.Properties.class,
                MetadefCommand.Tags.class, MetadefCommand.ResourceTypes.class, MetadefCommand.Schema.class})
final class MetadefCommand {
    private MetadefCommand() {
    }

    static Record namespace(Namespace n) {
        List<String> types = n.resourceTypeAssociations().stream()
                .map(a -> a.name() + a.prefix().map(p -> " (" + p + ")").orElse("")).toList();
        return Record.of().put("namespace", n.namespace()).put("display_name", n.displayName())
                .put("visibility", n.visibility()).put("protected", n.isProtected()).put("owner", n.owner())
                .put("resource_types", types).put("description", n.description())
                .put("created_at", n.createdAt()).put("updated_at", n.updatedAt());
    }

    static Record property(String name, PropertyDefinition p) {
        return Record.of().put("name", name).put("type", p.type()).put("title", p.title())
                .put("description", p.description()).put("enum", p.enumValues().isEmpty() ? null : p.enumValues())
                .put("default", p.defaultValue()).put("minimum", p.minimum()).put("maximum", p.maximum())
                .put("readonly", p.readonly()).put("attributes", p.attributes());
    }

    static Record object(MetadefObject o) {
        return Record.of().put("name", o.name()).put("description", o.description()).put("required", o.required())
                .put("properties", new ArrayList<>(o.properties().keySet()))
                .put("created_at", o.createdAt()).put("updated_at", o.updatedAt());
    }

    static Record tag(MetadefTag t) {
        return Record.of().put("name", t.name()).put("created_at", t.createdAt()).put("updated_at", t.updatedAt());
    }

    static Record association(ResourceTypeAssociation a) {
        return Record.of().put("name", a.name()).put("prefix", a.prefix()).put("properties_target", a.propertiesTarget())
                .put("created_at", a.createdAt());
    }

    static MetadefVisibility visibility(String v) {
        String value = v.toLowerCase(Locale.ROOT);
        if (!value.equals("public") && !value.equals("private")) {
            throw new CommandException(ExitCodes.USAGE, "--visibility must be public or private, not " + v, "");
        }
        return MetadefVisibility.of(value);
    }

    // ---------------------------------------------------------------- namespaces

    @Command(name = "namespaces", description = "List, show, create, update and delete namespaces.",
            mixinStandardHelpOptions = true,
            subcommands = {ListNamespaces.class, ShowNamespace.class, CreateNamespace.class, UpdateNamespace.class,
                    DeleteNamespaces.class})
    static final class Namespaces {
    }

    @Command(name = "list", description = "List the namespaces you may see (all pages).", mixinStandardHelpOptions = true)
    static final class ListNamespaces extends ApiCommand {
        @Mixin
        FormatOption format;

        @Option(names = "--visibility", paramLabel = "public|private", description = "Only this visibility.")
        String visibility;

        @Option(names = "--resource-type", paramLabel = "TYPE", description = "Only namespaces associated with "
                + "this resource type, e.g. OS::Glance::Image (repeatable: any of them).")
        List<String> resourceTypes = new ArrayList<>();

        @Option(names = "--sort-key", paramLabel = "KEY", description = "Sort attribute (default created_at).")
        String sortKey;

        @Option(names = "--sort-dir", paramLabel = "asc|desc", description = "Sort direction (default desc).")
        String sortDir;

        @Option(names = "--page-size", paramLabel = "N", description = "Namespaces per request.")
        Integer pageSize;

        @Override
        void run() {
            NamespaceListOpts.Builder b = NamespaceListOpts.builder();
            if (visibility != null) {
                b.visibility(visibility(visibility));
            }
            if (!resourceTypes.isEmpty()) {
                b.resourceTypes(resourceTypes);
            }
            if (sortKey != null) {
                b.sortKey(sortKey);
            }
            if (sortDir != null) {
                b.sortDir(SortDirection.valueOf(sortDir.toUpperCase(Locale.ROOT)));
            }
            if (pageSize != null) {
                b.limit(pageSize);
            }
            List<Record> rows = new ArrayList<>();
            for (Namespace n : MetadefNamespaces.of(client()).list(b.build())) {
                rows.add(namespace(n));
            }
            format.printList(rows, List.of("namespace", "display_name", "visibility", "protected", "resource_types"), out());
        }
    }

    @Command(name = "show", description = "Show a namespace with its properties, objects and tags.",
            mixinStandardHelpOptions = true)
    static final class ShowNamespace extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(paramLabel = "NAMESPACE")
        String name;

        @Option(names = "--resource-type", paramLabel = "TYPE",
                description = "Show property names as for this resource type (with its prefix).")
        String resourceType;

        @Override
        void run() {
            MetadefNamespaces api = MetadefNamespaces.of(client());
            Namespace n = resourceType == null ? api.get(name) : api.get(name, resourceType);
            Record r = namespace(n);
            Map<String, Object> props = new LinkedHashMap<>();
            n.properties().forEach((k, v) -> props.put(k, property(k, v).fields()));
            r.put("properties", props);
            r.put("objects", n.objects().stream().map(o -> object(o).fields()).toList());
            r.put("tags", n.tags().stream().map(MetadefTag::name).toList());
            format.printOne(r, out());
        }
    }

    @Command(name = "create", description = "Create a namespace (admin).", mixinStandardHelpOptions = true)
    static final class CreateNamespace extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(paramLabel = "NAMESPACE")
        String name;

        @Option(names = "--display-name", paramLabel = "TEXT")
        String displayName;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Option(names = "--visibility", paramLabel = "public|private", description = "Default private.")
        String visibility;

        @Option(names = "--protected", description = "Protect it from deletion.")
        boolean isProtected;

        @Option(names = "--resource-type", paramLabel = "TYPE[:PREFIX]",
                description = "Associate with a resource type, optionally with a property prefix (repeatable).")
        List<String> resourceTypes = new ArrayList<>();

        @Option(names = "--tag", paramLabel = "TAG", description = "Add a tag (repeatable).")
        List<String> tags = new ArrayList<>();

        @Override
        void run() {
            NamespaceCreateOpts.Builder b = NamespaceCreateOpts.builder(name);
            if (displayName != null) {
                b.displayName(displayName);
            }
            if (description != null) {
                b.description(description);
            }
            if (visibility != null) {
                b.visibility(visibility(visibility));
            }
            if (isProtected) {
                b.isProtected(true);
            }
            for (String t : resourceTypes) {
                b.resourceTypeAssociation(associationOf(t, null));
            }
            if (!tags.isEmpty()) {
                b.tags(tags);
            }
            format.printOne(namespace(MetadefNamespaces.of(client()).create(b.build())), out());
        }
    }

    /** {@code TYPE[:PREFIX]}; the type itself holds colons ({@code OS::Glance::Image}), the prefix never does. */
    static ResourceTypeAssociation associationOf(String spec, String target) {
        int cut = spec.lastIndexOf(':');
        boolean hasPrefix = cut > 0 && spec.charAt(cut - 1) != ':' && cut < spec.length() - 1;
        ResourceTypeAssociation.Builder b = ResourceTypeAssociation.builder(hasPrefix ? spec.substring(0, cut) : spec);
        if (hasPrefix) {
            b.prefix(spec.substring(cut + 1));
        }
        if (target != null) {
            b.propertiesTarget(target);
        }
        return b.build();
    }

    @Command(name = "update", description = "Replace a namespace's fields (admin): what you leave out is reset "
            + "(visibility private, not protected, no display name or description).", mixinStandardHelpOptions = true)
    static final class UpdateNamespace extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(paramLabel = "NAMESPACE")
        String name;

        @Option(names = "--name", paramLabel = "NEW", description = "Rename it.")
        String newName;

        @Option(names = "--display-name", paramLabel = "TEXT")
        String displayName;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Option(names = "--visibility", paramLabel = "public|private")
        String visibility;

        @Option(names = "--protected", negatable = true, description = "Protect it from deletion (--no-protected: not).")
        boolean isProtected;

        @Override
        void run() {
            NamespaceUpdateOpts.Builder b = NamespaceUpdateOpts.builder(newName != null ? newName : name)
                    .isProtected(isProtected);
            if (displayName != null) {
                b.displayName(displayName);
            }
            if (description != null) {
                b.description(description);
            }
            if (visibility != null) {
                b.visibility(visibility(visibility));
            }
            format.printOne(namespace(MetadefNamespaces.of(client()).update(name, b.build())), out());
        }
    }

    @Command(name = "delete", description = "Delete namespaces with everything in them (admin; not protected ones).",
            mixinStandardHelpOptions = true)
    static final class DeleteNamespaces extends ApiCommand {
        @Parameters(arity = "1..*", paramLabel = "NAMESPACE")
        List<String> names;

        @Override
        void run() {
            MetadefNamespaces api = MetadefNamespaces.of(client());
            each(names, "namespaces", "deleted", n -> {
                api.delete(n);
                err().println("imagectl: deleted namespace " + n);
            });
        }
    }

    // ---------------------------------------------------------------- objects

    @Command(name = "objects", description = "List, show, create, update, delete a namespace's objects.",
            mixinStandardHelpOptions = true,
            subcommands = {ListObjects.class, ShowObject.class, CreateObject.class, UpdateObject.class, DeleteObjects.class,
                    DeleteAllObjects.class})
    static final class Objects {
    }

    @Command(name = "list", description = "List a namespace's objects.", mixinStandardHelpOptions = true)
    static final class ListObjects extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(paramLabel = "NAMESPACE")
        String namespace;

        @Override
        void run() {
            List<Record> rows = MetadefObjects.of(client()).list(namespace).stream().map(MetadefCommand::object).toList();
            format.printList(rows, List.of("name", "description", "required", "properties"), out());
        }
    }

    @Command(name = "show", description = "Show an object with its property definitions.", mixinStandardHelpOptions = true)
    static final class ShowObject extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1", paramLabel = "OBJECT")
        String name;

        @Override
        void run() {
            MetadefObject o = MetadefObjects.of(client()).get(namespace, name);
            Record r = object(o);
            Map<String, Object> props = new LinkedHashMap<>();
            o.properties().forEach((k, v) -> props.put(k, property(k, v).fields()));
            r.put("properties", props);
            format.printOne(r, out());
        }
    }

    /** The fields of an object, shared by {@code objects create} and {@code objects update}. */
    static final class ObjectOptions {
        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Option(names = "--property", paramLabel = "NAME:TYPE:TITLE", description = "A property definition (repeatable).")
        List<String> properties = new ArrayList<>();

        @Option(names = "--required", paramLabel = "NAME", description = "A required property (repeatable).")
        List<String> required = new ArrayList<>();

        MetadefObject build(String name) {
            MetadefObject.Builder b = MetadefObject.builder(name).required(required);
            if (description != null) {
                b.description(description);
            }
            for (String p : properties) {
                String[] parts = p.split(":", 3);
                if (parts.length != 3) {
                    throw new CommandException(ExitCodes.USAGE, "--property wants NAME:TYPE:TITLE, not " + p,
                            "For example --property cores:integer:CPU cores");
                }
                b.property(PropertyDefinition.builder(parts[0], parts[1], parts[2]).build());
            }
            return b.build();
        }
    }

    @Command(name = "create", description = "Create an object (admin).", mixinStandardHelpOptions = true)
    static final class CreateObject extends ApiCommand {
        @Mixin
        FormatOption format;

        @Mixin
        ObjectOptions fields;

        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1", paramLabel = "OBJECT")
        String name;

        @Override
        void run() {
            format.printOne(object(MetadefObjects.of(client()).create(namespace, fields.build(name))), out());
        }
    }

    @Command(name = "update", description = "Replace an object (admin): what you leave out is removed.",
            mixinStandardHelpOptions = true)
    static final class UpdateObject extends ApiCommand {
        @Mixin
        FormatOption format;

        @Mixin
        ObjectOptions fields;

        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1", paramLabel = "OBJECT")
        String name;

        @Option(names = "--name", paramLabel = "NEW", description = "Rename it.")
        String newName;

        @Override
        void run() {
            MetadefObject o = fields.build(newName != null ? newName : name);
            format.printOne(object(MetadefObjects.of(client()).update(namespace, name, o)), out());
        }
    }

    @Command(name = "delete", description = "Delete objects (admin).", mixinStandardHelpOptions = true)
    static final class DeleteObjects extends ApiCommand {
        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "OBJECT")
        List<String> names;

        @Override
        void run() {
            MetadefObjects api = MetadefObjects.of(client());
            each(names, "objects", "deleted", n -> {
                api.delete(namespace, n);
                err().println("imagectl: deleted object " + n);
            });
        }
    }

    @Command(name = "delete-all", description = "Delete every object of a namespace (admin).", mixinStandardHelpOptions = true)
    static final class DeleteAllObjects extends ApiCommand {
        @Parameters(paramLabel = "NAMESPACE")
        String namespace;

        @Override
        void run() {
            MetadefObjects.of(client()).deleteAll(namespace);
            err().println("imagectl: deleted every object of " + namespace);
        }
    }

    // ---------------------------------------------------------------- properties

    @Command(name = "properties", description = "List, show, create, update, delete a namespace's property definitions.",
            mixinStandardHelpOptions = true,
            subcommands = {ListProperties.class, ShowProperty.class, CreateProperty.class, UpdateProperty.class,
                    DeleteProperties.class, DeleteAllProperties.class})
    static final class Properties {
    }

    @Command(name = "list", description = "List a namespace's property definitions.", mixinStandardHelpOptions = true)
    static final class ListProperties extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(paramLabel = "NAMESPACE")
        String namespace;

        @Override
        void run() {
            List<Record> rows = new ArrayList<>();
            MetadefProperties.of(client()).list(namespace).forEach((k, v) -> rows.add(property(k, v)));
            format.printList(rows, List.of("name", "type", "title", "default", "enum"), out());
        }
    }

    @Command(name = "show", description = "Show a property definition.", mixinStandardHelpOptions = true)
    static final class ShowProperty extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1", paramLabel = "PROPERTY")
        String name;

        @Option(names = "--resource-type", paramLabel = "TYPE",
                description = "PROPERTY is named as for this resource type (with its prefix).")
        String resourceType;

        @Override
        void run() {
            MetadefProperties api = MetadefProperties.of(client());
            PropertyDefinition p = resourceType == null ? api.get(namespace, name) : api.get(namespace, name, resourceType);
            format.printOne(property(p.name().orElse(name), p), out());
        }
    }

    /** The fields of a property definition, shared by {@code properties create} and {@code properties update}. */
    static final class PropertyOptions {
        @Option(names = "--type", required = true, paramLabel = "TYPE",
                description = "string, integer, number, boolean, array or object.")
        String type;

        @Option(names = "--title", required = true, paramLabel = "TEXT")
        String title;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Option(names = "--enum", paramLabel = "VALUE", description = "An allowed value (repeatable).")
        List<String> enumValues = new ArrayList<>();

        @Option(names = "--default", paramLabel = "VALUE")
        String defaultValue;

        @Option(names = "--minimum", paramLabel = "N")
        Double minimum;

        @Option(names = "--maximum", paramLabel = "N")
        Double maximum;

        @Option(names = "--readonly", description = "Informational only.")
        boolean readonly;

        PropertyDefinition build(String name) {
            PropertyDefinition.Builder b = PropertyDefinition.builder(name, type, title);
            if (description != null) {
                b.description(description);
            }
            if (!enumValues.isEmpty()) {
                b.enumValues(enumValues);
            }
            if (defaultValue != null) {
                b.defaultValue(defaultValue);
            }
            if (minimum != null) {
                b.minimum(whole(minimum));
            }
            if (maximum != null) {
                b.maximum(whole(maximum));
            }
            if (readonly) {
                b.readonly(true);
            }
            return b.build();
        }

        private static Number whole(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Number) (long) d : (Number) d;
        }
    }

    @Command(name = "create", description = "Create a property definition (admin).", mixinStandardHelpOptions = true)
    static final class CreateProperty extends ApiCommand {
        @Mixin
        FormatOption format;

        @Mixin
        PropertyOptions definition;

        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1", paramLabel = "PROPERTY")
        String name;

        @Override
        void run() {
            PropertyDefinition p = MetadefProperties.of(client()).create(namespace, definition.build(name));
            format.printOne(property(p.name().orElse(name), p), out());
        }
    }

    @Command(name = "update", description = "Replace a property definition (admin): what you leave out is removed.",
            mixinStandardHelpOptions = true)
    static final class UpdateProperty extends ApiCommand {
        @Mixin
        FormatOption format;

        @Mixin
        PropertyOptions definition;

        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1", paramLabel = "PROPERTY")
        String name;

        @Option(names = "--name", paramLabel = "NEW", description = "Rename it.")
        String newName;

        @Override
        void run() {
            String target = newName != null ? newName : name;
            PropertyDefinition p = MetadefProperties.of(client()).update(namespace, name, definition.build(target));
            format.printOne(property(p.name().orElse(target), p), out());
        }
    }

    @Command(name = "delete", description = "Delete property definitions (admin).", mixinStandardHelpOptions = true)
    static final class DeleteProperties extends ApiCommand {
        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "PROPERTY")
        List<String> names;

        @Override
        void run() {
            MetadefProperties api = MetadefProperties.of(client());
            each(names, "properties", "deleted", n -> {
                api.delete(namespace, n);
                err().println("imagectl: deleted property " + n);
            });
        }
    }

    @Command(name = "delete-all", description = "Delete every property definition of a namespace (admin).",
            mixinStandardHelpOptions = true)
    static final class DeleteAllProperties extends ApiCommand {
        @Parameters(paramLabel = "NAMESPACE")
        String namespace;

        @Override
        void run() {
            MetadefProperties.of(client()).deleteAll(namespace);
            err().println("imagectl: deleted every property of " + namespace);
        }
    }

    // ---------------------------------------------------------------- tags

    @Command(name = "tags", description = "List, add, replace, rename and delete a namespace's tags.",
            mixinStandardHelpOptions = true,
            subcommands = {ListTags.class, ShowTag.class, CreateTags.class, ReplaceTags.class, RenameTag.class,
                    DeleteTags.class, DeleteAllTags.class})
    static final class Tags {
    }

    @Command(name = "list", description = "List a namespace's tags.", mixinStandardHelpOptions = true)
    static final class ListTags extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(paramLabel = "NAMESPACE")
        String namespace;

        @Override
        void run() {
            format.printList(MetadefTags.of(client()).list(namespace).stream().map(MetadefCommand::tag).toList(),
                    List.of("name"), out());
        }
    }

    @Command(name = "show", description = "Show a tag.", mixinStandardHelpOptions = true)
    static final class ShowTag extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1", paramLabel = "TAG")
        String name;

        @Override
        void run() {
            format.printOne(tag(MetadefTags.of(client()).get(namespace, name)), out());
        }
    }

    @Command(name = "create", description = "Add tags (admin): one is created on its own, several in one request "
            + "that appends them.", mixinStandardHelpOptions = true)
    static final class CreateTags extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG")
        List<String> names;

        @Override
        void run() {
            MetadefTags api = MetadefTags.of(client());
            List<MetadefTag> made = names.size() == 1 ? List.of(api.create(namespace, names.get(0)))
                    : api.addAll(namespace, names);
            format.printList(made.stream().map(MetadefCommand::tag).toList(), List.of("name"), out());
        }
    }

    @Command(name = "replace", description = "Replace all of a namespace's tags with these (admin).",
            mixinStandardHelpOptions = true)
    static final class ReplaceTags extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG")
        List<String> names;

        @Override
        void run() {
            format.printList(MetadefTags.of(client()).replaceAll(namespace, names).stream().map(MetadefCommand::tag)
                    .toList(), List.of("name"), out());
        }
    }

    @Command(name = "rename", description = "Rename a tag (admin).", mixinStandardHelpOptions = true)
    static final class RenameTag extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1", paramLabel = "TAG")
        String name;

        @Parameters(index = "2", paramLabel = "NEW")
        String newName;

        @Override
        void run() {
            format.printOne(tag(MetadefTags.of(client()).update(namespace, name, newName)), out());
        }
    }

    @Command(name = "delete", description = "Delete tags (admin).", mixinStandardHelpOptions = true)
    static final class DeleteTags extends ApiCommand {
        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG")
        List<String> names;

        @Override
        void run() {
            MetadefTags api = MetadefTags.of(client());
            each(names, "tags", "deleted", n -> {
                api.delete(namespace, n);
                err().println("imagectl: deleted tag " + n);
            });
        }
    }

    @Command(name = "delete-all", description = "Delete every tag of a namespace (admin).", mixinStandardHelpOptions = true)
    static final class DeleteAllTags extends ApiCommand {
        @Parameters(paramLabel = "NAMESPACE")
        String namespace;

        @Override
        void run() {
            MetadefTags.of(client()).deleteAll(namespace);
            err().println("imagectl: deleted every tag of " + namespace);
        }
    }

    // ---------------------------------------------------------------- resource types

    @Command(name = "resource-types", description = "List resource types; associate namespaces with them.",
            mixinStandardHelpOptions = true, subcommands = {ListResourceTypes.class, Associate.class, Dissociate.class})
    static final class ResourceTypes {
    }

    @Command(name = "list", description = "List every resource type, or a namespace's associations.",
            mixinStandardHelpOptions = true)
    static final class ListResourceTypes extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(arity = "0..1", paramLabel = "NAMESPACE", description = "Only this namespace's associations.")
        String namespace;

        @Override
        void run() {
            MetadefResourceTypes api = MetadefResourceTypes.of(client());
            if (namespace == null) {
                List<Record> rows = new ArrayList<>();
                for (ResourceType t : api.list()) {
                    rows.add(Record.of().put("name", t.name()).put("created_at", t.createdAt()));
                }
                format.printList(rows, List.of("name", "created_at"), out());
            } else {
                format.printList(api.listForNamespace(namespace).stream().map(MetadefCommand::association).toList(),
                        List.of("name", "prefix", "properties_target"), out());
            }
        }
    }

    @Command(name = "associate", description = "Associate a namespace with a resource type (admin).",
            mixinStandardHelpOptions = true)
    static final class Associate extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1", paramLabel = "TYPE", description = "e.g. OS::Glance::Image")
        String type;

        @Option(names = "--prefix", paramLabel = "PREFIX", description = "Prefix of the property names, e.g. hw_.")
        String prefix;

        @Option(names = "--properties-target", paramLabel = "TARGET", description = "e.g. image (for volumes).")
        String target;

        @Override
        void run() {
            ResourceTypeAssociation.Builder b = ResourceTypeAssociation.builder(type);
            if (prefix != null) {
                b.prefix(prefix);
            }
            if (target != null) {
                b.propertiesTarget(target);
            }
            format.printOne(association(MetadefResourceTypes.of(client()).create(namespace, b.build())), out());
        }
    }

    @Command(name = "dissociate", description = "Remove a namespace's association with a resource type (admin).",
            mixinStandardHelpOptions = true)
    static final class Dissociate extends ApiCommand {
        @Parameters(index = "0", paramLabel = "NAMESPACE")
        String namespace;

        @Parameters(index = "1", paramLabel = "TYPE")
        String type;

        @Override
        void run() {
            MetadefResourceTypes.of(client()).delete(namespace, type);
            err().println("imagectl: dissociated " + namespace + " from " + type);
        }
    }

    // ---------------------------------------------------------------- schema

    @Command(name = "schema", description = "Print a metadefs JSON schema (namespace, namespaces, object, objects, "
            + "property, properties, tag, tags, resource_type, resource_types).", mixinStandardHelpOptions = true)
    static final class Schema extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = {"-f", "--format"}, paramLabel = "json|yaml", defaultValue = "json")
        String format;

        @Override
        void run() {
            Map<String, Object> schema = Schemas.of(client()).metadef(name);
            Record r = Record.of();
            schema.forEach(r::put);
            new dev.imagesdk.examples.cli.output.RecordPrinter(dev.imagesdk.examples.cli.output.OutputFormat.parse(format))
                    .printOne(r, out());
        }
    }
}
