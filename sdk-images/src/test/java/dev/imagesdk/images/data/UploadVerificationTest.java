package dev.imagesdk.images.data;

import dev.imagesdk.images.MockGlance;
import dev.imagesdk.images.model.ImageStatus;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14, "an upload answered with a 2xx that stored nothing": after the success answer the SDK reads
 * the image back once and compares status, size and hash with what it sent.
 */
class UploadVerificationTest {
    private static final String ID = "b8fd9546-45a4-476f-93df-a13b5f7c2269";
    private static final byte[] DATA = new byte[600_000];
    private static final byte[] OTHER = new byte[600_000];

    static {
        new Random(14).nextBytes(DATA);
        new Random(15).nextBytes(OTHER);
    }

    @TempDir
    Path dir;
    private final MockGlance glance = new MockGlance();

    @AfterEach
    void close() {
        glance.close();
    }

    private static String hex(String jdkAlgorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(jdkAlgorithm).digest(data));
    }

    private static String image(String status, Long size, String algo, String value) {
        return "{\"id\": \"" + ID + "\", \"status\": \"" + status + "\", \"size\": " + size
                + ", \"os_hash_algo\": " + (algo == null ? "null" : "\"" + algo + "\"")
                + ", \"os_hash_value\": " + (value == null ? "null" : "\"" + value + "\"") + "}";
    }

    private Path file() throws Exception {
        Path file = dir.resolve("disk.raw");
        Files.write(file, DATA);
        return file;
    }

    @Test
    void aSuccessAnswerThatLeftTheImageQueuedIsATypedErrorSayingWhatWasSentAndWhatTheServerHas() throws Exception {
        // a "success status with an error body": 200, the body an error, nothing stored
        glance.json(200, "{\"error\": \"backend store unavailable\"}")
                .json(200, image("queued", null, null, null));

        assertThatThrownBy(() -> glance.images().upload(ID, file()))
                .isInstanceOfSatisfying(UploadVerificationException.class, e -> {
                    assertThat(e.imageId()).isEqualTo(ID);
                    assertThat(e.imageStatus()).contains(ImageStatus.QUEUED);
                    assertThat(e.reportedSize()).isEmpty();
                    assertThat(e.reportedHash()).isEmpty();
                    assertThat(e.sentBytes()).isEqualTo(600_000);
                    assertThat(e.hashAlgorithm()).isEqualTo("sha512");
                    assertThat(e).hasMessageContaining("the image is queued").hasMessageContaining("sent 600000 bytes")
                            .hasMessageContaining(ID);
                    try {
                        assertThat(e.sentHash()).isEqualTo(hex("SHA-512", DATA));
                    } catch (Exception x) {
                        throw new AssertionError(x);
                    }
                });
        assertThat(glance.take().getMethod()).isEqualTo("PUT");
        RecordedRequest readBack = glance.take();
        assertThat(readBack.getMethod()).isEqualTo("GET");
        assertThat(readBack.getUrl().encodedPath()).isEqualTo("/v2/images/" + ID);
    }

    @Test
    void aSizeOtherThanTheOneSentIsATypedError() throws Exception {
        glance.empty(204).json(200, image("active", 599_999L, "sha512", hex("SHA-512", DATA)));

        assertThatThrownBy(() -> glance.images().upload(ID, file()))
                .isInstanceOfSatisfying(UploadVerificationException.class, e -> {
                    assertThat(e.imageStatus()).contains(ImageStatus.ACTIVE);
                    assertThat(e.reportedSize()).hasValue(599_999);
                    assertThat(e).hasMessageContaining("size 599999 (sent 600000 bytes)");
                });
    }

    @Test
    void aHashOtherThanTheOneSentIsATypedError() throws Exception {
        String wrong = hex("SHA-512", OTHER);
        glance.empty(204).json(200, image("active", 600_000L, "sha512", wrong));

        assertThatThrownBy(() -> glance.images().upload(ID, file()))
                .isInstanceOfSatisfying(UploadVerificationException.class, e -> {
                    assertThat(e.reportedHashAlgorithm()).contains("sha512");
                    assertThat(e.reportedHash()).contains(wrong);
                    assertThat(e).hasMessageContaining("sha512 " + wrong);
                });
    }

    @Test
    void anUploadThatStoredWhatWasSentPassesWithOneReadBack() throws Exception {
        glance.empty(204).json(200, image("active", 600_000L, "sha512", hex("SHA-512", DATA)));

        glance.images().upload(ID, file());

        assertThat(glance.take().getBody().toByteArray()).isEqualTo(DATA);
        assertThat(glance.take().getMethod()).isEqualTo("GET");
        assertThat(glance.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aStreamIsHashedAsItIsSentToo() throws Exception {
        glance.empty(204).json(200, image("active", 600_000L, "sha512", hex("SHA-512", OTHER)));

        assertThatThrownBy(() -> glance.images().upload(ID, new ByteArrayInputStream(DATA), -1))
                .isInstanceOfSatisfying(UploadVerificationException.class, e -> {
                    try {
                        assertThat(e.sentHash()).isEqualTo(hex("SHA-512", DATA));
                    } catch (Exception x) {
                        throw new AssertionError(x);
                    }
                    assertThat(e.sentBytes()).isEqualTo(600_000);
                });
    }

    @Test
    void largeUploadsAreHashedOnAHelperThreadWithTheSameResult() throws Exception {
        // above 4 MiB the hash runs beside the sending (two alternating buffers): still every byte, in order
        byte[] big = new byte[9 * 1024 * 1024 + 12345];
        new Random(16).nextBytes(big);
        Path file = dir.resolve("big.raw");
        Files.write(file, big);
        String sha512 = hex("SHA-512", big);
        glance.empty(204).json(200, image("active", (long) big.length, "sha512", sha512));
        glance.images().upload(ID, file);

        byte[] other = big.clone();
        other[big.length / 2] ^= 1;
        glance.empty(204).json(200, image("active", (long) big.length, "sha512", hex("SHA-512", other)));
        assertThatThrownBy(() -> glance.images().upload(ID, file)).isInstanceOfSatisfying(UploadVerificationException.class,
                e -> assertThat(e.sentHash()).isEqualTo(sha512));

        glance.empty(204).json(200, image("active", (long) big.length, "sha512", hex("SHA-512", other)));
        assertThatThrownBy(() -> glance.images().upload(ID, new ByteArrayInputStream(big), big.length))
                .isInstanceOfSatisfying(UploadVerificationException.class, e -> assertThat(e.sentHash()).isEqualTo(sha512));

        glance.empty(204).json(200, image("active", (long) big.length, "sha512", sha512));
        glance.images().upload(ID, new ByteArrayInputStream(big), big.length);
    }

    @Test
    void aHashOfAnotherAlgorithmIsNotComparedUnlessThatAlgorithmIsChosen() throws Exception {
        // the server hashes with sha256 while the SDK computed sha512: size and status are still checked
        glance.empty(204).json(200, image("active", 600_000L, "sha256", hex("SHA-256", OTHER)));
        glance.images().upload(ID, file());

        // with the cloud's algorithm chosen, the same wrong hash is found
        glance.empty(204).json(200, image("active", 600_000L, "sha256", hex("SHA-256", OTHER)));
        assertThatThrownBy(() -> glance.images().upload(ID, file(), UploadOpts.builder().hashAlgorithm("sha256").build()))
                .isInstanceOf(UploadVerificationException.class);

        glance.empty(204).json(200, image("active", 600_000L, "sha256", hex("SHA-256", DATA)));
        glance.images().upload(ID, file(), UploadOpts.builder().hashAlgorithm("SHA256").build());
    }

    @Test
    void verificationCanBeTurnedOff() throws Exception {
        glance.empty(204);

        glance.images().upload(ID, file(), UploadOpts.builder().verify(false).build());

        assertThat(glance.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aStagedUploadMustLeaveTheImageUploadingAndItsSizeIsComparedWhenReported() throws Exception {
        glance.empty(204).json(200, image("uploading", null, null, null));
        glance.images().stage(ID, file());

        glance.empty(204).json(200, image("uploading", 600_001L, null, null));
        assertThatThrownBy(() -> glance.images().stage(ID, file()))
                .isInstanceOfSatisfying(UploadVerificationException.class,
                        e -> assertThat(e.reportedSize()).hasValue(600_001));

        glance.empty(204).json(200, image("queued", null, null, null));
        assertThatThrownBy(() -> glance.images().stage(ID, file()))
                .isInstanceOfSatisfying(UploadVerificationException.class,
                        e -> assertThat(e.imageStatus()).contains(ImageStatus.QUEUED));
    }

    @Test
    void anUnknownAlgorithmIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> glance.images().upload(ID, file(), UploadOpts.builder().hashAlgorithm("crc32").build()))
                .isInstanceOf(dev.imagesdk.core.error.ValidationException.class).hasMessageContaining("crc32");
        assertThat(glance.server.getRequestCount()).isZero();
    }
}
