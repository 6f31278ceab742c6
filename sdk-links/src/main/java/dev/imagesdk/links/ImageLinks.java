package dev.imagesdk.links;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.paging.Paged;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.links.access.CallerRoles;
import dev.imagesdk.links.access.ScopeProjects;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Client for image links: the records that make an image available globally, to an organization or to a
 * space. One API, two backends, picked at construction:
 * <ul>
 *   <li>{@link #of(ServiceClient)}: an image-link service ({@code /v2/image-links}, the wire contract in the
 *       module's README; the SDK's emulator serves it). The server knows the caller's roles.</li>
 *   <li>{@link #inGlance(ServiceClient, Supplier)}: the links are kept on their images as plain Glance
 *       metadata (the encoding in the module's README), so any Glance serves them; the caller's roles come from
 *       the application (a {@link CallerRoles} supplier, asked once per call).</li>
 * </ul>
 * Thread-safe; a thin view over a {@link ServiceClient}.
 *
 * <pre>{@code
 * ImageLinks links = ImageLinks.of(client);
 * PublishedImage p = links.publish(CreateOpts.builder().name("jupyter").build(), Scope.space("acme", "ml-lab"));
 * for (ImageLink l : links.list()) { ... }          // only links the caller may see, global first
 * }</pre>
 *
 * <p>Arguments are checked before any request ({@link ValidationException}); server errors arrive
 * as the typed exceptions of {@code dev.imagesdk.core.error}: 404 for a link or image that does not
 * exist or that the caller may not see, 403 when the caller may not change links of the image, 409
 * for a second link of the same image in the same scope, 400 for a body the server rejects.
 */
public final class ImageLinks {
    private final LinkBackend backend;
    private final ServiceClient client;

    private ImageLinks(LinkBackend backend, ServiceClient client) {
        this.backend = backend;
        this.client = client;
    }

    /** An image-links client of an image-link service, sending through {@code client} (with its credentials). */
    public static ImageLinks of(ServiceClient client) {
        return new ImageLinks(new HttpLinkBackend(Arguments.notNull(client, "client")), client);
    }

    /**
     * An image-links client that keeps the links on their images in Glance (tags are not used: two custom
     * properties per link, see the module's README), sending through {@code client}. {@code caller} tells who
     * calls: it is asked once per call (list, get, create, ...), so a source that follows role changes (for
     * example one reading Keystone) can be plugged in. A {@code null} from it is a {@link ValidationException}.
     *
     * <p>Differences from an image-link service: a link is listed only when Glance shows its image to the
     * caller (its visibility and members decide, which this client does not change; the
     * {@link #inGlance(ServiceClient, Supplier, ScopeProjects)} client does); link ids are
     * {@code <image id>:<scope>} (a link deleted and created again in the same scope has the same id); slugs,
     * space types, comments and priorities must fit the encoding (checked before any request).
     */
    public static ImageLinks inGlance(ServiceClient client, Supplier<CallerRoles> caller) {
        return new ImageLinks(new GlanceLinkBackend(Arguments.notNull(client, "client"), Arguments.notNull(caller, "caller"), null), client);
    }

    /**
     * {@link #inGlance(ServiceClient, Supplier)} where <em>availability follows the links</em>: the image becomes
     * usable by exactly the projects its links apply to. A global link makes it {@code community} (every project;
     * {@code public} needs an administrator, so the SDK never sets it, but an image an administrator made
     * {@code public} stays so while it has a global link); otherwise it is {@code shared}, and each organization and
     * space link makes the scope's project ({@code projects}) a member: an organization link shares with the
     * organization's project only, never with its spaces' projects. Creating, deleting and publishing links
     * adjust visibility and members at once (removing the last link that grants a project access removes that
     * member; the last global link going makes the image {@code shared} again); {@link #reconcile(String)} repairs
     * drift. Glance makes a new member {@code pending}: the project reads and downloads the image by id at once and
     * lists it after accepting ({@code Members.update} with the member project's credentials; the owner cannot
     * accept for it). Every image these links touch is thereby managed: members no link calls for are removed.
     */
    public static ImageLinks inGlance(ServiceClient client, Supplier<CallerRoles> caller, ScopeProjects projects) {
        return new ImageLinks(new GlanceLinkBackend(Arguments.notNull(client, "client"), Arguments.notNull(caller, "caller"),
                Arguments.notNull(projects, "projects")), client);
    }

    /** {@link #inGlance(ServiceClient, Supplier)} for a caller whose roles do not change. */
    public static ImageLinks inGlance(ServiceClient client, CallerRoles caller) {
        Arguments.notNull(caller, "caller");
        return inGlance(client, () -> caller);
    }

    /** {@link #inGlance(ServiceClient, Supplier, ScopeProjects)} for a caller whose roles do not change. */
    public static ImageLinks inGlance(ServiceClient client, CallerRoles caller, ScopeProjects projects) {
        Arguments.notNull(caller, "caller");
        return inGlance(client, () -> caller, projects);
    }

    /** Every link the caller may see, lazily paged, global links first. */
    public Paged<ImageLink> list() {
        return list(LinkListOpts.defaults());
    }

    /**
     * The links the caller may see that match {@code opts}, ordered by scope (global, organization, space), then
     * priority. Image-link service: {@code GET /v2/image-links?…}, lazily following {@code next} links, one page in
     * memory at a time. Glance: one Glance query per visible scope (and one for the images the caller manages),
     * each read page by page; the links are sorted in memory before the first is returned.
     *
     * @throws dev.imagesdk.core.error.BadRequestException (400) for a marker the server does not know
     */
    public Paged<ImageLink> list(LinkListOpts opts) {
        Arguments.notNull(opts, "opts");
        return backend.list(opts);
    }

    /**
     * One link ({@code GET /v2/image-links/{linkid}}; Glance: {@code GET /v2/images/{id}}).
     *
     * @throws dev.imagesdk.core.error.NotFoundException (404) when it does not exist or does not apply to the caller
     */
    public ImageLink get(String linkId) {
        Arguments.notNull(linkId, "link id");
        return backend.get(linkId);
    }

    /**
     * Creates a link ({@code POST /v2/image-links}, answered 201 with the link and a {@code Location}; Glance:
     * a {@code PATCH} of the image under its link-write lock, read back, see the module's README). Not retried
     * automatically by the transport: a lost answer could otherwise create the link twice.
     *
     * @throws dev.imagesdk.core.error.NotFoundException (404) when the image does not exist or is not visible to the caller
     * @throws dev.imagesdk.core.error.ForbiddenException (403) when the caller may not publish the image
     * @throws dev.imagesdk.core.error.ConflictException (409) when the image already has a link in that scope; Glance:
     *         also when other writers kept the image's link-write lock for 2 minutes (nothing written)
     */
    public ImageLink create(LinkCreateOpts opts) {
        Arguments.notNull(opts, "opts");
        return backend.create(opts);
    }

    /**
     * Changes a link's priority and/or comment ({@code PATCH /v2/image-links/{linkid}} with a JSON merge
     * patch; Glance: a {@code PATCH} of the image under its link-write lock); returns the updated link.
     *
     * @throws dev.imagesdk.core.error.NotFoundException (404) when the link does not exist or does not apply to the caller
     * @throws dev.imagesdk.core.error.ForbiddenException (403) when the caller may not change it
     */
    public ImageLink update(String linkId, LinkUpdateOpts opts) {
        Arguments.notNull(linkId, "link id");
        Arguments.notNull(opts, "opts");
        return backend.update(linkId, opts);
    }

    /**
     * Deletes a link ({@code DELETE /v2/image-links/{linkid}}, 204; Glance: a {@code PATCH} of the image under its
     * link-write lock). The image itself stays.
     *
     * @throws dev.imagesdk.core.error.NotFoundException (404) when the link does not exist (already deleted)
     * @throws dev.imagesdk.core.error.ForbiddenException (403) when the caller may not delete it
     */
    public void delete(String linkId) {
        Arguments.notNull(linkId, "link id");
        backend.delete(linkId);
    }

    /**
     * The links of one image that the caller may see ({@code GET /v2/images/{imid}/links}; Glance:
     * {@code GET /v2/images/{imid}}), in listing order.
     *
     * @throws dev.imagesdk.core.error.NotFoundException (404) when the image does not exist or is not visible to the caller
     */
    public List<ImageLink> listForImage(String imageId) {
        Arguments.notNull(imageId, "image id");
        return backend.listForImage(imageId);
    }

    /**
     * Creates an image and one link per scope, all or nothing (seed 000: an image is created with its links).
     * No scope means {@link Scope#global()}: an image created without organization or space is global; with an
     * organization, give {@code Scope.organization(org)}; with organization and space, {@code Scope.space(org,
     * space)} ({@link Scope#of(String, String)} maps the optional {@code --org}/{@code --space} pair). To also record
     * the organization's ownership, provenance and data, use {@link #organization(String)}.
     *
     * <p>Image-link service: the image record first ({@code POST /v2/images}), then the links in the order given.
     * If a link cannot be created, the links already made and the image are deleted again (a protected image is
     * unprotected first) and the <em>original</em> error is thrown, with every failure of that clean-up (404
     * included) attached as {@linkplain Throwable#getSuppressed() suppressed} exceptions, so no suppressed
     * exception means nothing was left behind. When the failed request's outcome is unknown (a transport error or
     * 5xx: the server may have created the link), the image's links are listed and removed as well.
     *
     * <p>Glance: the image and its links are one {@code POST /v2/images} (the links are properties of the image
     * record, written in the same database transaction), so no link can fail midway. The SDK chooses the image id
     * when {@code image} has none; when that request's outcome is unknown (transport error, 5xx) the image is
     * deleted by that id (unprotected first) and the original error thrown, clean-up failures suppressed as above.
     *
     * <p>Links kept in Glance with {@link ScopeProjects}: the image is created {@code community} when a scope is global
     * ({@code public} when {@code image} asks for it: only an administrator may), else {@code shared}, and the
     * organization and space projects are made members afterwards; if that fails, the image is deleted as above.
     *
     * @param image the image record (its Glance visibility is used as given, except with {@link ScopeProjects})
     * @param scopes the scopes, no duplicates; none: a global link
     * @return the image and its links
     * @throws ValidationException when a {@code null} or a duplicate scope is given (before any request)
     */
    public PublishedImage publish(CreateOpts image, Scope... scopes) {
        Arguments.notNull(image, "image");
        return backend.publish(image, checkScopes(scopes, Scope.global()), Map.of());
    }

    /**
     * Brings one image's availability in line with its links (links kept in Glance with {@link ScopeProjects} only):
     * its visibility ({@code community} with a global link, else {@code shared}) and its members (exactly the projects
     * of its organization and space links: missing ones added, others removed; {@code GET}/{@code POST}/{@code DELETE
     * /v2/images/{id}/members}, and an image {@code PATCH} for the visibility). Idempotent: run again, it reports
     * nothing changed.
     *
     * @return what changed
     * @throws ValidationException for an image-link service client, or one built without {@link ScopeProjects}
     * @throws dev.imagesdk.core.error.NotFoundException (404) when the image does not exist or is not visible
     * @throws dev.imagesdk.core.error.ForbiddenException (403) when the caller may not change the image's members
     */
    public ReconcileReport reconcile(String imageId) {
        Arguments.uuid(imageId, "image id");
        return backend.reconcile(imageId);
    }

    /**
     * {@link #reconcile(String)} for every image with links kept in Glance that the caller manages: its project's
     * ({@link CallerRoles#projectId()}, which must be set), or every one for an administrator (one Glance query,
     * {@code ?imagesdk:index:any=1}, read page by page).
     *
     * @throws ValidationException for an image-link service client, one built without {@link ScopeProjects}, or a caller
     *         with neither project nor administrator role
     */
    public ReconcileReport reconcile() {
        return backend.reconcile(null);
    }

    /**
     * The images of organization {@code orgSlug} in the client's region (seed 002): created with typed ownership,
     * provenance and the organization's links, listed with one Glance query per page, deleted only when owned.
     * Uses this client's backend for the links.
     *
     * @throws ValidationException for a blank slug or one the Glance encoding cannot carry
     */
    public OrganizationImages organization(String orgSlug) {
        Scope.organization(orgSlug);
        dev.imagesdk.links.internal.glance.LinkEncoding.checkSlug("organization", orgSlug);
        return new OrganizationImages(backend, client, orgSlug);
    }

    /** The scopes checked: none gives {@code whenNone}; no {@code null}, none twice. */
    static List<Scope> checkScopes(Scope[] scopes, Scope whenNone) {
        if (scopes == null) {
            throw new ValidationException("scopes must not be null (give none for the default scope)");
        }
        if (scopes.length == 0) {
            return List.of(whenNone);
        }
        Set<Scope> seen = new HashSet<>();
        for (Scope s : scopes) {
            if (s == null) {
                throw new ValidationException("scopes must not contain null");
            }
            if (!seen.add(s)) {
                throw new ValidationException("scope " + s + " given twice; an image has at most one link per scope");
            }
        }
        return List.copyOf(Arrays.asList(scopes));
    }
}
