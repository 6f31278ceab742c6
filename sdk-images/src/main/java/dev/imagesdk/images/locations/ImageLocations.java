package dev.imagesdk.images.locations;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.internal.http.ApiFeature;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.Calls;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.internal.json.ImageJsonAdapter;
import dev.imagesdk.images.internal.json.UpdateOptsJson;
import dev.imagesdk.images.model.Image;

import java.util.List;

/**
 * An image's locations. Glance keeps an image's data at one or more locations, one per store; an
 * operator who sets {@code show_multiple_locations} shows them in {@link Image#locations()} and lets an
 * image's owner change them with {@link #add}, {@link #remove} and {@link #replace} (JSON patches on
 * {@code /locations}). With Glance's default configuration the server refuses each of these, and they
 * fail with {@link dev.imagesdk.core.error.UnsupportedFeatureException} (caused by the server's 403).
 *
 * <p>A project may add only locations of a store Glance can read them from for it: an {@code http(s)} URL
 * of Glance's read-only http store; Glance fetches the URL's size (400 "Invalid location" when it cannot)
 * and never deletes the data behind it.
 *
 * <p>API 2.17 (Glance 2025.1) adds {@link #create} and {@link #list} on {@code /v2/images/{id}/locations};
 * they fail before sending on an older server.
 */
public final class ImageLocations {
    private static final String HIDDEN = "if locations are invisible";

    private final ServiceClient client;

    private ImageLocations(ServiceClient client) {
        this.client = Arguments.notNull(client, "client");
    }

    /** The location operations of {@code client}. */
    public static ImageLocations of(ServiceClient client) {
        return new ImageLocations(client);
    }

    /**
     * {@code PATCH /v2/images/{id}} adding a location at the end: a queued image becomes {@code active}
     * with the location's size; an active image gains another copy. Returns the updated image.
     *
     * @throws dev.imagesdk.core.error.UnsupportedFeatureException when the server hides locations
     * @throws dev.imagesdk.core.error.BadRequestException "Invalid location": a scheme Glance refuses from
     *         users ({@code file}) or a URL it cannot read
     * @throws dev.imagesdk.core.error.ConflictException hashes that differ from the image's, or hashes for
     *         an image that is not {@code queued} and has none
     * @throws dev.imagesdk.core.error.ForbiddenException not the image's owner, or the location quota reached
     */
    public Image add(String imageId, LocationOpts location) {
        Arguments.uuid(imageId, "image id");
        Arguments.notNull(location, "location");
        return patch(imageId, LocationOptsJson.add(location));
    }

    /**
     * Removes the first location whose URL is {@code url} ({@code PATCH} {@code remove /locations/N}, N as
     * the image reads back now) and returns the updated image. The data behind the URL stays.
     *
     * @throws ValidationException when the image has no location with that URL (nothing is sent then)
     * @throws dev.imagesdk.core.error.ForbiddenException for the image's last location (Glance: "Cannot
     *         remove last location in the image.")
     * @throws dev.imagesdk.core.error.UnsupportedFeatureException when the server hides locations
     */
    public Image remove(String imageId, String url) {
        Arguments.uuid(imageId, "image id");
        LocationOpts.of(url); // the same checks as for adding it
        Image image = Images.of(client).get(imageId);
        int index = 0;
        if (image.locations().isPresent()) {
            List<Image.Location> locations = image.locations().get();
            index = -1;
            for (int i = 0; i < locations.size() && index < 0; i++) {
                if (url.equals(locations.get(i).url())) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new ValidationException("image " + imageId + " has no location " + url + " (it has "
                        + locations.size() + ")");
            }
        }
        // without "locations" in the image the server hides them: its refusal says so
        return patch(imageId, LocationOptsJson.remove(index));
    }

    /**
     * Sets all locations of an image that has none ({@code PATCH} {@code replace /locations}): a queued
     * image becomes {@code active}. Glance refuses to replace existing locations (400 "Original locations
     * is not empty") and an empty list (403 "Cannot set locations to empty list.").
     *
     * @throws ValidationException for an empty list (nothing is sent)
     * @throws dev.imagesdk.core.error.UnsupportedFeatureException when the server hides locations
     */
    public Image replace(String imageId, List<LocationOpts> locations) {
        Arguments.uuid(imageId, "image id");
        Arguments.notNull(locations, "locations");
        if (locations.isEmpty()) {
            throw new ValidationException("an image's locations cannot be set to none; delete the image instead");
        }
        for (LocationOpts l : locations) {
            Arguments.notNull(l, "location");
        }
        return patch(imageId, LocationOptsJson.replace(List.copyOf(locations)));
    }

    /**
     * {@code POST /v2/images/{id}/locations} (202, API 2.17): attaches the data at an http(s) URL to a
     * {@code queued} image. Glance then makes the image {@code active} in a task (wait with
     * {@link Images#waitFor}) and afterwards, in the background, reads the data to record its hashes
     * ({@code do_secure_hash}, on by default): {@code os_hash_value} and {@code checksum} appear some time
     * after the image became active. Metadata is not sent: this API takes none.
     *
     * @throws dev.imagesdk.core.error.ConflictException when the image is not {@code queued}
     * @throws dev.imagesdk.core.error.BadRequestException a URL Glance's import filter refuses
     * @throws dev.imagesdk.core.error.UnsupportedFeatureException before sending on a server older than
     *         2.17, or when the server has no http store (then only services may add locations)
     */
    public void create(String imageId, LocationOpts location) {
        Arguments.uuid(imageId, "image id");
        Arguments.notNull(location, "location");
        if (!location.metadata().isEmpty()) {
            throw new ValidationException("the locations API (2.17) takes no metadata; use add() for that");
        }
        Calls.of(client).executeNoContent(ApiRequest.post("images", imageId, "locations")
                .jsonBody(LocationOptsJson.create(location))
                .requires(ApiFeature.LOCATIONS_API)
                .switchedOffWhen(ApiFeature.LOCATIONS_API, 403, "http store must be enabled")
                .build());
    }

    /**
     * {@code GET /v2/images/{id}/locations} (API 2.17): the image's locations. Glance's default policy
     * allows it to services only (the {@code service} role); others get 403.
     *
     * @throws dev.imagesdk.core.error.ForbiddenException without the {@code service} role
     */
    public List<Image.Location> list(String imageId) {
        Arguments.uuid(imageId, "image id");
        return Calls.of(client).executeJson(ApiRequest.get("images", imageId, "locations")
                .requires(ApiFeature.LOCATIONS_API).build(), ImageJsonAdapter::readLocationList);
    }

    private Image patch(String imageId, String body) {
        ApiRequest request = ApiRequest.patch("images", imageId).jsonBody(body, UpdateOptsJson.MEDIA_TYPE)
                .switchedOffWhen(ApiFeature.LOCATIONS, 403, HIDDEN)
                .build();
        return Calls.of(client).executeJson(request, ImageJsonAdapter::readSingle);
    }
}
