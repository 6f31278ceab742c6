package dev.imagesdk.images.data;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.it.FaultProxy;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.Images;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A connection reset during an upload: a file is sent again only while the image is still queued; otherwise the exception says what the image became. */
class UploadInterruptionTest {
    private static final String ID = "b8fd9546-45a4-476f-93df-a13b5f7c2269";
    private static final byte[] DATA = new byte[2 * 1024 * 1024];

    @TempDir
    Path dir;
    private MockWebServer glance;
    private FaultProxy proxy;
    private Images images;

    @BeforeEach
    void start() throws IOException {
        glance = new MockWebServer();
        glance.start(InetAddress.getLoopbackAddress(), 0);
        proxy = FaultProxy.start("http://127.0.0.1:" + glance.getPort());
        images = Images.of(ServiceClient.builder().endpoint(proxy.endpoint()).auth(Auth.token("t"))
                .retryPolicy(RetryPolicy.none()).build());
    }

    @AfterEach
    void stop() {
        proxy.close();
        glance.close();
    }

    private void imageIs(String status) {
        glance.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"id\": \"" + ID + "\", \"status\": \"" + status + "\"}").build());
    }

    /** Glance's answers to an upload that stored {@link #DATA}: 204, then the image read back. */
    private void stored() throws Exception {
        glance.enqueue(new MockResponse.Builder().code(204).build());
        String sha512 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-512").digest(DATA));
        glance.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"id\": \"" + ID + "\", \"status\": \"active\", \"size\": " + DATA.length
                        + ", \"os_hash_algo\": \"sha512\", \"os_hash_value\": \"" + sha512 + "\"}").build());
    }

    private List<String> requests() throws InterruptedException {
        List<String> lines = new ArrayList<>();
        RecordedRequest r;
        while ((r = glance.takeRequest(100, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
            lines.add(r.getMethod() + " " + r.getTarget());
        }
        return lines;
    }

    @Test
    void aFileIsSentAgainWhileTheImageIsStillQueued() throws Exception {
        Path file = dir.resolve("disk.raw");
        Files.write(file, DATA);
        proxy.inject("PUT", 1, FaultProxy.Fault.resetRequestAfter(300_000));
        imageIs("queued");
        stored();

        images.upload(ID, file);

        assertThat(proxy.requestLines()).containsExactly("PUT /v2/images/" + ID + "/file HTTP/1.1",
                "GET /v2/images/" + ID + " HTTP/1.1", "PUT /v2/images/" + ID + "/file HTTP/1.1",
                "GET /v2/images/" + ID + " HTTP/1.1");
    }

    @Test
    void whileGlanceStillSaysSavingTheSdkAsksAgainBeforeDeciding() throws Exception {
        Path file = dir.resolve("disk.raw");
        Files.write(file, DATA);
        proxy.inject("PUT", 1, FaultProxy.Fault.resetRequestAfter(300_000));
        imageIs("saving");
        imageIs("queued");
        stored();

        images.upload(ID, file);

        // two reads while it settles, one read back after the upload
        assertThat(proxy.requestLines()).filteredOn(l -> l.startsWith("GET")).hasSize(3);
        assertThat(proxy.requestLines()).filteredOn(l -> l.startsWith("PUT")).hasSize(2);
    }

    @Test
    void aFileIsNotSentAgainOnceTheImageLeftQueued() throws Exception {
        Path file = dir.resolve("disk.raw");
        Files.write(file, DATA);
        proxy.inject("PUT", 1, FaultProxy.Fault.resetRequestAfter(300_000));
        imageIs("killed");

        assertThatThrownBy(() -> images.upload(ID, file)).isInstanceOfSatisfying(UploadInterruptedException.class, e -> {
            assertThat(e.imageStatus()).contains(ImageStatus.KILLED);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.getMessage()).contains("now killed");
        });
        assertThat(proxy.requestLines()).hasSize(2);
    }

    @Test
    void aStreamIsNeverSentAgainAndTheStateIsReported() {
        proxy.inject("PUT", 1, FaultProxy.Fault.resetRequestAfter(300_000));
        imageIs("queued");

        assertThatThrownBy(() -> images.upload(ID, new ByteArrayInputStream(DATA), DATA.length))
                .isInstanceOfSatisfying(UploadInterruptedException.class, e -> {
                    assertThat(e.imageStatus()).contains(ImageStatus.QUEUED);
                    assertThat(e.getMessage()).contains("stream, which cannot be sent again");
                });
        assertThat(proxy.requestLines()).hasSize(2);
    }

    @Test
    void aFileIsSentAtMostTwice() throws Exception {
        Path file = dir.resolve("disk.raw");
        Files.write(file, DATA);
        proxy.inject("PUT", 2, FaultProxy.Fault.resetRequestAfter(300_000));
        imageIs("queued");
        imageIs("queued");

        assertThatThrownBy(() -> images.upload(ID, file)).isInstanceOfSatisfying(UploadInterruptedException.class,
                e -> assertThat(e.attempts()).isEqualTo(2));
        assertThat(requests()).filteredOn(l -> l.startsWith("PUT")).hasSizeLessThanOrEqualTo(2);
    }
}
