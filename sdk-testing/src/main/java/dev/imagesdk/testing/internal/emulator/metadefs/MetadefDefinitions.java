package dev.imagesdk.testing.internal.emulator.metadefs;

import dev.imagesdk.testing.internal.emulator.http.GlanceError;
import dev.imagesdk.testing.internal.emulator.http.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Loads metadata definition files in the format of Glance's {@code etc/metadefs/*.json} (Debian:
 * {@code /usr/share/glance-common/metadefs}) the way {@code glance-manage db_load_metadefs} does: a
 * namespace per file (owner {@code admin} unless given, visibility shown as {@code private} unless given, no
 * {@code updated_at}), its resource-type associations (creating protected resource types), properties,
 * objects and tags; a namespace already present is skipped.
 */
public final class MetadefDefinitions implements Consumer<MetadefCatalog> {
    private final List<Map<String, Object>> documents;

    private MetadefDefinitions(List<Map<String, Object>> documents) {
        this.documents = documents;
    }

    /**
     * Reads {@code path}: one {@code .json} file, or every {@code *.json} file directly in a directory
     * (in name order).
     *
     * @throws IllegalArgumentException when a file is not a JSON object or there is none
     * @throws UncheckedIOException when a file cannot be read
     */
    @SuppressWarnings("unchecked")
    public static MetadefDefinitions read(Path path) {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + path, e);
            }
        } else {
            files.add(path);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no metadata definition (*.json) files in " + path);
        }
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Path f : files) {
            Object doc;
            try {
                doc = Json.parse(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            } catch (GlanceError e) {
                throw new IllegalArgumentException("not a JSON document: " + f);
            }
            if (!(doc instanceof Map) || !(((Map<String, Object>) doc).get("namespace") instanceof String)) {
                throw new IllegalArgumentException("not a metadata definition (no \"namespace\"): " + f);
            }
            docs.add((Map<String, Object>) doc);
        }
        return new MetadefDefinitions(List.copyOf(docs));
    }

    /** How many namespace files were read. */
    public int size() {
        return documents.size();
    }

    @Override
    public void accept(MetadefCatalog catalog) {
        for (Map<String, Object> doc : documents) {
            load(catalog, doc);
        }
    }

    @SuppressWarnings("unchecked")
    private static void load(MetadefCatalog c, Map<String, Object> doc) {
        String name = (String) doc.get("namespace");
        if (c.namespaces().containsKey(name)) {
            return;
        }
        MetadefCatalog.Namespace ns = c.newNamespace();
        ns.name = name;
        ns.displayName = string(doc.get("display_name"));
        ns.description = string(doc.get("description"));
        // a file without visibility leaves the column empty: shown as private, matched by no visibility filter
        ns.visibility = string(doc.get("visibility"));
        ns.isProtected = Boolean.TRUE.equals(doc.get("protected"));
        ns.owner = doc.get("owner") instanceof String ? (String) doc.get("owner") : "admin";
        ns.createdAt = c.now();
        c.namespaces().put(name, ns);
        for (Object o : list(doc.get("resource_type_associations"))) {
            Map<String, Object> a = (Map<String, Object>) o;
            String type = (String) a.get("name");
            c.resourceType(type, true);
            MetadefCatalog.Association as = new MetadefCatalog.Association();
            as.resourceType = type;
            as.prefix = string(a.get("prefix"));
            as.propertiesTarget = string(a.get("properties_target"));
            as.createdAt = c.now();
            ns.associations.add(as);
        }
        if (doc.get("properties") instanceof Map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) doc.get("properties")).entrySet()) {
                ns.properties.put(e.getKey(), new LinkedHashMap<>((Map<String, Object>) e.getValue()));
            }
        }
        for (Object o : list(doc.get("objects"))) {
            Map<String, Object> od = (Map<String, Object>) o;
            MetadefCatalog.MetadefObject obj = new MetadefCatalog.MetadefObject();
            obj.name = (String) od.get("name");
            obj.description = string(od.get("description"));
            // db_load_metadefs stores an object's properties only: its "required" list is not kept
            obj.required = List.of();
            obj.properties = od.get("properties") instanceof Map
                    ? new LinkedHashMap<>((Map<String, Object>) od.get("properties")) : new LinkedHashMap<>();
            obj.createdAt = c.now();
            ns.objects.put(obj.name, obj);
        }
        for (Object o : list(doc.get("tags"))) {
            MetadefCatalog.Tag t = c.newTag();
            t.name = (String) ((Map<String, Object>) o).get("name");
            t.createdAt = c.now();
            ns.tags.add(t);
        }
    }

    private static String string(Object o) {
        return o instanceof String ? (String) o : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List ? (List<Object>) o : List.of();
    }
}
