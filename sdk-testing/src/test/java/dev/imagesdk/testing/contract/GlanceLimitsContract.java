package dev.imagesdk.testing.contract;

import dev.imagesdk.testing.contract.GlanceWireContract.Caller;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Glance's configurable limits, on a server configured with small ones (issue 19, item 1): the real
 * Glance started by {@code scripts/it-env.sh} with {@code image_size_cap = 1048576},
 * {@code user_storage_quota = 3145728}, {@code image_property_quota = 4}, {@code image_tag_quota = 3},
 * {@code image_member_quota = 2}, and an emulator built with the same numbers. Expected statuses,
 * messages and states were observed on the real Glance 25.1. Each test acts as a fresh project, so its
 * storage starts empty.
 */
public interface GlanceLimitsContract {
    /** 1 MiB: the configured {@code image_size_cap}. */
    int SIZE_CAP = 1_048_576;

    /** The service root of a server configured with the limits above. */
    String limitsEndpoint();

    private Caller caller() {
        return new Caller(limitsEndpoint());
    }

    private static Map<String, Object> parse(HttpResponse<byte[]> r) {
        return Caller.parse(r);
    }

    private static void assertError(HttpResponse<byte[]> r, int status, String message) {
        assertThat(r.statusCode()).as(Caller.text(r)).isEqualTo(status);
        assertThat(Caller.message(r)).isEqualTo(message);
    }

    private static String raw(Caller c, String name) {
        return c.create("{\"name\":\"" + name + "\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}");
    }

    private static HttpResponse<byte[]> put(Caller c, String id, String what, int bytes) {
        return c.send("PUT", "/v2/images/" + id + "/" + what, "application/octet-stream", new byte[bytes], true,
                "application/json");
    }

    private static Map<String, Object> image(Caller c, String id) {
        return parse(c.json("GET", "/v2/images/" + id, null));
    }

    /**
     * Links kept in Glance take two properties each plus one per image, within {@code image_property_quota = 4}:
     * one link fits (3 properties); publishing three (7) is refused as a whole by the one POST (413, no image
     * left); a second link on the one-link image (5) is refused by Glance's PATCH and the first stays intact.
     */
    @Test
    default void linksKeptInGlanceStayWithinThePropertyQuotaAllOrNothing() {
        String project = java.util.UUID.randomUUID().toString().replace("-", "");
        dev.imagesdk.core.ServiceClient client = dev.imagesdk.core.ServiceClient.builder().endpoint(limitsEndpoint())
                .auth(dev.imagesdk.core.auth.Auth.trustedHeaders(project, "user-" + project, "member", "reader"))
                .retryPolicy(dev.imagesdk.core.RetryPolicy.none()).build();
        dev.imagesdk.links.ImageLinks links = dev.imagesdk.links.ImageLinks.inGlance(client,
                dev.imagesdk.links.access.CallerRoles.builder().project(project).orgRole("acme", "member").build());
        dev.imagesdk.images.Images images = dev.imagesdk.images.Images.of(client);
        String name = "too-many-links-" + project.substring(0, 8);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> links.publish(
                dev.imagesdk.images.model.CreateOpts.builder().name(name).build(), dev.imagesdk.links.Scope.global(),
                dev.imagesdk.links.Scope.organization("acme"), dev.imagesdk.links.Scope.space("acme", "lab")))
                .isInstanceOf(dev.imagesdk.core.error.PayloadTooLargeException.class);
        assertThat(images.list(dev.imagesdk.images.model.ListOpts.builder().name(name).build()).stream()).isEmpty();

