package dev.imagesdk.testing.contract;

import dev.imagesdk.testing.contract.GlanceWireContract.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Glance's legacy location operations (JSON patch on {@code /locations}) on a server that shows locations
 * ({@code show_multiple_locations = true} with the read-only http store {@code web}): what any HTTP client
 * sees, status and words. Expected values were observed on the real Glance 25.1 ({@code scripts/it-env.sh}'s
 * limits Glance: {@code image_location_quota = 2}, {@code image_size_cap = 1048576},
 * {@code user_storage_quota = 3145728}) and on Glance 30.0; each test serves the location data from its own
 * {@link LocationDataServer} on 127.0.0.1 and acts as a fresh project. Implemented by the emulator's run
 * and the real Glance's run.
 */
public interface GlanceLocationsWireContract extends LocationsTarget {
    /** md5 and sha512-sized hex values for validation data (never checked against the data by Glance). */
    String MD5 = "0123456789abcdef0123456789abcdef";
    String SHA512 = "ab".repeat(64);

    /** Its {@code image_location_quota} (2 on the limits Glance; Glance's default is 10). */
    default int locationQuota() {
        return 2;
    }

    /** Its {@code image_size_cap} (1 MiB on the limits Glance; Glance's default is 1 TiB). */
    default long sizeCap() {
        return 1_048_576;
    }

    /** Its {@code user_storage_quota} in bytes, 0 = none (3 MiB on the limits Glance; Glance's default is none). */
    default long storageQuota() {
        return 3_145_728;
    }

    /**
     * Whether the server runs Glance's caching middleware ({@code GLANCE_CACHE=on}); the emulator does not.
     * It changes how an http location holding more than the image's size is served (see
     * {@link #anUploadedImageGainsAndLosesLocations()}).
     */
    default boolean cachingMiddleware() {
        return false;
    }

    /** The per-test location data server; started before and stopped after each test by the contract. */
    Holder HOLDER = new Holder();

    /** The running {@link LocationDataServer} of the current test. */
    final class Holder {
        private final ThreadLocal<LocationDataServer> server = new ThreadLocal<>();
    }

    @BeforeEach
    default void startLocationData() {
        HOLDER.server.set(new LocationDataServer());
    }

    @AfterEach
    default void stopLocationData() {
        LocationDataServer s = HOLDER.server.get();
        if (s != null) {
            s.close();
            HOLDER.server.remove();
        }
    }

    private static LocationDataServer web() {
        return HOLDER.server.get();
    }

    private Caller caller() {
        return new Caller(locationsEndpoint());
    }

    private static Map<String, Object> parse(HttpResponse<byte[]> r) {
        return Caller.parse(r);
    }

    private static void assertError(HttpResponse<byte[]> r, int status, String message) {
        assertThat(r.statusCode()).as(Caller.text(r)).isEqualTo(status);
        assertThat(Caller.message(r)).isEqualTo(message);
    }

    /** An error with webob's generic explanation and Glance's words as detail (403 from a Forbidden exception). */
    private static void assertDetail(HttpResponse<byte[]> r, int status, String explanation, String detail) {
        assertThat(r.statusCode()).as(Caller.text(r)).isEqualTo(status);
        assertThat(parse(r).get("message")).isEqualTo(explanation + "<br /><br />\n" + detail + "\n\n");
    }

    private static String raw(Caller c, String name) {
        return c.create("{\"name\":\"" + name + "\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}");
    }

    private static Map<String, Object> image(Caller c, String id) {
        HttpResponse<byte[]> r = c.json("GET", "/v2/images/" + id, null);
        assertThat(r.statusCode()).as(Caller.text(r)).isEqualTo(200);
        return parse(r);
    }

    private static String add(String position, String url, String metadata) {
        return "[{\"op\":\"add\",\"path\":\"/locations/" + position + "\",\"value\":{\"url\":\"" + url
                + "\",\"metadata\":" + metadata + "}}]";
    }

    private static String addValidated(String url, String validationData) {
        return "[{\"op\":\"add\",\"path\":\"/locations/-\",\"value\":{\"url\":\"" + url
                + "\",\"metadata\":{},\"validation_data\":" + validationData + "}}]";
    }

    private static String replace(String... urls) {
        List<String> items = new ArrayList<>();
        for (String u : urls) {
            items.add("{\"url\":\"" + u + "\",\"metadata\":{}}");
        }
        return "[{\"op\":\"replace\",\"path\":\"/locations\",\"value\":[" + String.join(",", items) + "]}]";
    }

