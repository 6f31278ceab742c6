package dev.imagesdk.links;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.BadRequestException;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.TransportException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.paging.Page;
import dev.imagesdk.core.paging.Paged;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ListOpts;
import dev.imagesdk.images.model.UpdateOpts;
import dev.imagesdk.images.model.Visibility;
import dev.imagesdk.links.access.CallerRoles;
import dev.imagesdk.links.access.ScopeProjects;
import dev.imagesdk.links.internal.glance.LinkEncoding;
import dev.imagesdk.links.internal.glance.ImageWriteLock;
import dev.imagesdk.links.internal.glance.LinkWrites;
import dev.imagesdk.links.internal.glance.StoredLink;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Links kept on their images as Glance custom properties ({@link LinkEncoding}, version 1, in the module's
 * README). Reads are plain image reads and listings with Glance's property filters; writes are image
 * {@code PATCH}es made under the image's link-write lock and read back by {@link LinkWrites} (with the availability
 * they call for, under the same lock); publishing is one {@code POST /v2/images}.
 */
final class GlanceLinkBackend implements LinkBackend {
    /** Page size of the Glance queries behind a link listing (Glance caps it at its api_limit_max). */
    static final int QUERY_PAGE = 1000;
    /** Link page size when the listing sets none (as the image-link service). */
    static final int DEFAULT_LIMIT = 25;

    private final ServiceClient client;
    private final Supplier<CallerRoles> callerSource;
    /** {@code null}: availability is not managed (the image's visibility and members are the application's). */
    private final GlanceAvailability availability;

    GlanceLinkBackend(ServiceClient client, Supplier<CallerRoles> callerSource, ScopeProjects projects) {
        this.client = client;
        this.callerSource = callerSource;
        this.availability = projects == null ? null : new GlanceAvailability(client, projects);
    }

    private CallerRoles caller() {
        CallerRoles c = callerSource.get();
        if (c == null) {
            throw new ValidationException("the caller supplier of ImageLinks.inGlance returned null");
        }
        return c;
    }

    private Images images() {
        return Images.of(client);
    }

    // ---- reading

    private static ImageLink toLink(StoredLink s) {
        ImageLink.Builder b = ImageLink.builder().linkId(s.linkId()).imageId(s.imageId()).orgSlug(s.orgSlug())
                .spaceSlug(s.spaceSlug()).priority(s.priority()).spaceType(s.spaceType()).comment(s.comment());
        for (String p : s.problems()) {
            b.decodingProblem(p);
        }
        return b.build();
    }

    private static List<StoredLink> stored(Image image) {
        return LinkEncoding.read(image.id(), image.owner(), image.properties());
    }

    /** Listed to the caller: it manages the image, or the link's (readable) scope applies to it. */
    private static boolean visible(StoredLink s, CallerRoles caller) {
        return caller.manages(s.imageOwner()) || (s.scopeKnown() && ScopeRules.applies(toLink(s), caller));
    }

    private static StoredLink find(Image image, String linkId) {
        for (StoredLink s : stored(image)) {
            if (s.linkId().equals(linkId)) {
                return s;
            }
        }
        return null;
    }

    private static NotFoundException noLink(String linkId, String imageId) {
        return new NotFoundException("image link " + linkId + " not found, or not visible to the caller", "GET",
                "/v2/images/" + imageId, null, Map.of());
    }

    /** A link and the image it was read from. */
    private record Found(Image image, StoredLink link) {
    }

    /** The link, read from its image, if the caller may see it; else 404. */
    private Found visibleLink(String linkId, CallerRoles caller) {
        String imageId = LinkEncoding.parseLinkId(linkId)[0];
        Image image = images().get(imageId);
        StoredLink s = find(image, linkId);
        if (s == null || !visible(s, caller)) {
            throw noLink(linkId, imageId);
        }
        return new Found(image, s);
    }

