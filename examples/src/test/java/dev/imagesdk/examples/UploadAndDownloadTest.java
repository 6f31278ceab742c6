package dev.imagesdk.examples;

import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class UploadAndDownloadTest {
    @TempDir
    Path dir;

    @Test
    void uploadsWithProgressAndDownloadsVerified() throws Exception {
        try (ImageServiceEmulator emulator = ImageServiceEmulator.start()) {
            Captured c = new Captured();
            UploadAndDownload.run(emulator.client(Identity.member("p1")), dir, 3 << 20, c.out);
            assertThat(c.text()).isEqualTo(String.join("\n",
                    "Created image example-upload, status queued",
                    "  upload 25%",
                    "  upload 50%",
                    "  upload 75%",
                    "  upload 100%",
                    "Uploaded: status active, size 3145728, sha512 recorded by the server",
                    "  download 25%",
                    "  download 50%",
                    "  download 75%",
                    "  download 100%",
                    "Downloaded 3145728 bytes, verified with sha512",
                    "Identical to the original: true",
                    "Deleted the image.",
                    ""));
            assertThat(emulator.imageCount()).isZero();
        }
    }
}
