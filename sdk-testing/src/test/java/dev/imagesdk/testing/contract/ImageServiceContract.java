package dev.imagesdk.testing.contract;

import dev.imagesdk.images.tasks.Task;
import dev.imagesdk.images.tasks.TaskCreateOpts;
import dev.imagesdk.images.tasks.Tasks;
import dev.imagesdk.images.cache.CacheClearTarget;
import dev.imagesdk.images.cache.CacheContents;
import dev.imagesdk.images.cache.CachedImage;
import dev.imagesdk.images.cache.ImageCache;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.BadRequestException;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.RangeNotSatisfiableException;
import dev.imagesdk.core.error.UnsupportedFeatureException;
import dev.imagesdk.images.locations.ImageLocations;
import dev.imagesdk.images.locations.LocationOpts;
import dev.imagesdk.core.paging.Page;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DateQuery;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.ListOpts;
import dev.imagesdk.images.model.MemberStatus;
import dev.imagesdk.images.model.SortDirection;
import dev.imagesdk.images.model.SortKey;
import dev.imagesdk.images.model.UpdateOpts;
import dev.imagesdk.images.model.Visibility;
import dev.imagesdk.images.data.ByteRange;
import dev.imagesdk.images.data.DownloadOpts;
import dev.imagesdk.images.data.DownloadResult;
import dev.imagesdk.images.data.NoImageDataException;
import dev.imagesdk.images.importing.ImportOpts;
import dev.imagesdk.members.Member;
import dev.imagesdk.members.Members;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The image service contract, written once against the SDK's public API and run against every target:
 * the emulator ({@link EmulatorContractTest}, every build) and a real Glance ({@link GlanceContractIT}).
 * Any difference between the targets is a bug in the emulator. Each test tags its images with a
 * run-unique tag (lists filter on it, so a shared Glance's other images never interfere) and deletes
 * them afterwards. {@link ContractReport} prints which test passed on which target.
 *
 * <p>Image links are not part of Glance; their contract tests are in {@link ImageLinksContract}, which
 * only the emulator's run implements.
 */
@ExtendWith(ContractReport.class)
public abstract class ImageServiceContract {
    /** 256 KiB of fixed pseudo-random bytes. */
    protected static final byte[] DATA = data(256 * 1024);

    private final List<String> created = new ArrayList<>();
    /** The run-unique tag of this test's images. */
    protected String tag;
    protected Images a;
    protected Images b;
    protected Images admin;
    protected Members membersA;
    protected Members membersB;

    /** A client acting as project A (member, reader). */
    protected abstract ServiceClient projectA();

    /** A client acting as project B (member, reader). */
    protected abstract ServiceClient projectB();

    /** A client acting as an administrator. */
    protected abstract ServiceClient administrator();

    protected abstract String projectAId();

    protected abstract String projectBId();

    /** The Glance release whose answers this target gives (the emulator: 25.1). */
    protected GlanceRelease release() {
        return GlanceRelease.GLANCE_25;
    }

    private static byte[] data(int n) {
        byte[] d = new byte[n];
        new Random(42).nextBytes(d);
        return d;
    }

    @BeforeEach
    void clients() {
        tag = "contract-" + UUID.randomUUID();
        a = Images.of(projectA());
        b = Images.of(projectB());
        admin = Images.of(administrator());
        membersA = Members.of(projectA());
        membersB = Members.of(projectB());
    }

    @AfterEach
    void deleteCreatedImages() {
        for (String id : created) {
            try {
                admin.update(id, UpdateOpts.builder().isProtected(false).build());
                admin.delete(id);
            } catch (NotFoundException ignored) {
                // deleted by the test
            }
        }
        created.clear();
    }

    /** Creates an image as {@code who} with the run tag added; it is deleted after the test. */
    protected Image create(Images who, CreateOpts.Builder opts) {
        List<String> given = opts.build().tags();
        List<String> tags = given == null ? new ArrayList<>() : new ArrayList<>(given);
        tags.add(tag);
        Image image = who.create(opts.tags(tags).build());
        created.add(image.id());
        return image;
    }

    protected Image createRaw(Images who, String name) {
        return create(who, CreateOpts.builder().name(name).diskFormat(DiskFormat.RAW).containerFormat(ContainerFormat.BARE));
    }

    protected Image createWithData(Images who, String name) {
        Image image = createRaw(who, name);
        who.upload(image.id(), new ByteArrayInputStream(DATA), DATA.length);
        return who.get(image.id());
    }

    protected List<Image> listTagged(Images who, ListOpts.Builder opts) {
        return who.list(opts.tag(tag).build()).stream().collect(Collectors.toList());
    }

    protected static List<String> names(List<Image> images) {
        return images.stream().map(Image::name).collect(Collectors.toList());
    }

    protected static List<String> ids(List<Image> images) {
        return images.stream().map(Image::id).collect(Collectors.toList());
    }

    private static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    // ---- create and show --------------------------------------------------------------------------

    @Test
    void createdImageIsQueuedSharedAndOwnedByTheCaller() {
        Image image = create(a, CreateOpts.builder().name("defaults"));

        assertThat(image.status()).isEqualTo(ImageStatus.QUEUED);
        assertThat(image.visibility()).isEqualTo(Visibility.SHARED);
        assertThat(image.owner()).isEqualTo(projectAId());
        assertThat(image.size()).isNull();
        assertThat(image.checksum()).isNull();
        assertThat(image.isProtected()).isFalse();
        assertThat(image.isHidden()).isFalse();
        assertThat(image.stores()).isEmpty();
        assertThat(image.self()).isEqualTo("/v2/images/" + image.id());
        assertThat(image.createdAt()).isNotNull();
    }

    @Test
    void createKeepsCustomPropertiesTagsAndCoreAttributes() {
        Image image = create(a, CreateOpts.builder().name("props").diskFormat(DiskFormat.QCOW2)
                .containerFormat(ContainerFormat.BARE).minRam(512).minDisk(1).visibility(Visibility.PRIVATE)
                .property("os_distro", "ubuntu").property("custom_key", "custom value").tags("web"));

        Image again = a.get(image.id());
        assertThat(again.diskFormat()).isEqualTo(DiskFormat.QCOW2);
        assertThat(again.minRam()).isEqualTo(512);
        assertThat(again.minDisk()).isEqualTo(1);
        assertThat(again.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(again.stringProperty("os_distro")).contains("ubuntu");
        assertThat(again.stringProperty("custom_key")).contains("custom value");
        assertThat(again.tags()).containsExactlyInAnyOrder("web", tag);
    }

    @Test
    void explicitIdIsKeptAndASecondCreateWithItConflicts() {
        String id = UUID.randomUUID().toString();
        Image image = create(a, CreateOpts.builder().id(id).name("explicit"));

        assertThat(image.id()).isEqualTo(id);
        assertThatThrownBy(() -> a.create(CreateOpts.builder().id(id).name("dup").build()))
                .isInstanceOf(ConflictException.class);
    }

    /** Glance keeps a deleted image's row: its id is gone for GET, and taken for every later create (the links' write lock relies on it). */
    @Test
    void theIdOfADeletedImageCannotBeCreatedAgain() {
        String id = UUID.randomUUID().toString();
        a.create(CreateOpts.builder().id(id).name("deleted-id").build());
        a.delete(id);

        assertThatThrownBy(() -> a.get(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> a.create(CreateOpts.builder().id(id).name("again").build()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Image ID " + id + " already exists");
        assertThatThrownBy(() -> b.create(CreateOpts.builder().id(id).name("again, by another project").build()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void unknownImageIsNotFound() {
        assertThatThrownBy(() -> a.get(UUID.randomUUID().toString())).isInstanceOf(NotFoundException.class);
    }

    /** A project member creates images for its own project only; naming it as owner is allowed (the link-write lock does). */
    @Test
    void aMemberCreatesImagesForItsOwnProjectOnly() {
        assertThatThrownBy(() -> create(a, CreateOpts.builder().name("for b").owner(projectBId())))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("You are not permitted to create images owned by '" + projectBId() + "'.");
        assertThat(create(a, CreateOpts.builder().name("for a").owner(projectAId())).owner()).isEqualTo(projectAId());
    }

    @Test
    void aMemberCannotCreateAPublicImage() {
        assertThatThrownBy(() -> create(a, CreateOpts.builder().name("public").visibility(Visibility.PUBLIC)))
                .isInstanceOf(ForbiddenException.class);
    }

    // ---- list: filters, sorting, paging ------------------------------------------------------------

    @Test
    void listFiltersByName() {
        createRaw(a, "alpha");
        createRaw(a, "bravo");

        assertThat(names(listTagged(a, ListOpts.builder().name("alpha")))).containsExactly("alpha");
    }

    @Test
    void listFiltersByNameInList() {
        createRaw(a, "alpha");
        createRaw(a, "bravo");
        createRaw(a, "charlie");

        assertThat(names(listTagged(a, ListOpts.builder().names("alpha", "charlie"))))
                .containsExactlyInAnyOrder("alpha", "charlie");
    }

    @Test
    void listFiltersByStatus() {
        createRaw(a, "empty");
        createWithData(a, "full");

        assertThat(names(listTagged(a, ListOpts.builder().status(ImageStatus.ACTIVE)))).containsExactly("full");
        assertThat(names(listTagged(a, ListOpts.builder().status(ImageStatus.QUEUED)))).containsExactly("empty");
    }

    @Test
    void listRequiresEveryTag() {
        create(a, CreateOpts.builder().name("both").tags("web", "db"));
        create(a, CreateOpts.builder().name("web-only").tags("web"));

        assertThat(names(listTagged(a, ListOpts.builder().tag("web").tag("db")))).containsExactly("both");
        assertThat(names(listTagged(a, ListOpts.builder().tag("web")))).containsExactlyInAnyOrder("both", "web-only");
    }

    @Test
    void listFiltersByCustomProperty() {
        create(a, CreateOpts.builder().name("ubuntu").property("os_distro", "ubuntu"));
        create(a, CreateOpts.builder().name("debian").property("os_distro", "debian"));

        assertThat(names(listTagged(a, ListOpts.builder().property("os_distro", "ubuntu")))).containsExactly("ubuntu");
    }

    @Test
    void listFiltersBySizeAndChecksum() throws Exception {
        createRaw(a, "empty");
        createWithData(a, "full");

        assertThat(names(listTagged(a, ListOpts.builder().sizeMin(1000)))).containsExactly("full");
        assertThat(names(listTagged(a, ListOpts.builder().sizeMax(10)))).isEmpty();
        assertThat(names(listTagged(a, ListOpts.builder().checksum(hex("MD5", DATA))))).containsExactly("full");
        assertThat(names(listTagged(a, ListOpts.builder().osHashValue(hex("SHA-512", DATA))))).containsExactly("full");
    }

    @Test
    void listFiltersByVisibility() {
        create(a, CreateOpts.builder().name("private").visibility(Visibility.PRIVATE));
        create(a, CreateOpts.builder().name("shared").visibility(Visibility.SHARED));

        assertThat(names(listTagged(a, ListOpts.builder().visibility(Visibility.PRIVATE)))).containsExactly("private");
        assertThat(names(listTagged(a, ListOpts.builder().visibility(Visibility.SHARED)))).containsExactly("shared");
    }

    @Test
    void listFiltersByCreationAndUpdateTime() {
        Image first = createRaw(a, "first");
        Image second = createRaw(a, "second");

        assertThat(names(listTagged(a, ListOpts.builder().createdAt(DateQuery.atOrAfter(first.createdAt())))))
                .containsExactlyInAnyOrder("first", "second");
        assertThat(listTagged(a, ListOpts.builder().createdAt(DateQuery.before(first.createdAt())))).isEmpty();
        assertThat(listTagged(a, ListOpts.builder().createdAt(DateQuery.after(second.createdAt().plusSeconds(1)))))
                .isEmpty();
        assertThat(names(listTagged(a, ListOpts.builder()
                .updatedAt(DateQuery.atOrBefore(java.time.Instant.now().plusSeconds(3600))))))
                .containsExactlyInAnyOrder("first", "second");
    }

    /**
     * Issue 14: Glance shows whole seconds but stores sub-seconds (SQLite: microseconds), so a filter sent
     * verbatim with a shown timestamp would include the image in {@code gt} and exclude it in {@code lte}.
     * {@link DateQuery} compares the shown second.
     */
    @Test
    void dateFiltersCompareTheSecondGlanceShows() {
        Image image = createRaw(a, "shown");
        java.time.Instant shown = a.get(image.id()).createdAt();
        assertThat(shown.getNano()).isZero();

        assertThat(listTagged(a, ListOpts.builder().createdAt(DateQuery.after(shown)))).isEmpty();
        assertThat(names(listTagged(a, ListOpts.builder().createdAt(DateQuery.atOrAfter(shown))))).containsExactly("shown");
        assertThat(names(listTagged(a, ListOpts.builder().createdAt(DateQuery.atOrBefore(shown))))).containsExactly("shown");
        assertThat(listTagged(a, ListOpts.builder().createdAt(DateQuery.before(shown)))).isEmpty();
        assertThat(names(listTagged(a, ListOpts.builder().createdAt(DateQuery.after(shown.minusSeconds(1))))))
                .containsExactly("shown");
        assertThat(names(listTagged(a, ListOpts.builder().createdAt(DateQuery.before(shown.plusSeconds(1))))))
                .containsExactly("shown");
    }

    @Test
    void listFiltersByDiskAndContainerFormat() {
        create(a, CreateOpts.builder().name("qcow").diskFormat(DiskFormat.QCOW2).containerFormat(ContainerFormat.BARE));
        create(a, CreateOpts.builder().name("iso").diskFormat(DiskFormat.ISO).containerFormat(ContainerFormat.OVF));
        create(a, CreateOpts.builder().name("raw").diskFormat(DiskFormat.RAW).containerFormat(ContainerFormat.BARE));

        assertThat(names(listTagged(a, ListOpts.builder().diskFormat(DiskFormat.QCOW2)))).containsExactly("qcow");
        assertThat(names(listTagged(a, ListOpts.builder().diskFormats(DiskFormat.QCOW2, DiskFormat.ISO))))
                .containsExactlyInAnyOrder("qcow", "iso");
        assertThat(names(listTagged(a, ListOpts.builder().containerFormat(ContainerFormat.OVF)))).containsExactly("iso");
    }

    @Test
    void listFiltersByProtection() {
        create(a, CreateOpts.builder().name("guarded").isProtected(true));
        createRaw(a, "open");

        assertThat(names(listTagged(a, ListOpts.builder().isProtected(true)))).containsExactly("guarded");
        assertThat(names(listTagged(a, ListOpts.builder().isProtected(false)))).containsExactly("open");
    }

    @Test
    void listSortsByNameAscending() {
        for (String n : List.of("delta", "alpha", "charlie", "bravo")) {
            createRaw(a, n);
        }

        assertThat(names(listTagged(a, ListOpts.builder().sort(SortKey.asc(SortKey.NAME)))))
                .containsExactly("alpha", "bravo", "charlie", "delta");
    }

    @Test
    void listSortsWithTheLegacySortKeySyntax() {
        for (String n : List.of("delta", "alpha", "charlie", "bravo")) {
            createRaw(a, n);
        }

        assertThat(names(listTagged(a, ListOpts.builder().sortKey(SortKey.NAME, SortDirection.DESC))))
                .containsExactly("delta", "charlie", "bravo", "alpha");
    }

    @Test
    void listDefaultsToNewestFirst() {
        List<String> createdIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            createdIds.add(createRaw(a, "n" + i).id());
        }

        List<String> listed = ids(listTagged(a, ListOpts.builder()));
        java.util.Collections.reverse(createdIds);
        assertThat(listed).containsExactlyElementsOf(createdIds);
    }

    @Test
    void pagingWithLimitTwoVisitsSevenImagesOnceInFourPages() {
        for (int i = 0; i < 7; i++) {
            createRaw(a, "page-" + i);
        }

        List<Integer> pageSizes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Page<Image> page : a.list(ListOpts.builder().tag(tag).limit(2).build()).pages()) {
            pageSizes.add(page.items().size());
            page.items().forEach(i -> seen.add(i.id()));
        }
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(pageSizes).containsExactly(2, 2, 2, 1);
    }

    /**
     * Issue 14, what the pager guarantees (Paged's Javadoc): an image created during the iteration sorts first
     * (newest first) and is not seen; when the marker image (the last of the page just read) is deleted, the
     * next page is a 400 and the listing cannot continue.
     */
    @Test
    void imagesCreatedDuringAListingAreNotSeenAndDeletingTheMarkerImageEndsIt() {
        for (int i = 0; i < 4; i++) {
            createRaw(a, "p" + i);
        }
        java.util.Iterator<Page<Image>> pages = a.list(ListOpts.builder().tag(tag).limit(2).build()).pages().iterator();
        List<String> seen = new ArrayList<>(ids(pages.next().items()));
        String added = createRaw(a, "added-meanwhile").id();
        while (pages.hasNext()) {
            seen.addAll(ids(pages.next().items()));
        }
        assertThat(seen).hasSize(4).doesNotContain(added);

        pages = a.list(ListOpts.builder().tag(tag).limit(2).build()).pages().iterator();
        List<Image> page = pages.next().items();
        a.delete(page.get(page.size() - 1).id());
        java.util.Iterator<Page<Image>> broken = pages;
        assertThatThrownBy(broken::hasNext).isInstanceOf(dev.imagesdk.core.error.BadRequestException.class)
                .hasMessageContaining(page.get(page.size() - 1).id());
    }

    @Test
    void pagingFollowsNextLinksWithTheSortOrderKept() {
        for (String n : List.of("e", "c", "a", "g", "b", "f", "d")) {
            createRaw(a, n);
        }

        List<String> all = names(a.list(ListOpts.builder().tag(tag).limit(2).sort(SortKey.asc(SortKey.NAME)).build())
                .stream().collect(Collectors.toList()));
        assertThat(all).containsExactly("a", "b", "c", "d", "e", "f", "g");
    }

    @Test
    void twoTagsAcrossPagesOfTwoListExactlyTheImagesCarryingBoth() {
        // Glance's next link keeps only the last tag (here the run tag, which every image carries)
        String both = tag + "-both";
        List<String> ids = new ArrayList<>();
        for (String n : List.of("both-0", "one-1", "one-2", "both-3", "one-4", "one-5", "one-6", "both-7")) {
            ids.add(n.startsWith("both") ? create(a, CreateOpts.builder().name(n).diskFormat(DiskFormat.RAW)
                    .containerFormat(ContainerFormat.BARE).tags(both)).id() : createRaw(a, n).id());
        }

        List<String> listed = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        for (Page<Image> page : a.list(ListOpts.builder().tags(both, tag).limit(2).build()).pages()) {
            pageSizes.add(page.items().size());
            page.items().forEach(i -> listed.add(i.id()));
        }
        // newest first: both-7, both-3, both-0
        assertThat(listed).containsExactly(ids.get(7), ids.get(3), ids.get(0));
        assertThat(pageSizes).containsExactly(2, 1);
    }

    @Test
    void severalClassicSortKeysAreKeptAcrossPages() {
        List<String> ids = new ArrayList<>();
        for (String n : List.of("m", "k", "m", "k", "m")) {
            ids.add(createRaw(a, n).id());
        }

        List<Image> listed = a.list(ListOpts.builder().tag(tag).sortKey(SortKey.NAME, SortDirection.ASC)
                .sortKey(SortKey.CREATED_AT, SortDirection.DESC).limit(2).build()).stream().collect(Collectors.toList());
        // name ascending, then newest first within a name: k(3), k(1), m(4), m(2), m(0)
        assertThat(ids(listed)).containsExactly(ids.get(3), ids.get(1), ids.get(4), ids.get(2), ids.get(0));
    }

    @Test
    void hiddenImagesAreListedOnlyWhenAskedFor() {
        createRaw(a, "visible");
        create(a, CreateOpts.builder().name("hidden").hidden(true));

        assertThat(names(listTagged(a, ListOpts.builder()))).containsExactly("visible");
        assertThat(names(listTagged(a, ListOpts.builder().hidden(true)))).containsExactly("hidden");
    }

    // ---- update (JSON patch) -----------------------------------------------------------------------

    @Test
    void patchReplacesNameAndCoreAttributes() {
        Image image = createRaw(a, "before");

        Image after = a.update(image.id(), UpdateOpts.builder().name("after").minRam(1024).build());
        assertThat(after.name()).isEqualTo("after");
        assertThat(after.minRam()).isEqualTo(1024);
        assertThat(a.get(image.id()).name()).isEqualTo("after");
    }

    @Test
    void patchAddsAndRemovesCustomProperties() {
        Image image = create(a, CreateOpts.builder().name("props").property("old", "x"));

        Image after = a.update(image.id(), UpdateOpts.builder().setProperty("new_prop", "v1").removeProperty("old").build());
        assertThat(after.stringProperty("new_prop")).contains("v1");
        assertThat(after.stringProperty("old")).isEmpty();
        Image upserted = a.update(image.id(), UpdateOpts.builder().setProperty("new_prop", "v2").build());
        assertThat(upserted.stringProperty("new_prop")).contains("v2");
    }

    @Test
    void patchReplacingOrRemovingAMissingPropertyConflicts() {
        Image image = createRaw(a, "conflicts");

        assertThatThrownBy(() -> a.update(image.id(), UpdateOpts.builder().replaceProperty("not_there", "x").build()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> a.update(image.id(), UpdateOpts.builder().removeProperty("not_there").build()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void patchReplacesTheTagSet() {
        Image image = createRaw(a, "tags");

        Image after = a.update(image.id(), UpdateOpts.builder().tags(tag, "linux", "web").build());
        assertThat(after.tags()).containsExactlyInAnyOrder(tag, "linux", "web");
    }

    @Test
    void aMemberCannotMakeItsImagePublic() {
        Image image = createRaw(a, "not-public");

        assertThatThrownBy(() -> a.update(image.id(), UpdateOpts.builder().visibility(Visibility.PUBLIC).build()))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void protectedImageCannotBeDeletedUntilUnprotected() {
        Image image = create(a, CreateOpts.builder().name("protected").isProtected(true));

        assertThatThrownBy(() -> a.delete(image.id())).isInstanceOf(ForbiddenException.class);
        a.update(image.id(), UpdateOpts.builder().isProtected(false).build());
        a.delete(image.id());
        assertThatThrownBy(() -> a.get(image.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletedImageIsGoneAndASecondDeleteIsNotFound() {
        Image image = createRaw(a, "doomed");

        a.delete(image.id());
        assertThatThrownBy(() -> a.get(image.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> a.delete(image.id())).isInstanceOf(NotFoundException.class);
    }

    // ---- tags ------------------------------------------------------------------------------------

    @Test
    void tagsAreAddedIdempotentlyAndRemoved() {
        Image image = createRaw(a, "tagged");

        a.addTag(image.id(), "new-tag");
        a.addTag(image.id(), "new-tag");
        a.addTag(image.id(), "hello world");
        assertThat(a.get(image.id()).tags()).containsExactlyInAnyOrder(tag, "new-tag", "hello world");
        a.removeTag(image.id(), "new-tag");
        assertThat(a.get(image.id()).tags()).containsExactlyInAnyOrder(tag, "hello world");
        assertThatThrownBy(() -> a.removeTag(image.id(), "new-tag")).isInstanceOf(NotFoundException.class);
    }

    // ---- data ------------------------------------------------------------------------------------

    @Test
    void uploadComputesSizeChecksumsAndStoreAndDownloadVerifies() throws Exception {
        Image image = createWithData(a, "data");

        assertThat(image.status()).isEqualTo(ImageStatus.ACTIVE);
        assertThat(image.size()).isEqualTo(DATA.length);
        assertThat(image.checksum()).isEqualTo(hex("MD5", DATA));
        assertThat(image.osHashAlgo()).isEqualTo("sha512");
        assertThat(image.osHashValue()).isEqualTo(hex("SHA-512", DATA));
        assertThat(image.stores()).containsExactly("fast");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DownloadResult result = a.download(image.id(), out);
        assertThat(out.toByteArray()).isEqualTo(DATA);
        assertThat(result.bytes()).isEqualTo(DATA.length);
        assertThat(result.contentMd5()).contains(hex("MD5", DATA));
    }

    @Test
    void aSixtyFourMebibyteImageRoundTripsStreamedAndVerified() throws Exception {
        long size = 64L * 1024 * 1024;
        Image image = createRaw(a, "large");
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
        try (java.io.InputStream expected = new GeneratedData(size, 64)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = expected.read(buf)) > 0) {
                md5.update(buf, 0, n);
                sha512.update(buf, 0, n);
            }
        }

        a.upload(image.id(), new GeneratedData(size, 64), size);
        Image uploaded = a.get(image.id());
        assertThat(uploaded.size()).isEqualTo(size);
        assertThat(uploaded.checksum()).isEqualTo(HexFormat.of().formatHex(md5.digest()));
        String sha = HexFormat.of().formatHex(sha512.digest());
        assertThat(uploaded.osHashValue()).isEqualTo(sha);
        MessageDigest back = MessageDigest.getInstance("SHA-512");
        DownloadResult result;
        try (java.security.DigestOutputStream sink =
                     new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), back)) {
            result = a.download(image.id(), sink);
        }
        assertThat(result.bytes()).isEqualTo(size);
        assertThat(HexFormat.of().formatHex(back.digest())).isEqualTo(sha);
    }

    /** Deterministic pseudo-random bytes, produced on the fly (never held in memory). */
    static final class GeneratedData extends java.io.InputStream {
        private final java.util.SplittableRandom random;
        private long remaining;

        GeneratedData(long size, long seed) {
            this.remaining = size;
            this.random = new java.util.SplittableRandom(seed);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) random.nextInt(256);
            }
            remaining -= n;
            return n;
        }
    }

    @Test
    void uploadToANamedStoreLandsThere() {
        Image image = createRaw(a, "cheap");

        a.upload(image.id(), new ByteArrayInputStream(DATA),
                dev.imagesdk.images.data.UploadOpts.builder().size(DATA.length).store("cheap").build());
        assertThat(a.get(image.id()).stores()).containsExactly("cheap");
    }

    @Test
    void secondUploadConflicts() {
        Image image = createWithData(a, "once");

        assertThatThrownBy(() -> a.upload(image.id(), new ByteArrayInputStream(DATA), DATA.length))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void downloadingAnImageWithoutDataSaysSo() {
        Image image = createRaw(a, "empty");

        assertThatThrownBy(() -> a.download(image.id(), new ByteArrayOutputStream()))
                .isInstanceOf(NoImageDataException.class);
    }

    @Test
    void rangeDownloadsReturnTheRequestedBytes() {
        Image image = createWithData(a, "ranges");

        ByteArrayOutputStream head = new ByteArrayOutputStream();
        DownloadResult first = a.download(image.id(), head, DownloadOpts.builder().range(ByteRange.of(0, 99)).build());
        assertThat(first.status()).isEqualTo(206);
        assertThat(head.toByteArray()).isEqualTo(Arrays.copyOfRange(DATA, 0, 100));

        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        a.download(image.id(), tail, DownloadOpts.builder().range(ByteRange.lastBytes(10)).build());
        assertThat(tail.toByteArray()).isEqualTo(Arrays.copyOfRange(DATA, DATA.length - 10, DATA.length));

        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        a.download(image.id(), rest, DownloadOpts.builder().range(ByteRange.from(DATA.length - 576)).build());
        assertThat(rest.toByteArray()).isEqualTo(Arrays.copyOfRange(DATA, DATA.length - 576, DATA.length));
    }

    @Test
    void rangeBeyondTheImageIsNotSatisfiable() {
        Image image = createWithData(a, "short");

        assertThatThrownBy(() -> a.download(image.id(), new ByteArrayOutputStream(),
                DownloadOpts.builder().range(ByteRange.of(DATA.length + 10, DATA.length + 20)).build()))
                .isInstanceOf(RangeNotSatisfiableException.class);
    }

    @Test
    void stagedDataIsImportedWithGlanceDirectAndTheWaiterSeesItActive() throws Exception {
        Image image = createRaw(a, "imported");

        a.stage(image.id(), new ByteArrayInputStream(DATA),
                dev.imagesdk.images.data.UploadOpts.builder().size(DATA.length).build());
        Image staged = a.get(image.id());
        assertThat(staged.status()).isEqualTo(ImageStatus.UPLOADING);
        assertThat(staged.size()).isEqualTo(DATA.length);
        a.importImage(image.id(), ImportOpts.glanceDirect().stores("fast").build());
        Image active = a.waitFor(image.id(), ImageStatus.ACTIVE, Duration.ofSeconds(60));
        assertThat(active.osHashValue()).isEqualTo(hex("SHA-512", DATA));
        assertThat(active.stores()).containsExactly("fast");
        assertThat(Tasks.of(a.client()).listForImage(image.id())).isNotEmpty();
    }

    @Test
    void importBeforeStagingConflicts() {
        Image image = createRaw(a, "unstaged");

        assertThatThrownBy(() -> a.importImage(image.id(), ImportOpts.glanceDirect().build()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void deactivatedImageCannotBeDownloadedByItsOwnerUntilReactivated() {
        Image image = createWithData(a, "deactivated");

        a.deactivate(image.id());
        assertThat(a.get(image.id()).status()).isEqualTo(ImageStatus.DEACTIVATED);
        assertThatThrownBy(() -> a.download(image.id(), new ByteArrayOutputStream()))
                .isInstanceOf(ForbiddenException.class);
        admin.reactivate(image.id());
        assertThat(a.get(image.id()).status()).isEqualTo(ImageStatus.ACTIVE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        a.download(image.id(), out);
        assertThat(out.toByteArray()).isEqualTo(DATA);
    }

    @Test
    void aQueuedImageCannotBeDeactivated() {
        Image image = createRaw(a, "queued");

        assertThatThrownBy(() -> a.deactivate(image.id())).isInstanceOf(ForbiddenException.class);
    }

    // ---- stores and deletion ----------------------------------------------------------------------

    @Test
    void theOwnerRemovesTheDataFromOneOfTwoStoresButNotFromTheLast() {
        Image image = createWithData(a, "two-stores");
        admin.importImage(image.id(), ImportOpts.copyImage().stores("cheap").build());
        assertThat(admin.waitForImport(image.id(), Duration.ofSeconds(60)).stores()).containsExactlyInAnyOrder("fast", "cheap");

        a.deleteFromStore(image.id(), "fast");
        Image left = a.get(image.id());
        assertThat(left.stores()).containsExactly("cheap");
        assertThat(left.status()).isEqualTo(ImageStatus.ACTIVE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        a.download(image.id(), out);
        assertThat(out.toByteArray()).isEqualTo(DATA);

        assertThatThrownBy(() -> a.deleteFromStore(image.id(), "cheap")).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("Cannot delete image data from the only store containing it");
        assertThatThrownBy(() -> a.deleteFromStore(image.id(), "nowhere")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("The selected store nowhere is not available on this node.");
        assertThatThrownBy(() -> a.deleteFromStore(UUID.randomUUID().toString(), "fast"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Failed to find image");
    }

    @Test
    void waitingForADeletionEndsWhenTheImageIsGone() {
        Image kept = createRaw(a, "kept");
        Image gone = createRaw(a, "gone");
        a.delete(gone.id());

        a.waitForDeletion(gone.id(), Duration.ofSeconds(10));
        assertThatThrownBy(() -> a.waitForDeletion(kept.id(), Duration.ofMillis(300)))
                .isInstanceOfSatisfying(dev.imagesdk.images.importing.ImageWaitException.class, e -> {
                    assertThat(e.isTimeout()).isTrue();
                    assertThat(e.lastSeen()).map(Image::id).contains(kept.id());
                });
    }

    // ---- tasks (administrators) ------------------------------------------------------------------

    @Test
    void anAdministratorImportsFromAUrlWithATaskAndWaitsForIt() throws Exception {
        URI source = URI.create(administrator().serviceRoot() + "versions");
        byte[] expected = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(source).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        Tasks tasks = Tasks.of(administrator());

        Task task = tasks.create(TaskCreateOpts.importFrom(source, "raw").imageProperty("name", "from-task")
                .imageProperty("disk_format", "raw").imageProperty("container_format", "bare")
                .imageProperty("tags", List.of(tag)).build());
        assertThat(task.type()).isEqualTo("import");
        assertThat(task.status()).isIn("pending", "processing");
        assertThat(task.input()).containsEntry("import_from", source.toString());

        Task done = tasks.waitFor(task.id(), Duration.ofSeconds(60));
        assertThat(done.status()).as(done.message().orElse("")).isEqualTo("success");
        String imageId = (String) done.result().get("image_id");
        created.add(imageId);
        Image image = admin.get(imageId);
        assertThat(image.status()).isEqualTo(ImageStatus.ACTIVE);
        assertThat(image.name()).isEqualTo("from-task");
        assertThat(image.size()).isEqualTo(Long.valueOf(expected.length));
        assertThat(image.owner()).as("Glance gives a task's image no owner").isNull();
        assertThat(image.tags()).containsExactly(tag);
    }

    @Test
    void aTaskThatCannotRunEndsInFailureWithGlancesMessage() {
        Tasks tasks = Tasks.of(administrator());
        TaskCreateOpts ftp = TaskCreateOpts.builder().type("import").input("import_from", "ftp://example.com/x")
                .input("import_from_format", "raw").input("image_properties", java.util.Map.of()).build();
        String unsupported = "The given uri is not valid. Please specify a valid uri from the following list of "
                + "supported uri ['http']";
        if (release().taskSourceCheckedOnCreate()) {
            assertThatThrownBy(() -> tasks.create(ftp)).isInstanceOf(BadRequestException.class)
                    .hasMessageContaining(unsupported);
        } else {
            Task done = tasks.waitFor(tasks.create(ftp).id(), Duration.ofSeconds(60));
            assertThat(done.status()).isEqualTo("failure");
            assertThat(done.message()).contains(unsupported);
            assertThat(done.result()).isEmpty();
        }

        assertThatThrownBy(() -> tasks.create(TaskCreateOpts.builder().type("bogus").input("x", 1).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("'bogus' is not one of ['import', 'api_image_import'");
        assertThatThrownBy(() -> Tasks.of(projectA()).create(TaskCreateOpts.importFrom(URI.create("http://h/x"), "raw")
                .build())).isInstanceOf(ForbiddenException.class);
    }

    // ---- the image cache (API 2.14, administrators) ----------------------------------------------

    private static CacheContents awaitCached(ImageCache cache, String id) throws InterruptedException {
        CacheContents contents = cache.list();
        // Glance's cache worker copies a queued image within moments; the emulator at once
        for (int i = 0; i < 200 && contents.cached().stream().noneMatch(c -> c.imageId().equals(id)); i++) {
            Thread.sleep(100);
            contents = cache.list();
        }
        return contents;
    }

    @Test
    void anAdministratorQueuesRemovesAndClearsCachedImages() throws Exception {
        Image image = createWithData(a, "cached");
        ImageCache cache = ImageCache.of(administrator());

        cache.queue(image.id());
        CachedImage copy = awaitCached(cache, image.id()).cached().stream()
                .filter(c -> c.imageId().equals(image.id())).findFirst().orElseThrow();
        assertThat(copy.size()).isEqualTo(DATA.length);
        assertThat(copy.hits()).isZero();
        assertThat(copy.lastModified()).isNotNull();

        cache.remove(image.id());
        assertThat(cache.list().contains(image.id())).isFalse();
        cache.remove(image.id());

        cache.queue(image.id());
        awaitCached(cache, image.id());
        cache.clear(CacheClearTarget.QUEUED);
        assertThat(cache.list().contains(image.id())).as("clearing the queue keeps the copies").isTrue();
        cache.clear(CacheClearTarget.CACHED);
        assertThat(cache.list().contains(image.id())).isFalse();
        cache.queue(image.id());
        awaitCached(cache, image.id());
        cache.clear(CacheClearTarget.ALL);
        assertThat(cache.list().contains(image.id())).isFalse();
    }

    @Test
    void theCacheRefusesMembersUnknownImagesAndImagesWithoutData() {
        Image queued = createRaw(a, "no-data");
        ImageCache cache = ImageCache.of(administrator());

        assertThatThrownBy(() -> cache.queue(UUID.randomUUID().toString())).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> cache.queue(queued.id())).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Only images with status active can be targeted for queueing");
        assertThatThrownBy(() -> ImageCache.of(projectA()).list()).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> ImageCache.of(projectA()).queue(queued.id())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void serviceAnnouncesImportMethodsStoresAndVersion() {
        assertThat(a.importMethods()).contains(ImportOpts.GLANCE_DIRECT, ImportOpts.COPY_IMAGE);
        assertThat(a.stores()).extracting(s -> s.id()).contains("fast", "cheap");
        assertThat(projectA().apiVersion().toString()).contains(release().currentApiVersion());
    }

    // ---- visibility between projects and members -------------------------------------------------

    @Test
    void anotherProjectGetsNotFoundForAPrivateImage() {
        Image image = create(a, CreateOpts.builder().name("private").visibility(Visibility.PRIVATE));

        assertThatThrownBy(() -> b.get(image.id())).isInstanceOf(NotFoundException.class);
        assertThat(listTagged(b, ListOpts.builder())).isEmpty();
    }

    @Test
    void anotherProjectSeesACommunityImageByIdButNotInItsDefaultList() {
        Image image = create(a, CreateOpts.builder().name("community").visibility(Visibility.COMMUNITY));

        assertThat(b.get(image.id()).name()).isEqualTo("community");
        assertThat(listTagged(b, ListOpts.builder())).isEmpty();
        assertThat(ids(listTagged(b, ListOpts.builder().visibility(Visibility.COMMUNITY)))).containsExactly(image.id());
        assertThat(ids(listTagged(b, ListOpts.builder().anyVisibility()))).containsExactly(image.id());
    }

    @Test
    void anotherProjectCannotUpdateOrDeleteAnImageItSees() {
        Image image = create(a, CreateOpts.builder().name("community").visibility(Visibility.COMMUNITY));

        assertThatThrownBy(() -> b.update(image.id(), UpdateOpts.builder().name("hijack").build()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> b.delete(image.id())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void anAdministratorSeesEveryProjectsImages() {
        Image image = create(a, CreateOpts.builder().name("private").visibility(Visibility.PRIVATE));

        assertThat(admin.get(image.id()).owner()).isEqualTo(projectAId());
        assertThat(ids(listTagged(admin, ListOpts.builder().owner(projectAId())))).containsExactly(image.id());
    }

    @Test
    void sharingLifecycleBetweenTwoProjects() {
        Image image = create(a, CreateOpts.builder().name("shared").visibility(Visibility.SHARED));
        String bId = projectBId();

        Member pending = membersA.add(image.id(), bId);
        assertThat(pending.status()).isEqualTo(MemberStatus.PENDING);
        assertThat(b.get(image.id()).name()).as("a pending member sees the image by id").isEqualTo("shared");
        assertThat(listTagged(b, ListOpts.builder())).as("but not in its default list").isEmpty();
        assertThat(ids(listTagged(b, ListOpts.builder().visibility(Visibility.SHARED).memberStatus(MemberStatus.PENDING))))
                .containsExactly(image.id());

        assertThat(membersB.update(image.id(), bId, MemberStatus.ACCEPTED).status()).isEqualTo(MemberStatus.ACCEPTED);
        assertThat(ids(listTagged(b, ListOpts.builder()))).containsExactly(image.id());

        assertThat(membersB.update(image.id(), bId, MemberStatus.REJECTED).status()).isEqualTo(MemberStatus.REJECTED);
        assertThat(listTagged(b, ListOpts.builder())).isEmpty();
        assertThat(ids(listTagged(b, ListOpts.builder().memberStatus(MemberStatus.REJECTED)))).containsExactly(image.id());

        membersA.remove(image.id(), bId);
        assertThatThrownBy(() -> b.get(image.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> membersA.get(image.id(), bId)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyTheMemberChangesItsStatus() {
        Image image = create(a, CreateOpts.builder().name("shared").visibility(Visibility.SHARED));
        membersA.add(image.id(), projectBId());

        assertThatThrownBy(() -> membersA.update(image.id(), projectBId(), MemberStatus.ACCEPTED)).isInstanceOf(ForbiddenException.class);
        assertThat(membersB.update(image.id(), projectBId(), MemberStatus.ACCEPTED).isAccepted()).isTrue();
    }

    @Test
    void addingTheSameMemberTwiceConflicts() {
        Image image = create(a, CreateOpts.builder().name("shared").visibility(Visibility.SHARED));
        membersA.add(image.id(), projectBId());

        assertThatThrownBy(() -> membersA.add(image.id(), projectBId())).isInstanceOf(ConflictException.class);
    }

    @Test
    void onlySharedImagesHaveMembers() {
        Image privateImage = create(a, CreateOpts.builder().name("private").visibility(Visibility.PRIVATE));
        Image community = create(a, CreateOpts.builder().name("community").visibility(Visibility.COMMUNITY));

        assertThatThrownBy(() -> membersA.add(privateImage.id(), projectBId())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> membersA.add(community.id(), projectBId())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> membersA.listForImage(privateImage.id())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theOwnerSeesAllMembersAndAMemberOnlyItself() {
        Image image = create(a, CreateOpts.builder().name("shared").visibility(Visibility.SHARED));
        membersA.add(image.id(), projectBId());
        membersA.add(image.id(), "cafe0000000000000000000000000000");

        assertThat(membersA.listForImage(image.id())).extracting(Member::memberId)
                .containsExactlyInAnyOrder(projectBId(), "cafe0000000000000000000000000000");
        assertThat(membersB.listForImage(image.id())).extracting(Member::memberId).containsExactly(projectBId());
    }

    @Test
    void switchingASharedImageToPrivateHidesItFromMembers() {
        Image image = create(a, CreateOpts.builder().name("shared").visibility(Visibility.SHARED));
        membersA.add(image.id(), projectBId());
        membersB.update(image.id(), projectBId(), MemberStatus.ACCEPTED);

        a.update(image.id(), UpdateOpts.builder().visibility(Visibility.PRIVATE).build());
        assertThatThrownBy(() -> b.get(image.id())).isInstanceOf(NotFoundException.class);
        a.update(image.id(), UpdateOpts.builder().visibility(Visibility.SHARED).build());
        assertThat(b.get(image.id()).id()).isEqualTo(image.id());
    }

    /**
     * A server with Glance's default configuration hides locations: every location change is refused with
     * the answer that says so, which the SDK turns into {@code UnsupportedFeatureException} (the 403 as its
     * cause). The 2.17 locations API: not offered by 25.1 (nothing sent); Glance 30.0 without an http store
     * lets only services add locations.
     */
    @Test
    void locationChangesOnAServerThatHidesThemFailAsUnsupported() {
        Images a = Images.of(projectA());
        ImageLocations locations = ImageLocations.of(projectA());
        Image image = createRaw(a, "hidden-locations");
        LocationOpts somewhere = LocationOpts.of("http://127.0.0.1:9/data.img");

        for (Runnable change : List.<Runnable>of(() -> locations.add(image.id(), somewhere),
                () -> locations.remove(image.id(), "http://127.0.0.1:9/data.img"),
                () -> locations.replace(image.id(), List.of(somewhere)))) {
            assertThatThrownBy(change::run).isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining("image locations (show_multiple_locations)")
                    .hasCauseInstanceOf(ForbiddenException.class);
        }
        assertThat(a.get(image.id()).locations()).isEmpty();

        if (release().currentApiVersion().equals("2.17")) {
            assertThatThrownBy(() -> locations.create(image.id(), somewhere))
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining("http store must be enabled to use location API by normal user.")
                    .hasCauseInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> locations.list(image.id())).isInstanceOf(ForbiddenException.class);
        } else {
            assertThatThrownBy(() -> locations.create(image.id(), somewhere))
                    .isInstanceOf(UnsupportedFeatureException.class).hasNoCause()
                    .hasMessageContaining("(Image API 2.17)");
            assertThatThrownBy(() -> locations.list(image.id())).isInstanceOf(UnsupportedFeatureException.class);
        }
        assertThat(a.get(image.id()).status()).isEqualTo(ImageStatus.QUEUED);
    }
}
