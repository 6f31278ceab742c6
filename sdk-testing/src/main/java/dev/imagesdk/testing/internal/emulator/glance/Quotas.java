package dev.imagesdk.testing.internal.emulator.glance;

import dev.imagesdk.testing.internal.emulator.http.GlanceError;

/**
 * Glance's configurable limits ({@code image_property_quota}, {@code image_tag_quota},
 * {@code image_member_quota}, {@code image_size_cap}, {@code user_storage_quota},
 * {@code image_location_quota}), with Glance's
 * defaults and its 413 messages. A negative count limit means unlimited (as in Glance); a storage
 * quota of 0 means none.
 */
public record Quotas(int imageProperties, int imageTags, int imageMembers, long imageSizeCap, long userStorage,
                     int imageLocations) {
    /**
     * Glance 25's defaults: 128 properties, 128 tags, 128 members, 1 TiB per image, no storage quota, 10
     * locations per image.
     */
    public static Quotas defaults() {
        return new Quotas(128, 128, 128, 1L << 40, 0, 10);
    }

    private static String exceeded(String what, long attempted, long maximum) {
        return "The limit has been exceeded on the number of allowed image " + what + ". Attempted: " + attempted
                + ", Maximum: " + maximum;
    }

    /** 413 when {@code attempted} custom properties (reserved {@code os_glance_*} ones not counted) are too many. */
    void checkProperties(long attempted) {
        if (imageProperties >= 0 && attempted > imageProperties) {
            throw GlanceError.of(413, exceeded("properties", attempted, imageProperties));
        }
    }

    /** 413 for too many tags set at once (create or patch). */
    void checkTags(long attempted) {
        if (imageTags >= 0 && attempted > imageTags) {
            throw GlanceError.of(413, exceeded("tags", attempted, imageTags));
        }
    }

    /** 413 for one tag too many added through {@code PUT /tags/{tag}}, worded as that endpoint does. */
    void checkAddedTag(String imageId, long attempted) {
        if (imageTags >= 0 && attempted > imageTags) {
            throw GlanceError.of(413, "Image tag limit exceeded for image " + imageId + ": "
                    + exceeded("tags", attempted, imageTags) + ":");
        }
    }

    /** 413 when an image would have {@code attempted} locations, more than {@code image_location_quota}. */
    void checkLocations(long attempted) {
        if (imageLocations >= 0 && attempted > imageLocations) {
            throw GlanceError.of(413, exceeded("locations", attempted, imageLocations));
        }
    }

    /** 413 for one member too many. */
    void checkMembers(String imageId, long attempted) {
        if (imageMembers >= 0 && attempted > imageMembers) {
            throw GlanceError.of(413, "Image member limit exceeded for image " + imageId + ": "
                    + "The limit has been exceeded on the number of allowed image members for this image. "
                    + "Attempted: " + attempted + ", Maximum: " + imageMembers + ":");
        }
    }

    /** The error for data beyond {@code image_size_cap}. */
    static GlanceError tooLarge() {
        return GlanceError.of(413, "The incoming image is too large: The provided image is too large.");
    }

    /** The error for data beyond the user's storage quota ({@code size} = declared size or {@code null}). */
    static GlanceError storageFull(Long size, long remaining) {
        if (size == null && remaining > 0) {
            // Glance's limiting reader raises the exception without arguments: the template stays unformatted
            return GlanceError.of(413, "Image exceeds the storage quota: The size of the data %(image_size)s will "
                    + "exceed the limit. %(remaining)s bytes remaining.");
        }
        return GlanceError.of(413, "Image exceeds the storage quota: The size of the data "
                + (size == null ? "None" : size) + " will exceed the limit. " + remaining + " bytes remaining.");
    }
}
