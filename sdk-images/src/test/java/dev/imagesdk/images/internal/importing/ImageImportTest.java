package dev.imagesdk.images.internal.importing;

import dev.imagesdk.images.importing.*;
import dev.imagesdk.images.internal.json.ImportOptsJson;

import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.UnsupportedFeatureException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.MockGlance;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageImportTest {
    private static final String ID = "18b91150-e6df-4dba-8132-f4bc8c1e889f";
    private final MockGlance glance = new MockGlance();
    private final ImageImport imports = ImageImport.of(glance.client);

    @AfterEach
    void close() {
        glance.close();
    }

    private static String image(String status, String failed) {
        return "{\"id\": \"" + ID + "\", \"status\": \"" + status + "\""
                + (failed == null ? "" : ", \"os_glance_failed_import\": \"" + failed + "\", \"os_glance_importing_to_stores\": \"\"") + "}";
    }

    @Test
    void requestBodiesForEveryMethod() {
        assertThat(ImportOptsJson.write(ImportOpts.glanceDirect().stores("fast").build()))
                .isEqualTo("{\"method\":{\"name\":\"glance-direct\"},\"stores\":[\"fast\"]}");
        assertThat(ImportOptsJson.write(ImportOpts.webDownload(URI.create("https://example.com/disk.raw")).allStores()
                .allStoresMustSucceed(false).build()))
                .isEqualTo("{\"method\":{\"name\":\"web-download\",\"uri\":\"https://example.com/disk.raw\"},"
                        + "\"all_stores\":true,\"all_stores_must_succeed\":false}");
        assertThat(ImportOptsJson.write(ImportOpts.copyImage().stores("cheap", "fast").allStoresMustSucceed(true).build()))
                .isEqualTo("{\"method\":{\"name\":\"copy-image\"},\"stores\":[\"cheap\",\"fast\"],\"all_stores_must_succeed\":true}");
        assertThat(ImportOptsJson.write(ImportOpts.glanceDownload("RegionTwo", "abc").remoteServiceInterface("internal").build()))
                .isEqualTo("{\"method\":{\"name\":\"glance-download\",\"glance_region\":\"RegionTwo\",\"glance_image_id\":\"abc\","
                        + "\"glance_service_interface\":\"internal\"}}");
        assertThat(ImportOptsJson.write(ImportOpts.glanceDirect().build())).isEqualTo("{\"method\":{\"name\":\"glance-direct\"}}");
    }

    @Test
    void invalidRequestsAreRejected() {
        assertThatThrownBy(() -> ImportOpts.glanceDirect().stores("a").allStores().build()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ImportOpts.webDownload(URI.create("ftp://x/y"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ImportOpts.glanceDirect().requireBootableRaw()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ImportOpts.glanceDownload("r", " ")).isInstanceOf(ValidationException.class);
    }

    @Test
    void importPostsJsonAndAcceptsTheEmpty202() {
        glance.versions().empty(202);

        imports.importImage(ID, ImportOpts.glanceDirect().stores("fast").build());

        assertThat(glance.take().getUrl().encodedPath()).as("version discovery first").isEqualTo("/");
        RecordedRequest r = glance.take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v2/images/" + ID + "/import");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(MockGlance.body(r)).isEqualTo("{\"method\":{\"name\":\"glance-direct\"},\"stores\":[\"fast\"]}");
    }

    @Test
    void importBeforeStagingIsAConflict() {
        glance.versions().error(409, "Conflict", "Image needs to be staged before 'glance-direct' method can be used");

        assertThatThrownBy(() -> imports.importImage(ID, ImportOpts.glanceDirect().build()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("staged");
    }

    @Test
    void webDownloadWithBootableRawCheckRefusesNonDisksBeforeImporting() {
        try (MockGlance remote = new MockGlance()) {
            remote.enqueue(new MockResponse.Builder().code(200).body("x".repeat(600)).build());

            assertThatThrownBy(() -> imports.importImage(ID, ImportOpts.webDownload(remote.server.url("/disk").uri())
                    .requireBootableRaw().build())).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("not a bootable raw disk");
            assertThat(glance.server.getRequestCount()).isZero();
        }
    }

    @Test
    void aServerWithoutImportIsToldApartFromAMissingImage() {
        StringBuilder v = new StringBuilder("{\"versions\": [{\"id\": \"v2.5\", \"status\": \"CURRENT\"}");
        for (int minor = 4; minor >= 0; minor--) {
            v.append(", {\"id\": \"v2.").append(minor).append("\", \"status\": \"SUPPORTED\"}");
        }
        glance.json(300, v.append("]}").toString());

        assertThatThrownBy(imports::importMethods).isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
            assertThat(e.feature()).isEqualTo("interoperable image import");
            assertThat(e.requiredVersion()).isEqualTo("2.6");
            assertThat(e.getMessage()).contains("it offers v2.5 CURRENT, v2.4 SUPPORTED");
        });
        assertThatThrownBy(() -> imports.importImage(ID, ImportOpts.glanceDirect().build()))
                .isInstanceOf(UnsupportedFeatureException.class);
        assertThat(glance.server.getRequestCount()).as("the version document only, once").isEqualTo(1);
    }

    @Test
    void discoveryCalls() {
        glance.versions();
        glance.json(200, "{\"import-methods\": {\"description\": \"Import methods available.\", \"type\": \"array\", "
                + "\"value\": [\"glance-direct\", \"copy-image\"]}}");
        glance.json(200, "{\"stores\": [{\"id\": \"fast\", \"description\": \"Fast local filesystem store\", \"default\": \"true\"}, "
                + "{\"id\": \"cheap\", \"description\": \"Cheap local filesystem store\"}]}");
        glance.json(200, "{\"stores\": [{\"id\": \"fast\", \"default\": \"true\", \"type\": \"file\", "
                + "\"properties\": {\"data_dir\": \"/tmp/x\", \"chunk_size\": 65536, \"thin_provisioning\": false}}]}");
        glance.json(200, "{\"usage\": {\"image_size_total\": {\"limit\": 1000, \"usage\": 12}, \"image_count_total\": {\"limit\": -1, \"usage\": 3}}}");

        assertThat(imports.importMethods()).containsExactly("glance-direct", "copy-image");
        List<StoreInfo> stores = imports.stores();
        assertThat(stores).extracting(StoreInfo::id).containsExactly("fast", "cheap");
        assertThat(stores.get(0).isDefault()).isTrue();
        assertThat(stores.get(1).isDefault()).isFalse();
        assertThat(stores.get(0).description()).contains("Fast local filesystem store");
        StoreInfo detail = imports.storesDetail().get(0);
        assertThat(detail.type()).contains("file");
        assertThat(detail.properties()).containsEntry("chunk_size", 65536L).containsEntry("thin_provisioning", false);
        Map<String, QuotaUsage> usage = imports.usage();
        assertThat(usage.get("image_size_total").limit()).hasValue(1000);
        assertThat(usage.get("image_size_total").usage()).hasValue(12);
        assertThat(usage.get("image_count_total").limit()).hasValue(-1);

        assertThat(glance.take().getUrl().encodedPath()).as("version discovery, once").isEqualTo("/");
        assertThat(glance.take().getUrl().encodedPath()).isEqualTo("/v2/info/import");
        assertThat(glance.take().getUrl().encodedPath()).isEqualTo("/v2/info/stores");
        assertThat(glance.take().getUrl().encodedPath()).isEqualTo("/v2/info/stores/detail");
        assertThat(glance.take().getUrl().encodedPath()).isEqualTo("/v2/info/usage");
    }

    @Test
    void emptyUsageWithoutKeystoneLimits() {
        glance.json(200, "{\"usage\": {}}");

        assertThat(imports.usage()).isEmpty();
    }

    @Test
    void waitForPollsUntilTheStatusIsReached() {
        glance.json(200, image("uploading", null)).json(200, image("importing", "")).json(200, image("active", ""));

        Image image = imports.waitFor(ID, ImageStatus.ACTIVE, Duration.ofSeconds(30), Duration.ofMillis(1));

        assertThat(image.status()).isEqualTo(ImageStatus.ACTIVE);
        assertThat(glance.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void anInterruptedWaitKeepsTheInterruptionAsItsCause() throws InterruptedException {
        glance.json(200, image("importing", ""));
        Thread waiter = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException ignored) {
                return;
            }
            waiter.interrupt();
        });
        interrupter.start();
        try {
            assertThatThrownBy(() -> imports.waitFor(ID, ImageStatus.ACTIVE, Duration.ofSeconds(60), Duration.ofSeconds(30)))
                    .isInstanceOf(ImageWaitException.class).hasMessageContaining("interrupted")
                    .cause().isInstanceOf(InterruptedException.class);
            assertThat(Thread.interrupted()).as("the interrupt flag is set again").isTrue();
        } finally {
            interrupter.interrupt();
            interrupter.join();
            Thread.interrupted();
        }
    }

    @Test
    void waitForImportWaitsUntilNoStoreIsPending() {
        String pending = "{\"id\": \"" + ID + "\", \"status\": \"active\", \"os_glance_importing_to_stores\": \"cheap\", "
                + "\"os_glance_failed_import\": \"\", \"stores\": \"fast\"}";
        String locked = "{\"id\": \"" + ID + "\", \"status\": \"active\", \"os_glance_import_task\": \"b8dc5955\", \"stores\": \"fast\"}";
        glance.json(200, locked).json(200, pending).json(200, image("active", ""));

        Image image = imports.waitForImport(ID, Duration.ofSeconds(30));

        assertThat(image.status()).isEqualTo(ImageStatus.ACTIVE);
        assertThat(glance.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void waitForFailsFastOnKilled() {
        glance.json(200, image("killed", null));

        assertThatThrownBy(() -> imports.waitFor(ID, ImageStatus.ACTIVE, Duration.ofMinutes(5)))
                .isInstanceOfSatisfying(ImageWaitException.class, e -> {
                    assertThat(e.isTimeout()).isFalse();
                    assertThat(e.lastSeen().orElseThrow().status()).isEqualTo(ImageStatus.KILLED);
                    assertThat(e.getMessage()).contains("killed");
                });
        assertThat(glance.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void waitForFailsFastOnAFailedImport() {
        glance.json(200, image("importing", "cheap"));

        assertThatThrownBy(() -> imports.waitFor(ID, ImageStatus.ACTIVE, Duration.ofMinutes(5)))
                .isInstanceOf(ImageWaitException.class).hasMessageContaining("failed for store(s) cheap");
    }

    @Test
    void waitForTimesOut() {
        for (int i = 0; i < 50; i++) {
            glance.json(200, image("importing", ""));
        }

        assertThatThrownBy(() -> imports.waitFor(ID, ImageStatus.ACTIVE, Duration.ZERO))
                .isInstanceOfSatisfying(ImageWaitException.class, e -> assertThat(e.isTimeout()).isTrue());
    }
}
