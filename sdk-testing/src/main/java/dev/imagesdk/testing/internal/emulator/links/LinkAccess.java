package dev.imagesdk.testing.internal.emulator.links;

import dev.imagesdk.links.ImageLink;
import dev.imagesdk.links.access.CallerRoles;
import dev.imagesdk.links.ScopeRules;
import dev.imagesdk.testing.internal.emulator.http.Caller;
import dev.imagesdk.testing.internal.emulator.glance.Policy;
import dev.imagesdk.testing.internal.emulator.store.ImageRecord;
import dev.imagesdk.testing.internal.emulator.store.LinkRecord;

/**
 * Who sees which link, decided by sdk-links' own {@link ScopeRules} (the rules every implementation of
 * the contract shares): the scope rules for availability, plus the owner project of the image and
 * administrators for management.
 */
final class LinkAccess {
    private LinkAccess() {
    }

    static CallerRoles roles(Caller who) {
        CallerRoles.Builder b = CallerRoles.builder();
        for (Caller.Grant g : who.organizationRoles()) {
            if (g.active()) {
                b.orgRole(g.organization(), "member");
            } else {
                b.inactiveOrgRole(g.organization(), "member");
            }
        }
        for (Caller.Grant g : who.spaceRoles()) {
            if (g.active()) {
                b.spaceRole(g.organization(), g.space(), "member");
            } else {
                b.inactiveSpaceRole(g.organization(), g.space(), "member");
            }
        }
        return b.build();
    }

    static ImageLink model(LinkRecord l) {
        return ImageLink.builder().linkId(l.linkId).imageId(l.imageId).orgSlug(l.orgSlug).spaceSlug(l.spaceSlug)
                .priority(l.priority).spaceType(l.spaceType).comment(l.comment).build();
    }

    static boolean manages(Caller who, ImageRecord image) {
        return image != null && (who.isAdmin() || Policy.owns(who, image));
    }

    /** Whether {@code who} gets {@code link} in listings and by id. */
    static boolean listed(Caller who, CallerRoles roles, LinkRecord link, ImageRecord image) {
        return ScopeRules.listedFor(model(link), roles, manages(who, image));
    }
}
