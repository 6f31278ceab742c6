package dev.imagesdk.testing.internal.emulator.glance;

import dev.imagesdk.testing.internal.emulator.http.Caller;
import dev.imagesdk.testing.internal.emulator.http.Exchange;
import dev.imagesdk.testing.internal.emulator.http.GlanceError;
import dev.imagesdk.testing.internal.emulator.http.Json;
import dev.imagesdk.testing.internal.emulator.store.EmulatorState;
import dev.imagesdk.testing.internal.emulator.store.ImageRecord;
import dev.imagesdk.testing.internal.emulator.store.TaskRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Image data: upload ({@code PUT /file}), download with ranges ({@code GET /file}), staging
 * ({@code PUT /stage}) and interoperable import ({@code POST /import}, glance-direct and copy-image),
 * streamed through temporary files with md5/sha512 computed on the way in.
 */
public final class ImageDataApi {
    private static final int BUFFER = 64 * 1024;

    private final EmulatorState state;
    private final StoresConfig stores;
    private final ImagesApi images;
    private final ScheduledExecutorService worker;
    private final Duration importDelay;
    private final Quotas quotas;

    /**
     * The data, staging and import endpoints; imports finish on {@code worker} after {@code importDelay};
     * data beyond {@code quotas}' size cap or storage quota is refused with 413.
     */
    public ImageDataApi(EmulatorState state, StoresConfig stores, ImagesApi images,
                        ScheduledExecutorService worker, Duration importDelay, Quotas quotas) {
        this.state = state;
        this.stores = stores;
        this.images = images;
        this.worker = worker;
        this.importDelay = importDelay;
        this.quotas = quotas;
    }

    private static void requireOctetStream(Exchange ex) {
        String ct = ex.contentType();
        if (!ct.equals("application/octet-stream")) {
            throw GlanceError.raw(415, "The request media type " + (ct.isEmpty() ? "None" : ct)
                    + " is not supported by this server.\n<br /><br />\n");
        }
    }

    /** Digests of a stream copied to a file. */
    record Received(long size, String md5, String sha512) {
    }

    /**
     * Streams the request body into {@code file}. When that fails, the file is removed and the image
     * goes back to {@code queued}, as Glance does after a broken upload. Data beyond the size cap, or
     * beyond the storage quota of {@code owner} (null: not checked), is answered 413.
     */
    private Received receiveOrRequeue(Exchange ex, String id, Path file, String owner) {
        state.markDataHandled();
        Long declared = declaredLength(ex);
        // Glance checks the storage quota where data enters a store (upload); staging checks only the size cap
        long remaining = quotas.userStorage() > 0 && owner != null
                ? quotas.userStorage() - state.locked(() -> state.storageUsage(owner, id)) : Long.MAX_VALUE;
        try {
            if (declared != null && declared > remaining || declared == null && remaining <= 0) {
                throw Quotas.storageFull(declared, remaining);
            }
            long cap = quotas.imageSizeCap();
            return receive(ex.body(), file, Math.min(cap, remaining), () -> {
                throw remaining < cap ? Quotas.storageFull(null, remaining) : Quotas.tooLarge();
            });
        } catch (GlanceError e) {
            requeue(id, file);
            throw e;
        } catch (IOException | RuntimeException e) {
            requeue(id, file);
            throw GlanceError.badRequest("Error while receiving the image data: " + e.getMessage());
        }
    }

    /** {@code r} now holds the data received into {@code file}, in {@code store} only (lock held). */
    private void holdData(ImageRecord r, Path file, Received got, String store) {
        r.dataFile = file;
        r.size = got.size();
        r.virtualSize = virtualSize(r.diskFormat, got.size());
        r.checksum = got.md5();
        r.osHashAlgo = "sha512";
        r.osHashValue = got.sha512();
        r.locations.clear();
        r.locations.add(state.storeLocation(r.id, store));
    }

    private void requeue(String id, Path file) {
        EmulatorState.deleteQuietly(file);
        state.locked(() -> {
            ImageRecord r = state.images().get(id);
            if (r != null) {
                r.status = "queued";
                r.size = null;
                r.transferring = false;
            }
        });
    }

