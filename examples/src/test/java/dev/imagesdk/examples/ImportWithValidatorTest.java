package dev.imagesdk.examples;

import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ImportWithValidatorTest {
    @TempDir
    Path dir;

    @Test
    void validatesUrlAndFileThenImports() throws Exception {
        try (ImageServiceEmulator emulator = ImageServiceEmulator.start()) {
            Captured c = new Captured();
            ImportWithValidator.run(emulator.client(Identity.member("p1")), dir, c.out);
            String[] lines = c.text().split("\n");
            assertThat(lines[0]).isEqualTo("URL bootable.raw: bootable raw disk");
            assertThat(lines[1]).startsWith("URL disk.qcow2: refused, ").contains("boot signature");
            assertThat(c.text()).contains("File disk.qcow2: ").contains("Staged; status uploading\n")
                    .contains("Imported: status active, size 1048576\n").endsWith("Deleted the image.\n");
            assertThat(emulator.imageCount()).isZero();
        }
    }
}
