package dev.imagesdk.links;

import dev.imagesdk.core.error.ValidationException;

import dev.imagesdk.core.internal.http.Calls;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.TransportException;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.paging.PagedListing;
import dev.imagesdk.core.paging.Paged;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.UpdateOpts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The links backend of an image-link service ({@code /v2/image-links}, the wire contract in the module's README):
 * the emulator, or any server implementing the contract. Arguments arrive checked by {@link ImageLinks}.
 */
final class HttpLinkBackend implements LinkBackend {
    private final ServiceClient client;

    HttpLinkBackend(ServiceClient client) {
        this.client = client;
    }

    @Override
    public Paged<ImageLink> list(LinkListOpts opts) {
        ApiRequest.Builder b = ApiRequest.get("image-links");
        for (Map.Entry<String, String> q : opts.toQuery()) {
            b.query(q.getKey(), q.getValue());
        }
        return PagedListing.of(client, b.build(), ImageLinkJsonAdapter.pageReader(), ImageLink::linkId);
    }

    @Override
    public ImageLink get(String linkId) {
        return Calls.of(client).executeJson(ApiRequest.get("image-links", Arguments.id(linkId, "link id")).build(), ImageLinkJsonAdapter::readSingle);
    }

    @Override
    public ImageLink create(LinkCreateOpts opts) {
        return Calls.of(client).executeJson(ApiRequest.post("image-links").jsonBody(opts.toJson()).build(), ImageLinkJsonAdapter::readSingle);
    }

    @Override
    public ImageLink update(String linkId, LinkUpdateOpts opts) {
        Arguments.id(linkId, "link id");
        ApiRequest request = ApiRequest.patch("image-links", linkId).jsonBody(opts.toJson(), LinkUpdateOpts.MERGE_PATCH).build();
        return Calls.of(client).executeJson(request, ImageLinkJsonAdapter::readSingle);
    }

    @Override
    public void delete(String linkId) {
        Calls.of(client).executeNoContent(ApiRequest.delete("image-links", Arguments.id(linkId, "link id")).build());
    }

    @Override
    public List<ImageLink> listForImage(String imageId) {
        ApiRequest request = ApiRequest.get("images", Arguments.uuid(imageId, "image id"), "links").build();
        List<ImageLink> out = new ArrayList<>();
        PagedListing.of(client, request, ImageLinkJsonAdapter.pageReader()).forEach(out::add);
        return List.copyOf(out);
    }

    @Override
    public PublishedImage publish(CreateOpts image, List<Scope> wanted, Map<String, String> sdkProperties) {
        Images images = Images.of(client);
        CreateOpts record = image;
        if (!sdkProperties.isEmpty()) {
            Map<String, String> properties = new java.util.LinkedHashMap<>(image.properties());
            properties.putAll(sdkProperties);
            record = GlanceLinkBackend.copy(image, image.id(), properties);
        }
        Image created = images.create(record);
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
    static boolean quietly(RuntimeException original, Runnable step) {
        try {
            step.run();
            return true;
        } catch (RuntimeException e) {
            original.addSuppressed(e);
            return false;
        }
    }

    @Override
    public ReconcileReport reconcile(String imageId) {
        throw new ValidationException("reconcile brings links kept in Glance and Glance's sharing in line"
                + " (ImageLinks.inGlance(client, caller, projects)); an image-link service decides availability itself");
    }
}
