package dev.imagesdk.links;

import dev.imagesdk.core.internal.http.Calls;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.TransportException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.paging.PagedListing;
import dev.imagesdk.core.paging.Paged;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.UpdateOpts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Client for image links ({@code /v2/image-links}): the records that make an image available
 * globally, to an organization or to a space. The wire contract is documented in the module's
 * README. Thread-safe; a thin view over a {@link ServiceClient}.
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
    private final ServiceClient client;

    private ImageLinks(ServiceClient client) {
        this.client = client;
    }

    /** An image-links client sending through {@code client} (with its credentials). */
    public static ImageLinks of(ServiceClient client) {
        return new ImageLinks(Arguments.notNull(client, "client"));
    }

    /** Every link the caller may see ({@code GET /v2/image-links}), lazily paged, global links first. */
    public Paged<ImageLink> list() {
        return list(LinkListOpts.defaults());
    }

    /**
     * The links the caller may see that match {@code opts} ({@code GET /v2/image-links?…}), ordered by
     * scope (global, organization, space), then priority; lazily follows {@code next} links, one page
     * in memory at a time.
     *
     * @throws dev.imagesdk.core.error.BadRequestException (400) for a marker the server does not know
     */
    public Paged<ImageLink> list(LinkListOpts opts) {
        Arguments.notNull(opts, "opts");
        ApiRequest.Builder b = ApiRequest.get("image-links");
        for (Map.Entry<String, String> q : opts.toQuery()) {
            b.query(q.getKey(), q.getValue());
        }
        return PagedListing.of(client, b.build(), ImageLinkJsonAdapter.pageReader(), ImageLink::linkId);
    }

    /**
     * One link ({@code GET /v2/image-links/{linkid}}).
     *
     * @throws dev.imagesdk.core.error.NotFoundException (404) when it does not exist or does not apply to the caller
     */
    public ImageLink get(String linkId) {
        return Calls.of(client).executeJson(ApiRequest.get("image-links", Arguments.id(linkId, "link id")).build(), ImageLinkJsonAdapter::readSingle);
    }

    /**
     * Creates a link ({@code POST /v2/image-links}, answered 201 with the link and a {@code Location}).
     * Not retried automatically: a lost answer could otherwise create the link twice.
     *
     * @throws dev.imagesdk.core.error.NotFoundException (404) when the image does not exist or is not visible to the caller
     * @throws dev.imagesdk.core.error.ForbiddenException (403) when the caller may not publish the image
     * @throws dev.imagesdk.core.error.ConflictException (409) when the image already has a link in that scope
     */
    public ImageLink create(LinkCreateOpts opts) {
        Arguments.notNull(opts, "opts");
        return Calls.of(client).executeJson(ApiRequest.post("image-links").jsonBody(opts.toJson()).build(), ImageLinkJsonAdapter::readSingle);
    }

    /**
     * Changes a link's priority and/or comment ({@code PATCH /v2/image-links/{linkid}} with a JSON merge
     * patch); returns the updated link.
     *
     * @throws dev.imagesdk.core.error.NotFoundException (404) when the link does not exist or does not apply to the caller
     * @throws dev.imagesdk.core.error.ForbiddenException (403) when the caller may not change it
     */
    public ImageLink update(String linkId, LinkUpdateOpts opts) {
        Arguments.id(linkId, "link id");
        Arguments.notNull(opts, "opts");
        ApiRequest request = ApiRequest.patch("image-links", linkId).jsonBody(opts.toJson(), LinkUpdateOpts.MERGE_PATCH).build();
        return Calls.of(client).executeJson(request, ImageLinkJsonAdapter::readSingle);
    }

    /**
     * Deletes a link ({@code DELETE /v2/image-links/{linkid}}, 204). The image itself stays.
     *
     * @throws dev.imagesdk.core.error.NotFoundException (404) when the link does not exist (already deleted)
     * @throws dev.imagesdk.core.error.ForbiddenException (403) when the caller may not delete it
     */
    public void delete(String linkId) {
        Calls.of(client).executeNoContent(ApiRequest.delete("image-links", Arguments.id(linkId, "link id")).build());
    }

    /**
     * The links of one image that the caller may see ({@code GET /v2/images/{imid}/links}), in listing
     * order. The contract answers in one document; {@code next} links are followed if a server pages.
     *
     * @throws dev.imagesdk.core.error.NotFoundException (404) when the image does not exist or is not visible to the caller
     */
    public List<ImageLink> listForImage(String imageId) {
        ApiRequest request = ApiRequest.get("images", Arguments.uuid(imageId, "image id"), "links").build();
        List<ImageLink> out = new ArrayList<>();
        PagedListing.of(client, request, ImageLinkJsonAdapter.pageReader()).forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * Creates an image and one link per scope, all or nothing: the image record first
     * ({@code POST /v2/images}), then the links in the order given. If a link cannot be created, the
     * links already made and the image are deleted again (a protected image is unprotected first) and
     * the <em>original</em> error is thrown, with every failure of that clean-up (404 included) attached
     * as {@linkplain Throwable#getSuppressed() suppressed} exceptions, so no suppressed exception means
     * nothing was left behind. When the failed request's outcome is
     * unknown (a transport error or 5xx: the server may have created the link), the image's links are
     * listed and removed as well.
     *
     * @param image the image record (its Glance visibility is used as given)
     * @param scopes at least one scope, no duplicates ({@link Scope#global()} for an image every user sees)
     * @return the image and its links
     * @throws ValidationException when no scope, a {@code null} or a duplicate scope is given (before any request)
     */
    public PublishedImage publish(CreateOpts image, Scope... scopes) {
        Arguments.notNull(image, "image");
        List<Scope> wanted = checkScopes(scopes);
        Images images = Images.of(client);
        Image created = images.create(image);
        List<ImageLink> made = new ArrayList<>();
        try {
            for (Scope scope : wanted) {
                made.add(create(LinkCreateOpts.of(created.id(), scope)));
            }
        } catch (RuntimeException original) {
            rollBack(images, created, Boolean.TRUE.equals(image.isProtected()), made, original);
            throw original;
        }
        return new PublishedImage(created, made);
    }

    private static List<Scope> checkScopes(Scope[] scopes) {
        if (scopes == null || scopes.length == 0) {
            throw new ValidationException("publish needs at least one scope: Scope.global(), Scope.organization(org) or Scope.space(org, space)");
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
        return Arrays.asList(scopes.clone());
    }

    private void rollBack(Images images, Image created, boolean isProtected, List<ImageLink> made, RuntimeException original) {
        Set<String> deleted = new HashSet<>();
        for (int i = made.size() - 1; i >= 0; i--) {
            String linkId = made.get(i).linkId();
            if (quietly(original, () -> delete(linkId))) {
                deleted.add(linkId);
            }
        }
        if (original instanceof TransportException || original instanceof ServerException) {
            quietly(original, () -> {
                for (ImageLink l : listForImage(created.id())) {
                    if (!deleted.contains(l.linkId())) {
                        quietly(original, () -> delete(l.linkId()));
                    }
                }
            });
        }
        if (isProtected) {
            quietly(original, () -> images.update(created.id(), UpdateOpts.builder().isProtected(false).build()));
        }
        quietly(original, () -> images.delete(created.id()));
    }

    /**
     * Runs a clean-up step; a failure is attached to {@code original}. A 404 is attached too: the link
     * may be gone already, but it may also exist and just not be visible to the caller, and a user must
     * not be told "nothing half-published" when that is not known.
     */
    private static boolean quietly(RuntimeException original, Runnable step) {
        try {
            step.run();
            return true;
        } catch (RuntimeException e) {
            original.addSuppressed(e);
            return false;
        }
    }
}
