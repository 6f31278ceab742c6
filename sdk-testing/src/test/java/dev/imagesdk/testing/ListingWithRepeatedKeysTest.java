package dev.imagesdk.testing;

import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.ListOpts;
import dev.imagesdk.images.model.SortDirection;
import dev.imagesdk.images.model.SortKey;
import dev.imagesdk.core.paging.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's reproduction on the emulator: its {@code next} links keep only the last value of a
 * repeated query key, as Glance's do, and listings with repeated keys are still right on every page.
 */
class ListingWithRepeatedKeysTest {
    private static ImageServiceEmulator emulator;
    private Images images;

    @BeforeAll
    static void start() {
        emulator = ImageServiceEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void fresh() {
        emulator.reset();
        images = Images.of(emulator.client(Identity.member("p0000000000000000000000000000001")));
    }

    private void create(String id, String name, String... tags) {
        images.create(CreateOpts.builder().id(id).name(name).diskFormat(DiskFormat.RAW).containerFormat(ContainerFormat.BARE)
                .tags(tags).build());
    }

    private static String id(int n) {
        return String.format("0000000%d-0000-4000-8000-000000000000", n);
    }

    @Test
    void twoTagsAcrossPagesOfTwoReturnExactlyTheImagesCarryingBoth() {
        create(id(1), "ab-1", "a", "b");
        create(id(2), "b-2", "b");
        create(id(3), "b-3", "b");
        create(id(4), "ab-4", "a", "b");
        create(id(5), "b-5", "b");
        create(id(6), "b-6", "b");
        create(id(7), "b-7", "b");
        create(id(8), "ab-8", "a", "b");

        ListOpts opts = ListOpts.builder().tags("a", "b").limit(2).build();
        // the emulator's link drops tag=a, as Glance's does: following it as sent would list b-only images
        String link = images.list(opts).firstPage().nextLink().orElseThrow();
        assertThat(link).contains("tag=b").doesNotContain("tag=a");

        List<String> ids = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        for (Page<Image> page : images.list(opts).pages()) {
            pageSizes.add(page.items().size());
            page.items().forEach(i -> ids.add(i.id()));
        }
        // newest first
        assertThat(ids).containsExactly("00000008-0000-4000-8000-000000000000", "00000004-0000-4000-8000-000000000000",
                "00000001-0000-4000-8000-000000000000");
        assertThat(pageSizes).containsExactly(2, 1);
    }

    @Test
    void severalClassicSortKeysAreKeptOnEveryPage() {
        create(id(1), "m");
        create(id(2), "k");
        create(id(3), "m");
        create(id(4), "k");
        create(id(5), "m");

        ListOpts opts = ListOpts.builder().sortKey(SortKey.NAME, SortDirection.ASC).sortKey(SortKey.CREATED_AT, SortDirection.DESC)
                .limit(2).build();
        String link = images.list(opts).firstPage().nextLink().orElseThrow();
        assertThat(link).contains("sort_key=created_at").doesNotContain("sort_key=name");

        assertThat(images.list(opts).stream().map(Image::id)).containsExactly(
                "00000004-0000-4000-8000-000000000000", "00000002-0000-4000-8000-000000000000",
                "00000005-0000-4000-8000-000000000000", "00000003-0000-4000-8000-000000000000",
                "00000001-0000-4000-8000-000000000000");
    }
}
