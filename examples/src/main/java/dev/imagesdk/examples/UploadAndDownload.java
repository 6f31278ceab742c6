package dev.imagesdk.examples;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.data.DownloadOpts;
import dev.imagesdk.images.data.DownloadResult;
import dev.imagesdk.images.data.TransferListener;
import dev.imagesdk.images.data.UploadOpts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Example: create an image, upload its data with progress, download it again with checksum
 * verification. Data is streamed both ways: memory use does not grow with the image size.
 *
 * <p>{@code java -cp examples/target/imagectl.jar dev.imagesdk.examples.UploadAndDownload}
 */
public final class UploadAndDownload {
    private UploadAndDownload() {
    }

    /** Runs the example on your cloud or an embedded emulator (see {@link Examples}). */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("imagesdk-example");
        try (Examples.Session session = Examples.session(System.out)) {
            run(session.client(), dir, 8 << 20, System.out);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The example, with {@code size} bytes of generated data in {@code dir}. */
    public static void run(ServiceClient client, Path dir, int size, PrintStream out) throws IOException {
        Images images = Images.of(client);

        // Some data to upload: a file of pseudo-random bytes.
        Path source = dir.resolve("disk.raw");
        try (OutputStream o = Files.newOutputStream(source)) {
            byte[] chunk = new byte[64 << 10];
            Random random = new Random(42);
            for (int written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                o.write(chunk, 0, Math.min(chunk.length, size - written));
            }
        }

        // 1. The image record comes first; it is 'queued' until data arrives.
        Image image = images.create(CreateOpts.builder().name("example-upload")
                .diskFormat(DiskFormat.RAW).containerFormat(ContainerFormat.BARE).build());
        out.println("Created image " + image.name() + ", status " + image.status().value());
        try {
            // 2. Upload, streamed from the file, reporting progress (here: every quarter).
            images.upload(image.id(), source, UploadOpts.builder().size(size).listener(quarters("upload", out)).build());
            Image uploaded = images.get(image.id());
            out.println("Uploaded: status " + uploaded.status().value() + ", size " + uploaded.size()
                    + ", " + uploaded.osHashAlgo() + " recorded by the server");

            // 3. Download: the bytes are checked against the image's recorded hash on the way; a mismatch
            //    throws ChecksumMismatchException and leaves no file behind.
            Path copy = dir.resolve("copy.raw");
            DownloadResult result = images.download(image.id(), copy,
                    DownloadOpts.builder().listener(quarters("download", out)).build());
            out.println("Downloaded " + result.bytes() + " bytes, verified with "
                    + result.verifiedAlgorithm().orElse("nothing"));
            out.println("Identical to the original: " + (Files.mismatch(source, copy) == -1));
        } finally {
            images.delete(image.id());
            out.println("Deleted the image.");
        }
    }

    /** Prints "upload 25%" ... "upload 100%" as a transfer passes each quarter. */
    private static TransferListener quarters(String what, PrintStream out) {
        return new TransferListener() {
            private long printed;

            @Override
            public void onProgress(long bytes, long total) {
                if (total <= 0) {
                    return;
                }
                long quarter = bytes * 4 / total;
                while (printed < quarter) {
                    printed++;
                    out.println("  " + what + " " + (printed * 25) + "%");
                }
            }
        };
    }
}
