package dev.imagesdk.testing.internal.emulator.links;

import com.squareup.moshi.Moshi;
import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The image-links wire contract on the HTTP level: record keys, Location, and every error status. */
class ImageLinksWireTest {
    private static ImageServiceEmulator emulator;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static String image;

    @BeforeAll
    static void start() throws Exception {
        emulator = ImageServiceEmulator.start();
        emulator.registerToken("owner", Identity.builder().project("owner-project").organization("acme").build());
        emulator.registerToken("stranger", Identity.member("stranger-project"));
        image = (String) json(send("owner", "POST", "/v2/images", "application/json", "{\"name\":\"linked\"}").body())
                .get("id");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static HttpResponse<String> send(String token, String method, String path, String type, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.endpoint() + path))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) throws Exception {
        return (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(body);
    }

    private static int create(String token, String body) throws Exception {
        return send(token, "POST", "/v2/image-links", "application/json", body).statusCode();
    }

    @Test
    void createdLinkHasTheSevenContractKeysAndALocation() throws Exception {
        HttpResponse<String> r = send("owner", "POST", "/v2/image-links", "application/json",
                "{\"imid\":\"" + image + "\",\"org_slug\":\"acme\",\"space_slug\":\"lab\",\"space_type\":\"research\"}");

        assertThat(r.statusCode()).isEqualTo(201);
        Map<String, Object> link = json(r.body());
        assertThat(link).containsOnlyKeys("linkid", "imid", "org_slug", "space_slug", "priority", "space_type", "comment");
        assertThat(link).containsEntry("priority", 0.0).containsEntry("comment", null);
        assertThat(r.headers().firstValue("Location")).contains(emulator.endpoint() + "/v2/image-links/" + link.get("linkid"));
        assertThat(r.headers().firstValue("X-Openstack-Request-Id")).hasValueSatisfying(v -> assertThat(v).startsWith("req-"));
    }

    @Test
    void invalidCreationsAreBadRequests() throws Exception {
        assertThat(create("owner", "{\"org_slug\":\"acme\"}")).as("no imid").isEqualTo(400);
        assertThat(create("owner", "{\"imid\":\" \"}")).as("blank imid").isEqualTo(400);
        assertThat(create("owner", "{\"imid\":\"" + image + "\",\"space_slug\":\"lab\"}")).as("space without org").isEqualTo(400);
        assertThat(create("owner", "{\"imid\":\"" + image + "\",\"org_slug\":\"\"}")).as("blank slug").isEqualTo(400);
        assertThat(create("owner", "{\"imid\":\"" + image + "\",\"org_slug\":\"acme\",\"space_type\":\"x\"}"))
                .as("space_type on an organization link").isEqualTo(400);
        assertThat(create("owner", "{\"imid\":\"" + image + "\",\"priority\":\"high\"}")).as("priority type").isEqualTo(400);
        assertThat(create("owner", "{\"imid\":\"" + image + "\",\"linkid\":\"x\"}")).as("linkid in body").isEqualTo(400);
        assertThat(create("owner", "{\"imid\":")).as("not JSON").isEqualTo(400);
    }

    @Test
    void ownershipVisibilityAndDuplicatesDecideTheOtherStatuses() throws Exception {
        String community = (String) json(send("owner", "POST", "/v2/images", "application/json",
                "{\"name\":\"seen\",\"visibility\":\"community\"}").body()).get("id");
        assertThat(create("stranger", "{\"imid\":\"" + community + "\"}")).as("visible, not owned").isEqualTo(403);
        assertThat(create("stranger", "{\"imid\":\"" + image + "\"}")).as("not visible").isEqualTo(404);
        assertThat(create("owner", "{\"imid\":\"00000000-0000-0000-0000-000000000000\"}")).isEqualTo(404);
        assertThat(create("owner", "{\"imid\":\"" + image + "\",\"org_slug\":\"dup\"}")).isEqualTo(201);
        assertThat(create("owner", "{\"imid\":\"" + image + "\",\"org_slug\":\"dup\"}")).isEqualTo(409);
        assertThat(create(null, "{\"imid\":\"" + image + "\"}")).isEqualTo(401);
    }

    @Test
    void patchTakesMergePatchOfPriorityAndCommentOnly() throws Exception {
        String id = (String) json(send("owner", "POST", "/v2/image-links", "application/json",
                "{\"imid\":\"" + image + "\",\"org_slug\":\"patchme\"}").body()).get("linkid");
        String path = "/v2/image-links/" + id;

        assertThat(send("owner", "PATCH", path, "application/json", "{\"priority\":1}").statusCode()).isEqualTo(415);
        assertThat(send("owner", "PATCH", path, "application/merge-patch+json", "{\"org_slug\":\"x\"}").statusCode())
                .isEqualTo(400);
        assertThat(send("owner", "PATCH", path, "application/merge-patch+json", "{\"priority\":null}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> ok = send("owner", "PATCH", path, "application/merge-patch+json",
                "{\"priority\":4,\"comment\":\"c\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok.body())).containsEntry("priority", 4.0).containsEntry("comment", "c");
        assertThat(send("stranger", "PATCH", path, "application/merge-patch+json", "{}").statusCode())
                .as("a link the caller cannot see").isEqualTo(404);
        assertThat(send("owner", "DELETE", path, null, null).statusCode()).isEqualTo(204);
        assertThat(send("owner", "DELETE", path, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void listingPagesWithNextLinksAndRejectsBadLimitsAndMarkers() throws Exception {
        for (String org : new String[] {"p1", "p2", "p3"}) {
            create("owner", "{\"imid\":\"" + image + "\",\"org_slug\":\"" + org + "\"}");
        }
        emulator.registerToken("member-of-all", Identity.builder().project("x").organization("p1").organization("p2")
                .organization("p3").build());

        Map<String, Object> page = json(send("member-of-all", "GET", "/v2/image-links?limit=2", null, null).body());
        assertThat((java.util.List<?>) page.get("image_links")).hasSize(2);
        assertThat((String) page.get("next")).startsWith("/v2/image-links?limit=2&marker=");
        Map<String, Object> last = json(send("member-of-all", "GET", (String) page.get("next"), null, null).body());
        assertThat((java.util.List<?>) last.get("image_links")).hasSize(1);
        assertThat(last).doesNotContainKey("next");
        assertThat(send("member-of-all", "GET", "/v2/image-links?limit=-1", null, null).statusCode()).isEqualTo(400);
        assertThat(send("member-of-all", "GET", "/v2/image-links?marker=nope", null, null).statusCode()).isEqualTo(400);
        assertThat(send("member-of-all", "GET", "/v2/image-links?unknown=1", null, null).statusCode()).isEqualTo(200);
    }
}
