package dev.imagesdk.testing;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.ListOpts;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The JUnit 5 extension injects one running emulator per class and a client of the default project. */
@ExtendWith(ImageServiceEmulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageServiceEmulatorExtensionTest {
    private static ImageServiceEmulator first;
    private final ImageServiceEmulator injectedInConstructor;

    ImageServiceEmulatorExtensionTest(ImageServiceEmulator emulator) {
        this.injectedInConstructor = emulator;
    }

    @Test
    @Order(1)
    void injectsAClientOfTheDefaultProject(ServiceClient client, ImageServiceEmulator emulator) {
        first = emulator;
        Image image = Images.of(client).create(CreateOpts.builder().name("from-extension").build());

        assertThat(image.owner()).isEqualTo(ImageServiceEmulatorExtension.DEFAULT_PROJECT);
        assertThat(client.endpoint().toString()).startsWith(emulator.endpoint().toString());
        assertThat(injectedInConstructor).isSameAs(emulator);
    }

    @Test
    @Order(2)
    void theSameEmulatorServesTheWholeClass(ServiceClient client, ImageServiceEmulator emulator) {
        assertThat(emulator).isSameAs(first);
        assertThat(Images.of(client).list(ListOpts.builder().name("from-extension").build()).stream())
                .extracting(Image::name).containsExactly("from-extension");
    }
}
