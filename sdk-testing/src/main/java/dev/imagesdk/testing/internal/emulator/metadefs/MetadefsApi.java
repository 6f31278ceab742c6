package dev.imagesdk.testing.internal.emulator.metadefs;

import dev.imagesdk.testing.internal.emulator.http.Caller;
import dev.imagesdk.testing.internal.emulator.http.Exchange;
import dev.imagesdk.testing.internal.emulator.http.GlanceError;
import dev.imagesdk.testing.internal.emulator.http.Json;
import dev.imagesdk.testing.internal.emulator.http.QueryString;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Glance's metadata definitions API ({@code /v2/metadefs/*}, {@code /v2/schemas/metadefs/*}) as Glance 25
 * answers it with its default (legacy) policies: every write needs the {@code admin} role; a namespace is
 * seen by admins, by its owner project, and by everyone when public; a namespace one cannot see is
 * answered 404. Status codes, error texts, list order and paging follow what the real Glance 25.1 answered
 * (recorded with curl; Glance 30.0 answers the same except a rename onto an existing object or property
 * name, which it answers 500).
 */
public final class MetadefsApi {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> SCHEMAS = List.of("namespace", "namespaces", "object", "objects", "property",
            "properties", "resource_type", "resource_types", "tag", "tags");
    private static final List<String> READ_ONLY = List.of("self", "schema", "created_at", "updated_at");
    private static final List<String> TIMES_READ_ONLY = List.of("created_at", "updated_at");
    private static final Set<String> NAMESPACE_SORT_KEYS = Set.of("namespace", "display_name", "description",
            "visibility", "protected", "owner", "created_at", "updated_at", "id");
    private static final int LIMIT_DEFAULT = 25;
    private static final int LIMIT_MAX = 1000;

    private final MetadefCatalog catalog;
    private final Map<String, Object> schemas = new LinkedHashMap<>();

    /** The API over {@code catalog}. */
    public MetadefsApi(MetadefCatalog catalog) {
        this.catalog = catalog;
        for (String name : SCHEMAS) {
            schemas.put(name, Json.parse(resource("schemas/metadefs/" + name + ".json")));
        }
    }

