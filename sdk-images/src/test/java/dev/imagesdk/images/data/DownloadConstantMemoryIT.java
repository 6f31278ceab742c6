package dev.imagesdk.images.data;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.it.RealGlance;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.Images;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves uploads and downloads stream in constant memory: 1 GiB (generated on the fly, never held in
 * memory or on disk at the source) goes up to the real Glance and comes back verified, in a JVM whose
 * heap is capped at 64 MiB. Runs in its own forked JVM (the {@code constant-memory} failsafe execution
 * of sdk-images/pom.xml sets {@code -Xmx64m}).
 */
class DownloadConstantMemoryIT {
    private static final long GIB = 1024L * 1024 * 1024;
    private static final long SIZE = GIB + 12345;

    /** Deterministic pseudo-random bytes of a given length, hashed as they are produced. */
    static final class GeneratedStream extends InputStream {
        private final byte[] block = new byte[1024 * 1024];
        private final MessageDigest sha512;
        private final long size;
        private long position;

        GeneratedStream(long size) throws Exception {
            this.size = size;
            new Random(2026).nextBytes(block);
            this.sha512 = MessageDigest.getInstance("SHA-512");
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int offsetInBlock = (int) (position % block.length);
            int n = (int) Math.min(Math.min(len, block.length - offsetInBlock), size - position);
            byte salt = (byte) (position / block.length);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (block[offsetInBlock + i] ^ salt);
            }
            sha512.update(b, off, n);
            position += n;
            return n;
        }

        /** The SHA-512 of everything read so far (call once, at the end). */
        String sha512Hex() {
            return HexFormat.of().formatHex(sha512.digest());
        }
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    @Test
    void oneGibibyteUpAndDownWithTheHeapCappedAt64MiB() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("imagesdk.constantMemory"),
                "runs only in the forked 64 MiB JVM of the failsafe execution 'constant-memory'");
        assertThat(Runtime.getRuntime().maxMemory())
                .as("this IT must run with -Xmx64m (failsafe execution 'constant-memory')")
                .isLessThanOrEqualTo(64L * 1024 * 1024);
        // generous stall timeouts: the shared machine may be busy, and a stalled upload is not a memory question
        ServiceClient client = ServiceClient.builder().endpoint(RealGlance.endpoint())
                .auth(Auth.trustedHeaders(RealGlance.PROJECT_A, "user-a", "member", "reader"))
                .retryPolicy(RetryPolicy.none()).writeTimeout(Duration.ofMinutes(5)).readTimeout(Duration.ofMinutes(5)).build();
        Images images = Images.of(client);
        Image image = images.create(CreateOpts.builder().name("constant-memory-1gib").diskFormat(DiskFormat.RAW)
                .containerFormat(ContainerFormat.BARE).build());
        Path target = Files.createTempFile(Paths.get(System.getProperty("java.io.tmpdir")), "imagesdk-1gib-", ".raw");
        try {
            GeneratedStream source = new GeneratedStream(SIZE);
            long t0 = System.nanoTime();
            images.upload(image.id(), source, SIZE);
            long t1 = System.nanoTime();
            String uploadedSha512 = source.sha512Hex();
            DownloadResult result = images.download(image.id(), target);
            long t2 = System.nanoTime();

            assertThat(result.bytes()).isEqualTo(SIZE);
            assertThat(Files.size(target)).isEqualTo(SIZE);
            assertThat(result.verifiedAlgorithm()).contains("sha512");
            assertThat(result.digest()).contains(uploadedSha512);
            assertThat(images.get(image.id()).osHashValue()).isEqualTo(uploadedSha512);
            System.out.printf("constant memory (max heap %d MiB, peak heap used %d MiB): 1 GiB upload %.2f s (%.0f MB/s), "
                            + "verified download %.2f s (%.0f MB/s)%n",
                    Runtime.getRuntime().maxMemory() >> 20, peakHeapBytes() >> 20,
                    (t1 - t0) / 1e9, SIZE / ((t1 - t0) / 1e3), (t2 - t1) / 1e9, SIZE / ((t2 - t1) / 1e3));
        } finally {
            Files.deleteIfExists(target);
            images.delete(image.id());
            client.close();
        }
    }
}
