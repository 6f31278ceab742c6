package dev.imagesdk.examples;

import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishWithLinksTest {
    @Test
    void publishesToASpaceAndEachCallerSeesTheLinksThatApply() {
        try (ImageServiceEmulator emulator = ImageServiceEmulator.start()) {
            Captured c = new Captured();
            PublishWithLinks.run(
                    emulator.client(Identity.builder().project("publisher").organization("acme").space("acme", "ml-lab").build()),
                    emulator.client(Identity.builder().project("lab").space("acme", "ml-lab").build()),
                    emulator.client(Identity.builder().project("elsewhere").organization("globex").build()),
                    c.out);
            assertThat(c.text()).isEqualTo(String.join("\n",
                    "Published jupyter-ml with 1 link: space:acme/ml-lab",
                    "Added org:acme link, priority 10",
                    "Lab member sees 1 link(s) of the image",
                    "Outsider sees 0 link(s) of the image",
                    "Publisher's view, all 2 link(s) of the image:",
                    "  org:acme, priority 10 (for everyone in acme)",
                    "  space:acme/ml-lab, priority 0",
                    "Deleted the links and the image.",
                    ""));
            assertThat(emulator.imageCount()).isZero();
        }
    }
}
