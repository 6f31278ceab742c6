package dev.imagesdk.examples.cli;

import com.squareup.moshi.Moshi;
import dev.imagesdk.core.it.RealGlance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * imagectl against the real Glance (trusted-headers identity): a 256 MiB generated file goes up with
 * {@code images upload} and comes back with {@code images download}, byte for byte.
 */
class ImagectlIT {
    private static final long SIZE = 256L << 20;

    @TempDir
    Path dir;

    @Test
    void uploadsAndDownloads256MiBThroughImagectlWithIdenticalBytes() throws Exception {
        String endpoint = RealGlance.endpoint();
        String[] identity = {"--endpoint", endpoint, "--project", RealGlance.PROJECT_A, "--user", "imagectl-it"};
        Path source = dir.resolve("source.bin");
        String sourceSha256 = writeRandom(source, SIZE);

        Cli.Result created = Cli.run(Map.of(), false, concat(identity, "images", "create", "--name", "imagectl-it-256m",
                "--disk-format", "raw", "--container-format", "bare", "-f", "json"));
        assertThat(created.exitCode()).as(created.toString()).isZero();
        String id = (String) ((Map<?, ?>) new Moshi.Builder().build().adapter(Object.class).fromJson(created.out())).get("id");
        try {
            Cli.Result up = Cli.run(Map.of(), false, concat(identity, "images", "upload", id, source.toString()));
            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(up.out()).contains("uploaded 256.0 MiB", "status active");
            assertThat(up.err()).as("no progress bar when not on a terminal").isEmpty();

            Path target = dir.resolve("downloaded.bin");
            Cli.Result down = Cli.run(Map.of(), false, concat(identity, "images", "download", id, "-o", target.toString()));
            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(down.out()).contains("downloaded 256.0 MiB", "sha512 verified");

            assertThat(Files.size(target)).isEqualTo(SIZE);
            assertThat(sha256(target)).isEqualTo(sourceSha256);
        } finally {
            Cli.Result deleted = Cli.run(Map.of(), false, concat(identity, "images", "delete", id));
            assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Writes {@code size} pseudo-random bytes (streamed, 1 MiB at a time) and returns their SHA-256. */
    private static String writeRandom(Path file, long size) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(0x1a6e5dL);
        byte[] buffer = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += buffer.length) {
                for (int i = 0; i < buffer.length; i += 8) {
                    long v = random.nextLong();
                    for (int k = 0; k < 8; k++) {
                        buffer[i + k] = (byte) (v >>> (8 * k));
                    }
                }
                out.write(buffer);
                sha.update(buffer);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
