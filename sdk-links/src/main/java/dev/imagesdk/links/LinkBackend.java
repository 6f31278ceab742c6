package dev.imagesdk.links;

import dev.imagesdk.core.paging.Paged;
import dev.imagesdk.images.model.CreateOpts;

import java.util.List;

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

    PublishedImage publish(CreateOpts image, List<Scope> scopes);
}
