package dev.imagesdk.testing.contract;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.BadRequestException;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.PayloadTooLargeException;
import dev.imagesdk.core.error.UnsupportedFeatureException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.locations.ImageLocations;
import dev.imagesdk.images.locations.LocationOpts;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ImageLocations} on a server that shows image locations ({@code show_multiple_locations = true},
 * Glance's read-only http store "web", {@code image_location_quota = 2}): the real Glance that
 * {@code scripts/it-env.sh} starts as its limits Glance (and {@code scripts/test-all.sh} as Glance 30.0),
 * and the emulator configured alike. The location data comes from {@link LocationData}'s loopback server.
 * Expected states, sizes and messages were observed on Glance 25.1 and 30.0; each test acts as a fresh project.
 */
public interface ImageLocationsContract extends LocationsTarget {
    private ServiceClient caller(String project, String... roles) {
        return ServiceClient.builder().endpoint(locationsEndpoint()).retryPolicy(RetryPolicy.none()).build()
                .withAuth(Auth.trustedHeaders(project, "locations-user", roles));
    }

    private ServiceClient member(String project) {
        return caller(project, "member", "reader");
    }

    private static String project() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static Image queued(ServiceClient who, String name) {
        return Images.of(who).create(CreateOpts.builder().name(name).diskFormat(DiskFormat.RAW)
                .containerFormat(ContainerFormat.BARE).build());
    }

    private static Map<String, Object> web() {
        return Map.of("store", "web");
    }

    @Test
    default void addingAnHttpLocationMakesAQueuedImageActiveWithItsSizeAndServesItsData() {
        ServiceClient c = member(project());
        Image image = queued(c, "located");

        Image after = ImageLocations.of(c).add(image.id(), LocationOpts.of(LocationData.a()));

        assertThat(after.status()).isEqualTo(ImageStatus.ACTIVE);
        assertThat(after.size()).isEqualTo(3000L);
        assertThat(after.locations()).contains(List.of(new Image.Location(LocationData.a(), web())));
        assertThat(after.stores()).containsExactly("web");
        // Glance reads nothing to add an http location: no hashes unless the caller gives them
        assertThat(after.osHashValue()).isNull();
        assertThat(Images.of(c).get(image.id()).locations()).contains(List.of(new Image.Location(LocationData.a(), web())));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Images.of(c).download(image.id(), out);
        assertThat(out.toByteArray()).isEqualTo(LocationData.A);
    }

    @Test
    default void aSecondLocationIsAddedAndRemovedByUrlButNotTheLastOne() {
        ServiceClient c = member(project());
        ImageLocations locations = ImageLocations.of(c);
        String id = queued(c, "two-locations").id();
        locations.add(id, LocationOpts.of(LocationData.a()));

        Image two = locations.add(id, LocationOpts.builder().url(LocationData.b()).metadata("purpose", "copy").build());
        // an active image just gains a location: Glance keeps the size it has and compares nothing
        assertThat(two.size()).isEqualTo(3000L);
        assertThat(two.locations().orElseThrow()).containsExactly(new Image.Location(LocationData.a(), web()),
                new Image.Location(LocationData.b(), Map.of("purpose", "copy", "store", "web")));
        assertThat(two.stores()).containsExactly("web", "web");

        Image one = locations.remove(id, LocationData.a());
        assertThat(one.locations().orElseThrow()).extracting(Image.Location::url).containsExactly(LocationData.b());

        assertThatThrownBy(() -> locations.remove(id, LocationData.a())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("has no location " + LocationData.a());
        assertThatThrownBy(() -> locations.remove(id, LocationData.b())).isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(((ForbiddenException) e).serverMessage())
                        .hasValue("Access was denied to this resource. Cannot remove last location in the image."));
        assertThat(Images.of(c).get(id).locations().orElseThrow()).hasSize(1);
    }

    @Test
    default void replaceSetsTheLocationsOfAnImageThatHasNone() {
        ServiceClient c = member(project());
        ImageLocations locations = ImageLocations.of(c);
        String id = queued(c, "replaced").id();

        Image after = locations.replace(id, List.of(LocationOpts.of(LocationData.a()), LocationOpts.of(LocationData.b())));

        assertThat(after.status()).isEqualTo(ImageStatus.ACTIVE);
        assertThat(after.locations().orElseThrow()).extracting(Image.Location::url)
                .containsExactly(LocationData.a(), LocationData.b());
        assertThatThrownBy(() -> locations.replace(id, List.of(LocationOpts.of(LocationData.a()))))
                .isInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).serverMessage().orElseThrow())
                        .startsWith("Original locations is not empty: "));
        assertThatThrownBy(() -> locations.replace(id, List.of())).isInstanceOf(ValidationException.class);
    }

    @Test
    default void theLocationQuotaAndUnreadableLocationsAreRefused() {
        ServiceClient c = member(project());
        ImageLocations locations = ImageLocations.of(c);
        String id = queued(c, "quota").id();
        assertThatThrownBy(() -> locations.add(id, LocationOpts.of(LocationData.missing())))
                .isInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).serverMessage()).hasValue("Invalid location"));
        assertThatThrownBy(() -> locations.add(id, LocationOpts.of("file:///etc/hostname")))
                .isInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).serverMessage()).hasValue("Invalid location"));
        assertThat(Images.of(c).get(id).status()).isEqualTo(ImageStatus.QUEUED);

        locations.add(id, LocationOpts.of(LocationData.a()));
        // the same URL with the same metadata again is refused (with other metadata it is added)
        assertThatThrownBy(() -> locations.add(id, LocationOpts.of(LocationData.a())))
                .isInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).serverMessage())
                        .hasValue("The location " + LocationData.a() + " already exists"));
        locations.add(id, LocationOpts.of(LocationData.c()));
        assertThatThrownBy(() -> locations.add(id, LocationOpts.of(LocationData.b())))
                .isInstanceOf(PayloadTooLargeException.class)
                .satisfies(e -> assertThat(((PayloadTooLargeException) e).serverMessage().orElseThrow()).contains(
                        "The limit has been exceeded on the number of allowed image locations. Attempted: 3, Maximum: 2"));
        assertThat(Images.of(c).get(id).locations().orElseThrow()).hasSize(2);
    }

    @Test
    default void hashesGivenWithALocationAreRecordedAsTheImagesWithoutBeingChecked() {
        ServiceClient c = member(project());
        String id = queued(c, "trusted-hashes").id();
        // the sha512 and md5 of LocationData.B, not of A: Glance records what it is told
        String sha512OfB = LocationData.SHA512_OF_B;
        Image after = ImageLocations.of(c).add(id, LocationOpts.builder().url(LocationData.a())
                .hash("sha512", sha512OfB).checksum("0123456789abcdef0123456789abcdef").build());
        assertThat(after.osHashAlgo()).isEqualTo("sha512");
        assertThat(after.osHashValue()).isEqualTo(sha512OfB);
        assertThat(after.checksum()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(after.size()).isEqualTo(3000L);
    }

    @Test
    default void badLocationOptionsFailBeforeAnyRequest() {
        assertThatThrownBy(() -> LocationOpts.of("not a url")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LocationOpts.of("/relative/path")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LocationOpts.builder().url(LocationData.a()).hash("sha512", "abc"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LocationOpts.builder().url(LocationData.a()).hash("sha512", "ab"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("128 hex digits");
        assertThatThrownBy(() -> LocationOpts.builder().url(LocationData.a()).checksum("00ff"))
                .isInstanceOf(ValidationException.class);
        ImageLocations locations = ImageLocations.of(member(project()));
        assertThatThrownBy(() -> locations.create(UUID.randomUUID().toString(),
                LocationOpts.builder().url(LocationData.a()).metadata("k", "v").build()))
                .isInstanceOf(ValidationException.class);
    }

    /** API 2.17: Glance 30.0 serves the locations API; on 25.1 (and the emulator) it fails before sending. */
    @Test
    default void theLocationsApiOfApi217() throws Exception {
        String project = project();
        ServiceClient c = member(project);
        ImageLocations locations = ImageLocations.of(c);
        String id = queued(c, "located-2.17").id();
        if (!locationsRelease().currentApiVersion().equals("2.17")) {
            assertThatThrownBy(() -> locations.create(id, LocationOpts.of(LocationData.a())))
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .satisfies(e -> assertThat(((UnsupportedFeatureException) e).requiredVersion()).isEqualTo("2.17"));
            assertThatThrownBy(() -> locations.list(id)).isInstanceOf(UnsupportedFeatureException.class);
            assertThat(Images.of(c).get(id).status()).isEqualTo(ImageStatus.QUEUED);
            return;
        }
        locations.create(id, LocationOpts.of(LocationData.b()));
        Image active = Images.of(c).waitFor(id, ImageStatus.ACTIVE, Duration.ofSeconds(60));
        assertThat(active.size()).isEqualTo(5000L);
        // the image is active first; Glance then reads the data in the background (do_secure_hash) and
        // records its hashes (written out here: sha512 and md5 of B)
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (active.osHashValue() == null && System.nanoTime() < until) {
            Thread.sleep(200);
            active = Images.of(c).get(id);
        }
        assertThat(active.osHashValue()).isEqualTo(LocationData.SHA512_OF_B);
        assertThat(active.checksum()).isEqualTo(LocationData.MD5_OF_B);
        assertThatThrownBy(() -> locations.create(id, LocationOpts.of(LocationData.a())))
                .isInstanceOf(dev.imagesdk.core.error.ConflictException.class)
                .satisfies(e -> assertThat(((dev.imagesdk.core.error.ConflictException) e).serverMessage())
                        .contains("It's not allowed to add locations if image status is active."));
        assertThatThrownBy(() -> locations.list(id)).isInstanceOf(ForbiddenException.class);
        assertThat(ImageLocations.of(caller(project, "service")).list(id))
                .containsExactly(new Image.Location(LocationData.b(), web()));
    }
}
