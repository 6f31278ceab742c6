package dev.imagesdk.links;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.Visibility;
import dev.imagesdk.links.access.ScopeProjects;
import dev.imagesdk.links.internal.glance.LinkEncoding;
import dev.imagesdk.links.internal.glance.LinkWrites;
import dev.imagesdk.links.internal.glance.StoredLink;
import dev.imagesdk.members.Member;
import dev.imagesdk.members.Members;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Availability following the links kept in Glance: an image with a global link is {@code community} (an image an
 * administrator made {@code public} stays so); otherwise it is {@code shared} (a {@code private} image without
 * organization or space links stays {@code private}) with exactly the projects of its organization and space links
 * as members ({@link ScopeProjects}; the owner's project needs no membership). Members go through sdk-members'
 * {@link Members}; a visibility change is an image {@code PATCH}, checked and repaired by {@link LinkWrites} like a
 * link write (a concurrent link write would otherwise undo it, or be undone by it).
 */
final class GlanceAvailability {
    private final ServiceClient client;
    private final ScopeProjects projects;

    GlanceAvailability(ServiceClient client, ScopeProjects projects) {
        this.client = client;
        this.projects = projects;
    }

    /** The projects and visibility an image's links call for. */
    record Target(boolean global, Set<String> members, List<String> unresolved) {
    }

    /** What the links of {@code image} call for (no request; the resolver is asked once per organization/space link). */
    Target target(String imageId, String owner, List<StoredLink> links) {
        boolean global = false;
        Set<String> members = new LinkedHashSet<>();
        List<String> unresolved = new ArrayList<>();
        for (StoredLink s : links) {
            if (!s.scopeKnown()) {
                continue;   // a scope this SDK cannot read grants nothing
            }
            if (s.orgSlug() == null) {
                if (s.spaceSlug() == null) {
                    global = true;
                }
                continue;   // a space without organization is not a scope links in Glance can have
            }
            Optional<String> project = projects.projectOf(s.orgSlug(), s.spaceSlug());
            if (project == null || project.isEmpty() || project.get().isBlank()) {
                unresolved.add(imageId + ": " + (s.spaceSlug() == null ? "organization " + s.orgSlug()
                        : "space " + s.orgSlug() + "/" + s.spaceSlug()));
            } else if (!project.get().equals(owner)) {
                members.add(project.get());
            }
        }
        return new Target(global, members, unresolved);
    }

    /** The visibility the links call for, given the one found. */
    static Visibility visibility(Visibility found, Target t) {
        if (t.global()) {
            return Visibility.PUBLIC.equals(found) ? Visibility.PUBLIC : Visibility.COMMUNITY;
        }
        if (Visibility.PRIVATE.equals(found) && t.members().isEmpty()) {
            return Visibility.PRIVATE;
        }
        return Visibility.SHARED;
    }

    /** The outcome of one image: what changed, and the scopes without a project. */
    record Outcome(AvailabilityChange change, List<String> unresolved) {
    }

    /** Brings {@code image} (as just read) in line with its links. */
    Outcome apply(Image image) {
        Target t = target(image.id(), image.owner(), LinkEncoding.read(image.id(), image.owner(), image.properties()));
        Visibility before = image.visibility();
        Visibility after = visibility(before, t);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        if (Visibility.SHARED.equals(before)) {
            syncMembers(image.id(), t.members(), added, removed);
        }
        if (!after.equals(before)) {
            Images images = Images.of(client);
            new LinkWrites(images).apply(image, new LinkWrites.Intent(LinkWrites.Kind.VISIBILITY, null, after.value(), null, null));
            if (Visibility.SHARED.equals(after)) {
                syncMembers(image.id(), t.members(), added, removed);
            }
        }
        return new Outcome(new AvailabilityChange(image.id(), before, after, added, removed), t.unresolved());
    }

    /** Adds the missing members and removes the others (a member's own answer, pending/accepted/rejected, stays). */
    private void syncMembers(String imageId, Set<String> wanted, List<String> added, List<String> removed) {
        Members members = Members.of(client);
        Set<String> present = new LinkedHashSet<>();
        for (Member m : members.listForImage(imageId)) {
            if (m.memberId() != null) {
                present.add(m.memberId());
            }
        }
        for (String p : wanted) {
            if (!present.contains(p)) {
                try {
                    members.add(imageId, p);
                    added.add(p);
                } catch (ConflictException addedMeanwhile) {
                    // another caller added it between the listing and this call: it is there
                }
            }
        }
        for (String p : present) {
            if (!wanted.contains(p)) {
                try {
                    members.remove(imageId, p);
                    removed.add(p);
                } catch (NotFoundException removedMeanwhile) {
                    // another caller removed it meanwhile: it is gone
                }
            }
        }
    }
}
