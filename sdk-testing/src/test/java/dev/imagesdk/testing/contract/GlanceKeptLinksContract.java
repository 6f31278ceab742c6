package dev.imagesdk.testing.contract;

import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ListOpts;
import dev.imagesdk.images.model.UpdateOpts;
import dev.imagesdk.images.model.Visibility;
import dev.imagesdk.links.ImageLink;
import dev.imagesdk.links.ImageLinks;
import dev.imagesdk.links.LinkCreateOpts;
import dev.imagesdk.links.LinkListOpts;
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
 * What only links kept in Glance have ({@code ImageLinks.inGlance}; sdk-links' README, "Links kept in Glance"):
 * the encoding as Glance stores it, metadata that does not follow it, and images the caller cannot see.
 * Implemented by the targets that also implement {@link ImageLinksContract} with the Glance backend.
 */
public interface GlanceKeptLinksContract {
    /** A client acting as {@code identity}. */
    dev.imagesdk.core.ServiceClient linkCaller(Identity identity);

    /** The links kept in Glance, acting as {@code identity}. */
    ImageLinks links(Identity identity);

    private static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    default void linksAreImagePropertiesFoundWithGlancePropertyFilters() {
        String org = slug("acme");
        Identity ownerId = Identity.builder().project(slug("owner")).organization(org).build();
        PublishedImage p = links(ownerId).publish(CreateOpts.builder().name("encoded").build(), Scope.organization(org));
        ImageLink link = links(ownerId).create(LinkCreateOpts.builder(p.image().id(), Scope.space(org, "lab"))
                .priority(-7).spaceType("research").comment("GPU; CUDA 12").build());
        Images images = Images.of(linkCaller(ownerId));
        Image stored = images.get(p.image().id());

        assertThat(p.links().get(0).linkId()).isEqualTo(p.image().id() + ":org:" + org);
        assertThat(link.linkId()).isEqualTo(p.image().id() + ":space:" + org + ":lab");
        assertThat(stored.stringProperty("imagesdk:index:org:" + org)).contains("1");
        assertThat(stored.stringProperty("imagesdk:index:space:" + org + ":lab")).contains("1");
        assertThat(stored.stringProperty("imagesdk:index:any")).contains("1");
        assertThat(stored.stringProperty("imagesdk:link:org:" + org).orElseThrow()).matches("v1;p=0;r=[a-z0-9]{8}");
        assertThat(stored.stringProperty("imagesdk:link:space:" + org + ":lab").orElseThrow())
                .matches("v1;p=-7;r=[a-z0-9]{8};t=research;c=GPU; CUDA 12");
        assertThat(stored.tags()).as("no tags are used").isEmpty();
        assertThat(images.list(ListOpts.builder().property("imagesdk:index:space:" + org + ":lab", "1").build()).stream()
                .map(Image::id).collect(Collectors.toList())).containsExactly(p.image().id());
        images.delete(p.image().id());
    }

    @Test
    default void metadataThatDoesNotFollowTheEncodingIsReportedPerLinkAndNeverBreaksAListing() {
        String org = slug("acme");
        Identity ownerId = Identity.builder().project(slug("owner")).organization(org).build();
        Identity memberId = Identity.builder().project(slug("member")).organization(org).build();
        Images images = Images.of(linkCaller(ownerId));
        PublishedImage good = links(ownerId).publish(CreateOpts.builder().name("good").visibility(Visibility.COMMUNITY).build(),
                Scope.organization(org));
        PublishedImage edited = links(ownerId).publish(CreateOpts.builder().name("edited").visibility(Visibility.COMMUNITY).build(),
                Scope.global(), Scope.organization(org));
        String e = edited.image().id();
        images.update(e, UpdateOpts.builder()
                .setProperty("imagesdk:link:org:" + org, "v2;x=new")                          // a newer encoding
                .setProperty("imagesdk:link:space:" + org + ":lab", "v1;p=high;r=abc")        // hand-edited, no index
                .setProperty("imagesdk:link:Team Blue", "v1;p=1;r=abc")                       // not a scope key
                .build());

        List<ImageLink> owned = links(ownerId).listForImage(e);
        assertThat(owned.stream().map(ImageLink::linkId).collect(Collectors.toList())).containsExactlyInAnyOrder(
                e + ":global", e + ":org:" + org, e + ":space:" + org + ":lab", e + ":Team Blue");
        ImageLink global = owned.stream().filter(l -> l.linkId().equals(e + ":global")).findFirst().orElseThrow();
        ImageLink newer = owned.stream().filter(l -> l.linkId().equals(e + ":org:" + org)).findFirst().orElseThrow();
        ImageLink handEdited = owned.stream().filter(l -> l.linkId().endsWith(":lab")).findFirst().orElseThrow();
        ImageLink noScope = owned.stream().filter(l -> l.linkId().endsWith(":Team Blue")).findFirst().orElseThrow();
        assertThat(global.isWellFormed()).isTrue();
        assertThat(newer.decodingProblems()).containsExactly("written in link encoding version 2; this SDK reads version 1");
        assertThat(newer.orgSlug()).isEqualTo(org);
        assertThat(newer.priority()).isNull();
        assertThat(handEdited.decodingProblems()).containsExactly(
                "p (priority): not an integer from -999999 to 999999: \"high\"",
                "index property imagesdk:index:space:" + org + ":lab missing: listings by scope do not find this link");
        assertThat(noScope.decodingProblems()).hasSize(1).allMatch(m -> m.startsWith("property key does not name a scope"));
        assertThat(noScope.orgSlug()).isNull();

        List<ImageLink> seenByMember = links(memberId).list(LinkListOpts.builder().orgSlug(org).build()).stream()
                .collect(Collectors.toList());
        assertThat(seenByMember.stream().map(ImageLink::linkId).collect(Collectors.toList()))
                .as("the listing goes on past the flagged link; a key that names no scope is never taken for a global link")
                .containsExactlyInAnyOrder(good.image().id() + ":org:" + org, e + ":org:" + org);
        images.delete(e);
        images.delete(good.image().id());
    }

    @Test
    default void aLinkToAnImageTheCallerCannotSeeIsNotFound() {
        String org = slug("acme");
        Identity ownerId = Identity.builder().project(slug("owner")).organization(org).build();
        Identity strangerId = Identity.builder().project(slug("stranger")).organization(org).build();
        PublishedImage p = links(ownerId).publish(CreateOpts.builder().name("private").visibility(Visibility.PRIVATE).build(),
                Scope.organization(org));
        ImageLinks stranger = links(strangerId);

        assertThatThrownBy(() -> stranger.create(LinkCreateOpts.of(p.image().id(), Scope.global())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stranger.get(p.links().get(0).linkId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> stranger.listForImage(p.image().id())).isInstanceOf(NotFoundException.class);
        assertThat(stranger.list(LinkListOpts.builder().orgSlug(org).build()).stream())
                .as("the org link applies to the stranger, but Glance does not show it the image").isEmpty();
        Images.of(linkCaller(ownerId)).delete(p.image().id());
    }
}
