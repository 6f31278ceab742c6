package dev.imagesdk.examples;

import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageThroughImagesTest {
    @Test
    void pagesLazilyAndStopsEarly() {
        try (ImageServiceEmulator emulator = ImageServiceEmulator.start()) {
            Captured c = new Captured();
            PageThroughImages.run(emulator.client(Identity.member("p1")), c.out, 120, 25);
            String text = c.text();
            assertThat(text).contains("Created 120 images tagged paging-example-")
                    .contains("Iterated over 120 images.\n")
                    .contains("Page 1: 25 images\nPage 2: 25 images\n")
                    .contains("Fetched 5 pages of up to 25.\n")
                    .contains("First five (one request): 5 names\n")
                    .endsWith("Deleted the 120 example images.\n");
            assertThat(emulator.imageCount()).isZero();
        }
    }

    @Test
    void stoppingEarlyFetchesOnlyTheFirstPage() {
        try (ImageServiceEmulator emulator = ImageServiceEmulator.start()) {
            var client = emulator.client(Identity.member("p2"));
            var images = dev.imagesdk.images.Images.of(client);
            for (int i = 0; i < 12; i++) {
                images.create(dev.imagesdk.images.model.CreateOpts.builder().name("n" + i).build());
            }
            long before = emulator.requestCount();
            long names = images.list(dev.imagesdk.images.model.ListOpts.builder().limit(5).build()).stream().limit(5).count();
            assertThat(names).isEqualTo(5);
            assertThat(emulator.requestCount() - before).isEqualTo(1);
        }
    }
}
