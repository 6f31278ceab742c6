package dev.imagesdk.links;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.KeystoneAuth;
import dev.imagesdk.core.auth.KeystoneToken;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.paging.Page;
import dev.imagesdk.core.paging.Paged;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.data.RawImageValidator;
import dev.imagesdk.images.importing.ImportOpts;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ListOpts;
import dev.imagesdk.images.model.UpdateOpts;
import dev.imagesdk.links.internal.glance.LinkEncoding;
import dev.imagesdk.links.internal.glance.OwnershipEncoding;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images of one organization in the region of the client (seed 002): created with typed ownership and
 * provenance and the organization's links, listed with one Glance query per page, deleted only when the
 * organization owns them. Ownership and provenance are plain Glance custom properties ({@code imagesdk:org},
 * {@code imagesdk:provenance}, encoding version 1 in the module's README), so they work with either links backend
 * and any Glance. Obtained from {@link ImageLinks#organization(String)}; thread-safe.
 *
 * <p>The region is the client's: with Keystone authentication the image endpoint is the catalog's image endpoint
 * of the configured region ({@link #region()}), so each region's Glance holds its own organization images.
 */
public final class OrganizationImages {
    private final LinkBackend backend;
    private final ServiceClient client;
    private final String org;

    OrganizationImages(LinkBackend backend, ServiceClient client, String org) {
        this.backend = backend;
        this.client = client;
        this.org = org;
    }

    /** The organization's slug. */
    public String organization() {
        return org;
    }

    /**
     * The region whose Glance this client talks to, as chosen from the service catalog (Keystone authentication
     * with a region); empty for a fixed endpoint or a catalog with a single image endpoint.
     */
    public Optional<String> region() {
        return client.auth() instanceof KeystoneAuth k ? k.region() : Optional.empty();
    }

    /**
     * Creates an image owned by the organization, with its data and its links, all or nothing (seed 000 and 002).
     * In order: the boot sector of a {@code raw} image is checked ({@link ImageSource}; unless switched off), then
     * the record is created with {@code imagesdk:org} and {@code imagesdk:provenance} and one link per scope (as
     * {@link ImageLinks#publish}; no scope: the organization's link), then the data is uploaded or imported
     * ({@code web-download}; Glance imports in the background, follow it with {@code Images.waitForImport}). If the
     * data step fails the image (and with it its links) is deleted again, unprotected first, and the original error
     * thrown, clean-up failures attached as suppressed exceptions.
     *
     * @param image the image record; its own properties must not start with {@code imagesdk:}
     * @param source the data and who brings it
     * @param scopes the organization's scope and/or spaces of it; none means {@code Scope.organization(org)}
     * @throws ValidationException before any request: a raw image whose first 512 bytes are not a Master Boot
     *         Record, a scope of another organization (or global), a reserved property name, a scope given twice
     */
    public OrganizationImage create(CreateOpts image, ImageSource source, Scope... scopes) {
        Arguments.notNull(image, "image");
        Arguments.notNull(source, "source");
        List<Scope> wanted = ImageLinks.checkScopes(scopes, Scope.organization(org));
        for (Scope s : wanted) {
            if (!org.equals(s.orgSlug())) {
                throw new ValidationException("an image of organization " + org + " is linked in " + org
                        + " or its spaces only, not " + s);
            }
        }
        for (String name : image.properties().keySet()) {
            if (name.startsWith(LinkEncoding.RESERVED_PREFIX)) {
                throw new ValidationException("property \"" + name + "\" is reserved (names starting with "
                        + LinkEncoding.RESERVED_PREFIX + ")");
            }
        }
        if (source.checksBootSector() && DiskFormat.RAW.equals(image.diskFormat())) {
            source.file().ifPresent(RawImageValidator::requireBootable);
            source.url().ifPresent(u -> RawImageValidator.requireBootable(client, u));
        }
        String by = source.by().orElseGet(this::tokenUser);
        Map<String, String> owned = new LinkedHashMap<>();
        owned.put(OwnershipEncoding.ORG_KEY, org);
        owned.put(OwnershipEncoding.PROVENANCE_KEY, OwnershipEncoding.provenance(source.kind().wireValue(), by,
                source.url().map(OrganizationImages::withoutSecrets).orElse(null)));
        PublishedImage published = backend.publish(image, wanted, owned);
        String id = published.image().id();
        Images images = Images.of(client);
        try {
            if (source.file().isPresent()) {
                images.upload(id, source.file().get());
            } else if (source.url().isPresent()) {
                images.importImage(id, ImportOpts.webDownload(source.url().get()).build());
            }
        } catch (RuntimeException original) {
            if (published.image().isProtected()) {
                HttpLinkBackend.quietly(original, () -> images.update(id, UpdateOpts.builder().isProtected(false).build()));
            }
            HttpLinkBackend.quietly(original, () -> images.delete(id));
            throw original;
        }
        return OrganizationImage.of(published.image());
    }

    /**
     * The organization's images in this region: {@code GET /v2/images?imagesdk:org=<org>&visibility=all}, one Glance
     * query per page (Glance's own property filter and paging), lazily. Glance shows only images the caller may
     * see; images with {@code os_hidden=true} are not listed by Glance's filters.
     */
    public Paged<OrganizationImage> list() {
        Paged<Image> images = Images.of(client).list(ListOpts.builder().property(OwnershipEncoding.ORG_KEY, org)
                .anyVisibility().build());
        return new Mapped(images);
    }

    /**
     * One image ({@code GET /v2/images/{id}}) with its ownership read back, whichever organization owns it.
     *
     * @throws dev.imagesdk.core.error.NotFoundException when it does not exist or is not visible to the caller
     */
    public OrganizationImage get(String imageId) {
        return OrganizationImage.of(Images.of(client).get(Arguments.uuid(imageId, "image id")));
    }

    /**
     * Deletes an image of the organization: reads it ({@code GET}) and refuses, before any {@code DELETE}, one the
     * organization does not own; then {@code DELETE /v2/images/{id}} (its links go with it).
     *
     * @throws NotOwnedException when the organization does not own the image (nothing was deleted)
     * @throws dev.imagesdk.core.error.ImageInUseException (409) when Glance answers that it is still in use
     * @throws dev.imagesdk.core.error.ForbiddenException (403) a protected image, or one the caller's project may not delete
     * @throws dev.imagesdk.core.error.NotFoundException when it does not exist or is not visible to the caller
     */
    public void delete(String imageId) {
        Images images = Images.of(client);
        OrganizationImage found = OrganizationImage.of(images.get(Arguments.uuid(imageId, "image id")));
        if (!found.isOwnedBy(org)) {
            throw new NotOwnedException(imageId, org, found.organization().orElse(null));
        }
        images.delete(imageId);
    }

    private String tokenUser() {
        if (client.auth() instanceof KeystoneAuth k) {
            if (k.currentToken().isEmpty()) {
                client.endpoint();   // the catalog's image endpoint: authenticates once
            }
            return k.currentToken().map(KeystoneToken::userId).filter(u -> {
                try {
                    OwnershipEncoding.checkBy(u);
                    return true;
                } catch (ValidationException e) {
                    return false;
                }
            }).orElse(null);
        }
        return null;
    }

    /** scheme://host[:port]/path: no user info, query or fragment (they may carry secrets). */
    private static String withoutSecrets(URI u) {
        return u.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                + (u.getRawPath() == null ? "" : u.getRawPath());
    }

    @Override
    public String toString() {
        return "OrganizationImages{" + org + "}";
    }

    /** The image listing seen as organization images, page for page. */
    private static final class Mapped implements Paged<OrganizationImage> {
        private final Paged<Image> images;

        Mapped(Paged<Image> images) {
            this.images = images;
        }

        @Override
        public Iterator<OrganizationImage> iterator() {
            Iterator<Image> it = images.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public OrganizationImage next() {
                    return OrganizationImage.of(it.next());
                }
            };
        }

        @Override
        public Page<OrganizationImage> firstPage() {
            return map(images.firstPage());
        }

        @Override
        public Iterable<Page<OrganizationImage>> pages() {
            return () -> {
                Iterator<Page<Image>> it = images.pages().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Page<OrganizationImage> next() {
                        return map(it.next());
                    }
                };
            };
        }

        @Override
        public Paged<OrganizationImage> distinct() {
            return new Mapped(images.distinct());
        }

        private static Page<OrganizationImage> map(Page<Image> page) {
            List<OrganizationImage> items = new ArrayList<>();
            for (Image i : page.items()) {
                items.add(OrganizationImage.of(i));
            }
            return new Page<>(items, page.nextLink().orElse(null), page.requestId().orElse(null));
        }
    }
}
