package dev.imagesdk.images.locations;

import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.UnsupportedFeatureException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.images.MockGlance;
import dev.imagesdk.images.model.Image;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The location operations' requests, and Glance's answers as observed on 25.1 and 30.0. */
class ImageLocationsTest {
    private static final String ID = "e8ce70f5-c189-4738-8567-bc664824579f";
    private static final String PATCH_TYPE = "application/openstack-images-v2.1-json-patch";
    private final MockGlance glance = new MockGlance();
    private final ImageLocations locations = ImageLocations.of(glance.client);

    @AfterEach
    void close() {
        glance.close();
    }

    private static String image(String locationsJson) {
        return "{\"id\": \"" + ID + "\", \"name\": \"x\", \"status\": \"active\", \"size\": 3000"
                + (locationsJson == null ? "" : ", \"locations\": " + locationsJson) + "}";
    }

    @Test
    void addSendsOnePatchAppendingTheLocationWithMetadataAndHashes() {
        glance.json(200, image("[{\"url\": \"http://h/a.img\", \"metadata\": {\"store\": \"web\"}}]"));

        Image after = locations.add(ID, LocationOpts.builder().url("http://h/a.img").metadata("k", 1)
                .hash("SHA512", "AB".repeat(64)).checksum("cd".repeat(16)).build());

        RecordedRequest patch = glance.take();
        assertThat(patch.getMethod() + " " + patch.getUrl().encodedPath()).isEqualTo("PATCH /v2/images/" + ID);
        assertThat(patch.getHeaders().get("Content-Type")).startsWith(PATCH_TYPE);
        assertThat(MockGlance.body(patch)).isEqualTo("[{\"op\":\"add\",\"path\":\"/locations/-\",\"value\":"
                + "{\"url\":\"http://h/a.img\",\"metadata\":{\"k\":1},\"validation_data\":{\"checksum\":\""
                + "cd".repeat(16) + "\",\"os_hash_algo\":\"sha512\",\"os_hash_value\":\"" + "ab".repeat(64) + "\"}}}]");
        assertThat(after.locations()).contains(List.of(new Image.Location("http://h/a.img", Map.of("store", "web"))));
    }

    @Test
    void removeFindsTheIndexOfTheUrlInTheImageAsStored() {
        glance.json(200, image("[{\"url\": \"http://h/a.img\", \"metadata\": {}},"
                + " {\"url\": \"http://h/b.img\", \"metadata\": {}}]")).json(200, image("[]"));

        locations.remove(ID, "http://h/b.img");

        assertThat(glance.take().getMethod()).isEqualTo("GET");
        assertThat(MockGlance.body(glance.take())).isEqualTo("[{\"op\":\"remove\",\"path\":\"/locations/1\"}]");
    }

    @Test
    void removingAUrlTheImageDoesNotHaveSendsNoPatch() {
        glance.json(200, image("[{\"url\": \"http://h/a.img\", \"metadata\": {}}]"));

        assertThatThrownBy(() -> locations.remove(ID, "http://h/b.img")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("has no location http://h/b.img");
        assertThat(glance.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void glancesRefusalWhileItHidesLocationsIsAnUnsupportedFeature() {
        glance.error(403, "Forbidden", "It's not allowed to add locations if locations are invisible.");

        assertThatThrownBy(() -> locations.add(ID, LocationOpts.of("http://h/a.img")))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                    assertThat(e.feature()).isEqualTo("image locations (show_multiple_locations)");
                    assertThat(e.getMessage()).contains("It's not allowed to add locations if locations are invisible.");
                    assertThat(e.getCause()).isInstanceOf(ForbiddenException.class);
                    assertThat(e.requestId()).isPresent();
                });
    }

    @Test
    void anotherForbiddenStaysForbidden() {
        glance.error(403, "Forbidden", "Cannot remove last location in the image.");

        assertThatThrownBy(() -> locations.replace(ID, List.of(LocationOpts.of("http://h/a.img"))))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theLocationsApiSendsUrlAndHashesOnlyAndIsGatedTo217() {
        glance.json(300, "{\"versions\": [{\"id\": \"v2.17\", \"status\": \"CURRENT\"}, "
                + "{\"id\": \"v2.16\", \"status\": \"SUPPORTED\"}]}").empty(202)
                .json(200, "[{\"url\": \"http://h/a.img\", \"metadata\": {\"store\": \"web\"}}]");

        locations.create(ID, LocationOpts.builder().url("http://h/a.img").hash("sha256", "01".repeat(32)).build());
        List<Image.Location> listed = locations.list(ID);

        glance.take();
        RecordedRequest post = glance.take();
        assertThat(post.getMethod() + " " + post.getUrl().encodedPath()).isEqualTo("POST /v2/images/" + ID + "/locations");
        assertThat(MockGlance.body(post)).isEqualTo("{\"url\":\"http://h/a.img\",\"validation_data\":"
                + "{\"os_hash_algo\":\"sha256\",\"os_hash_value\":\"" + "01".repeat(32) + "\"}}");
        assertThat(glance.take().getUrl().encodedPath()).isEqualTo("/v2/images/" + ID + "/locations");
        assertThat(listed).containsExactly(new Image.Location("http://h/a.img", Map.of("store", "web")));
    }

    @Test
    void onA216ServerTheLocationsApiIsNotSent() {
        glance.versions();

        assertThatThrownBy(() -> locations.create(ID, LocationOpts.of("http://h/a.img")))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class,
                        e -> assertThat(e.requiredVersion()).isEqualTo("2.17"));
        assertThatThrownBy(() -> locations.list(ID)).isInstanceOf(UnsupportedFeatureException.class);
        assertThat(glance.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anAnswerThatIsNoListOfLocationsIsAFormatError() {
        glance.json(300, "{\"versions\": [{\"id\": \"v2.17\", \"status\": \"CURRENT\"}]}").json(200, "{\"url\": 1}");

        assertThatThrownBy(() -> locations.list(ID)).isInstanceOf(dev.imagesdk.core.error.ResponseFormatException.class);
    }
}
