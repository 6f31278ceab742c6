package dev.imagesdk.testing.contract;

import com.squareup.moshi.Moshi;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What any HTTP client (not only this SDK) sees on the wire: Glance's quotas, its store-id header,
 * status codes, 401 answers, plain-text error bodies, download framing and task inputs (issue 19).
 * Requests go out with {@link HttpClient} and Glance's trusted identity headers, as a fresh project per
 * test; expected values were observed on the real Glance 25.1 ({@code scripts/glance.sh}, headers mode).
 * Implemented by the emulator's run and the real Glance's run.
 */
public interface GlanceWireContract {
    /** The service root, e.g. {@code http://127.0.0.1:9292}. */
    String wireEndpoint();

    /** The Glance release whose wire behaviour this target has (the emulator: 25.1). */
    default GlanceRelease wireRelease() {
        return GlanceRelease.GLANCE_25;
    }

    /** One test's raw HTTP caller: a fresh project (member, reader) through the trusted headers. */
    final class Caller {
        private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        static final String PATCH_TYPE = "application/openstack-images-v2.1-json-patch";

        final String endpoint;
        final String project = UUID.randomUUID().toString().replace("-", "");

        Caller(String endpoint) {
            this.endpoint = endpoint;
        }

        HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body, boolean identity,
                                  String accept) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (identity) {
                b.header("X-Identity-Status", "Confirmed").header("X-Project-Id", project)
                        .header("X-User-Id", "wire-user").header("X-Roles", "member,reader");
            }
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            if (accept != null) {
                b.header("Accept", accept);
            }
            return exchange(b.build());
        }

        /** Sends {@code request} with the wire contracts' HTTP/1.1 client; an I/O failure is unchecked. */
        static HttpResponse<byte[]> exchange(HttpRequest request) {
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A request without a body, with the identity and these headers (which may replace its roles). */
        HttpResponse<byte[]> sendWith(String method, String path, Map<String, String> headers) {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("X-Identity-Status", "Confirmed");
            all.put("X-Project-Id", project);
            all.put("X-User-Id", "wire-user");
            all.put("X-Roles", "member,reader");
            all.putAll(headers);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(Duration.ofSeconds(60))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            all.forEach(b::header);
            return exchange(b.build());
        }

        HttpResponse<byte[]> json(String method, String path, String body) {
            return send(method, path, body == null ? null : "application/json",
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8), true, "application/json");
        }

        HttpResponse<byte[]> patch(String id, String body) {
            return send("PATCH", "/v2/images/" + id, PATCH_TYPE, body.getBytes(StandardCharsets.UTF_8), true,
                    "application/json");
        }

        /** Creates an image from a JSON body; returns its id. */
        String create(String body) {
            HttpResponse<byte[]> r = json("POST", "/v2/images", body);
            assertThat(r.statusCode()).as(text(r)).isEqualTo(201);
            return (String) parse(r).get("id");
        }

        void upload(String id, byte[] data) {
            HttpResponse<byte[]> r = send("PUT", "/v2/images/" + id + "/file", "application/octet-stream", data,
                    true, "application/json");
            assertThat(r.statusCode()).as(text(r)).isEqualTo(204);
            assertThat(r.headers().firstValue("Content-Length")).contains("0");
            assertThat(r.headers().firstValue("Content-Type")).contains("text/html; charset=UTF-8");
        }

        void delete(String id) {
            json("DELETE", "/v2/images/" + id, null);
        }

        /** The body as UTF-8 text. */
        static String text(HttpResponse<byte[]> r) {
            return new String(r.body(), StandardCharsets.UTF_8);
        }

        /** The body as a JSON object. */
        @SuppressWarnings("unchecked")
        static Map<String, Object> parse(HttpResponse<byte[]> r) {
            try {
                return (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(text(r));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The message of a JSON error body, without webob's trailing {@code <br /><br />} and whitespace. */
        static String message(HttpResponse<byte[]> r) {
            String m = (String) parse(r).get("message");
            int br = m.indexOf("<br /><br />");
            return (br < 0 ? m : m.substring(0, br)).strip();
        }
    }

    private Caller caller() {
        return new Caller(wireEndpoint());
    }

    private static String text(HttpResponse<byte[]> r) {
        return Caller.text(r);
    }

    private static Map<String, Object> parse(HttpResponse<byte[]> r) {
        return Caller.parse(r);
    }

    private static String message(HttpResponse<byte[]> r) {
        return Caller.message(r);
    }

    private static String jsonObject(String name, int properties, int tags) {
        StringBuilder b = new StringBuilder("{\"name\":\"" + name + "\"");
        for (int i = 0; i < properties; i++) {
            b.append(",\"k").append(i).append("\":\"v\"");
        }
        if (tags > 0) {
            b.append(",\"tags\":").append(tagArray("t", tags));
        }
        return b.append('}').toString();
    }

    private static String tagArray(String prefix, int n) {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tags.add("\"" + prefix + i + "\"");
        }
        return "[" + String.join(",", tags) + "]";
    }

    // ---- 1. quotas ---------------------------------------------------------------------------------

    @Test
    default void the129thCustomPropertyIsRefusedWith413() {
        Caller c = caller();
        HttpResponse<byte[]> tooMany = c.json("POST", "/v2/images", jsonObject("p129", 129, 0));
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(message(tooMany)).isEqualTo("The limit has been exceeded on the number of allowed image "
                + "properties. Attempted: 129, Maximum: 128");

        String id = c.create(jsonObject("p128", 128, 0));
        try {
            HttpResponse<byte[]> added = c.patch(id, "[{\"op\":\"add\",\"path\":\"/k_extra\",\"value\":\"v\"}]");
            assertThat(added.statusCode()).isEqualTo(413);
            assertThat(message(added)).isEqualTo("The limit has been exceeded on the number of allowed image "
                    + "properties. Attempted: 129, Maximum: 128");
            assertThat(c.patch(id, "[{\"op\":\"replace\",\"path\":\"/k1\",\"value\":\"w\"}]").statusCode())
                    .as("changing an existing property adds none").isEqualTo(200);
            assertThat(c.patch(id, "[{\"op\":\"remove\",\"path\":\"/k1\"},{\"op\":\"add\",\"path\":\"/n1\","
                    + "\"value\":\"x\"}]").statusCode()).as("one out, one in").isEqualTo(200);
        } finally {
            c.delete(id);
        }
    }

    @Test
    default void moreThan128TagsAreRefusedWith413() {
        Caller c = caller();
        HttpResponse<byte[]> tooMany = c.json("POST", "/v2/images", jsonObject("t129", 0, 129));
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(message(tooMany)).isEqualTo("The limit has been exceeded on the number of allowed image "
                + "tags. Attempted: 129, Maximum: 128");

        String id = c.create(jsonObject("t128", 0, 128));
        try {
            HttpResponse<byte[]> put = c.json("PUT", "/v2/images/" + id + "/tags/extra", null);
            assertThat(put.statusCode()).isEqualTo(413);
            assertThat(message(put)).isEqualTo("Image tag limit exceeded for image " + id + ": The limit has been "
                    + "exceeded on the number of allowed image tags. Attempted: 129, Maximum: 128:");
            assertThat(c.json("PUT", "/v2/images/" + id + "/tags/t1", null).statusCode())
                    .as("an existing tag again").isEqualTo(204);
            HttpResponse<byte[]> replaced = c.patch(id, "[{\"op\":\"replace\",\"path\":\"/tags\",\"value\":"
                    + tagArray("u", 129) + "}]");
            assertThat(replaced.statusCode()).isEqualTo(413);
            assertThat(message(replaced)).isEqualTo("The limit has been exceeded on the number of allowed image "
                    + "tags. Attempted: 129, Maximum: 128");
        } finally {
            c.delete(id);
        }
    }

    @Test
    default void the129thMemberIsRefusedWith413() {
        Caller c = caller();
        String id = c.create("{\"name\":\"members\"}");
        try {
            for (int i = 1; i <= 128; i++) {
                assertThat(c.json("POST", "/v2/images/" + id + "/members", "{\"member\":\"m" + i + "\"}").statusCode())
                        .isEqualTo(200);
            }
            HttpResponse<byte[]> more = c.json("POST", "/v2/images/" + id + "/members", "{\"member\":\"m129\"}");
            assertThat(more.statusCode()).isEqualTo(413);
            assertThat(message(more)).isEqualTo("Image member limit exceeded for image " + id + ": The limit has "
                    + "been exceeded on the number of allowed image members for this image. Attempted: 129, "
                    + "Maximum: 128:");
        } finally {
            c.delete(id);
        }
    }

    // ---- 2. store ids ------------------------------------------------------------------------------

    @Test
    default void afterAnUploadTheStoreIdsHeaderAlsoListsTheInternalStores() {
        Caller c = caller();
        String first = c.create("{\"name\":\"data\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}");
        try {
            c.upload(first, new byte[] {1, 2, 3});
            HttpResponse<byte[]> r = c.json("POST", "/v2/images", "{\"name\":\"after\"}");
            c.delete((String) parse(r).get("id"));
            assertThat(r.headers().firstValue("OpenStack-image-store-ids"))
                    .contains("fast,cheap,os_glance_staging_store,os_glance_tasks_store");
        } finally {
            c.delete(first);
        }
    }

    // ---- 3. status codes ---------------------------------------------------------------------------

    @Test
    default void importIntoAnUnknownStoreConflicts() {
        Caller c = caller();
        String id = c.create("{\"name\":\"imp\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}");
        try {
            assertThat(c.send("PUT", "/v2/images/" + id + "/stage", "application/octet-stream", new byte[] {1, 2},
                    true, "application/json").statusCode()).isEqualTo(204);
            HttpResponse<byte[]> r = c.json("POST", "/v2/images/" + id + "/import",
                    "{\"method\":{\"name\":\"glance-direct\"},\"stores\":[\"nowhere\"]}");
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(message(r)).isEqualTo("Store for identifier nowhere not found");
        } finally {
            c.delete(id);
        }
    }

    // ---- 4. order ---------------------------------------------------------------------------------

    @Test
    default void tagsComeBackAsASetWithoutAPromisedOrder() {
        Caller c = caller();
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tags.add("tag-" + i);
        }
        String id = c.create("{\"name\":\"order\",\"tags\":[\"" + String.join("\",\"", tags) + "\",\"tag-3\"]}");
        try {
            @SuppressWarnings("unchecked")
            List<Object> shown = (List<Object>) parse(c.json("GET", "/v2/images/" + id, null)).get("tags");
            // a duplicate collapses; only membership is promised (the emulator's contract run shuffles them)
            assertThat(shown).hasSize(20).containsExactlyInAnyOrderElementsOf(new ArrayList<Object>(tags));
        } finally {
            c.delete(id);
        }
    }

    // ---- 5. 401 answers, 6. bodies without Accept --------------------------------------------------

    @Test
    default void a401WithoutIdentityHasNoRequestIdNoChallengeAndPlainTextWithoutAccept() {
        Caller c = caller();
        HttpResponse<byte[]> r = c.send("GET", "/v2/images", null, null, false, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("X-Openstack-Request-Id")).isEmpty();
        assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(r.headers().firstValue("Content-Type")).contains("text/plain; charset=UTF-8");
        assertThat(text(r)).isEqualTo("401 Unauthorized\n\nThis server could not verify that you are authorized to "
                + "access the document you requested. Either you supplied the wrong credentials (e.g., bad "
                + "password), or your browser does not understand how to supply the credentials required.\n\n   ");

        HttpResponse<byte[]> json = c.send("GET", "/v2/images", null, null, false, "application/json");
        assertThat(json.statusCode()).isEqualTo(401);
        assertThat(json.headers().firstValue("X-Openstack-Request-Id")).isEmpty();
        assertThat(json.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    default void errorBodiesAreTextPlainWithoutAccept() {
        Caller c = caller();
        String missing = UUID.randomUUID().toString();
        HttpResponse<byte[]> r = c.send("GET", "/v2/images/" + missing, null, null, true, null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/plain; charset=UTF-8");
        assertThat(text(r)).isEqualTo("404 Not Found\n\nNo image found with ID " + missing + "\n\n   ");
        assertThat(r.headers().firstValue("X-Openstack-Request-Id")).isPresent();

        String id = c.create("{\"name\":\"plain\"}");
        try {
            HttpResponse<byte[]> unsupported = c.send("PATCH", "/v2/images/" + id, "application/json",
                    "[]".getBytes(StandardCharsets.UTF_8), true, null);
            assertThat(unsupported.statusCode()).isEqualTo(415);
            assertThat(unsupported.headers().firstValue("Content-Type")).contains("text/plain; charset=UTF-8");
            assertThat(text(unsupported)).isEqualTo("415 Unsupported Media Type\n\nThe request media type "
                    + "application/json is not supported by this server. \n\n ");
        } finally {
            c.delete(id);
        }
    }

    // ---- 7. download framing -----------------------------------------------------------------------

    @Test
    default void aWholeImageIsSentWithItsLengthAndAQueuedOneAs204WithLengthZero() {
        Caller c = caller();
        String id = c.create("{\"name\":\"framing\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}");
        try {
            HttpResponse<byte[]> empty = c.send("GET", "/v2/images/" + id + "/file", null, null, true, null);
            assertThat(empty.statusCode()).isEqualTo(204);
            if (wireRelease().queuedDownloadHasContentLength()) {
                assertThat(empty.headers().firstValue("Content-Length")).contains("0");
            } else {
                assertThat(empty.headers().firstValue("Content-Length")).isEmpty();
            }
            assertThat(empty.headers().firstValue("Content-Type")).isEmpty();

            byte[] data = new byte[3000];
            new java.util.Random(7).nextBytes(data);
            c.upload(id, data);
            HttpResponse<byte[]> full = c.send("GET", "/v2/images/" + id + "/file", null, null, true, null);
            assertThat(full.statusCode()).isEqualTo(200);
            assertThat(full.headers().firstValue("Content-Length")).contains("3000");
            assertThat(full.headers().firstValue("Transfer-Encoding")).isEmpty();
            assertThat(full.body()).isEqualTo(data);
        } finally {
            c.delete(id);
        }
    }

    // ---- 8. wording ------------------------------------------------------------------------------

    private static void assertError(HttpResponse<byte[]> r, int status, String message) {
        assertThat(r.statusCode()).as(text(r)).isEqualTo(status);
        assertThat(message(r)).isEqualTo(message);
    }

    @Test
    default void listFilterErrorsAreWordedAsGlanceWordsThem() {
        Caller c = caller();
        assertError(c.json("GET", "/v2/images?created_at=gt:notadate", null), 400,
                "Bad \"created_at\" query filter format. Use ISO 8601 DateTime notation.");
        assertError(c.json("GET", "/v2/images?updated_at=gte:2026-13-45T00:00:00Z", null), 400,
                "Bad \"updated_at\" query filter format. Use ISO 8601 DateTime notation.");
        assertError(c.json("GET", "/v2/images?created_at=xx:2026-01-01T00:00:00Z", null), 400,
                "Unable to filter on a unknown operator.");
        assertError(c.json("GET", "/v2/images?os_hidden=maybe", null), 400,
                "Invalid value 'maybe' for 'os_hidden' filter. Valid values are 'true' or 'false'.");
        assertError(c.json("GET", "/v2/images?member_status=bogus", null), 400, "Invalid status: bogus");
        assertError(c.json("GET", "/v2/images?visibility=bogus", null), 400, "Invalid visibility value: bogus");
        HttpResponse<byte[]> unknownStatus = c.json("GET", "/v2/images?status=bogus&limit=1", null);
        assertThat(unknownStatus.statusCode()).as("an unknown image status filters everything out").isEqualTo(200);
        assertThat((List<?>) parse(unknownStatus).get("images")).isEmpty();
    }

    @Test
    default void reservedAttributesAndLongTagsAreWordedAsGlanceWordsThem() {
        Caller c = caller();
        HttpResponse<byte[]> created = c.json("POST", "/v2/images", "{\"os_glance_foo\":\"x\"}");
        assertThat(created.statusCode()).isEqualTo(403);
        assertThat((String) parse(created).get("message"))
                .isEqualTo("Access was denied to this resource.<br /><br />\nAttribute 'os_glance_foo' is reserved.\n\n");
        String id = c.create("{\"name\":\"wording\"}");
        try {
            assertError(c.patch(id, "[{\"op\":\"add\",\"path\":\"/os_glance_foo\",\"value\":\"x\"}]"), 403,
                    "Attribute 'os_glance_foo' is reserved.");
            assertError(c.patch(id, "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"active\"}]"), 403,
                    "Attribute 'status' is read-only.");
            String longTag = "x".repeat(256);
            HttpResponse<byte[]> tag = c.json("PUT", "/v2/images/" + id + "/tags/" + longTag, null);
            assertThat(tag.statusCode()).isEqualTo(400);
            assertThat(message(tag).lines().findFirst()).contains("Provided object does not match schema 'image': '"
                    + longTag + "' is too long");
        } finally {
            c.delete(id);
        }
    }

    @Test
    default void aMemberChangingTagsIsWordedAsGlanceWordsIt() {
        Caller owner = caller();
        Caller member = caller();
        String id = owner.create("{\"name\":\"shared\",\"visibility\":\"shared\",\"tags\":[\"w\"]}");
        try {
            assertThat(owner.json("POST", "/v2/images/" + id + "/members", "{\"member\":\"" + member.project + "\"}")
                    .statusCode()).isEqualTo(200);
            assertThat(member.json("PUT", "/v2/images/" + id + "/members/" + member.project, "{\"status\":\"accepted\"}")
                    .statusCode()).isEqualTo(200);
            assertError(member.json("PUT", "/v2/images/" + id + "/tags/mine", null), 403,
                    "Not allowed to update tags for image " + id + ".");
            assertError(member.json("DELETE", "/v2/images/" + id + "/tags/w", null), 403,
                    "Not allowed to delete tags for image " + id + ".");
            assertError(member.patch(id, "[{\"op\":\"replace\",\"path\":\"/tags\",\"value\":[\"a\"]}]"), 403,
                    "You do not own this image");
            assertError(member.json("PUT", "/v2/images/" + id + "/members/" + member.project, "{\"status\":\"bogus\"}"),
                    400, "Incorrect request: Status must be \"pending\", \"accepted\" or \"rejected\".");
        } finally {
            owner.delete(id);
        }
    }

    /**
     * Glance hides locations by default ({@code show_multiple_locations = false}), so every location
     * operation is refused and {@code image_location_quota} cannot be reached; webob escapes the
     * apostrophe on the HTML page only.
     */
    @Test
    default void locationOperationsAreRefusedWhileLocationsAreHidden() {
        Caller c = caller();
        String id = c.create("{\"name\":\"locations\"}");
        String value = "{\"url\":\"http://example.com/x.img\",\"metadata\":{}}";
        try {
            assertError(c.patch(id, "[{\"op\":\"add\",\"path\":\"/locations/-\",\"value\":" + value + "}]"), 403,
                    "It's not allowed to add locations if locations are invisible.");
            assertError(c.patch(id, "[{\"op\":\"add\",\"path\":\"/locations/0\",\"value\":" + value + "}]"), 403,
                    "It's not allowed to add locations if locations are invisible.");
            assertError(c.patch(id, "[{\"op\":\"remove\",\"path\":\"/locations/-\"}]"), 403,
                    "It's not allowed to remove locations if locations are invisible.");
            assertError(c.patch(id, "[{\"op\":\"replace\",\"path\":\"/locations\",\"value\":[" + value + "]}]"),
                    403, "It's not allowed to update locations if locations are invisible.");
            assertError(c.patch(id, "[{\"op\":\"add\",\"path\":\"/locations\",\"value\":[]}]"), 400,
                    "Invalid JSON pointer for this resource: '/locations'");
            HttpResponse<byte[]> empty = c.patch(id, "[{\"op\":\"replace\",\"path\":\"/locations\",\"value\":[]}]");
            assertThat(empty.statusCode()).isEqualTo(403);
            assertThat((String) parse(empty).get("message"))
                    .isEqualTo("Access was denied to this resource.<br /><br />\nCannot set locations to empty list.\n\n");

            HttpResponse<byte[]> html = c.send("PATCH", "/v2/images/" + id, Caller.PATCH_TYPE,
                    ("[{\"op\":\"add\",\"path\":\"/locations/-\",\"value\":" + value + "}]")
                            .getBytes(StandardCharsets.UTF_8), true, "*/*");
            assertThat(html.statusCode()).isEqualTo(403);
            assertThat(html.headers().firstValue("Content-Type")).contains("text/html; charset=UTF-8");
            assertThat(text(html)).contains("It&#x27;s not allowed to add locations if locations are invisible.");
            assertThat(parse(c.json("GET", "/v2/images/" + id, null))).doesNotContainKey("locations");
        } finally {
            c.delete(id);
        }
    }

    // ---- 9. details --------------------------------------------------------------------------------

    @Test
    default void anImportTaskKeepsTheImportRequestAsSent() throws Exception {
        Caller c = caller();
        String id = c.create("{\"name\":\"task\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}");
        try {
            assertThat(c.send("PUT", "/v2/images/" + id + "/stage", "application/octet-stream", new byte[] {1, 2},
                    true, "application/json").statusCode()).isEqualTo(204);
            assertThat(c.json("POST", "/v2/images/" + id + "/import", "{\"method\":{\"name\":\"glance-direct\"}}")
                    .statusCode()).isEqualTo(202);
            List<?> tasks = List.of();
            for (int i = 0; i < 100 && tasks.isEmpty(); i++) {
                tasks = (List<?>) parse(c.json("GET", "/v2/images/" + id + "/tasks", null)).get("tasks");
                if (tasks.isEmpty()) {
                    Thread.sleep(100);
                }
            }
            assertThat(tasks).hasSize(1);
            Map<?, ?> input = (Map<?, ?>) ((Map<?, ?>) tasks.get(0)).get("input");
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("method", Map.of("name", "glance-direct"));
            assertThat(input.get("import_req")).isEqualTo(expected);
        } finally {
            c.delete(id);
        }
    }

    @Test
    default void storeDescriptionsAreTheConfiguredOnes() {
        Map<String, Object> info = parse(caller().json("GET", "/v2/info/stores", null));
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (Object s : (List<?>) info.get("stores")) {
            Map<?, ?> store = (Map<?, ?>) s;
            descriptions.put((String) store.get("id"), (String) store.get("description"));
        }
        assertThat(descriptions).containsEntry("fast", "Fast store (local file system)")
                .containsEntry("cheap", "Cheap store (local file system)");
    }
}
