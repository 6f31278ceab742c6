package dev.imagesdk.testing.emulator.links;

import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.emulator.store.LinkRecord;

/**
 * Seed 000's scope rules: a global link (no organization, no space) is for every authenticated user;
 * an organization link for users with an active role in that organization; a space link for users
 * with an active role in that space.
 */
final class LinkScopes {
    private LinkScopes() {
    }

    static boolean grants(Identity who, LinkRecord link) {
        if (link.spaceSlug != null) {
            return who.activeSpaces().contains(link.orgSlug + "/" + link.spaceSlug);
        }
        if (link.orgSlug != null) {
            return who.activeOrganizations().contains(link.orgSlug);
        }
        return true;
    }
}
