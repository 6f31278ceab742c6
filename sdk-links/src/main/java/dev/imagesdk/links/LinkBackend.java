package dev.imagesdk.links;

import dev.imagesdk.core.paging.Paged;
import dev.imagesdk.images.model.CreateOpts;

import java.util.List;
import java.util.Map;

/**
 * Where {@link ImageLinks} keeps links: an image-link service ({@link HttpLinkBackend}) or Glance's own image
 * metadata ({@link GlanceLinkBackend}). Arguments arrive non-null and checked by {@link ImageLinks}; each backend
 * checks what only it can (the Glance encoding's limits) before any request.
 */
interface LinkBackend {
    Paged<ImageLink> list(LinkListOpts opts);

    ImageLink get(String linkId);

    ImageLink create(LinkCreateOpts opts);

    ImageLink update(String linkId, LinkUpdateOpts opts);

    void delete(String linkId);

    List<ImageLink> listForImage(String imageId);

    /**
     * Creates the image and its links, all or nothing.
     *
     * @param sdkProperties properties the SDK itself adds to the image record (names starting with
     *        {@code imagesdk:}, already checked), for example ownership and provenance; may be empty
     */
    PublishedImage publish(CreateOpts image, List<Scope> scopes, Map<String, String> sdkProperties);

    /** Brings one image's availability in line with its links ({@code null} image id: every image the caller manages). */
    ReconcileReport reconcile(String imageId);
}