    private static String resource(String name) {
        try (InputStream in = MetadefsApi.class.getResourceAsStream("/dev/imagesdk/testing/internal/emulator/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The definitions this API serves. */
    public MetadefCatalog catalog() {
        return catalog;
    }

    // ---- routing -------------------------------------------------------------------------------------

    private static GlanceError notFound() {
        return GlanceError.notFound("The resource could not be found.");
    }

    private static void require(Exchange ex, String... allowed) {
        for (String a : allowed) {
            if (a.equals(ex.method())) {
                return;
            }
        }
        throw GlanceError.raw(405, "The method " + ex.method() + " is not allowed for this resource. <br /><br />\n")
                .header("Allow", String.join(", ", allowed));
    }

    /** {@code GET /v2/schemas/metadefs/{name}}. */
    public void schema(Exchange ex, String name) {
        Object schema = schemas.get(name);
        if (schema == null) {
            throw notFound();
        }
        require(ex, "GET");
        ex.sendJson(200, schema);
    }

    /** Everything below {@code /v2/metadefs}: {@code r} holds the path segments from {@code metadefs} on. */
    public void dispatch(Exchange ex, List<String> r) {
        String m = ex.method();
        if (r.size() == 2 && r.get(1).equals("resource_types")) {
            require(ex, "GET");
            listResourceTypes(ex);
            return;
        }
        if (r.size() < 2 || !r.get(1).equals("namespaces")) {
            throw notFound();
        }
        if (r.size() == 2) {
            require(ex, "GET", "POST");
            if (m.equals("GET")) {
                listNamespaces(ex);
            } else {
                createNamespace(ex);
            }
            return;
        }
        String ns = r.get(2);
        if (r.size() == 3) {
            require(ex, "GET", "PUT", "DELETE");
            switch (m) {
                case "GET": showNamespace(ex, ns); return;
                case "PUT": updateNamespace(ex, ns); return;
                default: deleteNamespace(ex, ns); return;
            }
        }
        String sub = r.get(3);
        if (r.size() == 4) {
            switch (sub) {
                case "objects":
                    require(ex, "GET", "POST", "DELETE");
                    switch (m) {
                        case "GET": listObjects(ex, ns); return;
                        case "POST": createObject(ex, ns); return;
                        default: deleteContents(ex, ns, "objects"); return;
                    }
                case "properties":
                    require(ex, "GET", "POST", "DELETE");
                    switch (m) {
                        case "GET": listProperties(ex, ns); return;
                        case "POST": createProperty(ex, ns); return;
                        default: deleteContents(ex, ns, "properties"); return;
                    }
                case "tags":
                    require(ex, "GET", "POST", "DELETE");
                    switch (m) {
                        case "GET": listTags(ex, ns); return;
                        case "POST": createTags(ex, ns); return;
                        default: deleteContents(ex, ns, "tags"); return;
                    }
                case "resource_types":
                    require(ex, "GET", "POST");
                    if (m.equals("GET")) {
                        listAssociations(ex, ns);
                    } else {
                        associate(ex, ns);
                    }
                    return;
                default:
                    throw notFound();
            }
        }
        if (r.size() == 5) {
            String name = r.get(4);
            switch (sub) {
                case "objects":
                    require(ex, "GET", "PUT", "DELETE");
                    switch (m) {
                        case "GET": showObject(ex, ns, name); return;
                        case "PUT": updateObject(ex, ns, name); return;
                        default: deleteObject(ex, ns, name); return;
                    }
                case "properties":
                    require(ex, "GET", "PUT", "DELETE");
                    switch (m) {
                        case "GET": showProperty(ex, ns, name); return;
                        case "PUT": updateProperty(ex, ns, name); return;
                        default: deleteProperty(ex, ns, name); return;
                    }
                case "tags":
                    require(ex, "GET", "POST", "PUT", "DELETE");
                    switch (m) {
                        case "GET": showTag(ex, ns, name); return;
                        case "POST": createTag(ex, ns, name); return;
                        case "PUT": updateTag(ex, ns, name); return;
                        default: deleteTag(ex, ns, name); return;
                    }
                case "resource_types":
                    require(ex, "DELETE");
                    dissociate(ex, ns, name);
                    return;
                default:
                    throw notFound();
            }
        }
        throw notFound();
    }

    // ---- access --------------------------------------------------------------------------------------

    private static boolean canSee(Caller who, MetadefCatalog.Namespace ns) {
        return who.isAdmin() || "public".equals(ns.visibility) || who.projectId().equals(ns.owner);
    }

    /** Glance's legacy defaults: every metadef write is {@code role:admin}. */
    private static void write(Exchange ex, String action) {
        if (!ex.identity().isAdmin()) {
            throw GlanceError.policy(action);
        }
    }

    /** The namespace for a sub-resource call: missing or not visible → "Namespace X not found". Lock held. */
    private MetadefCatalog.Namespace namespaceOf(Exchange ex, String name) {
        MetadefCatalog.Namespace ns = catalog.namespaces().get(name);
        if (ns == null || !canSee(ex.identity(), ns)) {
            throw GlanceError.notFound("Namespace " + name + " not found");
        }
        return ns;
    }

    /** As the objects controller: a missing namespace is worded by the database layer. Lock held. */
    private MetadefCatalog.Namespace namespaceForObjects(Exchange ex, String name) {
        MetadefCatalog.Namespace ns = catalog.namespaces().get(name);
        if (ns == null) {
            throw missingNamespace(name);
        }
        if (!canSee(ex.identity(), ns)) {
            throw GlanceError.notFound("Namespace " + name + " not found");
        }
        return ns;
    }

    private static GlanceError missingNamespace(String name) {
        return GlanceError.notFound("Metadata definition namespace=" + name + " was not found.");
    }

    private static String time(Instant t) {
        return SECONDS.format(t);
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    // ---- namespaces ----------------------------------------------------------------------------------

    private static Map<String, Object> namespaceView(MetadefCatalog.Namespace ns) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("namespace", ns.name);
        putIfSet(m, "display_name", ns.displayName);
        putIfSet(m, "description", ns.description);
        m.put("visibility", ns.visibility == null ? "private" : ns.visibility);
        m.put("protected", ns.isProtected);
        putIfSet(m, "owner", ns.owner);
        m.put("created_at", time(ns.createdAt));
        if (ns.updatedAt != null) {
            m.put("updated_at", time(ns.updatedAt));
        }
        return m;
    }

    private static void finishNamespace(Map<String, Object> m, String name) {
        m.put("self", "/v2/metadefs/namespaces/" + name);
        m.put("schema", "/v2/schemas/metadefs/namespace");
    }

    private static List<Object> associationViews(MetadefCatalog.Namespace ns) {
        List<Object> out = new ArrayList<>();
        for (MetadefCatalog.Association a : ns.associations) {
            out.add(associationView(a));
        }
        return out;
    }

    private static Map<String, Object> associationView(MetadefCatalog.Association a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.resourceType);
        putIfSet(m, "prefix", a.prefix);
        putIfSet(m, "properties_target", a.propertiesTarget);
        m.put("created_at", time(a.createdAt));
        if (a.updatedAt != null) {
            m.put("updated_at", time(a.updatedAt));
        }
        return m;
    }

    private void listNamespaces(Exchange ex) {
        QueryString q = ex.query();
        String sortDir = q.has("sort_dir") ? q.last("sort_dir") : "desc";
        if (!sortDir.equals("asc") && !sortDir.equals("desc")) {
            throw GlanceError.badRequest("Invalid sort direction: " + sortDir);
        }
        String visibility = q.last("visibility");
        if (visibility != null && !visibility.isEmpty() && !visibility.equals("public")
                && !visibility.equals("private")) {
            throw GlanceError.badRequest("Invalid visibility value: " + visibility);
        }
        int limit = LIMIT_DEFAULT;
        if (q.has("limit")) {
            try {
                limit = Math.min(LIMIT_MAX, Integer.parseInt(q.last("limit").trim()));
            } catch (NumberFormatException e) {
                // Glance converts with int() before validating: a ValueError there is its 500
                throw GlanceError.of(500, "The server has either erred or is incapable of performing the "
                        + "requested operation.");
            }
            if (limit < 0) {
                throw GlanceError.badRequest("limit param must be positive");
            }
        }
        String sortKey = q.has("sort_key") ? q.last("sort_key") : "created_at";
        if (!NAMESPACE_SORT_KEYS.contains(sortKey)) {
            // Glance passes an unknown sort key to the database layer, which fails: 500
            throw GlanceError.of(500, "The server has either erred or is incapable of performing the requested "
                    + "operation.");
        }
        String marker = q.last("marker");
        Set<String> types = new LinkedHashSet<>();
        String typeFilter = q.last("resource_types");
        if (typeFilter != null && !typeFilter.isEmpty()) {
            for (String t : typeFilter.split(",")) {
                types.add(t.trim());
            }
        }
        int pageLimit = limit;
        Map<String, Object> doc = catalog.locked(() -> {
            Caller who = ex.identity();
            List<MetadefCatalog.Namespace> all = new ArrayList<>();
            for (MetadefCatalog.Namespace ns : catalog.namespaces().values()) {
                if (!canSee(who, ns)) {
                    continue;
                }
                if (visibility != null && !visibility.isEmpty() && !visibility.equals(ns.visibility)) {
                    continue;
                }
                if (!types.isEmpty() && ns.associations.stream().noneMatch(a -> types.contains(a.resourceType))) {
                    continue;
                }
                all.add(ns);
            }
            all.sort(orderOf(sortKey, sortDir));
            int from = 0;
            if (marker != null && !marker.isEmpty()) {
                MetadefCatalog.Namespace mk = catalog.namespaces().get(marker);
                if (mk == null) {
                    throw missingNamespace(marker);
                }
                from = all.indexOf(mk) + 1;
                if (from == 0) {
                    // a marker outside the filtered list: Glance pages after its position in the sort order
                    List<MetadefCatalog.Namespace> withMarker = new ArrayList<>(all);
                    withMarker.add(mk);
                    withMarker.sort(orderOf(sortKey, sortDir));
                    from = withMarker.indexOf(mk);
                }
            }
            List<MetadefCatalog.Namespace> page = all.subList(Math.min(from, all.size()),
                    Math.min(all.size(), from + pageLimit));
            List<Object> items = new ArrayList<>();
            for (MetadefCatalog.Namespace ns : page) {
                Map<String, Object> v = namespaceView(ns);
                if (!ns.associations.isEmpty()) {
                    v.put("resource_type_associations", associationViews(ns));
                }
                finishNamespace(v, ns.name);
                items.add(v);
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("namespaces", items);
            String query = q.glanceLinkQuery();
            if (!page.isEmpty() && page.size() == pageLimit) {
                String last = page.get(page.size() - 1).name;
                d.put("next", "/v2/metadefs/namespaces?" + (query.isEmpty() ? "" : query + "&") + "marker="
                        + QueryString.encode(last));
            }
            d.put("schema", "/v2/schemas/metadefs/namespaces");
            d.put("first", "/v2/metadefs/namespaces" + (query.isEmpty() ? "" : "?" + query));
            return d;
        });
        ex.sendJson(200, doc);
    }

    private static Comparator<MetadefCatalog.Namespace> orderOf(String sortKey, String sortDir) {
        Comparator<MetadefCatalog.Namespace> order = Comparator.comparing(ns -> sortValue(ns, sortKey),
                Comparator.nullsFirst(Comparator.naturalOrder()));
        order = order.thenComparingLong(ns -> ns.seq);
        return sortDir.equals("desc") ? order.reversed() : order;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Comparable sortValue(MetadefCatalog.Namespace ns, String key) {
        switch (key) {
            case "namespace": return ns.name;
            case "display_name": return ns.displayName;
            case "description": return ns.description;
            case "visibility": return ns.visibility;
            case "protected": return ns.isProtected;
            case "owner": return ns.owner;
            case "updated_at": return ns.updatedAt;
            case "id": return ns.seq;
            default: return ns.createdAt;
        }
    }

    private static final Set<String> NAMESPACE_KEYS = Set.of("namespace", "display_name", "description",
            "visibility", "protected", "owner", "created_at", "updated_at", "schema", "self",
            "resource_type_associations", "properties", "objects", "tags");

    @SuppressWarnings("unchecked")
    private static void checkNamespace(Map<String, Object> body) {
        String s = "namespace";
        MetadefBodies.shape(s, body, List.of("namespace"), NAMESPACE_KEYS);
        MetadefBodies.string(s, body, "namespace", 80);
        MetadefBodies.string(s, body, "display_name", 80);
        MetadefBodies.string(s, body, "description", 500);
        if (body.containsKey("visibility") && !List.of("public", "private").contains(body.get("visibility"))) {
            throw MetadefBodies.mismatch(s, Json.repr(body.get("visibility")) + " is not one of ['public', 'private']");
        }
        MetadefBodies.bool(s, body, "protected");
        MetadefBodies.string(s, body, "owner", 255);
        MetadefBodies.propertyMap(s, body, "properties");
        for (String list : List.of("resource_type_associations", "objects", "tags")) {
            if (body.containsKey(list) && !(body.get(list) instanceof List)) {
                throw MetadefBodies.mismatch(s, Json.repr(body.get(list)) + " is not of type 'array'");
            }
            for (Object item : body.containsKey(list) ? (List<Object>) body.get(list) : List.of()) {
                if (!(item instanceof Map)) {
                    throw MetadefBodies.mismatch(s, Json.repr(item) + " is not of type 'object'");
                }
                Map<String, Object> i = (Map<String, Object>) item;
                MetadefBodies.string(s, i, "name", 0);
                if (list.equals("objects")) {
                    MetadefBodies.string(s, i, "description", 0);
                    MetadefBodies.stringArray(s, i, "required");
                    MetadefBodies.propertyMap(s, i, "properties");
                } else if (list.equals("resource_type_associations")) {
                    MetadefBodies.string(s, i, "prefix", 0);
                    MetadefBodies.string(s, i, "properties_target", 0);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void createNamespace(Exchange ex) {
        Map<String, Object> body = MetadefBodies.read(ex, READ_ONLY);
        checkNamespace(body);
        write(ex, "add_metadef_namespace");
        List<Object> assocs = (List<Object>) body.getOrDefault("resource_type_associations", List.of());
        List<Object> objects = (List<Object>) body.getOrDefault("objects", List.of());
        Map<String, Object> props = (Map<String, Object>) body.getOrDefault("properties", Map.of());
        List<Object> tags = (List<Object>) body.getOrDefault("tags", List.of());
        String name = (String) body.get("namespace");
        Map<String, Object> doc = catalog.locked(() -> {
            if (catalog.namespaces().containsKey(name)) {
                throw GlanceError.conflict("The metadata definition namespace=" + name + " already exists.");
            }
            Set<String> tagNames = new LinkedHashSet<>();
            for (Object t : tags) {
                String tn = String.valueOf(((Map<String, Object>) t).get("name"));
                if (!tagNames.add(tn)) {
                    // Glance adds the namespace first, fails on the duplicate tag and removes the namespace again
                    throw GlanceError.conflict("A metadata tag with name=" + tn + " already exists in namespace="
                            + name + ". (Please note that metadata tag names are case insensitive).");
                }
            }
            MetadefCatalog.Namespace ns = catalog.newNamespace();
            ns.name = name;
            ns.displayName = (String) body.get("display_name");
            ns.description = (String) body.get("description");
            ns.visibility = body.containsKey("visibility") ? (String) body.get("visibility") : "private";
            ns.isProtected = Boolean.TRUE.equals(body.get("protected"));
            ns.owner = body.containsKey("owner") ? (String) body.get("owner") : ex.identity().projectId();
            ns.createdAt = catalog.now();
            ns.updatedAt = ns.createdAt;
            catalog.namespaces().put(name, ns);
            for (Object a : assocs) {
                Map<String, Object> am = (Map<String, Object>) a;
                MetadefCatalog.Association as = new MetadefCatalog.Association();
                as.resourceType = (String) am.get("name");
                as.prefix = (String) am.get("prefix");
                as.propertiesTarget = (String) am.get("properties_target");
                as.createdAt = catalog.now();
                as.updatedAt = as.createdAt;
                catalog.resourceType(as.resourceType, false);
                ns.associations.add(as);
            }
            for (Object o : objects) {
                Map<String, Object> om = (Map<String, Object>) o;
                MetadefCatalog.MetadefObject obj = new MetadefCatalog.MetadefObject();
                obj.name = (String) om.get("name");
                obj.description = (String) om.get("description");
                obj.required = om.containsKey("required") ? new ArrayList<>((List<Object>) om.get("required")) : null;
                obj.properties = om.containsKey("properties")
                        ? propertiesInOrder((Map<String, Object>) om.get("properties")) : null;
                obj.createdAt = catalog.now();
                obj.updatedAt = obj.createdAt;
                ns.objects.put(obj.name, obj);
            }
            for (Map.Entry<String, Object> p : props.entrySet()) {
                ns.properties.put(p.getKey(), inOrder((Map<String, Object>) p.getValue()));
            }
            for (Object t : tags) {
                MetadefCatalog.Tag tag = catalog.newTag();
                tag.name = (String) ((Map<String, Object>) t).get("name");
                tag.createdAt = catalog.now();
                tag.updatedAt = tag.createdAt;
                ns.tags.add(tag);
            }
            // the answer repeats what was sent for the contents, without their timestamps
            Map<String, Object> v = namespaceView(ns);
            if (!assocs.isEmpty()) {
                List<Object> av = new ArrayList<>();
                for (Object a : assocs) {
                    Map<String, Object> am = (Map<String, Object>) a;
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("name", am.get("name"));
                    putIfSet(one, "prefix", am.get("prefix"));
                    putIfSet(one, "properties_target", am.get("properties_target"));
                    av.add(one);
                }
                v.put("resource_type_associations", av);
            }
            if (!props.isEmpty()) {
                v.put("properties", propertiesInOrder(props));
            }
            if (!objects.isEmpty()) {
                List<Object> ov = new ArrayList<>();
                for (Object o : objects) {
                    Map<String, Object> om = (Map<String, Object>) o;
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("name", om.get("name"));
                    putIfSet(one, "required", om.get("required"));
                    putIfSet(one, "description", om.get("description"));
                    if (om.get("properties") != null) {
                        one.put("properties", propertiesInOrder((Map<String, Object>) om.get("properties")));
                    }
                    ov.add(one);
                }
                v.put("objects", ov);
            }
            if (!tags.isEmpty()) {
                List<Object> tv = new ArrayList<>();
                for (Object t : tags) {
                    tv.add(Map.of("name", ((Map<String, Object>) t).get("name")));
                }
                v.put("tags", tv);
            }
            finishNamespace(v, name);
            return v;
        });
        ex.responseHeader("Location", ex.baseUrl() + "/v2/metadefs/namespaces/" + name);
        ex.sendJson(201, doc);
    }

    private void showNamespace(Exchange ex, String name) {
        String resourceType = ex.query().last("resource_type");
        Map<String, Object> doc = catalog.locked(() -> {
            MetadefCatalog.Namespace ns = catalog.namespaces().get(name);
            if (ns == null) {
                throw missingNamespace(name);
            }
            if (!canSee(ex.identity(), ns)) {
                throw notFound();
            }
            String prefix = "";
            if (resourceType != null && !resourceType.isEmpty()) {
                MetadefCatalog.Association a = ns.association(resourceType);
                if (a != null && a.prefix != null) {
                    prefix = a.prefix;
                }
            }
            Map<String, Object> v = namespaceView(ns);
            if (!ns.associations.isEmpty()) {
                v.put("resource_type_associations", associationViews(ns));
            }
            if (!ns.properties.isEmpty()) {
                Map<String, Object> props = new LinkedHashMap<>();
                for (Map.Entry<String, Map<String, Object>> p : ns.properties.entrySet()) {
                    props.put(prefix + p.getKey(), p.getValue());
                }
                v.put("properties", props);
            }
            if (!ns.objects.isEmpty()) {
                List<Object> objs = new ArrayList<>();
                for (MetadefCatalog.MetadefObject o : ns.objects.values()) {
                    objs.add(objectView(ns.name, o, true, prefix));
                }
                v.put("objects", objs);
            }
            if (!ns.tags.isEmpty()) {
                List<Object> tags = new ArrayList<>();
                for (MetadefCatalog.Tag t : tagsInOrder(ns, "created_at", "desc")) {
                    tags.add(Map.of("name", t.name));
                }
                v.put("tags", tags);
            }
            finishNamespace(v, ns.name);
            return v;
        });
        ex.sendJson(200, doc);
    }

    private void updateNamespace(Exchange ex, String name) {
        Map<String, Object> body = MetadefBodies.read(ex, READ_ONLY);
        checkNamespace(body);
        Map<String, Object> doc = catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceOf(ex, name);
            write(ex, "modify_metadef_namespace");
            String newName = (String) body.get("namespace");
            if (!newName.equals(name) && catalog.namespaces().containsKey(newName)) {
                throw GlanceError.conflict("Invalid update. It would result in a duplicate metadata definition "
                        + "namespace with the same name of " + newName);
            }
            // PUT replaces: what is not sent falls back to create's defaults
            ns.displayName = (String) body.get("display_name");
            ns.description = (String) body.get("description");
            ns.visibility = body.get("visibility") != null ? (String) body.get("visibility") : "private";
            ns.isProtected = Boolean.TRUE.equals(body.get("protected"));
            ns.owner = body.get("owner") != null ? (String) body.get("owner") : ex.identity().projectId();
            Instant previous = ns.updatedAt;
            ns.updatedAt = catalog.now();
            if (!newName.equals(name)) {
                Map<String, MetadefCatalog.Namespace> copy = new LinkedHashMap<>(catalog.namespaces());
                catalog.namespaces().clear();
                copy.forEach((k, v) -> catalog.namespaces().put(k.equals(name) ? newName : k, v));
                ns.name = newName;
            }
            // Glance answers with the row as read before saving: the previous updated_at
            Map<String, Object> v = namespaceView(ns);
            if (previous != null) {
                v.put("updated_at", time(previous));
            } else {
                v.remove("updated_at");
            }
            finishNamespace(v, ns.name);
            return v;
        });
        ex.sendJson(200, doc);
    }

    private void deleteNamespace(Exchange ex, String name) {
        catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceOf(ex, name);
            write(ex, "delete_metadef_namespace");
            requireUnprotected(ns);
            catalog.namespaces().remove(name);
            return null;
        });
        ex.sendEmpty(204);
    }

    private static void requireUnprotected(MetadefCatalog.Namespace ns) {
        if (ns.isProtected) {
            throw GlanceError.forbidden("Metadata definition namespace " + ns.name
                    + " is protected and cannot be deleted.");
        }
    }

    private void deleteContents(Exchange ex, String name, String what) {
        catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceOf(ex, name);
            write(ex, "delete_metadef_namespace");
            if (what.equals("tags")) {
                write(ex, "delete_metadef_tags");
            }
            requireUnprotected(ns);
            switch (what) {
                case "objects": ns.objects.clear(); break;
                case "properties": ns.properties.clear(); break;
                default: ns.tags.clear(); break;
            }
            return null;
        });
        ex.sendEmpty(204);
    }

    // ---- objects ---------------------------------------------------------------------------------------

    private static final Set<String> OBJECT_KEYS = Set.of("name", "description", "required", "properties",
            "schema", "self", "created_at", "updated_at");

    private static void checkObject(Map<String, Object> body) {
        String s = "object";
        MetadefBodies.shape(s, body, List.of("name"), OBJECT_KEYS);
        MetadefBodies.string(s, body, "name", 80);
        MetadefBodies.string(s, body, "description", 0);
        MetadefBodies.stringArray(s, body, "required");
        MetadefBodies.propertyMap(s, body, "properties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> propertiesInOrder(Map<String, Object> props) {
        Map<String, Object> out = new LinkedHashMap<>();
        props.forEach((k, v) -> out.put(k, inOrder((Map<String, Object>) v)));
        return out;
    }

    /**
     * A property definition with Glance's attribute order (unknown keys dropped, as its model does), and its
     * model's types: {@code default} is text ({@code str()} of what was sent: {@code 2} → {@code "2"},
     * {@code true} → {@code "True"}; a list or object becomes {@code null}), {@code minimum} and
     * {@code maximum} are integers (the fraction cut off).
     */
    private static Map<String, Object> inOrder(Map<String, Object> def) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : MetadefBodies.propertyOrder()) {
            Object v = def.get(k);
            if (k.equals("default") && (v instanceof List || v instanceof Map)) {
                out.put(k, null);
            } else if (v != null) {
                out.put(k, k.equals("default") ? pythonText(v)
                        : (k.equals("minimum") || k.equals("maximum")) && v instanceof Number ? (Object) ((Number) v).longValue()
                        : v);
            }
        }
        return out;
    }

    /** Python's {@code str()} of a JSON scalar, as Glance's {@code types.bytes} attribute stores it. */
    private static String pythonText(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? "True" : "False";
        }
        if (v instanceof Double || v instanceof Float) {
            // the emulator's JSON reader keeps every number as a double: an integral one is taken as the integer
            // literal it almost always was (Glance would print a literal 2.0 as "2.0")
            double d = ((Number) v).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        return String.valueOf(v);
    }

    /**
     * An object as Glance shows it; {@code stored} adds the empty {@code required} and {@code properties}
     * an object read back from the database always has.
     */
    private static Map<String, Object> objectView(String ns, MetadefCatalog.MetadefObject o, boolean stored,
                                                  String prefix) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.name);
        if (o.required != null || stored) {
            List<Object> req = new ArrayList<>();
            for (Object r : o.required == null ? List.of() : o.required) {
                req.add(prefix + r);
            }
            m.put("required", req);
        }
        putIfSet(m, "description", o.description);
        if (o.properties != null || stored) {
            Map<String, Object> props = new LinkedHashMap<>();
            if (o.properties != null) {
                o.properties.forEach((k, v) -> props.put(prefix + k, v));
            }
            m.put("properties", props);
        }
        m.put("created_at", time(o.createdAt));
        if (o.updatedAt != null) {
            m.put("updated_at", time(o.updatedAt));
        }
        m.put("self", "/v2/metadefs/namespaces/" + ns + "/objects/" + o.name);
        m.put("schema", "/v2/schemas/metadefs/object");
        return m;
    }

    private void listObjects(Exchange ex, String name) {
        checkSortDir(ex);
        Map<String, Object> doc = catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceForObjects(ex, name);
            List<Object> items = new ArrayList<>();
            // Glance's object listing ignores limit, marker and sorting: creation order
            for (MetadefCatalog.MetadefObject o : ns.objects.values()) {
                items.add(objectView(ns.name, o, true, ""));
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("objects", items);
            // sic: Glance's object list names its schema without the leading slash
            d.put("schema", "v2/schemas/metadefs/objects");
            return d;
        });
        ex.sendJson(200, doc);
    }

    private static void checkSortDir(Exchange ex) {
        String sortDir = ex.query().has("sort_dir") ? ex.query().last("sort_dir") : "desc";
        if (!sortDir.equals("asc") && !sortDir.equals("desc")) {
            throw GlanceError.badRequest("Invalid sort direction: " + sortDir);
        }
    }

    @SuppressWarnings("unchecked")
    private MetadefCatalog.MetadefObject objectFrom(Map<String, Object> body, MetadefCatalog.MetadefObject o) {
        o.name = (String) body.get("name");
        o.description = (String) body.get("description");
        o.required = body.get("required") != null ? new ArrayList<>((List<Object>) body.get("required")) : null;
        o.properties = body.get("properties") != null
                ? propertiesInOrder((Map<String, Object>) body.get("properties")) : null;
        return o;
    }

    private void createObject(Exchange ex, String name) {
        Map<String, Object> body = MetadefBodies.read(ex, READ_ONLY);
        checkObject(body);
        Map<String, Object> doc = catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceForObjects(ex, name);
            write(ex, "add_metadef_object");
            String objName = (String) body.get("name");
            if (ns.objects.containsKey(objName)) {
                throw GlanceError.conflict("A metadata definition object with name=" + objName
                        + " already exists in namespace=" + name + ".");
            }
            MetadefCatalog.MetadefObject o = objectFrom(body, new MetadefCatalog.MetadefObject());
            o.createdAt = catalog.now();
            o.updatedAt = o.createdAt;
            ns.objects.put(o.name, o);
            return objectView(ns.name, o, false, "");
        });
        ex.sendJson(201, doc);
    }

    private MetadefCatalog.MetadefObject object(MetadefCatalog.Namespace ns, String objName) {
        MetadefCatalog.MetadefObject o = ns.objects.get(objName);
        if (o == null) {
            throw GlanceError.notFound("Could not find metadata object " + objName);
        }
        return o;
    }

    private void showObject(Exchange ex, String name, String objName) {
        Map<String, Object> doc = catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceForObjects(ex, name);
            return objectView(ns.name, object(ns, objName), true, "");
        });
        ex.sendJson(200, doc);
    }

    private void updateObject(Exchange ex, String name, String objName) {
        Map<String, Object> body = MetadefBodies.read(ex, READ_ONLY);
        checkObject(body);
        Map<String, Object> doc = catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceForObjects(ex, name);
            write(ex, "modify_metadef_object");
            MetadefCatalog.MetadefObject o = object(ns, objName);
            String newName = (String) body.get("name");
            if (!newName.equals(objName) && ns.objects.containsKey(newName)) {
                // sic: Glance 25 names the object's old name here
                throw GlanceError.conflict("Invalid update. It would result in a duplicate metadata definition "
                        + "object with the same name=" + objName + " in namespace=" + name + ".");
            }
            Instant previous = o.updatedAt;
            objectFrom(body, o);
            o.updatedAt = catalog.now();
            rename(ns.objects, objName, newName, o);
            Map<String, Object> v = objectView(ns.name, o, false, "");
            if (previous != null) {
                v.put("updated_at", time(previous));
            }
            return v;
        });
        ex.sendJson(200, doc);
    }

    private static <T> void rename(Map<String, T> map, String from, String to, T value) {
        if (from.equals(to)) {
            return;
        }
        Map<String, T> copy = new LinkedHashMap<>(map);
        map.clear();
        copy.forEach((k, v) -> map.put(k.equals(from) ? to : k, k.equals(from) ? value : v));
    }

    private void deleteObject(Exchange ex, String name, String objName) {
        catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceForObjects(ex, name);
            write(ex, "delete_metadef_object");
            object(ns, objName);
            if (ns.isProtected) {
                throw GlanceError.forbidden("Metadata definition object " + objName
                        + " is protected and cannot be deleted.");
            }
            ns.objects.remove(objName);
            return null;
        });
        ex.sendEmpty(204);
    }

    // ---- properties ------------------------------------------------------------------------------------

    private static Map<String, Object> propertyView(String propName, Map<String, Object> def) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", propName);
        def.forEach((k, v) -> {
            if (!k.equals("name")) {
                m.put(k, v);
            }
        });
        return inOrder(m);
    }

    private void listProperties(Exchange ex, String name) {
        Map<String, Object> doc = catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceOf(ex, name);
            Map<String, Object> props = new LinkedHashMap<>();
            ns.properties.forEach((k, v) -> props.put(k, propertyView(k, v)));
            return Map.<String, Object>of("properties", props);
        });
        ex.sendJson(200, doc);
    }

    private Map<String, Object> propertyBody(Exchange ex) {
        Map<String, Object> body = MetadefBodies.read(ex, List.of());
        MetadefBodies.property(body);
        return body;
    }

    private void createProperty(Exchange ex, String name) {
        Map<String, Object> body = propertyBody(ex);
        Map<String, Object> doc = catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceOf(ex, name);
            write(ex, "add_metadef_property");
            String propName = (String) body.get("name");
            if (ns.properties.containsKey(propName)) {
                throw GlanceError.conflict("A metadata definition property with name=" + propName
                        + " already exists in namespace=" + name + ".");
            }
            ns.properties.put(propName, inOrder(body));
            return propertyView(propName, body);
        });
        ex.sendJson(201, doc);
    }

    private static Map<String, Object> property(MetadefCatalog.Namespace ns, String propName) {
        Map<String, Object> def = ns.properties.get(propName);
        if (def == null) {
            throw GlanceError.notFound("Could not find property " + propName);
        }
        return def;
    }

    private void showProperty(Exchange ex, String name, String propName) {
        String resourceType = ex.query().last("resource_type");
        Map<String, Object> doc = catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceOf(ex, name);
            String lookup = propName;
            if (resourceType != null && !resourceType.isEmpty()) {
                MetadefCatalog.Association a = ns.association(resourceType);
                if (a == null) {
                    throw GlanceError.notFound("The metadata definition resource-type association of resource-type="
                            + resourceType + " to namespace=" + name + ", was not found.");
                }
                String prefix = a.prefix == null ? "" : a.prefix;
                if (!propName.startsWith(prefix)) {
                    throw GlanceError.notFound("Property " + propName + " does not start with the expected "
                            + "resource type association prefix of '" + prefix + "'.");
                }
                lookup = propName.substring(prefix.length());
            }
            return propertyView(lookup, property(ns, lookup));
        });
        ex.sendJson(200, doc);
    }

    private void updateProperty(Exchange ex, String name, String propName) {
        Map<String, Object> body = propertyBody(ex);
        Map<String, Object> doc = catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceOf(ex, name);
            write(ex, "modify_metadef_property");
            property(ns, propName);
            String newName = (String) body.get("name");
            if (!newName.equals(propName) && ns.properties.containsKey(newName)) {
                // sic: Glance 25 names the property's old name here
                throw GlanceError.conflict("Invalid update. It would result in a duplicate metadata definition "
                        + "property with the same name=" + propName + " in namespace=" + name + ".");
            }
            Map<String, Object> def = inOrder(body);
            ns.properties.put(propName, def);
            rename(ns.properties, propName, newName, def);
            return propertyView(newName, def);
        });
        ex.sendJson(200, doc);
    }

    private void deleteProperty(Exchange ex, String name, String propName) {
        catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceOf(ex, name);
            write(ex, "remove_metadef_property");
            property(ns, propName);
            if (ns.isProtected) {
                throw GlanceError.forbidden("Metadata definition property " + propName
                        + " is protected and cannot be deleted.");
            }
            ns.properties.remove(propName);
            return null;
        });
        ex.sendEmpty(204);
    }

    // ---- tags --------------------------------------------------------------------------------------------

    private static Map<String, Object> tagView(MetadefCatalog.Tag t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name);
        m.put("created_at", time(t.createdAt));
        if (t.updatedAt != null) {
            m.put("updated_at", time(t.updatedAt));
        }
        return m;
    }

    private static List<MetadefCatalog.Tag> tagsInOrder(MetadefCatalog.Namespace ns, String sortKey, String sortDir) {
        List<MetadefCatalog.Tag> tags = new ArrayList<>(ns.tags);
        Comparator<MetadefCatalog.Tag> order;
        switch (sortKey) {
            case "name": order = Comparator.comparing(t -> t.name); break;
            case "updated_at": order = Comparator.comparing(t -> t.updatedAt,
                    Comparator.nullsFirst(Comparator.naturalOrder())); break;
            default: order = Comparator.comparing(t -> t.createdAt); break;
        }
        order = order.thenComparingLong(t -> t.seq);
        tags.sort(sortDir.equals("desc") ? order.reversed() : order);
        return tags;
    }

    private void listTags(Exchange ex, String name) {
        QueryString q = ex.query();
        checkSortDir(ex);
        String sortDir = q.has("sort_dir") ? q.last("sort_dir") : "desc";
        String sortKey = q.has("sort_key") ? q.last("sort_key") : "created_at";
        Integer limit = null;
        String rawLimit = q.last("limit");
        if (rawLimit != null && !rawLimit.isEmpty()) {
            try {
                limit = Integer.parseInt(rawLimit.trim());
            } catch (NumberFormatException e) {
                throw GlanceError.badRequest("limit param must be an integer");
            }
            if (limit < 0) {
                throw GlanceError.badRequest("limit param must be positive");
            }
        }
        if (!Set.of("name", "created_at", "updated_at", "id").contains(sortKey)) {
            throw GlanceError.of(500, "The server has either erred or is incapable of performing the requested "
                    + "operation.");
        }
        String marker = q.last("marker");
        Integer pageLimit = limit;
        Map<String, Object> doc = catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceOf(ex, name);
            List<MetadefCatalog.Tag> tags = tagsInOrder(ns, sortKey, sortDir);
            int from = 0;
            if (marker != null && !marker.isEmpty()) {
                MetadefCatalog.Tag mk = ns.tag(marker);
                if (mk == null) {
                    throw GlanceError.notFound("Could not find metadata tag " + marker);
                }
                from = tags.indexOf(mk) + 1;
            }
            int to = pageLimit == null ? tags.size() : Math.min(tags.size(), from + pageLimit);
            List<Object> items = new ArrayList<>();
            for (MetadefCatalog.Tag t : tags.subList(Math.min(from, tags.size()), Math.max(to, Math.min(from,
                    tags.size())))) {
                items.add(Map.of("name", t.name));
            }
            return Map.<String, Object>of("tags", items);
        });
        ex.sendJson(200, doc);
    }

    private static GlanceError duplicateTag(String tag, String ns) {
        return GlanceError.conflict("A metadata tag with name=" + tag + " already exists in namespace=" + ns
                + ". (Please note that metadata tag names are case insensitive).");
    }

    private MetadefCatalog.Tag tag(MetadefCatalog.Namespace ns, String tagName) {
        MetadefCatalog.Tag t = ns.tag(tagName);
        if (t == null) {
            throw GlanceError.notFound("Could not find metadata tag " + tagName);
        }
        return t;
    }

    private void createTag(Exchange ex, String name, String tagName) {
        Map<String, Object> doc = catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceOf(ex, name);
            write(ex, "add_metadef_tag");
            if (tagName.length() > 80) {
                throw MetadefBodies.mismatch("tag", Json.repr(tagName) + " is too long");
            }
            if (ns.tagIgnoringCase(tagName) != null) {
                throw duplicateTag(tagName, name);
            }
            MetadefCatalog.Tag t = catalog.newTag();
            t.name = tagName;
            t.createdAt = catalog.now();
            t.updatedAt = t.createdAt;
            ns.tags.add(t);
            return tagView(t);
        });
        ex.sendJson(201, doc);
    }

    @SuppressWarnings("unchecked")
    private void createTags(Exchange ex, String name) {
        Map<String, Object> body = MetadefBodies.read(ex, List.of());
        Object list = body.get("tags");
        if (list == null) {
            // Glance reads body['tags'] without checking: a KeyError, answered 500
            throw GlanceError.of(500, "The server has either erred or is incapable of performing the requested "
                    + "operation.");
        }
        if (!(list instanceof List)) {
            throw MetadefBodies.mismatch("tags", Json.repr(list) + " is not of type 'array'");
        }
        List<String> names = new ArrayList<>();
        for (Object item : (List<Object>) list) {
            if (!(item instanceof Map)) {
                throw MetadefBodies.mismatch("tags", Json.repr(item) + " is not of type 'object'");
            }
            Map<String, Object> tm = (Map<String, Object>) item;
            MetadefBodies.shape("tags", tm, List.of("name"), Set.of("name", "created_at", "updated_at"));
            MetadefBodies.string("tags", tm, "name", 80);
            names.add((String) tm.get("name"));
        }
        String appendHeader = ex.header("X-Openstack-Append");
        boolean append = appendHeader != null && List.of("1", "t", "true", "on", "y", "yes")
                .contains(appendHeader.trim().toLowerCase(java.util.Locale.ROOT));
        Map<String, Object> doc = catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceOf(ex, name);
            write(ex, "add_metadef_tags");
            Set<String> seen = new LinkedHashSet<>();
            for (String n : names) {
                if (!seen.add(n)
                        || append && ns.tagIgnoringCase(n) != null) {
                    throw duplicateTag(n, name);
                }
            }
            if (!append && !names.isEmpty()) {
                // an empty list leaves the tags as they are (Glance replaces only when there is something)
                ns.tags.clear();
            }
            Instant now = catalog.now();
            List<Object> out = new ArrayList<>();
            for (String n : names) {
                MetadefCatalog.Tag t = catalog.newTag();
                t.name = n;
                t.createdAt = now;
                t.updatedAt = now;
                ns.tags.add(t);
                out.add(Map.of("name", n));
            }
            return Map.<String, Object>of("tags", out);
        });
        ex.sendJson(201, doc);
    }

    private void showTag(Exchange ex, String name, String tagName) {
        Map<String, Object> doc = catalog.locked(() -> tagView(tag(namespaceOf(ex, name), tagName)));
        ex.sendJson(200, doc);
    }

    private void updateTag(Exchange ex, String name, String tagName) {
        Map<String, Object> body = MetadefBodies.read(ex, TIMES_READ_ONLY);
        MetadefBodies.shape("tag", body, List.of("name"), Set.of("name", "created_at", "updated_at"));
        MetadefBodies.string("tag", body, "name", 80);
        String newName = (String) body.get("name");
        Map<String, Object> doc = catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceOf(ex, name);
            write(ex, "modify_metadef_tag");
            MetadefCatalog.Tag t = tag(ns, tagName);
            MetadefCatalog.Tag other = ns.tagIgnoringCase(newName);
            if (other != null && other != t) {
                throw duplicateTag(newName, name);
            }
            Instant previous = t.updatedAt;
            t.name = newName;
            t.updatedAt = catalog.now();
            Map<String, Object> v = tagView(t);
            if (previous != null) {
                v.put("updated_at", time(previous));
            }
            return v;
        });
        ex.sendJson(200, doc);
    }

    private void deleteTag(Exchange ex, String name, String tagName) {
        catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceOf(ex, name);
            write(ex, "delete_metadef_tag");
            MetadefCatalog.Tag t = tag(ns, tagName);
            if (ns.isProtected) {
                throw GlanceError.forbidden("Metadata definition tag " + tagName
                        + " is protected and cannot be deleted.");
            }
            ns.tags.remove(t);
            return null;
        });
        ex.sendEmpty(204);
    }

    // ---- resource types ----------------------------------------------------------------------------------

    private void listResourceTypes(Exchange ex) {
        Map<String, Object> doc = catalog.locked(() -> {
            List<Object> items = new ArrayList<>();
            for (MetadefCatalog.ResourceType rt : catalog.resourceTypes().values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", rt.name);
                m.put("created_at", time(rt.createdAt));
                if (rt.updatedAt != null) {
                    m.put("updated_at", time(rt.updatedAt));
                }
                items.add(m);
            }
            return Map.<String, Object>of("resource_types", items);
        });
        ex.sendJson(200, doc);
    }

    private void listAssociations(Exchange ex, String name) {
        Map<String, Object> doc = catalog.locked(() ->
                Map.<String, Object>of("resource_type_associations", associationViews(namespaceOf(ex, name))));
        ex.sendJson(200, doc);
    }

    private void associate(Exchange ex, String name) {
        Map<String, Object> body = MetadefBodies.read(ex, TIMES_READ_ONLY);
        String s = "resource_type_association";
        MetadefBodies.shape(s, body, List.of("name"), Set.of("name", "prefix", "properties_target", "created_at",
                "updated_at"));
        MetadefBodies.string(s, body, "name", 80);
        MetadefBodies.string(s, body, "prefix", 80);
        MetadefBodies.string(s, body, "properties_target", 80);
        Map<String, Object> doc = catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceOf(ex, name);
            write(ex, "add_metadef_resource_type_association");
            String type = (String) body.get("name");
            if (ns.association(type) != null) {
                throw GlanceError.conflict("The metadata definition resource-type association of resource-type="
                        + type + " to namespace=" + name + " already exists.");
            }
            catalog.resourceType(type, false);
            MetadefCatalog.Association a = new MetadefCatalog.Association();
            a.resourceType = type;
            a.prefix = (String) body.get("prefix");
            a.propertiesTarget = (String) body.get("properties_target");
            a.createdAt = catalog.now();
            a.updatedAt = a.createdAt;
            ns.associations.add(a);
            return associationView(a);
        });
        ex.sendJson(201, doc);
    }

    private void dissociate(Exchange ex, String name, String type) {
        catalog.locked(() -> {
            MetadefCatalog.Namespace ns = namespaceOf(ex, name);
            write(ex, "remove_metadef_resource_type_association");
            MetadefCatalog.Association a = ns.association(type);
            if (a == null) {
                throw GlanceError.notFound("Failed to find resource type " + type + " to delete");
            }
            if (ns.isProtected) {
                throw GlanceError.forbidden("Metadata definition resource-type-association " + type
                        + " is protected and cannot be deleted.");
            }
            ns.associations.remove(a);
            return null;
        });
        ex.sendEmpty(204);
    }
}
