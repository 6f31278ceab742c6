package dev.imagesdk.images;

import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.CreatedImage;
import dev.imagesdk.images.model.DateQuery;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.model.ListOpts;
import dev.imagesdk.images.model.SortDirection;
import dev.imagesdk.images.model.SortKey;
import dev.imagesdk.images.model.UpdateOpts;
import dev.imagesdk.images.model.Visibility;

import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.it.RealGlance;
import dev.imagesdk.core.paging.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The images surface against the real Glance (records, listing, patching, lifecycle). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImagesIT {
    private final String runTag = "it-" + UUID.randomUUID();
    private final List<String> created = new ArrayList<>();
    private Images images;

    @BeforeAll
    void connect() {
        images = Images.of(RealGlance.projectA());
    }

    @AfterAll
    void cleanUp() {
        if (images == null) {
            return;
        }
        for (String id : created) {
            try {
                Image image = images.get(id);
                if (image.isProtected()) {
                    images.update(id, UpdateOpts.builder().isProtected(false).build());
                }
                images.delete(id);
            } catch (NotFoundException alreadyGone) {
                // deleted by the test itself
            }
        }
    }

    private Image create(CreateOpts.Builder opts) {
        Image image = images.create(opts.build());
        created.add(image.id());
        return image;
    }

    @Test
    void createWithCustomPropertiesAndReadItBack() {
        CreatedImage createdImage = images.createWithServerInfo(CreateOpts.builder().name("props").tags(runTag, "web")
                .diskFormat(DiskFormat.RAW).containerFormat(ContainerFormat.BARE).minDisk(1).minRam(512)
                .visibility(Visibility.PRIVATE).property("os_distro", "ubuntu").property("custom_key", "custom value").build());
        created.add(createdImage.image().id());

        Image image = images.get(createdImage.image().id());

        assertThat(createdImage.importMethods()).contains("glance-direct");
        assertThat(createdImage.storeIds()).contains("fast", "cheap");
        assertThat(createdImage.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/v2/images/" + image.id()));
        assertThat(image.name()).isEqualTo("props");
        assertThat(image.status()).isEqualTo(ImageStatus.QUEUED);
        assertThat(image.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(image.diskFormat()).isEqualTo(DiskFormat.RAW);
        assertThat(image.containerFormat()).isEqualTo(ContainerFormat.BARE);
        assertThat(image.minDisk()).isEqualTo(1);
        assertThat(image.minRam()).isEqualTo(512);
        assertThat(image.owner()).isEqualTo(RealGlance.PROJECT_A);
        assertThat(image.tags()).containsExactlyInAnyOrder(runTag, "web");
        assertThat(image.properties()).contains(entry("os_distro", "ubuntu"), entry("custom_key", "custom value"));
        assertThat(image.size()).isNull();
        assertThat(image.stores()).isEmpty();
        assertThat(image.createdAt()).isNotNull();
        assertThat(image.isWellFormed()).isTrue();
    }

    @Test
    void createWithExplicitIdTwiceIsAConflict() {
        String id = UUID.randomUUID().toString();
        create(CreateOpts.builder().id(id).name("explicit"));

        assertThatThrownBy(() -> images.create(CreateOpts.builder().id(id).build())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void listFiltersSortingAndPaging() {
        String tag = runTag + "-list";
        Instant before = Instant.now().minusSeconds(2);
        Image alpha = create(CreateOpts.builder().name("alpha").tags(tag, "web").diskFormat(DiskFormat.RAW)
                .containerFormat(ContainerFormat.BARE).visibility(Visibility.PRIVATE).property("architecture", "x86_64"));
        Image bravo = create(CreateOpts.builder().name("bravo").tags(tag).diskFormat(DiskFormat.QCOW2)
                .containerFormat(ContainerFormat.BARE));
        Image comma = create(CreateOpts.builder().name("c,d").tags(tag).diskFormat(DiskFormat.ISO)
                .containerFormat(ContainerFormat.OVF));
        Image hidden = create(CreateOpts.builder().name("hidden").tags(tag).hidden(true));
        Image prot = create(CreateOpts.builder().name("protected").tags(tag).isProtected(true).visibility(Visibility.COMMUNITY));
        Image withData = create(CreateOpts.builder().name("echo").tags(tag).diskFormat(DiskFormat.RAW).containerFormat(ContainerFormat.BARE));
        images.upload(withData.id(), new ByteArrayInputStream(new byte[2048]), 2048);
        withData = images.get(withData.id());
        List<Image> more = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            more.add(create(CreateOpts.builder().name("zulu-" + i).tags(tag)));
        }

        // paging through next with limit=2 over the 8 visible (non-hidden) tagged images, default + community
        List<Page<Image>> pages = new ArrayList<>();
        images.list(ListOpts.builder().tag(tag).limit(2).build()).pages().forEach(pages::add);
        List<String> paged = pages.stream().flatMap(p -> p.items().stream()).map(Image::id).collect(Collectors.toList());
        assertThat(pages).hasSizeGreaterThanOrEqualTo(4);
        assertThat(pages).allSatisfy(p -> assertThat(p.items().size()).isLessThanOrEqualTo(2));
        assertThat(paged).doesNotHaveDuplicates().hasSize(8).doesNotContain(hidden.id());

        assertThat(ids(ListOpts.builder().tag(tag).name("alpha"))).containsExactly(alpha.id());
        assertThat(ids(ListOpts.builder().tag(tag).names("alpha", "c,d"))).containsExactlyInAnyOrder(alpha.id(), comma.id());
        assertThat(ids(ListOpts.builder().tag(tag).ids(alpha.id(), bravo.id()))).containsExactlyInAnyOrder(alpha.id(), bravo.id());
        assertThat(ids(ListOpts.builder().tag(tag).tag("web"))).containsExactly(alpha.id());
        assertThat(ids(ListOpts.builder().tag(tag).owner(RealGlance.PROJECT_A))).hasSize(8);
        assertThat(ids(ListOpts.builder().tag(tag).status(ImageStatus.ACTIVE))).containsExactly(withData.id());
        assertThat(ids(ListOpts.builder().tag(tag).statuses(ImageStatus.ACTIVE, ImageStatus.SAVING))).containsExactly(withData.id());
        assertThat(ids(ListOpts.builder().tag(tag).visibility(Visibility.PRIVATE))).containsExactly(alpha.id());
        assertThat(ids(ListOpts.builder().tag(tag).visibility(Visibility.COMMUNITY))).containsExactly(prot.id());
        assertThat(ids(ListOpts.builder().tag(tag).visibility(Visibility.SHARED).anyMemberStatus())).isNotEmpty()
                .doesNotContain(alpha.id(), prot.id());
        assertThat(ids(ListOpts.builder().tag(tag).hidden(true))).containsExactly(hidden.id());
        assertThat(ids(ListOpts.builder().tag(tag).isProtected(true))).containsExactly(prot.id());
        assertThat(ids(ListOpts.builder().tag(tag).diskFormats(DiskFormat.QCOW2, DiskFormat.ISO)))
                .containsExactlyInAnyOrder(bravo.id(), comma.id());
        assertThat(ids(ListOpts.builder().tag(tag).diskFormat(DiskFormat.QCOW2))).containsExactly(bravo.id());
        assertThat(ids(ListOpts.builder().tag(tag).containerFormat(ContainerFormat.OVF))).containsExactly(comma.id());
        assertThat(ids(ListOpts.builder().tag(tag).containerFormats(ContainerFormat.OVF, ContainerFormat.BARE)))
                .containsExactlyInAnyOrder(alpha.id(), bravo.id(), comma.id(), withData.id());
        assertThat(ids(ListOpts.builder().tag(tag).sizeMin(1000).sizeMax(4096))).containsExactly(withData.id());
        assertThat(ids(ListOpts.builder().tag(tag).sizeMax(10))).isEmpty();
        assertThat(ids(ListOpts.builder().tag(tag).checksum(withData.checksum()))).containsExactly(withData.id());
        assertThat(ids(ListOpts.builder().tag(tag).osHashValue(withData.osHashValue()))).containsExactly(withData.id());
        assertThat(ids(ListOpts.builder().tag(tag).property("architecture", "x86_64"))).containsExactly(alpha.id());
        assertThat(ids(ListOpts.builder().tag(tag).createdAt(DateQuery.after(before)))).hasSize(8);
        assertThat(ids(ListOpts.builder().tag(tag).createdAt(DateQuery.before(before)))).isEmpty();
        assertThat(ids(ListOpts.builder().tag(tag).updatedAt(DateQuery.atOrBefore(Instant.now().plusSeconds(60))))).hasSize(8);
        assertThat(ids(ListOpts.builder().tag(tag).updatedAt(DateQuery.atOrAfter(Instant.now().plusSeconds(60))))).isEmpty();

        List<String> newStyle = names(ListOpts.builder().tag(tag).sort(SortKey.asc(SortKey.NAME)).sort(SortKey.desc(SortKey.CREATED_AT)));
        assertThat(newStyle).isSortedAccordingTo(Comparator.naturalOrder()).hasSize(8);
        List<String> classic = names(ListOpts.builder().tag(tag).sortKey(SortKey.NAME, SortDirection.DESC));
        assertThat(classic).isSortedAccordingTo(Comparator.reverseOrder()).hasSize(8);
        List<String> onePage = ids(ListOpts.builder().tag(tag).sortKey(SortKey.STATUS, SortDirection.ASC)
                .sortKey(SortKey.NAME, SortDirection.DESC));
        List<String> paged2 = ids(ListOpts.builder().tag(tag).limit(2).sortKey(SortKey.STATUS, SortDirection.ASC)
                .sortKey(SortKey.NAME, SortDirection.DESC));
        assertThat(paged2).isEqualTo(onePage);
        assertThat(more).hasSize(3);
    }

    private List<String> ids(ListOpts.Builder opts) {
        return images.list(opts.build()).stream().map(Image::id).collect(Collectors.toList());
    }

    private List<String> names(ListOpts.Builder opts) {
        return images.list(opts.build()).stream().map(Image::name).collect(Collectors.toList());
    }

    @Test
    void everyPatchOperation() {
        Image image = create(CreateOpts.builder().name("patch-me").tags(runTag).property("custom_key", "v0"));
        String id = image.id();

        Image updated = images.update(id, UpdateOpts.builder().name("renamed").visibility(Visibility.PRIVATE)
                .tags("a", "b").minDisk(2).minRam(256).diskFormat(DiskFormat.QCOW2).containerFormat(ContainerFormat.BARE)
                .hidden(true).setProperty("new_prop", "v1").setProperty("a/b~c", "escaped")
                .replaceProperty("custom_key", "v1").build());

        assertThat(updated.name()).isEqualTo("renamed");
        assertThat(updated.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(updated.tags()).containsExactlyInAnyOrder("a", "b");
        assertThat(updated.minDisk()).isEqualTo(2);
        assertThat(updated.minRam()).isEqualTo(256);
        assertThat(updated.diskFormat()).isEqualTo(DiskFormat.QCOW2);
        assertThat(updated.containerFormat()).isEqualTo(ContainerFormat.BARE);
        assertThat(updated.isHidden()).isTrue();
        assertThat(updated.properties()).contains(entry("new_prop", "v1"), entry("a/b~c", "escaped"), entry("custom_key", "v1"));

        Image upserted = images.update(id, UpdateOpts.builder().setProperty("new_prop", "v2").removeProperty("custom_key")
                .isProtected(true).build());
        assertThat(upserted.properties()).containsEntry("new_prop", "v2").doesNotContainKey("custom_key");
        assertThat(upserted.isProtected()).isTrue();

        assertThatThrownBy(() -> images.update(id, UpdateOpts.builder().replaceProperty("not_there_yet", "x").build()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> images.update(id, UpdateOpts.builder().removeProperty("nope").build()))
                .isInstanceOf(ConflictException.class);

        Image unprotected = images.update(id, UpdateOpts.builder().isProtected(false).hidden(false).name(null).build());
        assertThat(unprotected.isProtected()).isFalse();
        assertThat(unprotected.name()).isNull();
    }

    @Test
    void tagsAddAndRemove() {
        Image image = create(CreateOpts.builder().name("tags").tags(runTag));

        images.addTag(image.id(), "hello world");
        images.addTag(image.id(), "hello world");
        images.addTag(image.id(), "x");
        images.removeTag(image.id(), "x");

        assertThat(images.get(image.id()).tags()).containsExactlyInAnyOrder(runTag, "hello world");
        assertThatThrownBy(() -> images.removeTag(image.id(), "x")).isInstanceOf(NotFoundException.class);

        // non-ASCII tags survive only in a JSON body (Glance decodes tag URLs as Latin-1)
        Image unicode = images.update(image.id(), UpdateOpts.builder().tags(runTag, "hello wörld").build());
        assertThat(unicode.tags()).containsExactlyInAnyOrder(runTag, "hello wörld");
    }

    @Test
    void deactivateAndReactivate() {
        Image image = create(CreateOpts.builder().name("deact").tags(runTag).diskFormat(DiskFormat.RAW)
                .containerFormat(ContainerFormat.BARE));
        assertThatThrownBy(() -> images.deactivate(image.id())).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("queued");
        images.upload(image.id(), new ByteArrayInputStream(new byte[1024]), 1024);

        images.deactivate(image.id());
        assertThat(images.get(image.id()).status()).isEqualTo(ImageStatus.DEACTIVATED);
        assertThatThrownBy(() -> images.download(image.id(), new java.io.ByteArrayOutputStream()))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("deactivated");

        images.reactivate(image.id());
        assertThat(images.get(image.id()).status()).isEqualTo(ImageStatus.ACTIVE);
    }

    @Test
    void deletingAProtectedImageIsForbiddenUntilUnprotected() {
        Image image = create(CreateOpts.builder().name("prot").tags(runTag).isProtected(true));

        assertThatThrownBy(() -> images.delete(image.id())).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("protected");

        images.update(image.id(), UpdateOpts.builder().isProtected(false).build());
        images.delete(image.id());
        assertThatThrownBy(() -> images.get(image.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> images.delete(image.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aMissingIdIsNotFound() {
        assertThatThrownBy(() -> images.get("00000000-0000-0000-0000-000000000000"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains("No image found"));
                    assertThat(e.requestId()).isPresent();
                });
    }

    @Test
    void anotherProjectsPrivateImageIsNotFoundForThem() {
        Image image = create(CreateOpts.builder().name("mine").tags(runTag).visibility(Visibility.PRIVATE));

        assertThatThrownBy(() -> Images.of(RealGlance.projectB()).get(image.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void schemasAreReadable() {
        assertThat(Schemas.of(images.client()).image()).containsEntry("name", "image").containsKey("properties");
        assertThat(Schemas.of(images.client()).images()).containsEntry("name", "images");
        assertThat(Schemas.of(images.client()).member()).containsEntry("name", "member");
        assertThat(Schemas.of(images.client()).task()).containsEntry("name", "task");
    }
}
