package dev.imagesdk.images.importing;

import dev.imagesdk.images.tasks.Tasks;
import dev.imagesdk.core.error.BadRequestException;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.it.RealGlance;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.data.UploadOpts;
import dev.imagesdk.images.tasks.Task;
import dev.imagesdk.images.tasks.TaskListOpts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Interoperable import, discovery and tasks against the real Glance. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageImportIT {
    private final List<String> created = new ArrayList<>();
    private Images images;

    @BeforeAll
    void connect() {
        images = Images.of(RealGlance.projectA());
    }

    @AfterAll
    void cleanUp() {
        for (String id : created) {
            try {
                images.delete(id);
            } catch (NotFoundException gone) {
                // already deleted
            }
        }
    }

    private Image newImage(String name) {
        Image image = images.create(CreateOpts.builder().name(name).diskFormat(DiskFormat.RAW)
                .containerFormat(ContainerFormat.BARE).build());
        created.add(image.id());
        return image;
    }

    @Test
    void discovery() {
        assertThat(images.importMethods()).contains("glance-direct", "copy-image").doesNotContain("web-download");
        List<StoreInfo> stores = images.stores();
        assertThat(stores).extracting(StoreInfo::id).contains("fast", "cheap");
        assertThat(stores).filteredOn(StoreInfo::isDefault).extracting(StoreInfo::id).containsExactly("fast");
        assertThat(images.usage()).isNotNull();
        assertThatThrownBy(() -> images.storesDetail()).isInstanceOf(ForbiddenException.class);
        assertThat(Images.of(RealGlance.admin()).storesDetail())
                .allSatisfy(s -> assertThat(s.type()).contains("file"));
    }

    @Test
    void stageThenGlanceDirectImportReachesActive() {
        byte[] data = new byte[2 * 1024 * 1024];
        new Random(11).nextBytes(data);
        Image image = newImage("imported");
        assertThatThrownBy(() -> images.importImage(image.id(), ImportOpts.glanceDirect().build()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("staged");

        images.stage(image.id(), new ByteArrayInputStream(data), UploadOpts.builder().size(data.length).build());
        assertThat(images.get(image.id()).status()).isEqualTo(ImageStatus.UPLOADING);
        images.importImage(image.id(), ImportOpts.glanceDirect().stores("fast").build());
        Image active = images.waitFor(image.id(), ImageStatus.ACTIVE, Duration.ofSeconds(60));

        assertThat(active.size()).isEqualTo(data.length);
        assertThat(active.stores()).containsExactly("fast");
        assertThat(active.hasFailedImport()).isFalse();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(images.download(image.id(), out).verifiedAlgorithm()).contains("sha512");
        assertThat(out.toByteArray()).isEqualTo(data);
        // Glance makes the image active before its import flow saves the task as 'success' and then drops the
        // os_glance_import_task lock: wait for the lock to go, or the task may still say 'processing'.
        images.waitForImport(image.id(), Duration.ofSeconds(60));
        List<Task> tasks = Tasks.of(images.client()).listForImage(image.id());
        assertThat(tasks).anySatisfy(t -> {
            assertThat(t.type()).isEqualTo("api_image_import");
            assertThat(t.status()).isEqualTo("success");
            assertThat(t.createdAt()).isNotNull();
        });
    }

    @Test
    void copyImageIntoAnotherStoreAsAdmin() {
        Image image = newImage("copied");
        images.upload(image.id(), new ByteArrayInputStream(new byte[65536]), 65536);
        assertThatThrownBy(() -> images.importImage(image.id(), ImportOpts.copyImage().stores("cheap").build()))
                .isInstanceOf(ForbiddenException.class);

        Images admin = Images.of(RealGlance.admin());
        admin.importImage(image.id(), ImportOpts.copyImage().stores("cheap").allStoresMustSucceed(true).build());
        Image current = images.waitForImport(image.id(), Duration.ofSeconds(60));

        assertThat(current.stores()).containsExactlyInAnyOrder("fast", "cheap");
    }

    @Test
    void disabledMethodIsABadRequest() {
        Image image = newImage("web");

        assertThatThrownBy(() -> images.importImage(image.id(),
                ImportOpts.webDownload(URI.create("http://127.0.0.1:1/x")).build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("web-download");
    }

    @Test
    void tasksListIsAdminOnly() {
        assertThatThrownBy(() -> Tasks.of(images.client()).list(TaskListOpts.builder().build()).firstPage())
                .isInstanceOf(ForbiddenException.class);
        List<Task> page = Tasks.of(RealGlance.admin()).list(TaskListOpts.builder().limit(5).build())
                .firstPage().items();
        assertThat(page).hasSizeLessThanOrEqualTo(5);
        if (!page.isEmpty()) {
            assertThat(Tasks.of(RealGlance.admin()).get(page.get(0).id()).id()).isEqualTo(page.get(0).id());
        }
    }
}
