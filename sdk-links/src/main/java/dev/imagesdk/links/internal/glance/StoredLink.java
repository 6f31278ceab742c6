package dev.imagesdk.links.internal.glance;

import java.util.List;

/**
 * One link as read from an image's properties, before it becomes an {@code ImageLink}.
 *
 * @param linkId {@code <image id>:<scope key>} (for a key that is not a scope key: {@code <image id>:<key suffix>})
 * @param imageId the image
 * @param imageOwner the image's owner project (Glance's {@code owner}), or {@code null}
 * @param scopeKnown {@code false} when the property key is not a scope key: then both slugs are {@code null} and
 *        the link must not be taken for a global one
 * @param orgSlug the organization, or {@code null}
 * @param spaceSlug the space, or {@code null}
 * @param priority the priority, or {@code null} when unreadable
 * @param spaceType the space type, or {@code null}
 * @param comment the comment, or {@code null}
 * @param revision the value's revision ({@code r=}), or {@code null}
 * @param problems what did not follow the encoding; empty for a well-formed link
 */
public record StoredLink(String linkId, String imageId, String imageOwner, boolean scopeKnown, String orgSlug,
                         String spaceSlug, Integer priority, String spaceType, String comment, String revision,
                         List<String> problems) {
    /** Copies the problem list. */
    public StoredLink {
        problems = List.copyOf(problems);
    }
}
