package dev.imagesdk.links;

import dev.imagesdk.images.model.Visibility;

import java.util.List;
import java.util.Objects;

/**
 * What bringing one image's availability in line with its links changed in Glance: its visibility before and after
 * ({@code community} while it has a global link, else {@code shared}), and the member projects added and removed
 * (the projects of its organization and space links). Immutable.
 *
 * @param imageId the image
 * @param visibilityBefore the visibility found
 * @param visibilityAfter the visibility left (equal to {@code visibilityBefore} when unchanged)
 * @param membersAdded the projects made members (Glance: {@code pending} until the project accepts)
 * @param membersRemoved the member projects removed (no link grants them the image)
 */
public record AvailabilityChange(String imageId, Visibility visibilityBefore, Visibility visibilityAfter,
                                 List<String> membersAdded, List<String> membersRemoved) {
    /** Copies the lists. */
    public AvailabilityChange {
        Objects.requireNonNull(imageId, "imageId");
        membersAdded = List.copyOf(membersAdded);
        membersRemoved = List.copyOf(membersRemoved);
    }

    /** {@code true} when the visibility changed or a member was added or removed. */
    public boolean changed() {
        return !Objects.equals(visibilityBefore, visibilityAfter) || !membersAdded.isEmpty() || !membersRemoved.isEmpty();
    }
}
