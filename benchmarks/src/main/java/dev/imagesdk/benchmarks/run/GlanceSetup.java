package dev.imagesdk.benchmarks.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Untimed preparation on the real Glance with the JDK's own HTTP client (independent of every
 * contender): creating, uploading, seeding, walking and deleting images.
 */
public final class GlanceSetup {
    private static final Pattern ID = Pattern.compile("\"id\": \"([0-9a-f-]{36})\"");
    private static final Pattern NEXT = Pattern.compile("\"next\": \"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\": \"([a-z_]+)\"");

    private final String endpoint;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param endpoint service root, for example {@code http://127.0.0.1:9392}
     * @param token Keystone token sent as {@code X-Auth-Token}
     */
    public GlanceSetup(String endpoint, String token) {
        this.endpoint = endpoint;
        this.token = token;
    }

    /** Creates a queued image ({@code POST /v2/images}) with the given JSON body; returns its id. */
    public String create(String json) throws IOException, InterruptedException {
        HttpResponse<String> r = send(request("/v2/images").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        expect(r, 201, "create image");
        Matcher m = ID.matcher(r.body());
        if (!m.find()) {
            throw new IOException("no id in create response");
        }
        return m.group(1);
    }

    /** Uploads a file as the image's data ({@code PUT /v2/images/{id}/file}). */
    public void upload(String id, Path file) throws IOException, InterruptedException {
        HttpResponse<String> r = send(request("/v2/images/" + id + "/file").header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofMinutes(10)).PUT(HttpRequest.BodyPublishers.ofFile(file)).build());
        expect(r, 204, "upload image data");
    }

    /** The image's status ({@code GET /v2/images/{id}}). */
    public String status(String id) throws IOException, InterruptedException {
        HttpResponse<String> r = send(request("/v2/images/" + id).GET().build());
        expect(r, 200, "get image");
        Matcher m = STATUS.matcher(r.body());
        return m.find() ? m.group(1) : "?";
    }

    /** Deletes an image; a missing one is fine. */
    public void delete(String id) throws IOException, InterruptedException {
        HttpResponse<String> r = send(request("/v2/images/" + id).DELETE().build());
        if (r.statusCode() != 204 && r.statusCode() != 404) {
            expect(r, 204, "delete image");
        }
    }

    /**
     * Creates up to {@code count} metadata-only images with custom properties, {@code threads} requests at a
     * time, starting no new request after {@code deadline} (System.nanoTime()); returns how many it created.
     */
    public int seed(int count, int threads, String namePrefix, long deadline) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                int i;
                while (System.nanoTime() - deadline < 0 && (i = next.getAndIncrement()) < count) {
                    try {
                        create(seedBody(namePrefix, i));
                        created.incrementAndGet();
                    } catch (IOException e) {
                        // a slow or failed create is not fatal: the listing uses what exists
                        System.err.println("[bench] seeding: " + e);
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return created.get();
    }

    /** The body of seeded image {@code i}: the same custom properties as the canned records. */
    static String seedBody(String namePrefix, int i) {
        return String.format("{\"name\": \"%s-%06d\", \"disk_format\": \"qcow2\", \"container_format\": \"bare\", "
                + "\"visibility\": \"private\", \"min_ram\": 1024, \"min_disk\": 10, \"tags\": [\"bench\", \"linux\"], "
                + "\"os_distro\": \"ubuntu\", \"os_version\": \"24.04\", \"hw_disk_bus\": \"virtio\", "
                + "\"hw_scsi_model\": \"virtio-scsi\", \"owner_team\": \"platform-images\", \"new_prop\": \"v2\", "
                + "\"build_id\": \"build-%08d\"}", namePrefix, i, i);
    }

    /** Walks the listing in pages of {@code limit} through {@code next}: the page URLs and the image count. */
    public Walk walk(int limit) throws IOException, InterruptedException {
        List<String> urls = new ArrayList<>();
        long count = 0;
        String path = "/v2/images?limit=" + limit;
        while (path != null) {
            urls.add(endpoint + path);
            HttpResponse<String> r = send(request(path).GET().build());
            expect(r, 200, "list images");
            Matcher ids = ID.matcher(r.body());
            while (ids.find()) {
                count++;
            }
            Matcher next = NEXT.matcher(r.body());
            path = next.find() ? next.group(1) : null;
        }
        return new Walk(urls, count);
    }

    /** What {@link #walk(int)} saw. */
    public record Walk(List<String> pageUrls, long images) {
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(endpoint + path)).header("X-Auth-Token", token)
                .timeout(Duration.ofMinutes(2));
    }

    private HttpResponse<String> send(HttpRequest req) throws IOException, InterruptedException {
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> r, int status, String what) throws IOException {
        if (r.statusCode() != status) {
            String body = r.body() == null ? "" : r.body();
            throw new IOException(what + ": HTTP " + r.statusCode() + " " + body.substring(0, Math.min(300, body.length())));
        }
    }
}
