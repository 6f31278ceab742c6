package dev.imagesdk.testing.internal.emulator.glance;

import dev.imagesdk.testing.internal.emulator.http.Caller;
import dev.imagesdk.testing.internal.emulator.http.GlanceError;
import dev.imagesdk.testing.internal.emulator.store.ImageRecord;
import dev.imagesdk.testing.internal.emulator.store.MemberRecord;

/** Glance's legacy (Zed, {@code enforce_new_defaults=false}) visibility and ownership rules. */
public final class Policy {
    private Policy() {
    }

    /** {@code true} when the caller's project owns the image. */
    public static boolean owns(Caller who, ImageRecord r) {
        return who.projectId().equals(r.owner);
    }

    /**
     * Whether {@code who} may see the image by id: admins and owners always; everyone public and
     * community images; members (any status) shared images. Otherwise Glance answers 404, not 403.
     */
    public static boolean canSee(Caller who, ImageRecord r) {
        if (who.isAdmin() || owns(who, r)) {
            return true;
        }
        switch (r.visibility) {
            case "public":
            case "community":
                return true;
            case "shared":
                return r.members.containsKey(who.projectId());
            default:
                return false;
        }
    }

    /** The member record of the caller's project, or {@code null}. */
    public static MemberRecord membership(Caller who, ImageRecord r) {
        return r.members.get(who.projectId());
    }

    /** 403 "You do not own this image" unless owner or admin. */
    public static void requireOwner(Caller who, ImageRecord r) {
        if (!who.isAdmin() && !owns(who, r)) {
            throw GlanceError.forbidden("You do not own this image");
        }
    }
}