        dev.imagesdk.links.PublishedImage one = links.publish(dev.imagesdk.images.model.CreateOpts.builder().name(name).build(),
                dev.imagesdk.links.Scope.global());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> links.create(
                dev.imagesdk.links.LinkCreateOpts.of(one.image().id(), dev.imagesdk.links.Scope.organization("acme"))))
                .isInstanceOf(dev.imagesdk.core.error.PayloadTooLargeException.class);
        assertThat(links.listForImage(one.image().id())).extracting(dev.imagesdk.links.ImageLink::linkId)
                .containsExactly(one.image().id() + ":global");
        images.delete(one.image().id());
    }

    @Test
    default void dataOverTheSizeCapIsRefusedWith413AndTheImageStaysQueued() {
        Caller c = caller();
        String over = raw(c, "over-cap");
        assertError(put(c, over, "file", SIZE_CAP + 1), 413,
                "The incoming image is too large: The provided image is too large.");
        assertThat(image(c, over)).containsEntry("status", "queued").containsEntry("size", null);

        String staged = raw(c, "over-cap-staged");
        assertError(put(c, staged, "stage", SIZE_CAP + 1), 413,
                "The incoming image is too large: The provided image is too large.");
        assertThat(image(c, staged)).containsEntry("status", "queued").containsEntry("size", null);

        String exact = raw(c, "at-cap");
        assertThat(put(c, exact, "file", SIZE_CAP).statusCode()).isEqualTo(204);
        assertThat(image(c, exact)).containsEntry("status", "active").containsEntry("size", 1_048_576.0);
    }

    @Test
    default void anUploadBeyondTheStorageQuotaIsRefusedWith413() {
        Caller c = caller();
        for (int i = 0; i < 3; i++) {
            assertThat(put(c, raw(c, "fill-" + i), "file", SIZE_CAP).statusCode()).isEqualTo(204);
        }
        String fourth = raw(c, "fourth");
        assertError(put(c, fourth, "file", SIZE_CAP), 413,
                "Image exceeds the storage quota: The size of the data 1048576 will exceed the limit. 0 bytes remaining.");
        assertThat(image(c, fourth)).containsEntry("status", "queued").containsEntry("size", null);
    }

    /**
     * Staging is not counted and not checked; the import writing the data into the store is. An import
     * that does not fit fails its task with Glance's generic message and leaves the image
     * {@code importing} with the target store listed as failed.
     */
    @Test
    default void anImportBeyondTheStorageQuotaFailsItsTaskAndLeavesTheImageImporting() throws Exception {
        Caller c = caller();
        String fits = raw(c, "import-fits");
        assertThat(put(c, fits, "stage", SIZE_CAP).statusCode()).isEqualTo(204);
        assertThat(c.json("POST", "/v2/images/" + fits + "/import", "{\"method\":{\"name\":\"glance-direct\"}}")
                .statusCode()).isEqualTo(202);
        Map<?, ?> done = awaitTask(c, fits);
        assertThat(done.get("status")).isEqualTo("success");
        assertThat(image(c, fits)).containsEntry("status", "active");

        assertThat(put(c, raw(c, "one-more"), "file", SIZE_CAP).statusCode()).isEqualTo(204);
        assertThat(put(c, raw(c, "half"), "file", SIZE_CAP / 2).statusCode()).isEqualTo(204);
        // 2.5 MiB of 3 MiB used: staging 1 MiB is accepted, importing it is not
        String tooMuch = raw(c, "import-too-much");
        assertThat(put(c, tooMuch, "stage", SIZE_CAP).statusCode()).isEqualTo(204);
        assertThat(image(c, tooMuch)).containsEntry("status", "uploading").containsEntry("size", 1_048_576.0);
        assertThat(c.json("POST", "/v2/images/" + tooMuch + "/import", "{\"method\":{\"name\":\"glance-direct\"}}")
                .statusCode()).isEqualTo(202);
        Map<?, ?> failed = awaitTask(c, tooMuch);
        assertThat(failed.get("status")).isEqualTo("failure");
        assertThat(failed.get("message")).isEqualTo("Task failed due to Internal Error");
        assertThat(image(c, tooMuch)).containsEntry("status", "importing")
                .containsEntry("os_glance_failed_import", "fast")
                .containsEntry("os_glance_importing_to_stores", "")
                .containsEntry("os_hash_value", null);
    }

    private static Map<?, ?> awaitTask(Caller c, String id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            List<?> tasks = (List<?>) parse(c.json("GET", "/v2/images/" + id + "/tasks", null)).get("tasks");
            if (tasks.size() == 1) {
                Map<?, ?> task = (Map<?, ?>) tasks.get(0);
                if (task.get("status").equals("success") || task.get("status").equals("failure")) {
                    return task;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import task of " + id + " did not end within 30 s");
    }

    @Test
    default void theConfiguredPropertyTagAndMemberQuotasAreEnforced() {
        Caller c = caller();
        assertError(c.json("POST", "/v2/images", "{\"name\":\"p\",\"a\":\"1\",\"b\":\"1\",\"c\":\"1\",\"d\":\"1\",\"e\":\"1\"}"),
                413, "The limit has been exceeded on the number of allowed image properties. Attempted: 5, Maximum: 4");
        assertError(c.json("POST", "/v2/images", "{\"name\":\"t\",\"tags\":[\"a\",\"b\",\"c\",\"d\"]}"),
                413, "The limit has been exceeded on the number of allowed image tags. Attempted: 4, Maximum: 3");
        String id = c.create("{\"name\":\"full\",\"a\":\"1\",\"b\":\"1\",\"c\":\"1\",\"d\":\"1\",\"tags\":[\"a\",\"b\",\"c\"]}");
        try {
            assertError(c.patch(id, "[{\"op\":\"add\",\"path\":\"/e\",\"value\":\"1\"}]"), 413,
                    "The limit has been exceeded on the number of allowed image properties. Attempted: 5, Maximum: 4");
            assertError(c.json("PUT", "/v2/images/" + id + "/tags/z", null), 413, "Image tag limit exceeded for image "
                    + id + ": The limit has been exceeded on the number of allowed image tags. Attempted: 4, Maximum: 3:");
            for (String member : List.of("m1", "m2")) {
                assertThat(c.json("POST", "/v2/images/" + id + "/members", "{\"member\":\"" + member + "\"}")
                        .statusCode()).isEqualTo(200);
            }
            assertError(c.json("POST", "/v2/images/" + id + "/members", "{\"member\":\"m3\"}"), 413,
                    "Image member limit exceeded for image " + id + ": The limit has been exceeded on the number of "
                            + "allowed image members for this image. Attempted: 3, Maximum: 2:");
        } finally {
            c.delete(id);
        }
    }
}