    private static Map<String, Object> location(String url, Map<String, Object> metadata) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", url);
        m.put("metadata", metadata);
        return m;
    }

    private static Map<String, Object> meta(String... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> ok(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).as(Caller.text(r)).isEqualTo(200);
        return parse(r);
    }

    @Test
    default void theReadOnlyHttpStoreIsListed() {
        Caller c = caller();
        Map<String, Object> web = new LinkedHashMap<>();
        web.put("id", "web");
        web.put("description", "Web store (read-only http locations)");
        web.put("read-only", "true");
        List<?> stores = (List<?>) parse(c.json("GET", "/v2/info/stores", null)).get("stores");
        assertThat(stores).hasSize(3);
        assertThat(((Map<?, ?>) stores.get(0)).get("id")).isEqualTo("fast");
        assertThat(((Map<?, ?>) stores.get(1)).get("id")).isEqualTo("cheap");
        assertThat(stores.get(2)).isEqualTo(web);
        HttpResponse<byte[]> created = c.json("POST", "/v2/images", "{\"name\":\"stores\"}");
        assertThat(created.headers().firstValue("OpenStack-image-store-ids").orElseThrow()).startsWith("fast,cheap,web");
        c.delete((String) parse(created).get("id"));
    }

    /** {@code locations} comes right after {@code updated_at}: {@code []} without data, the store's file url after an upload. */
    @Test
    default void imagesShowTheirLocations() {
        Caller c = caller();
        String id = raw(c, "shown");
        Map<String, Object> queued = image(c, id);
        assertThat(queued.get("locations")).isEqualTo(List.of());
        List<String> keys = new ArrayList<>(queued.keySet());
        assertThat(keys.indexOf("locations")).isEqualTo(keys.indexOf("updated_at") + 1);
        assertThat(queued).doesNotContainKey("stores");

        c.upload(id, "hello world".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> active = image(c, id);
        List<?> locations = (List<?>) active.get("locations");
        assertThat(locations).hasSize(1);
        Map<?, ?> only = (Map<?, ?>) locations.get(0);
        assertThat(new ArrayList<Object>(only.keySet())).containsExactly("url", "metadata");
        assertThat((String) only.get("url")).startsWith("file:///").endsWith("/stores/fast/" + id);
        assertThat(only.get("metadata")).isEqualTo(Map.of("store", "fast"));
        assertThat(active.get("stores")).isEqualTo("fast");
        c.delete(id);
    }

    @Test
    default void aLocationNeedsMetadata() {
        Caller c = caller();
        String id = c.create("{\"name\":\"no-metadata\"}");
        String url = web().url("/a.img");
        HttpResponse<byte[]> r = c.patch(id, "[{\"op\":\"add\",\"path\":\"/locations/-\",\"value\":{\"url\":\"" + url
                + "\"}}]");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Caller.message(r)).isEqualTo("Provided object does not match schema 'image': 'metadata' is a "
                + "required property\n\n"
                + "Failed validating 'required' in schema['properties']['locations']['items']:\n"
                + "    {'properties': {'metadata': {'type': 'object'},\n"
                + "                    'url': {'maxLength': 255, 'type': 'string'},\n"
                + "                    'validation_data': {'additionalProperties': False,\n"
                + "                                        'description': 'Values to be used '\n"
                + "                                                       'to populate the '\n"
                + "                                                       'corresponding '\n"
                + "                                                       'image properties. '\n"
                + "                                                       'If the image '\n"
                + "                                                       'status is not '\n"
                + "                                                       \"'queued', values \"\n"
                + "                                                       'must exactly match '\n"
                + "                                                       'those already '\n"
                + "                                                       'contained in the '\n"
                + "                                                       'image properties.',\n"
                + "                                        'properties': {'checksum': {'maxLength': 32,\n"
                + "                                                                    'minLength': 32,\n"
                + "                                                                    'type': 'string'},\n"
                + "                                                       'os_hash_algo': {'maxLength': 64,\n"
                + "                                                                        'type': 'string'},\n"
                + "                                                       'os_hash_value': {'maxLength': 128,\n"
                + "                                                                         'type': 'string'}},\n"
                + "                                        'required': ['os_hash_algo',\n"
                + "                                                     'os_hash_value'],\n"
                + "                                        'type': 'object',\n"
                + "                                        'writeOnly': True}},\n"
                + "     'required': ['url', 'metadata'],\n"
                + "     'type': 'object'}\n\n"
                + "On instance['locations'][0]:\n"
                + "    {'url': '" + url + "'}");
        c.delete(id);
    }

    /**
     * Only an http(s) url the store can read a size from is a location: a file url, an unknown scheme or
     * a 404 are "Invalid location"; an unreachable url, while the image has no size, fails earlier with
     * the generic bad-store-uri words. A good url still needs the image's formats.
     */
    @Test
    default void onlyReadableHttpUrlsAreLocations() throws IOException {
        Caller c = caller();
        String id = c.create("{\"name\":\"no-formats\"}");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertError(c.patch(id, add("-", "file:///etc/passwd", "{}")), 400, "Invalid location");
        assertError(c.patch(id, add("-", "ftp://127.0.0.1/a.img", "{}")), 400, "Invalid location");
        assertError(c.patch(id, add("-", web().url("/missing.img"), "{}")), 400, "Invalid location");
        assertError(c.patch(id, add("-", "http://127.0.0.1:" + closedPort + "/a.img", "{}")), 400,
                "The Store URI was malformed.");
        assertError(c.patch(id, add("-", web().url("/a.img"), "{}")), 400,
                "Properties disk_format, container_format must be set prior to saving data.");
        assertError(c.patch(id, add("x", web().url("/a.img"), "{}")), 400, "Invalid position for adding a location.");
        assertThat(image(c, id)).containsEntry("status", "queued").containsEntry("size", null)
                .containsEntry("locations", List.of());
        assertThat(web().requests()).contains("HEAD /missing.img", "HEAD /a.img");
        c.delete(id);
    }

    /**
     * A queued image becomes active with the url's size; the http store claims every http location
     * ({@code "store": "web"}, whatever the caller wrote). An add at {@code /locations/0} is answered in the
     * request's order, but the image keeps (and shows afterwards) the order the locations were stored in,
     * which is also the order {@code remove} counts in.
     */
    @Test
    default void addAndRemoveHttpLocations() {
        Caller c = caller();
        String id = raw(c, "web");
        String a = web().url("/a.img");
        String b = web().url("/b.img");
        Map<String, Object> added = ok(c.patch(id, add("-", a, "{\"store\":\"fast\",\"k\":\"v\"}")));
        assertThat(added).containsEntry("status", "active").containsEntry("size", 3000.0)
                .containsEntry("checksum", null).containsEntry("os_hash_value", null).containsEntry("stores", "web");
        assertThat(added.get("locations")).isEqualTo(List.of(location(a, meta("store", "web", "k", "v"))));

        Map<String, Object> first = ok(c.patch(id, add("0", b, "{\"k\":\"v\"}")));
        assertThat(first.get("locations")).isEqualTo(List.of(location(b, meta("k", "v", "store", "web")),
                location(a, meta("store", "web", "k", "v"))));
        assertThat(first).containsEntry("size", 3000.0).containsEntry("stores", "web,web");
        assertThat(image(c, id).get("locations")).isEqualTo(List.of(location(a, meta("store", "web", "k", "v")),
                location(b, meta("k", "v", "store", "web"))));

        assertError(c.patch(id, "[{\"op\":\"remove\",\"path\":\"/locations/2\"}]"), 400,
                "Invalid position for removing a location.");
        Map<String, Object> removed = ok(c.patch(id, "[{\"op\":\"remove\",\"path\":\"/locations/0\"}]"));
        assertThat(removed.get("locations")).isEqualTo(List.of(location(b, meta("k", "v", "store", "web"))));
        assertThat(removed).containsEntry("stores", "web").containsEntry("size", 3000.0);
        assertDetail(c.patch(id, "[{\"op\":\"remove\",\"path\":\"/locations/0\"}]"), 403,
                "Access was denied to this resource.", "Cannot remove last location in the image.");
        c.delete(id);
    }

    /** A deactivated image shows its owner no locations (and so no stores); an admin still sees them. */
    @Test
    default void aDeactivatedImageHidesItsLocationsFromItsOwner() {
        Caller c = caller();
        String id = raw(c, "deactivated");
        String a = web().url("/a.img");
        assertError(c.patch(id, "[{\"op\":\"remove\",\"path\":\"/locations/-\"}]"), 409,
                "It's not allowed to remove locations if image status is queued.");
        ok(c.patch(id, add("-", a, "{}")));
        assertThat(c.json("POST", "/v2/images/" + id + "/actions/deactivate", null).statusCode()).isEqualTo(204);
        assertError(c.patch(id, add("-", web().url("/b.img"), "{}")), 409,
                "It's not allowed to add locations if image status is deactivated.");
        assertError(c.patch(id, replace(web().url("/b.img"))), 409,
                "It's not allowed to replace locations if image status is deactivated.");
        Map<String, Object> owner = image(c, id);
        assertThat(owner).containsEntry("status", "deactivated").containsEntry("locations", List.of())
                .doesNotContainKey("stores");
        Map<String, Object> admin = parse(c.sendWith("GET", "/v2/images/" + id,
                Map.of("X-Roles", "admin,member,reader", "Accept", "application/json")));
        assertThat(admin.get("locations")).isEqualTo(List.of(location(a, meta("store", "web"))));
        assertThat(admin).containsEntry("stores", "web");
        c.delete(id);
    }

    @Test
    default void aRedirectIsFollowedForTheSize() {
        Caller c = caller();
        String id = raw(c, "redirected");
        String url = web().url("/redirect/b.img");
        Map<String, Object> added = ok(c.patch(id, add("-", url, "{}")));
        assertThat(added).containsEntry("status", "active").containsEntry("size", 5000.0);
        assertThat(added.get("locations")).isEqualTo(List.of(location(url, meta("store", "web"))));
        assertThat(web().requests()).containsSubsequence("HEAD /redirect/b.img", "HEAD /b.img");
        c.delete(id);
    }

    /**
     * An active image just gains a location (its size is not compared); removing the store's own location
     * deletes that copy, and the data is then read from the url, cut at the image's size; the http store
     * cannot serve a range. Deleting the image leaves the url's data alone. Behind Glance's caching
     * middleware (observed on Glance 30.0 with {@code GLANCE_CACHE=on}) the whole url is sent chunked instead
     * and the chunked stream then breaks off: the client sees a failed transfer.
     */
    @Test
    default void anUploadedImageGainsAndLosesLocations() {
        Caller c = caller();
        String id = raw(c, "uploaded");
        c.upload(id, "hello world".getBytes(StandardCharsets.UTF_8));
        String b = web().url("/b.img");
        Map<String, Object> both = ok(c.patch(id, add("-", b, "{}")));
        assertThat(both).containsEntry("size", 11.0).containsEntry("stores", "fast,web")
                .containsEntry("checksum", "5eb63bbbe01eeed093cb22bb8f5acdc3");
        assertThat((List<?>) both.get("locations")).hasSize(2);

        Map<String, Object> webOnly = ok(c.patch(id, "[{\"op\":\"remove\",\"path\":\"/locations/0\"}]"));
        assertThat(webOnly.get("locations")).isEqualTo(List.of(location(b, meta("store", "web"))));
        assertThat(webOnly).containsEntry("stores", "web").containsEntry("size", 11.0);

        if (cachingMiddleware()) {
            assertThatThrownBy(() -> c.send("GET", "/v2/images/" + id + "/file", null, null, true, null))
                    .isInstanceOf(java.io.UncheckedIOException.class);
            assertThat(c.json("DELETE", "/v2/images/" + id, null).statusCode()).isEqualTo(204);
            return;
        }
        HttpResponse<byte[]> data = c.send("GET", "/v2/images/" + id + "/file", null, null, true, null);
        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(data.headers().firstValue("Content-Length")).contains("11");
        assertThat(data.headers().firstValue("Content-MD5")).contains("5eb63bbbe01eeed093cb22bb8f5acdc3");
        assertThat(data.body()).isEqualTo(Arrays.copyOf(LocationDataServer.data("b.img"), 11));
        assertThat(web().requests()).contains("GET /b.img");

        HttpResponse<byte[]> ranged = rangeRequest(c, id, "bytes=2-4");
        assertError(ranged, 400, "Getting images randomly from this store is not supported. Offset: 2, length: 3");

        assertThat(c.json("DELETE", "/v2/images/" + id, null).statusCode()).isEqualTo(204);
        assertThat(web().requests()).allMatch(r -> r.startsWith("HEAD ") || r.startsWith("GET "));
    }

    private static HttpResponse<byte[]> rangeRequest(Caller c, String id, String range) {
        return c.sendWith("GET", "/v2/images/" + id + "/file", Map.of("Range", range, "Accept", "application/json"));
    }

    @Test
    default void theLocationQuotaCountsLocations() {
        Caller c = caller();
        String id = raw(c, "quota");
        String[] urls = new String[locationQuota() + 1];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = web().url("/x" + i + ".img");
        }
        String exceeded = "The limit has been exceeded on the number of allowed image locations. Attempted: "
                + (locationQuota() + 1) + ", Maximum: " + locationQuota();
        assertError(c.patch(id, replace(urls)), 413, exceeded);
        for (int i = 0; i < locationQuota(); i++) {
            ok(c.patch(id, add("-", urls[i], "{}")));
        }
        assertError(c.patch(id, add("-", urls[locationQuota()], "{}")), 413, exceeded);
        assertThat((List<?>) image(c, id).get("locations")).hasSize(locationQuota());
        c.delete(id);
    }

    /** Glance takes the url's size as the image's and fails to save an image beyond {@code image_size_cap}: a 500. */
    @Test
    default void aLocationBeyondTheSizeCapIsAServerError() {
        Caller c = caller();
        String id = raw(c, "too-large");
        assertError(c.patch(id, add("-", web().url("/claims/" + (sizeCap() + 1) + ".img"), "{}")), 500,
                "The server has either erred or is incapable of performing the requested operation.");
        assertThat(image(c, id)).containsEntry("status", "queued").containsEntry("size", null)
                .containsEntry("locations", List.of());
        if (storageQuota() > 0) {
            // the storage quota is checked first, with the size the url claims (this project stores nothing yet)
            assertError(c.patch(id, add("-", web().url("/claims/" + (storageQuota() + 1) + ".img"), "{}")), 413,
                    "Denying attempt to upload image because it exceeds the quota: The size of the data "
                            + (storageQuota() + 1) + " will exceed the limit. " + storageQuota() + " bytes remaining.");
        }
        c.delete(id);
    }

    /**
     * {@code validation_data} is trusted, never compared with the data: while the image is queued it sets
     * checksum and hash (checked for form only); later, only the values the image already has are accepted.
     * The answer echoes it on the location just added; the image never shows it again.
     */
    @Test
    default void validationDataIsTrustedWhileTheImageIsQueued() {
        Caller c = caller();
        String id = raw(c, "validated");
        String a = web().url("/a.img");
        String b = web().url("/b.img");
        assertError(c.patch(id, addValidated(a, "{\"os_hash_algo\":\"md5\",\"os_hash_value\":\"" + MD5 + "\"}")),
                409, "os_hash_algo must be sha512, not md5");
        assertError(c.patch(id, addValidated(a, "{\"os_hash_algo\":\"sha512\",\"os_hash_value\":\"zz\"}")),
                409, "os_hash_value (zz) is not a valid hexadecimal value");
        assertError(c.patch(id, addValidated(a, "{\"os_hash_algo\":\"sha512\",\"os_hash_value\":\"abcd\"}")),
                409, "os_hash_value (abcd) is not the correct size for sha512 (should be 64 bytes)");
        assertError(c.patch(id, addValidated(a, "{\"checksum\":\"zz" + MD5.substring(2)
                        + "\",\"os_hash_algo\":\"sha512\",\"os_hash_value\":\"" + SHA512 + "\"}")),
                409, "checksum (zz" + MD5.substring(2) + ") is not a valid hexadecimal value");
        assertThat(image(c, id)).containsEntry("status", "queued");

        String full = "{\"checksum\":\"" + MD5 + "\",\"os_hash_algo\":\"sha512\",\"os_hash_value\":\"" + SHA512 + "\"}";
        Map<String, Object> added = ok(c.patch(id, addValidated(a, full)));
        assertThat(added).containsEntry("status", "active").containsEntry("size", 3000.0)
                .containsEntry("checksum", MD5).containsEntry("os_hash_algo", "sha512")
                .containsEntry("os_hash_value", SHA512);
        Map<String, Object> echoed = location(a, meta("store", "web"));
        echoed.put("validation_data", meta("checksum", MD5, "os_hash_algo", "sha512", "os_hash_value", SHA512));
        assertThat(added.get("locations")).isEqualTo(List.of(echoed));
        assertThat(image(c, id).get("locations")).isEqualTo(List.of(location(a, meta("store", "web"))));

        assertError(c.patch(id, addValidated(b, "{\"os_hash_algo\":\"sha512\",\"os_hash_value\":\"" + "cd".repeat(64)
                + "\"}")), 409, "os_hash_value is already set with a different value");
        Map<String, Object> same = ok(c.patch(id, addValidated(b, "{\"os_hash_algo\":\"sha512\",\"os_hash_value\":\""
                + SHA512 + "\"}")));
        List<?> locations = (List<?>) same.get("locations");
        assertThat(locations).hasSize(2);
        assertThat(((Map<?, ?>) locations.get(0)).containsKey("validation_data")).isFalse();
        assertThat(((Map<?, ?>) locations.get(1)).get("validation_data"))
                .isEqualTo(meta("os_hash_algo", "sha512", "os_hash_value", SHA512));
        c.delete(id);

        String active = raw(c, "active-without-hash");
        ok(c.patch(active, add("-", a, "{}")));
        assertError(c.patch(active, addValidated(b, full)), 409, "New value(s) for checksum, os_hash_algo, "
                + "os_hash_value may only be provided when image status is 'queued'");
        c.delete(active);
    }

    /**
     * {@code replace} sets the locations of an image that has none (a queued one becomes active with the
     * first url's size) or changes the metadata of the same urls; otherwise Glance prints the stored
     * locations (Python's repr, with their database ids).
     */
    @Test
    default void replaceOnlySetsLocationsWhereThereAreNone() {
        Caller c = caller();
        String id = raw(c, "replaced");
        String a = web().url("/a.img");
        String b = web().url("/b.img");
        assertDetail(c.patch(id, "[{\"op\":\"replace\",\"path\":\"/locations\",\"value\":[]}]"), 403,
                "Access was denied to this resource.", "Cannot set locations to empty list.");
        assertError(c.patch(id, replace(b, b)), 400, "The location " + b + " already exists");

        Map<String, Object> set = ok(c.patch(id, replace(b, a)));
        assertThat(set).containsEntry("status", "active").containsEntry("size", 5000.0)
                .containsEntry("stores", "web,web");
        assertThat(set.get("locations")).isEqualTo(List.of(location(b, meta("store", "web")),
                location(a, meta("store", "web"))));

        HttpResponse<byte[]> refused = c.patch(id, replace(a));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Caller.message(refused)).matches("Original locations is not empty: \\[\\{'id': \\d+, 'url': '"
                + b.replace(".", "\\.") + "', 'metadata': \\{'store': 'web'\\}, 'status': 'active'\\}, \\{'id': \\d+, "
                + "'url': '" + a.replace(".", "\\.") + "', 'metadata': \\{'store': 'web'\\}, 'status': 'active'\\}\\]");

        Map<String, Object> relabelled = ok(c.patch(id, "[{\"op\":\"replace\",\"path\":\"/locations\",\"value\":["
                + "{\"url\":\"" + a + "\",\"metadata\":{\"n\":\"1\"}},{\"url\":\"" + b + "\",\"metadata\":{}}]}]"));
        List<Map<String, Object>> expected = List.of(location(a, meta("n", "1", "store", "web")),
                location(b, meta("store", "web")));
        assertThat(relabelled.get("locations")).isEqualTo(expected);
        assertThat(image(c, id).get("locations")).isEqualTo(expected);
        c.delete(id);
    }

    /**
     * The 2.17 locations API ({@code /v2/images/{id}/locations}) is not served by Glance 25 (API 2.16);
     * Glance 30 serves it, to the service role only.
     */
    @Test
    default void theLocationsApiOf217() {
        Caller c = caller();
        String id = raw(c, "api-2.17");
        HttpResponse<byte[]> get = c.json("GET", "/v2/images/" + id + "/locations", null);
        HttpResponse<byte[]> post = c.json("POST", "/v2/images/" + id + "/locations",
                "{\"url\":\"" + web().url("/a.img") + "\"}");
        if (locationsRelease().currentApiVersion().equals("2.16")) {
            assertError(get, 404, "The resource could not be found.");
            assertError(post, 404, "The resource could not be found.");
        } else {
            assertError(get, 403, "You are not authorized to complete fetch_image_location action.");
            assertThat(post.statusCode()).as(Caller.text(post)).isIn(200, 202);
        }
        c.delete(id);
    }
}