    @Override
    public ImageLink get(String linkId) {
        return toLink(visibleLink(linkId, caller()).link());
    }

    @Override
    public List<ImageLink> listForImage(String imageId) {
        Arguments.uuid(imageId, "image id");
        CallerRoles caller = caller();
        Image image = images().get(imageId);
        List<ImageLink> out = new ArrayList<>();
        for (StoredLink s : stored(image)) {
            if (visible(s, caller)) {
                out.add(toLink(s));
            }
        }
        out.sort(ScopeRules.DISPLAY_ORDER);
        return List.copyOf(out);
    }

    @Override
    public Paged<ImageLink> list(LinkListOpts opts) {
        String org = opts.value("org_slug");
        String space = opts.value("space_slug");
        LinkEncoding.checkSlug("organization filter", org);
        LinkEncoding.checkSlug("space filter", space);
        String limit = opts.value("limit");
        CallerRoles caller = caller();
        return new Listing(() -> collect(opts, caller), limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit));
    }

    /** Every visible link matching the filters, in listing order, from the marker on. */
    private List<ImageLink> collect(LinkListOpts opts, CallerRoles caller) {
        String imageId = opts.value("imid");
        String org = opts.value("org_slug");
        String space = opts.value("space_slug");
        String type = opts.value("space_type");
        Map<String, StoredLink> found = new LinkedHashMap<>();
        if (imageId != null) {
            try {
                stored(images().get(imageId)).forEach(s -> found.putIfAbsent(s.linkId(), s));
            } catch (NotFoundException invisible) {
                // no such image, or not visible: no links
            }
        } else {
            for (ListOpts query : queries(caller, org, space, type)) {
                for (Image image : images().list(query)) {
                    stored(image).forEach(s -> found.putIfAbsent(s.linkId(), s));
                }
            }
        }
        List<ImageLink> out = new ArrayList<>();
        for (StoredLink s : found.values()) {
            if ((org == null || org.equals(s.orgSlug())) && (space == null || space.equals(s.spaceSlug()))
                    && (type == null || type.equals(s.spaceType())) && visible(s, caller)) {
                out.add(toLink(s));
            }
        }
        out.sort(ScopeRules.DISPLAY_ORDER);
        String marker = opts.value("marker");
        if (marker == null) {
            return out;
        }
        for (int i = 0; i < out.size(); i++) {
            if (marker.equals(out.get(i).linkId())) {
                return out.subList(i + 1, out.size());
            }
        }
        throw new BadRequestException("marker " + marker + " is not a link the caller may see in this listing", "GET",
                "/v2/images", null, Map.of());
    }

    /**
     * The Glance queries that find every candidate: one per scope the caller has an active role in (and the
     * global one), each a property-equality filter on the scope's index, plus the images the caller manages
     * (its project's, or every one for an administrator) carrying the marker. Filters drop scopes that cannot match.
     */
    private static List<ListOpts> queries(CallerRoles caller, String org, String space, String type) {
        Set<String> keys = new LinkedHashSet<>();
        if (org == null && space == null && type == null) {
            keys.add(LinkEncoding.scopeKey(null, null));
        }
        for (CallerRoles.OrgRole r : caller.orgRoles()) {
            if (r.active() && space == null && type == null && (org == null || org.equals(r.orgSlug())) && slug(r.orgSlug())) {
                keys.add(LinkEncoding.scopeKey(r.orgSlug(), null));
            }
        }
        for (CallerRoles.SpaceRole r : caller.spaceRoles()) {
            if (r.active() && (org == null || org.equals(r.orgSlug())) && (space == null || space.equals(r.spaceSlug()))
                    && slug(r.orgSlug()) && slug(r.spaceSlug())) {
                keys.add(LinkEncoding.scopeKey(r.orgSlug(), r.spaceSlug()));
            }
        }
        List<ListOpts> out = new ArrayList<>();
        if (!caller.isAuthenticated()) {
            return out;
        }
        for (String key : keys) {
            out.add(ListOpts.builder().property(LinkEncoding.INDEX_PREFIX + key, LinkEncoding.INDEX_VALUE).anyVisibility()
                    .limit(QUERY_PAGE).build());
        }
        if (caller.isAdministrator()) {
            out.add(ListOpts.builder().property(LinkEncoding.ANY_KEY, LinkEncoding.INDEX_VALUE).anyVisibility().limit(QUERY_PAGE).build());
        } else if (caller.projectId().isPresent()) {
            out.add(ListOpts.builder().property(LinkEncoding.ANY_KEY, LinkEncoding.INDEX_VALUE).owner(caller.projectId().get())
                    .anyVisibility().limit(QUERY_PAGE).build());
        }
        return out;
    }

    /** A role's slug that the encoding can carry (no link can be in a scope whose slug it cannot carry). */
    private static boolean slug(String s) {
        try {
            LinkEncoding.checkSlug("role", s);
            return true;
        } catch (ValidationException notCarried) {
            return false;
        }
    }

    // ---- writing

    private static void checkScope(Scope scope) {
        LinkEncoding.checkSlug("organization", scope.orgSlug());
        LinkEncoding.checkSlug("space", scope.spaceSlug());
    }

    @Override
    public ImageLink create(LinkCreateOpts opts) {
        checkScope(opts.scope());
        LinkEncoding.checkPriority(opts.priority());
        LinkEncoding.checkSpaceType(opts.spaceType());
        LinkEncoding.checkComment(opts.comment());
        caller();
        String key = LinkEncoding.scopeKey(opts.scope().orgSlug(), opts.scope().spaceSlug());
        String linkId = LinkEncoding.linkId(opts.imageId(), key);
        Image image = images().get(opts.imageId());
        if (find(image, linkId) != null) {
            throw alreadyLinked(image.id(), opts.scope());
        }
        if (availability != null) {
            availability.resolve(image, List.of(opts.scope()));   // a lookup that fails: before the lock and any write
        }
        try (LinkWrites.Locked w = new LinkWrites(images()).lock(image)) {
            if (find(w.image(), linkId) != null) {
                throw alreadyLinked(image.id(), opts.scope());
            }
            ScopeProjects projects = availability == null ? null : availability.resolve(w.image(), List.of(opts.scope()));
            String revision = LinkEncoding.newRevision();
            String value = LinkEncoding.value(opts.priority() == null ? 0 : opts.priority(), revision, opts.spaceType(), opts.comment());
            Image after = w.apply(new LinkWrites.Intent(LinkWrites.Kind.CREATE, key, value, revision, null));
            StoredLink s = find(after, linkId);
            if (s == null) {
                throw noLink(linkId, image.id());
            }
            if (availability != null) {
                availability.apply(w, projects);
            }
            return toLink(s);
        }
    }

    private static ConflictException alreadyLinked(String imageId, Scope scope) {
        return new ConflictException("image " + imageId + " already has a link in scope " + scope, "PATCH",
                "/v2/images/" + imageId, null, Map.of());
    }

    @Override
    public ImageLink update(String linkId, LinkUpdateOpts opts) {
        LinkEncoding.checkPriority(opts.priority());
        if (opts.changesComment()) {
            LinkEncoding.checkComment(opts.comment());
        }
        Found found = visibleLink(linkId, caller());
        String key = LinkEncoding.parseLinkId(linkId)[1];
        try (LinkWrites.Locked w = new LinkWrites(images()).lock(found.image())) {
            StoredLink s = find(w.image(), linkId);
            if (s == null) {
                throw noLink(linkId, found.image().id());
            }
            Integer version = LinkEncoding.version(w.image().stringProperty(LinkEncoding.DATA_PREFIX + key).orElse(null));
            if (version != null && version > LinkEncoding.VERSION) {
                throw new ConflictException("image link " + linkId + " was written in link encoding version " + version
                        + "; this SDK writes version " + LinkEncoding.VERSION + " and would lose what it does not know:"
                        + " update it with a newer SDK, or delete it", "PATCH", "/v2/images/" + s.imageId(), null, Map.of());
            }
            int priority = opts.priority() != null ? opts.priority() : s.priority() == null ? 0 : s.priority();
            String comment = opts.changesComment() ? opts.comment() : s.comment();
            String spaceType = s.spaceSlug() == null ? null : s.spaceType();
            String revision = LinkEncoding.newRevision();
            String value = LinkEncoding.value(priority, revision, spaceType, comment);
            Image after = w.apply(new LinkWrites.Intent(LinkWrites.Kind.UPDATE, key, value, revision, s.revision()));
            StoredLink now = find(after, linkId);
            if (now == null) {
                throw noLink(linkId, s.imageId());
            }
            return toLink(now);
        }
    }

    @Override
    public void delete(String linkId) {
        Found found = visibleLink(linkId, caller());
        String key = LinkEncoding.parseLinkId(linkId)[1];
        if (availability != null) {
            availability.resolve(found.image(), List.of());   // a lookup that fails: before the lock and any write
        }
        try (LinkWrites.Locked w = new LinkWrites(images()).lock(found.image())) {
            StoredLink s = find(w.image(), linkId);
            if (s == null) {
                throw noLink(linkId, found.image().id());
            }
            ScopeProjects projects = availability == null ? null : availability.resolve(w.image(), List.of());
            w.apply(new LinkWrites.Intent(LinkWrites.Kind.DELETE, key, null, null, s.revision()));
            if (availability != null) {
                availability.apply(w, projects);
            }
        }
    }

    @Override
    public ReconcileReport reconcile(String imageId) {
        if (availability == null) {
            throw new ValidationException("reconcile needs to know the project of each organization and space:"
                    + " build the client with ImageLinks.inGlance(client, caller, projects)");
        }
        CallerRoles caller = caller();
        List<Image> todo = new ArrayList<>();
        if (imageId != null) {
            Arguments.uuid(imageId, "image id");
            todo.add(images().get(imageId));
        } else {
            ListOpts.Builder q = ListOpts.builder().property(LinkEncoding.ANY_KEY, LinkEncoding.INDEX_VALUE).anyVisibility()
                    .limit(QUERY_PAGE);
            if (!caller.isAdministrator()) {
                if (caller.projectId().isEmpty()) {
                    throw new ValidationException("reconcile of every image needs the caller's project"
                            + " (CallerRoles.builder().project(...)) or an administrator: it covers the images the caller manages");
                }
                q.owner(caller.projectId().get());
            }
            for (Image i : images().list(q.build())) {
                todo.add(i);
            }
        }
        List<AvailabilityChange> changes = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        int checked = 0;
        for (Image i : todo) {
            List<String> unknown = new ArrayList<>();
            if (availability.inLine(i, unknown)) {
                checked++;
                unresolved.addAll(unknown);     // in line already: no lock taken, nothing written
                continue;
            }
            GlanceAvailability.Outcome o;
            try (LinkWrites.Locked w = new LinkWrites(images()).lock(i)) {
                o = availability.apply(w, availability.resolve(w.image(), List.of()));
            } catch (NotFoundException gone) {
                if (imageId != null) {
                    throw gone;
                }
                continue;   // deleted since it was listed: nothing to reconcile
            }
            checked++;
            if (o.change().changed()) {
                changes.add(o.change());
            }
            unresolved.addAll(o.unresolved());
        }
        List<String> locksRemoved = imageId == null ? removeLeftLocks(caller) : List.of();
        return new ReconcileReport(checked, changes, unresolved, locksRemoved);
    }

    /**
     * Deletes the link-write lock images of the caller's project (every project's for an administrator) that a writer
     * left behind: older than the lease plus the clock skew allowed, as a waiting writer would take them over; their
     * image may be gone, so no writer would. Returns their ids.
     */
    private List<String> removeLeftLocks(CallerRoles caller) {
        ListOpts.Builder q = ListOpts.builder().hidden(true).name(ImageWriteLock.LOCK_NAME).anyVisibility().limit(QUERY_PAGE);
        if (!caller.isAdministrator()) {
            q.owner(caller.projectId().get());
        }
        java.time.Instant before = java.time.Instant.now().minus(ImageWriteLock.LEASE).minus(ImageWriteLock.CLOCK_SKEW);
        List<String> removed = new ArrayList<>();
        for (Image lock : images().list(q.build())) {
            if (lock.stringProperty(ImageWriteLock.LOCK_OF_KEY).isPresent() && lock.createdAt() != null
                    && lock.createdAt().isBefore(before)) {
                try {
                    images().delete(lock.id());
                    removed.add(lock.id());
                } catch (NotFoundException alreadyGone) {
                    // released or taken over meanwhile
                }
            }
        }
        return removed;
    }

    @Override
    public PublishedImage publish(CreateOpts image, List<Scope> scopes, Map<String, String> sdkProperties) {
        for (Scope s : scopes) {
            checkScope(s);
        }
        for (String name : image.properties().keySet()) {
            if (name.startsWith(LinkEncoding.RESERVED_PREFIX)) {
                throw new ValidationException("property \"" + name + "\" is reserved for image links kept in Glance"
                        + " (names starting with " + LinkEncoding.RESERVED_PREFIX + ")");
            }
        }
        caller();
        String id = image.id() != null ? image.id() : UUID.randomUUID().toString();
        String revision = LinkEncoding.newRevision();
        Map<String, String> properties = new LinkedHashMap<>(image.properties());
        for (Scope s : scopes) {
            String key = LinkEncoding.scopeKey(s.orgSlug(), s.spaceSlug());
            properties.put(LinkEncoding.DATA_PREFIX + key, LinkEncoding.value(0, revision, null, null));
            properties.put(LinkEncoding.INDEX_PREFIX + key, LinkEncoding.INDEX_VALUE);
        }
        properties.put(LinkEncoding.ANY_KEY, LinkEncoding.INDEX_VALUE);
        properties.putAll(sdkProperties);
        Visibility visibility = image.visibility();
        if (availability != null) {
            boolean global = scopes.stream().anyMatch(s -> s.orgSlug() == null && s.spaceSlug() == null);
            boolean shared = scopes.stream().anyMatch(s -> s.orgSlug() != null);
            // the visibility only depends on whether there is a global link and whether any project is to be a member
            visibility = GlanceAvailability.visibility(visibility == null ? Visibility.SHARED : visibility,
                    new GlanceAvailability.Target(global, shared ? Set.of("any") : Set.of(), List.of()));
        }
        ScopeProjects projects = availability == null ? null : availability.resolve(List.of(), scopes);   // before the POST
        CreateOpts withLinks = copy(image, id, properties, visibility);
        Images images = images();
        Image created;
        try {
            created = images.create(withLinks);
        } catch (TransportException | ServerException unknown) {
            cleanUp(images, id, revision, unknown);
            throw unknown;
        }
        if (availability != null) {
            try (LinkWrites.Locked w = new LinkWrites(images).lock(created)) {
                availability.apply(w, projects);
            } catch (RuntimeException failed) {
                cleanUp(images, id, revision, failed);
                throw failed;
            }
        }
        List<ImageLink> links = new ArrayList<>();
        for (Scope s : scopes) {
            StoredLink l = find(created, LinkEncoding.linkId(created.id(), LinkEncoding.scopeKey(s.orgSlug(), s.spaceSlug())));
            if (l != null) {
                links.add(toLink(l));
            }
        }
        return new PublishedImage(created, links);
    }

    /** After a create whose outcome is unknown: deletes the image if it exists and carries this publish's links. */
    private static void cleanUp(Images images, String id, String revision, RuntimeException original) {
        Image found;
        try {
            found = images.get(id);
        } catch (NotFoundException nothingLeft) {
            return;
        } catch (RuntimeException e) {
            original.addSuppressed(e);
            return;
        }
        boolean ours = stored(found).stream().anyMatch(s -> revision.equals(s.revision()));
        if (!ours) {
            return;
        }
        if (found.isProtected()) {
            HttpLinkBackend.quietly(original, () -> images.update(id, UpdateOpts.builder().isProtected(false).build()));
        }
        HttpLinkBackend.quietly(original, () -> images.delete(id));
    }

    /** {@code o} with the id (when not {@code null}) and the properties given; its own visibility kept. */
    static CreateOpts copy(CreateOpts o, String id, Map<String, String> properties) {
        return copy(o, id, properties, o.visibility());
    }

    /** {@code o} with the id (when not {@code null}), the properties and the visibility (when not {@code null}) given. */
    private static CreateOpts copy(CreateOpts o, String id, Map<String, String> properties, Visibility visibility) {
        CreateOpts.Builder b = CreateOpts.builder().properties(properties);
        if (id != null) {
            b.id(id);
        }
        if (o.name() != null) {
            b.name(o.name());
        }
        if (o.containerFormat() != null) {
            b.containerFormat(o.containerFormat());
        }
        if (o.diskFormat() != null) {
            b.diskFormat(o.diskFormat());
        }
        if (o.hidden() != null) {
            b.hidden(o.hidden());
        }
        if (o.isProtected() != null) {
            b.isProtected(o.isProtected());
        }
        if (o.minDisk() != null) {
            b.minDisk(o.minDisk());
        }
        if (o.minRam() != null) {
            b.minRam(o.minRam());
        }
        if (o.owner() != null) {
            b.owner(o.owner());
        }
        if (o.tags() != null && !o.tags().isEmpty()) {
            b.tags(o.tags());
        }
        if (visibility != null) {
            b.visibility(visibility);
        }
        return b.build();
    }

    /** A listing collected on first use (per iteration), then served from memory in pages of {@code limit}. */
    private static final class Listing implements Paged<ImageLink> {
        private final Supplier<List<ImageLink>> source;
        private final int limit;

        Listing(Supplier<List<ImageLink>> source, int limit) {
            this.source = source;
            this.limit = limit;
        }

        @Override
        public Iterator<ImageLink> iterator() {
            return source.get().iterator();
        }

        @Override
        public Page<ImageLink> firstPage() {
            return page(source.get(), 0);
        }

        private Page<ImageLink> page(List<ImageLink> all, int from) {
            int to = Math.min(all.size(), from + limit);
            List<ImageLink> items = List.copyOf(all.subList(from, to));
            String next = to - from == limit && !items.isEmpty()
                    ? "marker=" + URLEncoder.encode(items.get(items.size() - 1).linkId(), StandardCharsets.UTF_8) : null;
            return new Page<>(items, next, null);
        }

        @Override
        public Iterable<Page<ImageLink>> pages() {
            return () -> new Iterator<>() {
                private List<ImageLink> all;
                private int from;
                private boolean done;

                @Override
                public boolean hasNext() {
                    return !done;
                }

                @Override
                public Page<ImageLink> next() {
                    if (done) {
                        throw new java.util.NoSuchElementException();
                    }
                    if (all == null) {
                        all = source.get();
                    }
                    Page<ImageLink> p = page(all, from);
                    from += p.items().size();
                    done = p.nextLink().isEmpty();
                    return p;
                }
            };
        }

        @Override
        public Paged<ImageLink> distinct() {
            return this;
        }

        @Override
        public String toString() {
            return "Paged(image links kept in Glance, pages of " + limit + ")";
        }
    }
}
