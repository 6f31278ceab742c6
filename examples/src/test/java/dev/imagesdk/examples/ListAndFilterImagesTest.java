package dev.imagesdk.examples;

import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListAndFilterImagesTest {
    @Test
    void listsFiltersAndCleansUp() {
        try (ImageServiceEmulator emulator = ImageServiceEmulator.start()) {
            Captured c = new Captured();
            ListAndFilterImages.run(emulator.client(Identity.member("p1")), c.out);
            assertThat(c.text()).isEqualTo(String.join("\n",
                    "Images tagged example-web, by name:",
                    "  example-web-1  queued",
                    "  example-web-2  queued",
                    "Images with os_distro=debian:",
                    "  example-db  qcow2",
                    "Images named example-web-2 or example-db, by name descending:",
                    "  example-web-2",
                    "  example-db",
                    "Deleted the 3 example images.",
                    ""));
            assertThat(emulator.imageCount()).isZero();
        }
    }
}
