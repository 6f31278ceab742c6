package dev.imagesdk.examples;

import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShareImageTest {
    @Test
    void sharesAndTheOtherProjectAccepts() {
        try (ImageServiceEmulator emulator = ImageServiceEmulator.start()) {
            Captured c = new Captured();
            ShareImage.run(emulator.client(Identity.member("owner")), emulator.client(Identity.member("other")),
                    "other", c.out);
            assertThat(c.text()).isEqualTo(String.join("\n",
                    "Owner created private image example-golden",
                    "Other project cannot see it yet (404)",
                    "Offered to other: pending; visibility now shared",
                    "Pending offers seen by the other project: 1",
                    "In its default list before accepting: false",
                    "Other project answered: accepted",
                    "In its default list after accepting: true",
                    "Owner removed the member; other project sees it: false",
                    "Deleted the image.",
                    ""));
            assertThat(emulator.imageCount()).isZero();
        }
    }
}
