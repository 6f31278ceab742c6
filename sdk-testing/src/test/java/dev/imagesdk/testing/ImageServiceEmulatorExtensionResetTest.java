package dev.imagesdk.testing;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.Images;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A registered, configured extension that forgets every image before each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageServiceEmulatorExtensionResetTest {
    @RegisterExtension
    static final ImageServiceEmulatorExtension EMULATOR =
            ImageServiceEmulatorExtension.with(ImageServiceEmulator.builder().importDelay(Duration.ZERO)).resetEachTest();

    @RepeatedTest(2)
    @Order(1)
    void everyTestStartsWithoutImages(ServiceClient client, ImageServiceEmulator emulator) {
        assertThat(emulator.imageCount()).isZero();

        Images.of(client).create(CreateOpts.builder().name("left-behind").build());

        assertThat(emulator.imageCount()).isEqualTo(1);
    }
}
