package dev.imagesdk.images.internal.data;

import dev.imagesdk.core.error.ChecksumMismatchException;
import dev.imagesdk.core.error.ChecksumMismatchException.ExpectedBy;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.images.MockGlance;
import dev.imagesdk.images.data.ByteRange;
import dev.imagesdk.images.data.DownloadOpts;
import dev.imagesdk.images.data.DownloadResult;
import dev.imagesdk.images.data.LocalFileException;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14 "Also": a download checked against a hash the caller expects as well as the server's metadata,
 * and a verified file flushed to the storage device before it is moved into place.
 *
 * <p>The expected digests below were computed with {@code sha256sum}, {@code sha512sum} and
 * {@code md5sum} over the bytes {@code 0, 1, 2, ..., 255} repeated 4096 times (1 MiB), not by the code
 * under test.
 */
class ExpectedHashAndDurabilityTest {
    private static final String ID = "b8fd9546-45a4-476f-93df-a13b5f7c2269";
    private static final byte[] DATA = new byte[1024 * 1024];
    private static final String MD5 = "c35cc7d8d91728a0cb052831bc4ef372";
    private static final String SHA256 = "fbbab289f7f94b25736c58be46a994c441fd02552cc6022352e3d86d2fab7c83";
    private static final String SHA512 = "ac1d097b4ea6f6ad7ba640275b9ac290e4828cd760a0ebf76d555463a4f505f9"
            + "5df4f611629539a2dd1848e7c1304633baa1826462b3c87521c0c6e3469b67af";

    static {
        for (int i = 0; i < DATA.length; i++) {
            DATA[i] = (byte) i;
        }
    }

    @TempDir
    Path dir;

    private final MockGlance glance = new MockGlance();

    @AfterEach
    void close() {
        glance.close();
    }

    private static String image(String algo, String value) {
        return "{\"id\": \"" + ID + "\", \"status\": \"active\", \"size\": " + DATA.length
                + ", \"os_hash_algo\": \"" + algo + "\", \"os_hash_value\": \"" + value + "\", \"checksum\": \"" + MD5 + "\"}";
    }

    private MockResponse data(byte[] body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                .addHeader("Content-MD5", MD5).chunkedBody(new Buffer().write(body), 65536).build();
    }

    private void serve(byte[] body) {
        glance.json(200, image("sha512", SHA512)).enqueue(data(body));
    }

    private List<Path> files() throws IOException {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }

    // ---- expected hash ---------------------------------------------------------------------------------

