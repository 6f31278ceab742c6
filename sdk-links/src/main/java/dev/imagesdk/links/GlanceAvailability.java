package dev.imagesdk.links;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.NotFoundException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Availability following the links kept in Glance: an image with a global link is {@code community} (an image an
 * administrator made {@code public} stays so); otherwise it is {@code shared} (a {@code private} image without
 * organization or space links stays {@code private}) with exactly the projects of its organization and space links
 * as members ({@link ScopeProjects}; the owner's project needs no membership). Members go through sdk-members'
 * {@link Members}; a visibility change is an image {@code PATCH}, made like a link write ({@link LinkWrites}), and the
 * whole adjustment happens under the image's link-write lock.
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
    Target target(String imageId, String owner, List<StoredLink> links, ScopeProjects projects) {
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

    /**
     * The projects of the scopes of {@code links} and of {@code extra}, asked now, so that a lookup that fails (a
     * Keystone 403, say) throws before anything is written; the adjustment that follows answers from this snapshot
     * (a scope not in it, from a link written meanwhile outside the SDK, is asked then).
     */
    ScopeProjects resolve(List<StoredLink> links, List<Scope> extra) {
        Map<String, Optional<String>> known = new LinkedHashMap<>();
        for (StoredLink s : links) {
            if (s.scopeKnown() && s.orgSlug() != null) {
                known.computeIfAbsent(key(s.orgSlug(), s.spaceSlug()), k -> projects.projectOf(s.orgSlug(), s.spaceSlug()));
            }
        }
        for (Scope s : extra) {
            if (s.orgSlug() != null) {
                known.computeIfAbsent(key(s.orgSlug(), s.spaceSlug()), k -> projects.projectOf(s.orgSlug(), s.spaceSlug()));
            }
        }
        return (org, space) -> {
            Optional<String> p = known.get(key(org, space));
            return p != null ? p : projects.projectOf(org, space);
        };
    }

    /** {@link #resolve(List, List)} of the links of {@code image}. */
    ScopeProjects resolve(Image image, List<Scope> extra) {
        return resolve(LinkEncoding.read(image.id(), image.owner(), image.properties()), extra);
    }

    private static String key(String org, String space) {
        return org + "/" + (space == null ? "" : space);
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

    /**
     * Brings the image whose write lock {@code w} holds in line with its links, as last read under the lock, with the
     * projects of {@code resolved} ({@link #resolve}): no other imagesdk writer changes its links or availability
     * meanwhile, so one adjustment is enough.
     */
    Outcome apply(LinkWrites.Locked w, ScopeProjects resolved) {
        Image image = w.image();
        Visibility before = image.visibility();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Target t = target(image, resolved);
        Visibility wanted = visibility(before, t);
        Image after = image;
        if (Visibility.SHARED.equals(before)) {
            syncMembers(image.id(), t.members(), added, removed);
        }
        if (!wanted.equals(before)) {
            after = w.apply(new LinkWrites.Intent(LinkWrites.Kind.VISIBILITY, null, wanted.value(), null, null));
            if (Visibility.SHARED.equals(wanted)) {
                syncMembers(image.id(), t.members(), added, removed);
            }
        }
        return new Outcome(new AvailabilityChange(image.id(), before, after.visibility(), added, removed), t.unresolved());
    }

    /**
     * Whether {@code image} (as read, without its lock) is already in line with its links: the visibility they call for,
     * and, when {@code shared}, exactly their projects as members, once each. Reads the members (one request).
     * {@code unresolved} receives the scopes without a project.
     */
    boolean inLine(Image image, List<String> unresolved) {
        Target t = target(image, projects);
        unresolved.addAll(t.unresolved());
        if (!visibility(image.visibility(), t).equals(image.visibility())) {
            return false;
        }
        if (!Visibility.SHARED.equals(image.visibility())) {
            return true;
        }
        Map<String, Integer> counts = memberCounts(image.id());
        return counts.keySet().equals(t.members()) && counts.values().stream().allMatch(c -> c == 1);
    }

    private Target target(Image image, ScopeProjects projects) {
        return target(image.id(), image.owner(), LinkEncoding.read(image.id(), image.owner(), image.properties()), projects);
    }


    /** How many membership records each project has (Glance can store one project twice: see {@link #syncMembers}). */
    private Map<String, Integer> memberCounts(String imageId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Member m : Members.of(client).listForImage(imageId)) {
            if (m.memberId() != null) {
                counts.merge(m.memberId(), 1, Integer::sum);
            }
        }
        return counts;
    }


    /**
     * Adds the missing members and removes the others (a member's own answer, pending/accepted/rejected, stays).
     * Glance (25.1 and 30.0) can store the same project more than once when requests add it at once, and a {@code DELETE}
     * removes one record: a project to remove is removed as often as it is listed, and a wanted project listed twice
     * loses its extra records (not reported: its access does not change).
     */
    private void syncMembers(String imageId, Set<String> wanted, List<String> added, List<String> removed) {
        Members members = Members.of(client);
        Map<String, Integer> present = memberCounts(imageId);
        for (String p : wanted) {
            if (!present.containsKey(p)) {
                try {
                    members.add(imageId, p);
                    added.add(p);
                } catch (ConflictException addedMeanwhile) {
                    // another caller added it between the listing and this call: it is there
                }
            }
        }
        for (Map.Entry<String, Integer> e : present.entrySet()) {
            String p = e.getKey();
            int extra = wanted.contains(p) ? e.getValue() - 1 : e.getValue();
            boolean any = false;
            for (int i = 0; i < extra; i++) {
                try {
                    members.remove(imageId, p);
                    any = true;
                } catch (NotFoundException removedMeanwhile) {
                    break;   // another caller removed it meanwhile: it is gone
                }
            }
            if (any && !wanted.contains(p)) {
                removed.add(p);
            }
        }
    }
}