    private static Long declaredLength(Exchange ex) {
        String v = ex.header("Content-Length");
        try {
            return v == null ? null : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Received receive(InputStream in, Path file, long limit, Runnable overLimit) throws IOException {
        MessageDigest md5;
        MessageDigest sha512;
        try {
            md5 = MessageDigest.getInstance("MD5");
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                md5.update(buf, 0, n);
                sha512.update(buf, 0, n);
                size += n;
                if (size > limit) {
                    overLimit.run();
                }
            }
        }
        HexFormat hex = HexFormat.of();
        return new Received(size, hex.formatHex(md5.digest()), hex.formatHex(sha512.digest()));
    }

    private String storeFromHeader(Exchange ex) {
        String store = ex.header("X-Image-Meta-Store");
        if (store == null) {
            return stores.defaultStore();
        }
        if (!stores.ids().contains(store)) {
            throw GlanceError.badRequest("Store for identifier " + store + " not found");
        }
        return store;
    }

    private static Long virtualSize(String diskFormat, long size) {
        return "raw".equals(diskFormat) || "iso".equals(diskFormat) ? size : null;
    }

    /** {@code PUT /v2/images/{id}/file} → 204; queued → saving → active; 409 when data exists. */
    public void upload(Exchange ex, String id) {
        requireOctetStream(ex);
        String store = storeFromHeader(ex);
        Caller who = ex.identity();
        String owner = state.locked(() -> {
            ImageRecord r = images.visible(who, id);
            if (!who.isAdmin() && !Policy.owns(who, r)) {
                throw GlanceError.policy("upload_image");
            }
            if (r.diskFormat == null || r.containerFormat == null) {
                throw GlanceError.badRequest("Properties disk_format, container_format must be set prior to saving data.");
            }
            if (!r.status.equals("queued") || r.transferring) {
                throw GlanceError.conflict("Image status transition from " + (r.transferring ? "saving" : r.status)
                        + " to saving is not allowed");
            }
            r.status = "saving";
            r.transferring = true;
            r.updatedAt = state.now();
            return r.owner;
        });
        Path file = state.newDataFile("image");
        Received got = receiveOrRequeue(ex, id, file, owner);
        boolean stillThere = state.locked(() -> {
            ImageRecord r = state.images().get(id);
            if (r == null) {
                return false;
            }
            r.transferring = false;
            holdData(r, file, got, store);
            r.status = "active";
            r.updatedAt = state.now();
            return true;
        });
        if (!stillThere) {
            EmulatorState.deleteQuietly(file);
            throw GlanceError.of(410, "Image " + id + " could not be found after upload. "
                    + "The image may have been deleted during the upload.");
        }
        ex.sendEmpty(204);
    }

    /** {@code PUT /v2/images/{id}/stage} → 204; status uploading, size set, digests kept for the import. */
    public void stage(Exchange ex, String id) {
        requireOctetStream(ex);
        Caller who = ex.identity();
        state.locked(() -> {
            ImageRecord r = images.visible(who, id);
            if (!who.isAdmin() && !Policy.owns(who, r)) {
                throw GlanceError.policy("upload_image");
            }
            if (!r.status.equals("queued") || r.transferring) {
                throw GlanceError.conflict("Image status transition from " + r.status + " to uploading is not allowed");
            }
            r.status = "uploading";
            r.transferring = true;
            r.updatedAt = state.now();
        });
        Path file = state.newDataFile("staged");
        Received got = receiveOrRequeue(ex, id, file, null);
        boolean stillThere = state.locked(() -> {
            ImageRecord r = state.images().get(id);
            if (r == null) {
                return false;
            }
            r.transferring = false;
            r.staged = new ImageRecord.StagedData(file, got.size(), got.md5(), got.sha512());
            r.size = got.size();
            r.updatedAt = state.now();
            return true;
        });
        if (!stillThere) {
            EmulatorState.deleteQuietly(file);
            throw GlanceError.notFound("No image found with ID " + id);
        }
        ex.sendEmpty(204);
    }

    /** {@code POST /v2/images/{id}/import} → 202 with an empty body; the import finishes in the background. */
    public void importImage(Exchange ex, String id) {
        Object parsed = Json.parse(ex.bodyText());
        if (!(parsed instanceof Map)) {
            throw GlanceError.badRequest("Malformed JSON in request body.");
        }
        Map<?, ?> body = (Map<?, ?>) parsed;
        Object method = body.get("method");
        Object name = method instanceof Map ? ((Map<?, ?>) method).get("name") : null;
        if (!(name instanceof String)) {
            throw GlanceError.badRequest("Import request requires a 'method' field.");
        }
        String methodName = (String) name;
        if (!stores.importMethods().contains(methodName)) {
            throw GlanceError.badRequest("Unknown import method name '" + methodName + "'.");
        }
        List<String> targets = new ArrayList<>();
        List<Object> unknown = new ArrayList<>();
        Object requested = body.get("stores");
        if (Boolean.TRUE.equals(body.get("all_stores"))) {
            targets.addAll(stores.ids());
        } else if (requested instanceof List) {
            for (Object s : (List<?>) requested) {
                if (!(s instanceof String) || !stores.ids().contains(s)) {
                    unknown.add(s);
                } else {
                    targets.add((String) s);
                }
            }
        }
        Caller who = ex.identity();
        String taskId = state.locked(() -> {
            ImageRecord r = images.visible(who, id);
            if (methodName.equals("copy-image")) {
                if (!who.isAdmin()) {
                    throw GlanceError.policy("copy_image");
                }
                if (!r.status.equals("active")) {
                    throw GlanceError.conflict("Image " + id + " is not active; copy-image needs an active image");
                }
                requireKnownStores(unknown);
                if (targets.isEmpty()) {
                    throw GlanceError.badRequest("Import request for copy-image requires 'stores'.");
                }
            } else {
                if (!who.isAdmin() && !Policy.owns(who, r)) {
                    throw GlanceError.forbidden("You do not own this image");
                }
                if (r.status.equals("queued")) {
                    throw GlanceError.conflict("Image needs to be staged before '" + methodName
                            + "' method can be used");
                }
                if (!r.status.equals("uploading") || r.staged == null) {
                    throw GlanceError.conflict("Image status transition from " + r.status
                            + " to importing is not allowed");
                }
                requireKnownStores(unknown);
                if (targets.isEmpty()) {
                    targets.add(stores.defaultStore());
                }
                r.status = "importing";
            }
            r.properties.put("os_glance_importing_to_stores", String.join(",", targets));
            r.properties.putIfAbsent("os_glance_failed_import", "");
            r.updatedAt = state.now();
            // Glance keeps the request body as sent: no "stores" key when the caller named none
            Map<String, Object> importReq = new LinkedHashMap<>();
            body.forEach((k, v) -> importReq.put(String.valueOf(k), v));
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("image_id", id);
            input.put("import_req", importReq);
            input.put("backend", targets);
            TaskRecord t = new TaskRecord(EmulatorState.newId(), r.owner, id, ex.requestId(), who.userId(), input,
                    state.now());
            state.tasks().put(t.id, t);
            return t.id;
        });
        state.markDataHandled();
        worker.schedule(() -> finishImport(taskId, methodName, targets), importDelay.toMillis(), TimeUnit.MILLISECONDS);
        ex.sendEmpty(202);
    }

    /** Glance answers an import into a store it does not have with 409 (an upload's store header: 400). */
    private static void requireKnownStores(List<Object> unknown) {
        if (!unknown.isEmpty()) {
            throw GlanceError.conflict("Store for identifier " + unknown.get(0) + " not found");
        }
    }

    private void finishImport(String taskId, String method, List<String> targets) {
        state.locked(() -> {
            TaskRecord t = state.tasks().get(taskId);
            if (t == null) {
                return;
            }
            t.status = "processing";
            t.updatedAt = state.now();
            ImageRecord r = state.images().get(t.imageId);
            if (r == null) {
                t.status = "failure";
                t.message = "Image " + t.imageId + " was deleted during the import";
            } else if (method.equals("copy-image")) {
                for (String s : targets) {
                    if (!r.stores().contains(s)) {
                        r.locations.add(state.storeLocation(r.id, s));
                    }
                }
                finish(t, r);
            } else if (overStorageQuota(r)) {
                // Glance's import task checks the storage quota where the data enters the store: the task
                // fails with a generic message, the staged data stays, and the image stays "importing"
                // with every target store listed as failed
                r.properties.put("os_glance_importing_to_stores", "");
                r.properties.put("os_glance_failed_import", String.join(",", targets));
                r.updatedAt = state.now();
                t.status = "failure";
                t.message = "Task failed due to Internal Error";
            } else {
                ImageRecord.StagedData staged = r.staged;
                r.dataFile = staged.file();
                r.staged = null;
                r.size = staged.size();
                r.virtualSize = virtualSize(r.diskFormat, staged.size());
                r.checksum = staged.md5();
                r.osHashAlgo = "sha512";
                r.osHashValue = staged.sha512();
                r.locations.clear();
                for (String s : targets) {
                    r.locations.add(state.storeLocation(r.id, s));
                }
                r.status = "active";
                finish(t, r);
            }
            t.updatedAt = state.now();
            t.expiresAt = t.updatedAt.plus(48, ChronoUnit.HOURS);
        });
    }

    /** Whether the staged data of {@code r} does not fit into its owner's storage quota (under the lock). */
    private boolean overStorageQuota(ImageRecord r) {
        if (quotas.userStorage() <= 0 || r.owner == null) {
            return false;
        }
        long remaining = quotas.userStorage() - state.storageUsage(r.owner, r.id);
        return remaining <= 0 || r.staged.size() > remaining;
    }

    private void finish(TaskRecord t, ImageRecord r) {
        r.properties.put("os_glance_importing_to_stores", "");
        r.properties.put("os_glance_failed_import", "");
        r.updatedAt = state.now();
        t.status = "success";
        t.message = "Copied " + (r.size == null ? 0 : r.size / (1024 * 1024)) + " MiB";
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("image_id", r.id);
        t.result = result;
    }

    private static final java.net.http.HttpClient FETCH = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();

    /**
     * {@code POST /v2/tasks} (Glance's legacy task API, {@code tasks_api_access}: admin) → 201 with the
     * pending task and its {@code Location}. An {@code import} task fetches {@code input.import_from}
     * (http only, as Glance's default) in the background into a new active image made from
     * {@code input.image_properties}; like Glance, that image gets no owner. Failures end the task with
     * Glance's messages.
     */
    public void createTask(Exchange ex) {
        Caller who = ex.identity();
        if (!who.isAdmin()) {
            throw GlanceError.policy("tasks_api_access");
        }
        Object parsed = Json.parse(ex.bodyText());
        if (!(parsed instanceof Map)) {
            throw GlanceError.badRequest("Provided object does not match schema 'task': " + Json.repr(parsed)
                    + " is not of type 'object'");
        }
        Map<?, ?> body = (Map<?, ?>) parsed;
        Object type = body.get("type");
        if (type == null) {
            throw GlanceError.badRequest("Task 'type' is required");
        }
        Object input = body.get("input");
        if (input == null) {
            throw GlanceError.badRequest("Task 'input' is required");
        }
        if (!"import".equals(type) && !"api_image_import".equals(type)) {
            throw GlanceError.badRequest("Provided object does not match schema 'task': " + Json.repr(type)
                    + " is not one of ['import', 'api_image_import']\n\nFailed validating 'enum' in schema['properties']['type']");
        }
        if (!(input instanceof Map)) {
            throw GlanceError.badRequest("Provided object does not match schema 'task': " + Json.repr(input)
                    + " is not of type 'object'\n\nFailed validating 'type' in schema['properties']['input']");
        }
        Map<String, Object> in = new LinkedHashMap<>();
        ((Map<?, ?>) input).forEach((k, v) -> in.put(String.valueOf(k), v));
        TaskRecord task = new TaskRecord((String) type, EmulatorState.newId(), who.projectId(), null, ex.requestId(),
                who.userId(), in, state.now());
        Map<String, Object> view = state.locked(() -> {
            state.tasks().put(task.id, task);
            return Views.task(task);
        });
        worker.schedule(() -> runTask(task.id, who), importDelay.toMillis(), TimeUnit.MILLISECONDS);
        ex.responseHeader("Location", ex.baseUrl() + "/v2/tasks/" + task.id);
        ex.sendJson(201, view);
    }

    private void runTask(String taskId, Caller who) {
        TaskRecord t = state.locked(() -> {
            TaskRecord r = state.tasks().get(taskId);
            if (r != null) {
                r.status = "processing";
                r.updatedAt = state.now();
            }
            return r;
        });
        if (t == null) {
            return;
        }
        String failure = null;
        String imageId = null;
        if (t.type.equals("api_image_import")) {
            failure = t.input.isEmpty() ? "Input to api_image_import task is empty." : "Task failed due to Internal Error";
        } else {
            Object from = t.input.get("import_from");
            java.net.URI uri = null;
            try {
                uri = from instanceof String ? java.net.URI.create((String) from) : null;
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || !"http".equalsIgnoreCase(uri.getScheme())) {
                failure = "The given uri is not valid. Please specify a valid uri from the following list of supported uri ['http']";
            } else {
                try {
                    imageId = importFrom(uri, t.input.get("image_properties"), who);
                } catch (RuntimeException | IOException e) {
                    failure = "Task failed due to Internal Error";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = "Task failed due to Internal Error";
                }
            }
        }
        String error = failure;
        String created = imageId;
        state.locked(() -> {
            t.status = error == null ? "success" : "failure";
            t.message = error == null ? "" : error;
            if (created != null) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("image_id", created);
                t.result = result;
            }
            t.updatedAt = state.now();
            t.expiresAt = t.updatedAt.plus(48, ChronoUnit.HOURS);
        });
    }