    @Test
    void aMatchingCallerHashOfAnotherAlgorithmIsCheckedWithTheServersInOnePass() throws Exception {
        serve(DATA);
        Path target = dir.resolve("image.raw");

        DownloadResult result = glance.images().download(ID, target,
                DownloadOpts.builder().expectedHash("SHA-256", SHA256.toUpperCase()).build());

        assertThat(Files.readAllBytes(target)).isEqualTo(DATA);
        assertThat(result.verifiedAlgorithm()).contains("sha512");
        assertThat(result.digest()).contains(SHA512);
        assertThat(glance.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aMismatchingCallerHashFailsSayingItWasTheCallersAndLeavesNoFile() throws Exception {
        serve(DATA);
        Path target = dir.resolve("image.raw");
        Files.writeString(target, "previous version");
        String wrong = "00" + SHA256.substring(2);

        assertThatThrownBy(() -> glance.images().download(ID, target,
                DownloadOpts.builder().expectedHash("sha256", wrong).build()))
                .isInstanceOfSatisfying(ChecksumMismatchException.class, e -> {
                    assertThat(e.expectedBy()).isEqualTo(ExpectedBy.CALLER);
                    assertThat(e.algorithm()).isEqualTo("sha256");
                    assertThat(e.expected()).isEqualTo(wrong);
                    assertThat(e.actual()).isEqualTo(SHA256);
                    assertThat(e.getMessage()).contains("the caller's expected hash");
                });
        assertThat(Files.readString(target)).isEqualTo("previous version");
        assertThat(files()).containsExactly(target);
    }

    @Test
    void aCallerHashOfTheServersAlgorithmIsCheckedAgainstItsOwnValue() {
        serve(DATA);
        String wrong = SHA512.substring(0, 127) + "0";

        assertThatThrownBy(() -> glance.images().download(ID, new ByteArrayOutputStream(),
                DownloadOpts.builder().expectedHash("sha512", wrong).build()))
                .isInstanceOfSatisfying(ChecksumMismatchException.class, e -> {
                    assertThat(e.expectedBy()).isEqualTo(ExpectedBy.CALLER);
                    assertThat(e.expected()).isEqualTo(wrong);
                    assertThat(e.actual()).isEqualTo(SHA512);
                });
    }

    @Test
    void aMismatchWithTheServersMetadataSaysSoWhenTheCallersHashMatches() throws Exception {
        byte[] corrupted = DATA.clone();
        corrupted[777] ^= 1;
        // the server records the true hash; the caller's manifest has the hash of what is actually sent
        glance.json(200, image("sha512", SHA512)).enqueue(data(corrupted));
        String md5OfCorrupted = HexOf.md5(corrupted);
        Path target = dir.resolve("image.raw");

        assertThatThrownBy(() -> glance.images().download(ID, target,
                DownloadOpts.builder().expectedHash("md5", md5OfCorrupted).build()))
                .isInstanceOfSatisfying(ChecksumMismatchException.class, e -> {
                    assertThat(e.expectedBy()).isEqualTo(ExpectedBy.SERVER);
                    assertThat(e.algorithm()).isEqualTo("sha512");
                    assertThat(e.expected()).isEqualTo(SHA512);
                    assertThat(e.getMessage()).contains("the server's metadata");
                });
        assertThat(files()).isEmpty();
    }

    @Test
    void withoutVerifyOnlyTheCallersHashIsCheckedAndNoMetadataIsRead() throws Exception {
        glance.enqueue(data(DATA)).enqueue(data(DATA));
        Path target = dir.resolve("image.raw");

        DownloadResult ok = glance.images().download(ID, target,
                DownloadOpts.builder().verify(false).expectedHash("md5", MD5).build());
        assertThat(ok.verifiedAlgorithm()).contains("md5");
        assertThat(ok.digest()).contains(MD5);
        assertThat(glance.take().getUrl().encodedPath()).endsWith("/file");

        assertThatThrownBy(() -> glance.images().download(ID, dir.resolve("other.raw"),
                DownloadOpts.builder().verify(false).expectedHash("sha256", SHA512.substring(0, 64)).build()))
                .isInstanceOfSatisfying(ChecksumMismatchException.class,
                        e -> assertThat(e.expectedBy()).isEqualTo(ExpectedBy.CALLER));
        assertThat(glance.take().getUrl().encodedPath()).endsWith("/file");
        assertThat(files()).containsExactly(target);
    }

    @Test
    void badExpectedHashesAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> DownloadOpts.builder().expectedHash("sha256", "xyz" + SHA256.substring(3)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("64 hexadecimal digits");
        assertThatThrownBy(() -> DownloadOpts.builder().expectedHash("sha256", SHA512))
                .isInstanceOf(ValidationException.class).hasMessageContaining("64 hexadecimal digits");
        assertThatThrownBy(() -> DownloadOpts.builder().expectedHash("crc32", "cbf43926"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unknown hash algorithm 'crc32'");
        assertThatThrownBy(() -> DownloadOpts.builder().expectedHash(null, SHA256))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> DownloadOpts.builder().expectedHash("sha256", " "))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> DownloadOpts.builder().range(ByteRange.of(0, 99)).expectedHash("md5", MD5).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("byte range");
        assertThat(glance.server.getRequestCount()).isZero();
    }

    @Test
    void algorithmNamesAreNormalisedToGlancesSpelling() {
        assertThat(DownloadOpts.builder().expectedHash("SHA-512", SHA512.toUpperCase()).build())
                .satisfies(o -> {
                    assertThat(o.expectedHashAlgorithm()).isEqualTo("sha512");
                    assertThat(o.expectedHash()).isEqualTo(SHA512);
                });
        assertThat(DownloadOpts.builder().expectedHash("SHA3-256", SHA256).build().expectedHashAlgorithm())
                .isEqualTo("sha3_256");
        assertThat(DownloadOpts.defaults().expectedHash()).isNull();
        assertThat(DownloadOpts.defaults().durable()).isTrue();
    }

    // ---- durability --------------------------------------------------------------------------------------

    /** Records what was flushed when, checking the files at each step, then does the real thing. */
    private final class Recorder implements Durability {
        final List<String> events = new ArrayList<>();
        final Path target;
        IOException failFile;

        Recorder(Path target) {
            this.target = target;
        }

        @Override
        public void forceFile(FileChannel file, Path path) throws IOException {
            // every byte is in the temporary file, which has not been moved into place yet
            assertThat(path.getParent()).isEqualTo(dir);
            assertThat(path).isNotEqualTo(target);
            assertThat(file.size()).isEqualTo(DATA.length);
            assertThat(Files.readAllBytes(path)).isEqualTo(DATA);
            assertThat(target).doesNotExist();
            events.add("force file");
            if (failFile != null) {
                throw failFile;
            }
            Durability.SYSTEM.forceFile(file, path);
        }

        @Override
        public void syncDirectory(Path d) {
            assertThat(Files.exists(target)).isTrue();
            events.add("sync " + d.getFileName());
            Durability.SYSTEM.syncDirectory(d);
        }
    }

    @Test
    void theDataIsForcedBeforeTheMoveAndTheDirectorySyncedAfterIt() throws Exception {
        serve(DATA);
        Path target = dir.resolve("image.raw");
        Recorder recorder = new Recorder(target);

        new ImageDownloads(glance.client, recorder).download(ID, target, DownloadOpts.defaults());

        assertThat(recorder.events).containsExactly("force file", "sync " + dir.getFileName());
        assertThat(Files.readAllBytes(target)).isEqualTo(DATA);
    }

    @Test
    void durableFalseSkipsBothFlushes() throws Exception {
        serve(DATA);
        Path target = dir.resolve("image.raw");
        Recorder recorder = new Recorder(target);

        new ImageDownloads(glance.client, recorder).download(ID, target, DownloadOpts.builder().durable(false).build());

        assertThat(recorder.events).isEmpty();
        assertThat(Files.readAllBytes(target)).isEqualTo(DATA);
    }

    @Test
    void aFailedVerificationFlushesNothing() throws Exception {
        byte[] corrupted = DATA.clone();
        corrupted[5] ^= 1;
        glance.json(200, image("sha512", SHA512)).enqueue(data(corrupted));
        Path target = dir.resolve("image.raw");
        Recorder recorder = new Recorder(target);

        assertThatThrownBy(() -> new ImageDownloads(glance.client, recorder).download(ID, target, DownloadOpts.defaults()))
                .isInstanceOf(ChecksumMismatchException.class);
        assertThat(recorder.events).isEmpty();
        assertThat(files()).isEmpty();
    }

    @Test
    void aFailedFlushFailsTheDownloadAndLeavesNoFile() throws Exception {
        serve(DATA);
        Path target = dir.resolve("image.raw");
        Recorder recorder = new Recorder(target);
        recorder.failFile = new IOException("Input/output error");

        assertThatThrownBy(() -> new ImageDownloads(glance.client, recorder).download(ID, target, DownloadOpts.defaults()))
                .isInstanceOf(LocalFileException.class)
                .hasMessageContaining("flushing").hasMessageContaining("storage device")
                .hasRootCauseMessage("Input/output error");
        assertThat(recorder.events).containsExactly("force file");
        assertThat(files()).isEmpty();
    }

    @Test
    void syncingADirectoryTheSystemRefusesIsIgnored() {
        Durability.SYSTEM.syncDirectory(dir);
        Durability.SYSTEM.syncDirectory(dir.resolve("does-not-exist"));
        assertThat(dir).isDirectory();
    }

    /** md5 of test data that the code under test does not compute. */
    private static final class HexOf {
        static String md5(byte[] data) throws Exception {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(data));
        }
    }
}
