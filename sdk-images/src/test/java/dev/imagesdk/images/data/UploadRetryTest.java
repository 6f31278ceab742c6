package dev.imagesdk.images.data;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.error.RateLimitedException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.images.MockGlance;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14, "retries of uploads": an upload the server refused (502/503/504/429) is sent again from the
 * start of the file, after the server's {@code Retry-After}, once the image was read back as still
 * {@code queued}; a stream is not, and says why.
 */
class UploadRetryTest {
    private static final String ID = "b8fd9546-45a4-476f-93df-a13b5f7c2269";
    private static final byte[] DATA = new byte[400_000];

    static {
        new Random(503).nextBytes(DATA);
    }

    @TempDir
    Path dir;
    // short back-off, so that a measured pause of about 1 s can only be the server's Retry-After
    private final MockGlance glance = new MockGlance(RetryPolicy.builder().maxAttempts(4)
            .initialDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(20)).jitter(0).build());

    @AfterEach
    void close() {
        glance.close();
    }

    private String image(String status) throws Exception {
        String sha512 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(DATA));
        return "{\"id\": \"" + ID + "\", \"status\": \"" + status + "\", \"size\": "
                + ("active".equals(status) ? DATA.length : "null") + ", \"os_hash_algo\": \"sha512\", \"os_hash_value\": "
                + ("active".equals(status) ? "\"" + sha512 + "\"" : "null") + "}";
    }

    private MockGlance refuse(int code, String retryAfter) {
        MockResponse.Builder r = new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body("{\"message\": \"busy\", \"code\": \"" + code + "\", \"title\": \"busy\"}");
        if (retryAfter != null) {
            r.addHeader("Retry-After", retryAfter);
        }
        return glance.enqueue(r.build());
    }

    private Path file() throws Exception {
        Path file = dir.resolve("disk.raw");
        Files.write(file, DATA);
        return file;
    }

    private List<RecordedRequest> requests() {
        List<RecordedRequest> all = new ArrayList<>();
        for (int i = glance.server.getRequestCount(); i > 0; i--) {
            all.add(glance.take());
        }
        return all;
    }

    private static List<String> lines(List<RecordedRequest> requests) {
        return requests.stream().map(r -> r.getMethod() + " " + r.getUrl().encodedPath()).toList();
    }

    @Test
    void aFileAnswered503IsSentAgainFromItsStartAfterRetryAfterWhileTheImageIsQueued() throws Exception {
        refuse(503, "1").json(200, image("queued")).empty(204).json(200, image("active"));

        long start = System.nanoTime();
        glance.images().upload(ID, file());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        List<RecordedRequest> requests = requests();
        assertThat(lines(requests)).containsExactly("PUT /v2/images/" + ID + "/file", "GET /v2/images/" + ID,
                "PUT /v2/images/" + ID + "/file", "GET /v2/images/" + ID);
        assertThat(requests.get(0).getBody().toByteArray()).isEqualTo(DATA);
        assertThat(requests.get(2).getBody().toByteArray()).isEqualTo(DATA);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1000)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aFileAnswered429WithRetryAfterIsSentAgainAfterThatPause() throws Exception {
        refuse(429, "1").json(200, image("queued")).empty(201).json(200, image("active"));

        long start = System.nanoTime();
        glance.images().upload(ID, file());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(lines(requests())).filteredOn(l -> l.startsWith("PUT")).hasSize(2);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void a502And504AreRetriedTooWithinTheAttemptsOfThePolicy() throws Exception {
        refuse(502, null).json(200, image("queued"));
        refuse(504, null).json(200, image("queued")).empty(204).json(200, image("active"));

        glance.images().upload(ID, file());

        assertThat(lines(requests())).filteredOn(l -> l.startsWith("PUT")).hasSize(3);
    }

    @Test
    void theAttemptsOfThePolicyBoundTheResends() throws Exception {
        for (int i = 0; i < 4; i++) {
            refuse(503, "0").json(200, image("queued"));
        }

        assertThatThrownBy(() -> glance.images().upload(ID, file())).isInstanceOfSatisfying(ServerException.class,
                e -> assertThat(e.status()).isEqualTo(503));

        assertThat(lines(requests())).filteredOn(l -> l.startsWith("PUT")).hasSize(4);
    }

    @Test
    void aRefusedFileIsNotSentAgainWhenTheImageLeftQueued() throws Exception {
        // a gateway's 504 while Glance behind it went on storing the data
        refuse(504, null).json(200, image("active"));

        assertThatThrownBy(() -> glance.images().upload(ID, file())).isInstanceOfSatisfying(ServerException.class,
                e -> assertThat(e.status()).isEqualTo(504));

        assertThat(lines(requests())).containsExactly("PUT /v2/images/" + ID + "/file", "GET /v2/images/" + ID);
    }

    @Test
    void aStreamAnswered503IsNotSentAgainAndTheExceptionSaysWhy() {
        refuse(503, "0").empty(204);

        assertThatThrownBy(() -> glance.images().upload(ID, new ByteArrayInputStream(DATA), DATA.length))
                .isInstanceOfSatisfying(ServerException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e).hasMessageContaining("not sent again: the data came from a stream");
                });

        assertThat(glance.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aStreamAnswered429KeepsItsTypeAndRetryAfter() {
        refuse(429, "3");

        assertThatThrownBy(() -> glance.images().upload(ID, new ByteArrayInputStream(DATA), DATA.length))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
                    assertThat(e).hasMessageContaining("cannot be read twice");
                });
        assertThat(glance.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anErrorThatIsNotARefusalIsNotRetried() throws Exception {
        refuse(500, null);

        assertThatThrownBy(() -> glance.images().upload(ID, file())).isInstanceOfSatisfying(ServerException.class,
                e -> assertThat(e.status()).isEqualTo(500));
        assertThat(glance.server.getRequestCount()).isEqualTo(1);
    }
}
