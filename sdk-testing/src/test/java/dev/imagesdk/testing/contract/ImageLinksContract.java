package dev.imagesdk.testing.contract;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.Images;
import dev.imagesdk.links.ImageLink;
import dev.imagesdk.links.ImageLinks;
import dev.imagesdk.links.LinkCreateOpts;
import dev.imagesdk.links.LinkListOpts;
import dev.imagesdk.links.LinkUpdateOpts;
import dev.imagesdk.links.PublishedImage;
import dev.imagesdk.links.Scope;
import dev.imagesdk.testing.Identity;
import dev.imagesdk.links.access.CallerRoles;
import dev.imagesdk.images.model.Visibility;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The image-links contract (sdk-links' README, issue 5) through the SDK's {@link ImageLinks} client, the same
 * for both backends: an image-link service (the emulator's {@code /v2/image-links}, whose server knows the
 * identities' organization and space roles) and links kept in Glance ({@code ImageLinks.inGlance}, on the
 * emulator's and the real Glance's images API, with the roles given by the application: {@link #callerRoles}).
 *
 * <p>Images that callers other than their owner must see are created with visibility {@code community}: in
 * Glance a link is listed only when Glance shows its image to the caller, and making images available by their
 * links is not done yet; an image-link service ignores the visibility.
 */
public interface ImageLinksContract {
    /** A client acting as {@code identity} (its project, user and project roles). */
    ServiceClient linkCaller(Identity identity);

    /** The links client acting as {@code identity}: by default of an image-link service that knows its roles. */
    default ImageLinks links(Identity identity) {
        return ImageLinks.of(linkCaller(identity));
    }

    /** What an application tells {@code ImageLinks.inGlance} about {@code identity}: project, admin, roles. */
    static CallerRoles callerRoles(Identity identity) {
        CallerRoles.Builder b = CallerRoles.builder().project(identity.projectId()).administrator(identity.isAdmin());
        for (Identity.Grant g : identity.organizationRoles()) {
            b.orgRole(new CallerRoles.OrgRole(g.organization(), "member", g.active()));
        }
        for (Identity.Grant g : identity.spaceRoles()) {
            b.spaceRole(new CallerRoles.SpaceRole(g.organization(), g.space(), "member", g.active()));
        }
        return b.build();
    }

    /** Fresh slugs per test, so tests never see each other's links. */
    private static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<String> ids(List<ImageLink> links) {
        return links.stream().map(ImageLink::linkId).collect(Collectors.toList());
    }

    @Test
    default void linksApplyByScopeAndActiveRoles() {
        String org = slug("acme");
        String other = slug("globex");
        String project = slug("owner");
        ImageLinks owner = links(Identity.builder().project(project).organization(org).build());
        PublishedImage p = owner.publish(CreateOpts.builder().name("linked").visibility(Visibility.COMMUNITY).build(),
                Scope.global(), Scope.organization(org), Scope.space(org, "lab"));
        String image = p.image().id();
        ImageLink global = p.links().get(0);
        ImageLink orgLink = p.links().get(1);
        ImageLink spaceLink = p.links().get(2);

        ImageLinks outsider = links(Identity.builder().project(slug("p")).organization(other).build());
        ImageLinks orgMember = links(Identity.builder().project(slug("p")).organization(org).build());
        ImageLinks inactive = links(Identity.builder().project(slug("p"))
                .inactiveOrganization(org).inactiveSpace(org, "lab").build());
        ImageLinks spaceMember = links(Identity.builder().project(slug("p")).space(org, "lab").build());

        LinkListOpts ofImage = LinkListOpts.builder().imageId(image).build();
        assertThat(ids(outsider.list(ofImage).stream().collect(Collectors.toList()))).containsExactly(global.linkId());
        assertThat(ids(inactive.list(ofImage).stream().collect(Collectors.toList()))).containsExactly(global.linkId());
        assertThat(ids(orgMember.list(ofImage).stream().collect(Collectors.toList())))
                .containsExactly(global.linkId(), orgLink.linkId());
        assertThat(ids(spaceMember.list(ofImage).stream().collect(Collectors.toList())))
                .containsExactly(global.linkId(), spaceLink.linkId());
        assertThat(ids(owner.listForImage(image))).as("the owner manages every link of its image")
                .containsExactly(global.linkId(), orgLink.linkId(), spaceLink.linkId());
        assertThatThrownBy(() -> outsider.get(orgLink.linkId())).isInstanceOf(NotFoundException.class);
        Images.of(linkCaller(Identity.builder().project(project).build())).delete(image);
    }

    /** Seed 000: an image created without scope is global, with an organization the organization's, with a space the space's. */
    @Test
    default void anImageCreatedWithoutScopeIsGlobalWithOrganizationOrSpaceItIsTheirs() {
        String org = slug("acme");
        String project = slug("owner");
        ImageLinks owner = links(Identity.builder().project(project).organization(org).space(org, "lab").build());
        PublishedImage global = owner.publish(CreateOpts.builder().name("seed000-global").visibility(Visibility.COMMUNITY).build());
        PublishedImage inOrg = owner.publish(CreateOpts.builder().name("seed000-org").build(), Scope.of(org, null));
        PublishedImage inSpace = owner.publish(CreateOpts.builder().name("seed000-space").build(), Scope.of(org, "lab"));

        assertThat(global.links()).extracting(ImageLink::scope).containsExactly(Scope.global());
        assertThat(inOrg.links()).extracting(ImageLink::scope).containsExactly(Scope.organization(org));
        assertThat(inSpace.links()).extracting(ImageLink::scope).containsExactly(Scope.space(org, "lab"));
        ImageLinks outsider = links(Identity.builder().project(slug("p")).build());
        assertThat(ids(outsider.list(LinkListOpts.builder().imageId(global.image().id()).build()).stream()
                .collect(Collectors.toList()))).containsExactly(global.links().get(0).linkId());
        Images images = Images.of(linkCaller(Identity.builder().project(project).build()));
        for (PublishedImage p : List.of(global, inOrg, inSpace)) {
            images.delete(p.image().id());
        }
    }

    @Test
    default void listingIsOrderedByScopeThenPriorityAndPages() {
        String org = slug("acme");
        String project = slug("owner");
        Identity ownerId = Identity.builder().project(project).organization(org).space(org, "lab").build();
        ImageLinks owner = links(ownerId);
        Images images = Images.of(linkCaller(ownerId));
        String first = images.create(CreateOpts.builder().name("one").build()).id();
        String second = images.create(CreateOpts.builder().name("two").build()).id();
        ImageLink space = owner.create(LinkCreateOpts.builder(first, Scope.space(org, "lab")).priority(1).spaceType("research").build());
        ImageLink orgLow = owner.create(LinkCreateOpts.builder(first, Scope.organization(org)).priority(5).build());
        ImageLink orgHigh = owner.create(LinkCreateOpts.builder(second, Scope.organization(org)).priority(1).build());
        ImageLink global = owner.create(LinkCreateOpts.builder(second, Scope.global()).priority(9).build());

        List<ImageLink> listed = owner.list(LinkListOpts.builder().orgSlug(org).limit(2).build()).stream()
                .collect(Collectors.toList());
        assertThat(ids(listed)).containsExactly(orgHigh.linkId(), orgLow.linkId(), space.linkId());
        assertThat(ids(owner.list(LinkListOpts.builder().imageId(second).build()).stream().collect(Collectors.toList())))
                .containsExactly(global.linkId(), orgHigh.linkId());
        assertThat(ids(owner.list(LinkListOpts.builder().spaceType("research").build()).stream()
                .collect(Collectors.toList()))).contains(space.linkId()).doesNotContain(orgLow.linkId());
        images.delete(first);
        images.delete(second);
    }

    @Test
    default void ownersAndAdministratorsListEveryLinkOfTheImagesTheyManage() {
        String org = slug("acme");
        Identity ownerId = Identity.builder().project(slug("owner")).build();
        PublishedImage p = links(ownerId).publish(CreateOpts.builder().name("managed").visibility(Visibility.COMMUNITY).build(),
                Scope.space(org, "lab"));
        LinkListOpts ofOrg = LinkListOpts.builder().orgSlug(org).build();
        String space = p.image().id();

        assertThat(ids(links(ownerId).list(ofOrg).stream().collect(Collectors.toList())))
                .as("the owner has no role in the space, but manages the image").containsExactly(p.links().get(0).linkId());
        assertThat(ids(links(Identity.admin(slug("admin"))).list(ofOrg).stream().collect(Collectors.toList())))
                .containsExactly(p.links().get(0).linkId());
        assertThat(links(Identity.builder().project(slug("p")).organization(org).build()).list(ofOrg).stream())
                .as("an organization role is not a role in its space").isEmpty();
        Images.of(linkCaller(ownerId)).delete(space);
    }

    @Test
    default void priorityAndCommentChangeAndDeletedLinksAreGone() {
        String project = slug("owner");
        ImageLinks owner = links(Identity.builder().project(project).build());
        PublishedImage p = owner.publish(CreateOpts.builder().name("editable").build(), Scope.global());
        ImageLink link = p.links().get(0);

        ImageLink changed = owner.update(link.linkId(), LinkUpdateOpts.builder().priority(3).comment("default image").build());
        assertThat(changed.priority()).isEqualTo(3);
        assertThat(changed.comment()).isEqualTo("default image");
        assertThat(owner.get(link.linkId()).comment()).isEqualTo("default image");
        ImageLink cleared = owner.update(link.linkId(), LinkUpdateOpts.builder().clearComment().build());
        assertThat(cleared.comment()).isNull();

        owner.delete(link.linkId());
        assertThatThrownBy(() -> owner.get(link.linkId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> owner.delete(link.linkId())).isInstanceOf(NotFoundException.class);
        Images.of(linkCaller(Identity.builder().project(project).build())).delete(p.image().id());
    }

    @Test
    default void onlyTheImageOwnerCreatesAndChangesLinks() {
        String project = slug("owner");
        ImageLinks owner = links(Identity.builder().project(project).build());
        PublishedImage p = owner.publish(CreateOpts.builder().name("owned").visibility(Visibility.COMMUNITY).build(),
                Scope.global());
        ImageLinks stranger = links(Identity.builder().project(slug("stranger")).build());

        assertThatThrownBy(() -> stranger.update(p.links().get(0).linkId(), LinkUpdateOpts.builder().priority(1).build()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> stranger.delete(p.links().get(0).linkId())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> owner.create(LinkCreateOpts.of(p.image().id(), Scope.global())))
                .as("one link per scope").isInstanceOf(ConflictException.class);
        Images.of(linkCaller(Identity.builder().project(project).build())).delete(p.image().id());
    }

    @Test
    default void publishRollsBackTheImageWhenALinkFails() {
        String project = slug("owner");
        Identity ownerId = Identity.builder().project(project).build();
        ServiceClient client = linkCaller(ownerId);
        ImageLinks owner = links(ownerId);
        Images images = Images.of(client);
        String name = slug("half");
        PublishedImage first = owner.publish(CreateOpts.builder().name("kept").build(), Scope.global());

        assertThatThrownBy(() -> owner.publish(CreateOpts.builder().id(first.image().id()).name(name).build(),
                Scope.global())).isInstanceOf(ConflictException.class);
        assertThat(images.list(dev.imagesdk.images.model.ListOpts.builder().name(name).build()).stream()).isEmpty();
        assertThat(owner.listForImage(first.image().id())).hasSize(1);
        images.delete(first.image().id());
    }

    @Test
    default void deletingAnImageDeletesItsLinks() {
        String project = slug("owner");
        Identity ownerId = Identity.builder().project(project).build();
        ServiceClient client = linkCaller(ownerId);
        ImageLinks owner = links(ownerId);
        PublishedImage p = owner.publish(CreateOpts.builder().name("short-lived").build(), Scope.global());

        Images.of(client).delete(p.image().id());
        assertThatThrownBy(() -> owner.get(p.links().get(0).linkId())).isInstanceOf(NotFoundException.class);
    }

    /**
     * 16 writers change links of one image at the same time (each creates its own space link, then deletes it or
     * changes its comment): none of the changes is lost, and nothing of the writes is left behind. Glance stores a
     * PATCH by rewriting the whole property set as the request read it, so without the SDK's link-write lock most of
     * them are lost; the lock images are hidden images of the owner, deleted when released.
     */
    @Test
    default void sixteenConcurrentWritersOnOneImageLoseNothing() throws Exception {
        String org = slug("acme");
        Identity ownerId = Identity.builder().project(slug("owner")).build();
        PublishedImage p = links(ownerId).publish(CreateOpts.builder().name("busy").build(), Scope.global());
        String image = p.image().id();
        int writers = 16;
        long began = System.nanoTime();
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(writers);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int w = i;
            done.add(pool.submit(() -> {
                ImageLinks mine = links(ownerId.toBuilder().user("writer-" + w).build());
                start.await();
                ImageLink l = mine.create(LinkCreateOpts.builder(image, Scope.space(org, "w" + w)).priority(w).build());
                if (w % 2 == 0) {
                    mine.delete(l.linkId());
                } else {
                    mine.update(l.linkId(), LinkUpdateOpts.builder().comment("kept by writer " + w).build());
                }
                return null;
            }));
        }
        try {
            for (java.util.concurrent.Future<?> f : done) {
                f.get(5, java.util.concurrent.TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        List<ImageLink> now = links(ownerId).listForImage(image);
        assertThat(now).allSatisfy(l -> assertThat(l.decodingProblems()).isEmpty());
        assertThat(now.stream().map(l -> l.spaceSlug() + "|" + l.priority() + "|" + l.comment()).collect(Collectors.toList()))
                .containsExactly("null|0|null", "w1|1|kept by writer 1", "w3|3|kept by writer 3", "w5|5|kept by writer 5",
                        "w7|7|kept by writer 7", "w9|9|kept by writer 9", "w11|11|kept by writer 11",
                        "w13|13|kept by writer 13", "w15|15|kept by writer 15");
        System.out.println("links: 16 concurrent writers (32 writes) on one image took " + (System.nanoTime() - began) / 1_000_000 + " ms");
        assertThat(Images.of(linkCaller(ownerId)).list(dev.imagesdk.images.model.ListOpts.builder().hidden(true)
                .name("imagesdk link-write lock").build()).stream().collect(Collectors.toList()))
                .as("every link-write lock was released").isEmpty();
        Images.of(linkCaller(ownerId)).delete(image);
    }

    @Test
    default void impossibleScopesAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> Scope.space(null, "lab")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Scope.organization(" ")).isInstanceOf(ValidationException.class);
    }
}
