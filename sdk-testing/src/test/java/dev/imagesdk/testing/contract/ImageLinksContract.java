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
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The image-links contract (sdk-links' README, issue 5) through the SDK's {@link ImageLinks} client.
 * Glance has no image links, so only targets that serve them implement this interface; callers are
 * identities with organization and space roles, which only such a target can know.
 */
public interface ImageLinksContract {
    /** A client acting as {@code identity}, whose organization and space roles the target knows. */
    ServiceClient linkCaller(Identity identity);

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
        ImageLinks owner = ImageLinks.of(linkCaller(Identity.builder().project(project).organization(org).build()));
        PublishedImage p = owner.publish(CreateOpts.builder().name("linked").build(),
                Scope.global(), Scope.organization(org), Scope.space(org, "lab"));
        String image = p.image().id();
        ImageLink global = p.links().get(0);
        ImageLink orgLink = p.links().get(1);
        ImageLink spaceLink = p.links().get(2);

        ImageLinks outsider = ImageLinks.of(linkCaller(Identity.builder().project(slug("p")).organization(other).build()));
        ImageLinks orgMember = ImageLinks.of(linkCaller(Identity.builder().project(slug("p")).organization(org).build()));
        ImageLinks inactive = ImageLinks.of(linkCaller(Identity.builder().project(slug("p"))
                .inactiveOrganization(org).inactiveSpace(org, "lab").build()));
        ImageLinks spaceMember = ImageLinks.of(linkCaller(Identity.builder().project(slug("p")).space(org, "lab").build()));

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

    @Test
    default void listingIsOrderedByScopeThenPriorityAndPages() {
        String org = slug("acme");
        String project = slug("owner");
        Identity ownerId = Identity.builder().project(project).organization(org).space(org, "lab").build();
        ImageLinks owner = ImageLinks.of(linkCaller(ownerId));
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
    default void priorityAndCommentChangeAndDeletedLinksAreGone() {
        String project = slug("owner");
        ImageLinks owner = ImageLinks.of(linkCaller(Identity.builder().project(project).build()));
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
        ImageLinks owner = ImageLinks.of(linkCaller(Identity.builder().project(project).build()));
        PublishedImage p = owner.publish(CreateOpts.builder().name("owned").build(), Scope.global());
        ImageLinks stranger = ImageLinks.of(linkCaller(Identity.builder().project(slug("stranger")).build()));

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
        ServiceClient client = linkCaller(Identity.builder().project(project).build());
        ImageLinks owner = ImageLinks.of(client);
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
        ServiceClient client = linkCaller(Identity.builder().project(project).build());
        ImageLinks owner = ImageLinks.of(client);
        PublishedImage p = owner.publish(CreateOpts.builder().name("short-lived").build(), Scope.global());

        Images.of(client).delete(p.image().id());
        assertThatThrownBy(() -> owner.get(p.links().get(0).linkId())).isInstanceOf(NotFoundException.class);
    }

    @Test
    default void impossibleScopesAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> Scope.space(null, "lab")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Scope.organization(" ")).isInstanceOf(ValidationException.class);
    }
}
