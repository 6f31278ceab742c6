package com.example;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.testing.ImageServiceEmulator;
import dev.imagesdk.testing.ImageServiceEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A consumer's test, built against the installed SDK artifacts with the README's pom
 * (scripts/consumer-check.sh): it must run (the pom's failIfNoTests fails a build that ran none).
 */
@ExtendWith(ImageServiceEmulatorExtension.class)
class ImageServiceTest {
    @Test
    void createsAndFindsAnImage(ServiceClient client, ImageServiceEmulator emulator) {
        Images images = Images.of(client);
        Image created = images.create(CreateOpts.builder().name("consumer-check").diskFormat(DiskFormat.QCOW2).build());
        assertEquals(ImageStatus.QUEUED, images.get(created.id()).status());
        assertEquals(created.id(), images.find("consumer-check").id());
    }
}
