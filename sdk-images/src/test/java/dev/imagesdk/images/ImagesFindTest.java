package dev.imagesdk.images;

import dev.imagesdk.images.model.Image;

import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.ValidationException;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ImagesFindTest {
    private static final String ID = "b8fd9546-45a4-476f-93df-a13b5f7c2269";
    private static final String OTHER = "{\"id\": \"0d5a1f7e-1111-4222-8333-944444444444\", \"name\": \"alpha\", "
            + "\"status\": \"queued\", \"os_hidden\": true}";
    private final MockGlance glance = new MockGlance();
    private final Images images = glance.images();

    @AfterEach
    void close() {
        glance.close();
    }

    @Test
    void aUuidIsLookedUpAsAnId() {
        glance.json(200, MockGlance.ACTIVE_IMAGE);
        assertThat(images.find(ID).name()).isEqualTo("alpha");
        assertThat(glance.take().getUrl().encodedPath()).isEqualTo("/v2/images/" + ID);
    }

    @Test
    void aNameIsListedWithEveryVisibilityAndAlsoAmongHiddenImages() {
        glance.json(200, "{\"images\": [" + MockGlance.ACTIVE_IMAGE + "]}");
        glance.json(200, "{\"images\": []}");

        assertThat(images.find("alpha").id()).isEqualTo(ID);

        RecordedRequest first = glance.take();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/v2/images");
        assertThat(first.getUrl().queryParameter("name")).isEqualTo("alpha");
        assertThat(first.getUrl().queryParameter("visibility")).isEqualTo("all");
        assertThat(first.getUrl().queryParameter("os_hidden")).isNull();
        RecordedRequest second = glance.take();
        assertThat(second.getUrl().queryParameter("name")).isEqualTo("alpha");
        assertThat(second.getUrl().queryParameter("visibility")).isEqualTo("all");
        assertThat(second.getUrl().queryParameter("os_hidden")).isEqualTo("true");
    }

    @Test
    void aHiddenImageIsFoundByName() {
        glance.json(200, "{\"images\": []}");
        glance.json(200, "{\"images\": [" + OTHER + "]}");
        assertThat(images.find("alpha").id()).isEqualTo("0d5a1f7e-1111-4222-8333-944444444444");
    }

    @Test
    void noMatchIsNotFound() {
        glance.json(200, "{\"images\": []}");
        glance.json(200, "{\"images\": []}");
        assertThatThrownBy(() -> images.find("nothing")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no image named \"nothing\"");
    }

    @Test
    void severalMatchesAreAnErrorListingTheCandidates() {
        glance.json(200, "{\"images\": [" + MockGlance.ACTIVE_IMAGE + "]}");
        glance.json(200, "{\"images\": [" + OTHER + "]}");
        AmbiguousNameException e = catchThrowableOfType(AmbiguousNameException.class, () -> images.find("alpha"));
        assertThat(e.name()).isEqualTo("alpha");
        assertThat(e.candidates()).extracting(Image::id).containsExactly(ID, "0d5a1f7e-1111-4222-8333-944444444444");
        assertThat(e).hasMessage("2 images are named \"alpha\": " + ID + ", 0d5a1f7e-1111-4222-8333-944444444444");
    }

    @Test
    void aBlankNameIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> images.find(" ")).isInstanceOf(ValidationException.class);
        assertThat(glance.server.getRequestCount()).isZero();
    }
}