    /** Fetches {@code uri} into a new active image with {@code properties}; returns its id. */
    private String importFrom(java.net.URI uri, Object properties, Caller who) throws IOException, InterruptedException {
        ImageRecord r = new ImageRecord(EmulatorState.newId());
        if (properties instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) properties).entrySet()) {
                ImageSchema.apply(who, r, String.valueOf(e.getKey()), e.getValue());
            }
        }
        Path file = state.newDataFile("task");
        Received got;
        java.net.http.HttpResponse<InputStream> response = FETCH.send(java.net.http.HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            got = receive(body, file, quotas.imageSizeCap(), () -> {
                throw Quotas.tooLarge();
            });
        } catch (IOException | RuntimeException e) {
            EmulatorState.deleteQuietly(file);
            throw e;
        }
        r.owner = null;
        r.status = "active";
        state.locked(() -> {
            holdData(r, file, got, stores.defaultStore());
            r.createdAt = state.now();
            r.updatedAt = r.createdAt;
            state.images().put(r.id, r);
        });
        return r.id;
    }

    /**
     * {@code DELETE /v2/stores/{store}/{id}} → 204: the data leaves one store. As Glance checks it: an
     * unknown store is 409, an image the caller cannot see 404, someone else's image 403 (the owner may,
     * under Glance's legacy policy), an image that is not active 409, data in one store only 403, a store
     * without the data 404.
     */
    public void deleteFromStore(Exchange ex, String store, String id) {
        if (!stores.ids().contains(store)) {
            throw GlanceError.conflict("The selected store " + store + " is not available on this node.");
        }
        Caller who = ex.identity();
        state.locked(() -> {
            ImageRecord r;
            try {
                r = images.visible(who, id);
            } catch (GlanceError e) {
                if (e.status() == 404) {
                    throw GlanceError.notFound("Failed to find image " + id);
                }
                throw e;
            }
            if (!who.isAdmin() && !Policy.owns(who, r)) {
                throw GlanceError.policy("delete_image_location");
            }
            if (!"active".equals(r.status)) {
                throw GlanceError.conflict("It's not allowed to remove image data from store if image status is not 'active'");
            }
            if (r.locations.size() == 1) {
                throw GlanceError.forbidden("Cannot delete image data from the only store containing it. "
                        + "Consider deleting the image instead.");
            }
            if (!r.stores().contains(store)) {
                throw GlanceError.notFound("Image " + id + " is not stored in store " + store + ".");
            }
            r.locations.removeIf(l -> store.equals(l.metadata.get("store")));
            EmulatorState.releaseUnheldData(r);
            r.updatedAt = state.now();
        });
        ex.sendEmpty(204);
    }

    /**
     * Serves an image whose first location is an external url as Glance's http store does: the url's
     * data is fetched with {@code GET} and passed on with the image's size as length (a url holding more
     * is cut there); a range is refused, as the http store cannot read from an offset.
     */
    private void downloadFromUrl(Exchange ex, String id, String url, long size, String checksum) {
        ByteRange range = parseRange(ex.header("Range"), size);
        if (range != null) {
            throw GlanceError.badRequest("Getting images randomly from this store is not supported. Offset: "
                    + range.first() + ", length: " + (range.last() - range.first() + 1));
        }
        java.net.http.HttpResponse<InputStream> response;
        try {
            response = FETCH.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .timeout(Duration.ofSeconds(60)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | IllegalArgumentException e) {
            throw GlanceError.of(503, "Remote server where the image is present is unavailable.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GlanceError.of(503, "Remote server where the image is present is unavailable.");
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() >= 300) {
                throw GlanceError.of(503, "Remote server where the image is present is unavailable.");
            }
            ex.responseHeader("Content-Type", "application/octet-stream");
            if (checksum != null) {
                ex.responseHeader("Content-MD5", checksum);
            }
            try (OutputStream out = size == 0 ? ex.startBody(200, -1) : ex.startBody(200, size)) {
                byte[] buf = new byte[BUFFER];
                long remaining = size;
                while (remaining > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
                    if (n < 0) {
                        throw new IOException("the location's data ended " + remaining + " bytes early");
                    }
                    out.write(buf, 0, n);
                    remaining -= n;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        state.locked(() -> {
            if (state.images().containsKey(id)) {
                state.cached().add(id);
                state.cacheQueue().remove(id);
            }
        });
    }

    /** A parsed single byte range: first and last byte, inclusive. */
    record ByteRange(long first, long last) {
    }

    static ByteRange parseRange(String header, long size) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        if (!h.startsWith("bytes=")) {
            return null;
        }
        String spec = h.substring("bytes=".length()).strip();
        if (spec.contains(",")) {
            throw GlanceError.badRequest("Requests with multiple ranges are not supported in Glance. "
                    + "You may make multiple single-range requests instead.");
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).strip();
            String b = spec.substring(dash + 1).strip();
            long first;
            long last;
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                first = Math.max(0, size - suffix);
                last = size - 1;
            } else {
                first = Long.parseLong(a);
                last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
                if (!b.isEmpty() && Long.parseLong(b) < first) {
                    return null;
                }
            }
            if (first >= size || first < 0) {
                throw GlanceError.withDetail(416, "The Range requested is not available.",
                        "Invalid start position in Range header. Start position MUST be in the inclusive range [0, "
                                + (size - 1) + "].");
            }
            return new ByteRange(first, last);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code GET /v2/images/{id}/file}: 200 chunked with {@code Content-MD5}, 206 for a range, 204 without data. */
    public void download(Exchange ex, String id) {
        Caller who = ex.identity();
        Object[] snapshot = state.locked(() -> {
            ImageRecord r = images.visible(who, id);
            if (r.status.equals("deactivated") && !who.isAdmin()) {
                throw GlanceError.forbidden("The requested image has been deactivated. Image data download is forbidden.");
            }
            ImageRecord.Location first = r.locations.isEmpty() ? null : r.locations.get(0);
            if (first != null && !first.inStore && r.size != null) {
                return new Object[] {null, r.size, r.checksum, first.url};
            }
            if (r.dataFile == null) {
                return null;
            }
            return new Object[] {r.dataFile, r.size, r.checksum, null};
        });
        if (snapshot == null) {
            ex.sendEmptyUntyped(204); // as Glance: Content-Length 0, no Content-Type
            return;
        }
        if (snapshot[3] != null) {
            downloadFromUrl(ex, id, (String) snapshot[3], (Long) snapshot[1], (String) snapshot[2]);
            return;
        }
        Path file = (Path) snapshot[0];
        long size = (Long) snapshot[1];
        ByteRange range = parseRange(ex.header("Range"), size);
        ex.responseHeader("Content-Type", "application/octet-stream");
        ex.responseHeader("Content-MD5", (String) snapshot[2]);
        long first = 0;
        long count = size;
        int status = 200;
        if (range != null) {
            first = range.first();
            count = range.last() - range.first() + 1;
            status = 206;
            ex.responseHeader("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + size);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            // Glance sends the length of a whole image too (not chunked); a 0-byte image goes out with length 0
            OutputStream out = count == 0 ? ex.startBody(status, -1) : ex.startBody(status, count);
            try (out) {
                ch.position(first);
                ByteBuffer buf = ByteBuffer.allocate(BUFFER);
                long remaining = count;
                var sink = Channels.newChannel(out);
                while (remaining > 0) {
                    buf.clear();
                    if (remaining < buf.capacity()) {
                        buf.limit((int) remaining);
                    }
                    int n = ch.read(buf);
                    if (n < 0) {
                        break;
                    }
                    buf.flip();
                    while (buf.hasRemaining()) {
                        sink.write(buf);
                    }
                    remaining -= n;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (range == null) {
            state.locked(() -> {
                if (state.images().containsKey(id)) {
                    state.cached().add(id);
                    state.cacheQueue().remove(id);
                }
            });
        }
    }
}
