package dev.imagesdk.images;

import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.model.ListOpts;
import dev.imagesdk.images.model.UpdateOpts;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.it.ArgumentProbe;
import dev.imagesdk.images.data.DownloadOpts;
import dev.imagesdk.images.internal.data.ImageDownloads;
import dev.imagesdk.images.internal.data.ImageUploads;
import dev.imagesdk.images.data.UploadOpts;
import dev.imagesdk.images.internal.importing.ImageImport;
import dev.imagesdk.images.importing.ImportOpts;
import dev.imagesdk.images.tasks.TaskListOpts;
import dev.imagesdk.images.cache.ImageCache;
import dev.imagesdk.images.tasks.Tasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Every public entry point of sdk-images refuses null or blank input with ValidationException, before any request. */
class ImagesArgumentsTest {
    @TempDir
    Path dir;
    private final ServiceClient unreachable = ArgumentProbe.unreachableClient();

    private ArgumentProbe probe() throws IOException {
        Path file = Files.write(dir.resolve("disk.raw"), new byte[512]);
        Map<Class<?>, Supplier<Object>> samples = new HashMap<>();
        samples.put(String.class, () -> "3c441d1e-aa40-4d8a-b060-2a7e24d1af6a");
        samples.put(ServiceClient.class, () -> unreachable);
        samples.put(Path.class, () -> file);
        samples.put(InputStream.class, () -> new ByteArrayInputStream(new byte[512]));
        samples.put(OutputStream.class, ByteArrayOutputStream::new);
        samples.put(CreateOpts.class, () -> CreateOpts.builder().name("x").build());
        samples.put(UpdateOpts.class, () -> UpdateOpts.builder().name("x").build());
        samples.put(ListOpts.class, ListOpts::defaults);
        samples.put(UploadOpts.class, UploadOpts::defaults);
        samples.put(DownloadOpts.class, DownloadOpts::defaults);
        samples.put(ImportOpts.class, () -> ImportOpts.glanceDirect().build());
        samples.put(ImageStatus.class, () -> ImageStatus.ACTIVE);
        samples.put(Duration.class, () -> Duration.ofSeconds(1));
        samples.put(TaskListOpts.class, () -> TaskListOpts.builder().build());
        samples.put(dev.imagesdk.images.tasks.TaskCreateOpts.class,
                () -> dev.imagesdk.images.tasks.TaskCreateOpts.builder().type("import").build());
        samples.put(dev.imagesdk.images.cache.CacheClearTarget.class, () -> dev.imagesdk.images.cache.CacheClearTarget.ALL);
        samples.put(dev.imagesdk.images.locations.LocationOpts.class,
                () -> dev.imagesdk.images.locations.LocationOpts.of("http://127.0.0.1:9/a.img"));
        samples.put(java.util.List.class, () -> java.util.List.of(dev.imagesdk.images.locations.LocationOpts.of("http://127.0.0.1:9/a.img")));
        return new ArgumentProbe(samples);
    }

    @Test
    void imagesClientRefusesBadInput() throws IOException {
        ArgumentProbe probe = probe().dotsAllowed("find", 0); // a name only goes into the query (name=...)
        Images images = Images.of(unreachable);
        assertThat(probe.violations(Images.class, images)).isEmpty();
        assertThat(probe.violations(Images.class, null)).isEmpty();
        assertThat(probe.probed()).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void dataImportTasksAndSchemasRefuseBadInput() throws IOException {
        ArgumentProbe probe = probe();
        assertThat(probe.violations(ImageUploads.class, ImageUploads.of(unreachable))).isEmpty();
        assertThat(probe.violations(ImageDownloads.class, ImageDownloads.of(unreachable))).isEmpty();
        assertThat(probe.violations(ImageImport.class, ImageImport.of(unreachable))).isEmpty();
        assertThat(probe.violations(Tasks.class, Tasks.of(unreachable))).isEmpty();
        assertThat(probe.violations(Schemas.class, Schemas.of(unreachable))).isEmpty();
        assertThat(probe.violations(ImageCache.class, ImageCache.of(unreachable))).isEmpty();
        assertThat(probe.violations(dev.imagesdk.images.locations.ImageLocations.class,
                dev.imagesdk.images.locations.ImageLocations.of(unreachable))).isEmpty();
    }
}
