package dev.imagesdk.images.data;

import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.RangeNotSatisfiableException;
import dev.imagesdk.core.it.RealGlance;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.Images;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Data upload and download against the real Glance. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageDataIT {
    private static final int MIB = 1024 * 1024;
    private final List<String> created = new ArrayList<>();
    private Images images;

    @TempDir
    Path dir;

    @BeforeAll
    void connect() {
        images = Images.of(RealGlance.projectA());
    }

    @AfterAll
    void cleanUp() {
        for (String id : created) {
            try {
                images.delete(id);
            } catch (NotFoundException gone) {
                // already deleted
            }
        }
    }

    private Image newImage(String name) {
        Image image = images.create(CreateOpts.builder().name(name).diskFormat(DiskFormat.RAW)
                .containerFormat(ContainerFormat.BARE).build());
        created.add(image.id());
        return image;
    }

    private static Path randomFile(Path dir, String name, int bytes) throws Exception {
        Path file = dir.resolve(name);
        byte[] chunk = new byte[MIB];
        Random random = new Random(bytes);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < bytes; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, Math.min(chunk.length, bytes - written));
            }
        }
        return file;
    }

    private static String sha512(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-512");
        byte[] buffer = new byte[MIB];
        try (var in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void roundTripOf64MiBWithChecksumVerified() throws Exception {
        Path source = randomFile(dir, "source.raw", 64 * MIB);
        Image image = newImage("round-trip-64m");
        AtomicLong lastProgress = new AtomicLong();

        long t0 = System.nanoTime();
        images.upload(image.id(), source, UploadOpts.builder().listener((n, total) -> lastProgress.set(n)).build());
        long t1 = System.nanoTime();
        Path target = dir.resolve("download.raw");
        DownloadResult result = images.download(image.id(), target);
        long t2 = System.nanoTime();
        System.out.printf("64 MiB round trip: upload %.0f ms, verified download %.0f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);

        Image active = images.get(image.id());
        assertThat(active.status()).isEqualTo(ImageStatus.ACTIVE);
        assertThat(active.size()).isEqualTo(64L * MIB);
        assertThat(active.osHashValue()).isEqualTo(sha512(source));
        assertThat(active.stores()).containsExactly("fast");
        assertThat(lastProgress.get()).isEqualTo(64L * MIB);
        assertThat(result.bytes()).isEqualTo(64L * MIB);
        assertThat(result.verifiedAlgorithm()).contains("sha512");
        assertThat(result.digest()).contains(active.osHashValue());
        assertThat(result.contentMd5()).contains(active.checksum());
        assertThat(Files.mismatch(source, target)).isEqualTo(-1);
    }

    @Test
    void rangeDownloads() throws Exception {
        byte[] data = new byte[MIB];
        new Random(7).nextBytes(data);
        Image image = newImage("ranges");
        images.upload(image.id(), new ByteArrayInputStream(data), data.length);
        String md5 = images.get(image.id()).checksum();

        ByteArrayOutputStream first = new ByteArrayOutputStream();
        DownloadResult head = images.download(image.id(), first, DownloadOpts.builder().range(ByteRange.of(0, 99)).build());
        assertThat(first.toByteArray()).isEqualTo(Arrays.copyOfRange(data, 0, 100));
        assertThat(head.status()).isEqualTo(206);
        assertThat(head.contentRange().orElseThrow().toString()).isEqualTo("bytes 0-99/" + MIB);
        assertThat(head.contentMd5()).contains(md5);

        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        DownloadResult suffix = images.download(image.id(), tail, DownloadOpts.builder().range(ByteRange.lastBytes(10)).build());
        assertThat(tail.toByteArray()).isEqualTo(Arrays.copyOfRange(data, MIB - 10, MIB));
        assertThat(suffix.contentRange().orElseThrow().first()).isEqualTo(MIB - 10);

        Path rest = dir.resolve("rest.bin");
        DownloadResult open = images.download(image.id(), rest, DownloadOpts.builder().range(ByteRange.from(1048000)).build());
        assertThat(Files.readAllBytes(rest)).isEqualTo(Arrays.copyOfRange(data, 1048000, MIB));
        assertThat(open.bytes()).isEqualTo(MIB - 1048000);

        assertThatThrownBy(() -> images.download(image.id(), new ByteArrayOutputStream(),
                DownloadOpts.builder().range(ByteRange.of(2_000_000, 2_000_010)).build()))
                .isInstanceOf(RangeNotSatisfiableException.class);
    }

    @Test
    void aCallersExpectedHashIsCheckedBesidesGlancesAndAMismatchLeavesNoFile() throws Exception {
        byte[] data = new byte[2 * MIB + 5];
        new Random(14).nextBytes(data);
        Image image = newImage("expected-hash");
        images.upload(image.id(), new ByteArrayInputStream(data), data.length);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));

        Path target = dir.resolve("manifest.raw");
        DownloadResult ok = images.download(image.id(), target, DownloadOpts.builder().expectedHash("sha256", sha256).build());
        assertThat(Files.readAllBytes(target)).isEqualTo(data);
        assertThat(ok.verifiedAlgorithm()).contains("sha512"); // Glance's own hash was checked too

        Path wrong = dir.resolve("wrong.raw");
        String other = sha256.substring(0, 63) + (sha256.endsWith("0") ? "1" : "0");
        assertThatThrownBy(() -> images.download(image.id(), wrong,
                DownloadOpts.builder().expectedHash("sha256", other).build()))
                .isInstanceOfSatisfying(dev.imagesdk.core.error.ChecksumMismatchException.class, e -> {
                    assertThat(e.expectedBy()).isEqualTo(dev.imagesdk.core.error.ChecksumMismatchException.ExpectedBy.CALLER);
                    assertThat(e.actual()).isEqualTo(sha256);
                });
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void uploadingTwiceIsAConflict() {
        Image image = newImage("twice");
        images.upload(image.id(), new ByteArrayInputStream(new byte[4096]), 4096);

        assertThatThrownBy(() -> images.upload(image.id(), new ByteArrayInputStream(new byte[4096]), 4096))
                .isInstanceOf(ConflictException.class).hasMessageContaining("active to saving");
    }

    @Test
    void chunkedStreamUploadToANamedStore() throws Exception {
        byte[] data = new byte[3 * MIB + 17];
        new Random(3).nextBytes(data);
        Image image = newImage("chunked-cheap");

        images.upload(image.id(), new ByteArrayInputStream(data), UploadOpts.builder().store("cheap").build());

        Image active = images.get(image.id());
        assertThat(active.size()).isEqualTo(data.length);
        assertThat(active.stores()).containsExactly("cheap");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(images.download(image.id(), out).verifiedAlgorithm()).contains("sha512");
        assertThat(out.toByteArray()).isEqualTo(data);
    }

    @Test
    void downloadingAnImageWithoutDataIsAClearError() {
        Image image = newImage("empty");

        assertThatThrownBy(() -> images.download(image.id(), dir.resolve("nothing.raw")))
                .isInstanceOf(NoImageDataException.class);
        assertThat(dir.resolve("nothing.raw")).doesNotExist();
    }
}
