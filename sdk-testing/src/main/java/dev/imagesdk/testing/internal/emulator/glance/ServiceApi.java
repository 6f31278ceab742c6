package dev.imagesdk.testing.internal.emulator.glance;

import dev.imagesdk.testing.internal.emulator.http.Exchange;
import dev.imagesdk.testing.internal.emulator.http.GlanceError;
import dev.imagesdk.testing.internal.emulator.http.Json;
import dev.imagesdk.testing.internal.emulator.store.EmulatorState;
import dev.imagesdk.testing.internal.emulator.store.ImageRecord;
import dev.imagesdk.testing.internal.emulator.store.TaskRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything around images: version discovery, health check, {@code /v2/info/*}, schemas, the tasks
 * API, image tasks and the image cache API.
 */
public final class ServiceApi {
    private static final List<String> VERSIONS = List.of("2.16", "2.15", "2.14", "2.13", "2.12", "2.11", "2.10",
            "2.9", "2.8", "2.7", "2.6", "2.5", "2.4", "2.3", "2.2", "2.1", "2.0");

    private final EmulatorState state;
    private final StoresConfig stores;
    private final ImagesApi images;
    private final Map<String, Object> schemas = new LinkedHashMap<>();

    /** The service-level endpoints: versions, healthcheck, schemas, info, tasks and the image cache. */
    public ServiceApi(EmulatorState state, StoresConfig stores, ImagesApi images) {
        this.state = state;
        this.stores = stores;
        this.images = images;
        for (String name : List.of("image", "images", "member", "members", "task")) {
            schemas.put(name, Json.parse(resource("schemas/" + name + ".json")));
        }
        Map<String, Object> tasks = new LinkedHashMap<>();
        tasks.put("name", "tasks");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("tasks", Map.of("type", "array", "items", schemas.get("task")));
        props.put("schema", Map.of("type", "string"));
        props.put("first", Map.of("type", "string"));
        props.put("next", Map.of("type", "string"));
        tasks.put("properties", props);
        tasks.put("links", List.of(Map.of("rel", "first", "href", "{first}"), Map.of("rel", "next", "href", "{next}"),
                Map.of("rel", "describedby", "href", "{schema}")));
        schemas.put("tasks", tasks);
    }

    private static String resource(String name) {
        try (InputStream in = ServiceApi.class.getResourceAsStream("/dev/imagesdk/testing/internal/emulator/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code GET /} → 300, {@code GET /versions} → 200: the version document. */
    public void versions(Exchange ex, int status) {
        List<Object> versions = new ArrayList<>();
        for (String v : VERSIONS) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", "v" + v);
            m.put("status", v.equals("2.16") ? "CURRENT" : "SUPPORTED");
            m.put("links", List.of(Map.of("rel", "self", "href", ex.baseUrl() + "/v2/")));
            versions.add(m);
        }
        ex.sendJson(status, Map.of("versions", versions));
    }

    /** {@code GET /healthcheck}: text {@code OK}, or JSON with {@code Accept: application/json}. */
    public void healthcheck(Exchange ex) {
        if (ex.wantsJson()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("detailed", false);
            m.put("reasons", List.of("OK"));
            ex.sendJson(200, m);
        } else {
            ex.sendText(200, "text/plain; charset=UTF-8", "OK");
        }
    }

    /** {@code GET /v2/schemas/{name}}: the recorded schema, or 404. */
    public void schema(Exchange ex, String name) {
        Object schema = schemas.get(name);
        if (schema == null) {
            throw GlanceError.notFound("The resource could not be found.");
        }
        ex.sendJson(200, schema);
    }

    /** {@code GET /v2/info/import}: the enabled import methods. */
    public void importInfo(Exchange ex) {
        Map<String, Object> methods = new LinkedHashMap<>();
        methods.put("description", "Import methods available.");
        methods.put("type", "array");
        methods.put("value", stores.importMethods());
        ex.sendJson(200, Map.of("import-methods", methods));
    }

    /** {@code GET /v2/info/stores}; {@code default} is the string {@code "true"}, only on the default store. */
    public void storesInfo(Exchange ex, boolean detail) {
        if (detail && !ex.identity().isAdmin()) {
            throw GlanceError.policy("stores_info_detail");
        }
        List<Object> out = new ArrayList<>();
        for (String id : stores.announced()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("description", stores.description(id));
            if (id.equals(stores.defaultStore())) {
                m.put("default", "true");
            }
            if (stores.readOnly().contains(id)) {
                m.put("read-only", "true");
                if (detail) {
                    m.put("type", "http");
                    m.put("properties", new LinkedHashMap<>());
                }
            } else if (detail) {
                m.put("type", "file");
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("data_dir", "/emulator/stores/" + id + "/");
                p.put("chunk_size", 65536);
                p.put("thin_provisioning", false);
                m.put("properties", p);
            }
            out.add(m);
        }
        ex.sendJson(200, Map.of("stores", out));
    }

    /** {@code GET /v2/info/usage}: empty, as Glance answers without Keystone unified limits. */
    public void usage(Exchange ex) {
        ex.sendJson(200, Map.of("usage", Map.of()));
    }

    /** {@code GET /v2/images/{id}/tasks}. */
    public void imageTasks(Exchange ex, String id) {
        Map<String, Object> body = state.locked(() -> {
            images.visible(ex.identity(), id);
            List<TaskRecord> tasks = new ArrayList<>();
            for (TaskRecord t : state.tasks().values()) {
                if (id.equals(t.imageId)) {
                    tasks.add(t);
                }
            }
            tasks.sort(Comparator.comparing((TaskRecord t) -> t.createdAt).reversed());
            List<Object> out = new ArrayList<>();
            for (TaskRecord t : tasks) {
                out.add(Views.imageTask(t));
            }
            return Map.of("tasks", out);
        });
        ex.sendJson(200, body);
    }

    /** {@code GET /v2/tasks} (admin): filters type, status; sort_key/sort_dir; limit/marker. */
    public void listTasks(Exchange ex) {
        requireTasksAccess(ex);
        var q = ex.query();
        String type = q.last("type");
        if (type != null && !Set.of("import", "api_image_import").contains(type)) {
            throw GlanceError.badRequest("Invalid type value: " + type);
        }
        String status = q.last("status");
        if (status != null && !Set.of("pending", "processing", "success", "failure").contains(status)) {
            throw GlanceError.badRequest("Invalid status value: " + status);
        }
        String sortDir = q.has("sort_dir") ? q.last("sort_dir") : "desc";
        if (!sortDir.equals("asc") && !sortDir.equals("desc")) {
            throw GlanceError.badRequest("Invalid sort direction: " + sortDir);
        }
        String sortKey = q.has("sort_key") ? q.last("sort_key") : "created_at";
        if (!Set.of("id", "type", "status", "created_at", "updated_at").contains(sortKey)) {
            throw GlanceError.badRequest("Invalid sort key: " + sortKey);
        }
        int limit = 25;
        if (q.has("limit")) {
            try {
                limit = Integer.parseInt(q.last("limit"));
            } catch (NumberFormatException e) {
                throw GlanceError.badRequest("limit param must be an integer");
            }
            if (limit < 0) {
                throw GlanceError.badRequest("limit param must be positive");
            }
        }
        int pageSize = limit;
        Map<String, Object> body = state.locked(() -> {
            Comparator<TaskRecord> order = ServiceApi.<TaskRecord>byKey(t -> key(t, sortKey))
                    .thenComparing((TaskRecord t) -> t.id);
            if (sortDir.equals("desc")) {
                order = order.reversed();
            }
            List<TaskRecord> all = new ArrayList<>();
            TaskRecord marker = q.has("marker") ? state.tasks().get(q.last("marker")) : null;
            if (q.has("marker") && marker == null) {
                throw GlanceError.badRequest("Invalid marker. Task " + q.last("marker") + " could not be found.");
            }
            for (TaskRecord t : state.tasks().values()) {
                if (type != null && !t.type.equals(type)) {
                    continue;
                }
                if (status != null && !t.status.equals(status)) {
                    continue;
                }
                if (marker != null && order.compare(t, marker) <= 0) {
                    continue;
                }
                all.add(t);
            }
            all.sort(order);
            List<TaskRecord> page = all.subList(0, Math.min(pageSize, all.size()));
            List<Object> out = new ArrayList<>();
            for (TaskRecord t : page) {
                out.add(Views.taskSummary(t));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("tasks", out);
            String lq = q.glanceLinkQuery();
            doc.put("first", "/v2/tasks" + (lq.isEmpty() ? "" : "?" + lq));
            doc.put("schema", "/v2/schemas/tasks");
            if (!page.isEmpty() && page.size() == pageSize) {
                doc.put("next", "/v2/tasks?" + (lq.isEmpty() ? "" : lq + "&") + "marker=" + page.get(page.size() - 1).id);
            }
            return doc;
        });
        ex.sendJson(200, body);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Comparator<T> byKey(java.util.function.Function<T, Comparable> key) {
        return (a, b) -> key.apply(a).compareTo(key.apply(b));
    }

    @SuppressWarnings("rawtypes")
    private static Comparable key(TaskRecord t, String sortKey) {
        switch (sortKey) {
            case "id": return t.id;
            case "type": return t.type;
            case "status": return t.status;
            case "updated_at": return t.updatedAt;
            default: return t.createdAt;
        }
    }

    /** {@code GET /v2/tasks/{id}} (admin). */
    public void showTask(Exchange ex, String id) {
        requireTasksAccess(ex);
        Map<String, Object> view = state.locked(() -> {
            TaskRecord t = state.tasks().get(id);
            if (t == null) {
                throw GlanceError.notFound("Failed to find task " + id);
            }
            return Views.task(t);
        });
        ex.sendJson(200, view);
    }

    private static void requireTasksAccess(Exchange ex) {
        if (!ex.identity().isAdmin()) {
            throw GlanceError.policy("tasks_api_access");
        }
    }

    // ---- cache (admin) ---------------------------------------------------------------------------

    /** {@code GET /v2/cache}: images fully downloaded at least once, and the queue. */
    public void cacheList(Exchange ex) {
        requireAdmin(ex, "cache_list");
        Map<String, Object> body = state.locked(() -> {
            List<Object> cached = new ArrayList<>();
            List<String> ids = new ArrayList<>(state.cached());
            ids.sort(Comparator.reverseOrder());
            double now = System.currentTimeMillis() / 1000.0;
            for (String id : ids) {
                ImageRecord r = state.images().get(id);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("image_id", id);
                m.put("hits", 0);
                m.put("last_accessed", now);
                m.put("last_modified", now);
                m.put("size", r == null || r.size == null ? 0 : r.size);
                cached.add(m);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("cached_images", cached);
            doc.put("queued_images", new ArrayList<>(state.cacheQueue()));
            return doc;
        });
        ex.sendJson(200, body);
    }

    /**
     * {@code PUT /v2/cache/{id}} → 202. Glance looks the image up first (404 {@code Image <id> not found.}),
     * then checks the policy, refuses an image that is not active (400), queues it and hands it to its
     * cache worker thread, which caches it within moments; the emulator caches it at once.
     */
    public void cacheQueue(Exchange ex, String id) {
        state.locked(() -> {
            ImageRecord r = lookUp(ex, id);
            requireAdmin(ex, "cache_image");
            if (!"active".equals(r.status)) {
                throw GlanceError.badRequest("Only images with status active can be targeted for queueing");
            }
            state.cacheQueue().remove(id);
            state.cached().add(id);
        });
        ex.sendEmpty(202);
    }

    /**
     * {@code DELETE /v2/cache/{id}} → 204: the cached copy and the queue entry go; 404 only when neither
     * the image nor an entry exists. {@code DELETE /v2/cache} → 204 empties both, or only the copies or
     * only the queue as {@code x-image-cache-clear-target} says ({@code cache}, {@code queue}).
     */
    public void cacheDelete(Exchange ex, String id) {
        if (id == null) {
            requireAdmin(ex, "cache_delete");
            String target = ex.header("x-image-cache-clear-target");
            String t = target == null ? "" : target.toLowerCase(java.util.Locale.ROOT);
            if (!t.isEmpty() && !t.equals("cache") && !t.equals("queue")) {
                throw GlanceError.badRequest("If provided 'x-image-cache-clear-target' must be 'cache', 'queue' or empty string.");
            }
            state.locked(() -> {
                if (!t.equals("queue")) {
                    state.cached().clear();
                }
                if (!t.equals("cache")) {
                    state.cacheQueue().clear();
                }
            });
        } else {
            state.locked(() -> {
                if (!state.cached().contains(id) && !state.cacheQueue().contains(id)) {
                    lookUp(ex, id);
                }
                requireAdmin(ex, "cache_delete");
                state.cached().remove(id);
                state.cacheQueue().remove(id);
            });
        }
        ex.sendEmpty(204);
    }

    private ImageRecord lookUp(Exchange ex, String id) {
        try {
            return images.visible(ex.identity(), id);
        } catch (GlanceError e) {
            if (e.status() == 404) {
                throw GlanceError.notFound("Image " + id + " not found.");
            }
            throw e;
        }
    }

    private static void requireAdmin(Exchange ex, String action) {
        if (!ex.identity().isAdmin()) {
            throw GlanceError.policy(action);
        }
    }
}
