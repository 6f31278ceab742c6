package dev.imagesdk.testing.internal.emulator;

import dev.imagesdk.images.tasks.Tasks;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.importing.ImportOpts;
import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Image data paths the recorded transcript does not cover: broken uploads and copy-image. */
class EmulatorDataTest {
    /** How long a state the emulator's own threads are certain to reach may take on a loaded machine. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Polls until the image has {@code wanted} or {@link #WAIT} passed; returns the last status seen. */
    private static ImageStatus awaitStatus(Images images, String id, ImageStatus wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        ImageStatus status = images.get(id).status();
        while (!status.equals(wanted) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = images.get(id).status();
        }
        return status;
    }

    @Test
    void anUploadCutOffMidBodyLeavesTheImageQueuedAndNoDataBehind(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (ImageServiceEmulator emulator = ImageServiceEmulator.builder().dataDirectory(data).start()) {
            emulator.registerToken("t", Identity.member("p"));
            Images images = Images.of(emulator.client(Identity.member("p")));
            Image image = images.create(CreateOpts.builder().name("broken").diskFormat(DiskFormat.RAW)
                    .containerFormat(ContainerFormat.BARE).build());

            try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("PUT /v2/images/" + image.id() + "/file HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: t\r\n"
                        + "Content-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[1000]);
                out.flush();
                // The emulator answers on its own thread: keep the body open until it is receiving (status
                // "saving"), so the cut-off below is seen by the emulator and not raced by the next request.
                ImageStatus receiving = awaitStatus(images, image.id(), ImageStatus.SAVING);
                assertThat(receiving).as("the emulator is receiving the body").isEqualTo(ImageStatus.SAVING);
            }

            ImageStatus status = awaitStatus(images, image.id(), ImageStatus.QUEUED);
            assertThat(status).isEqualTo(ImageStatus.QUEUED);
            try (Stream<Path> files = Files.list(data)) {
                assertThat(files.count()).as("the partial temp file is deleted").isZero();
            }
            images.upload(image.id(), new ByteArrayInputStream(new byte[10]), 10);
            assertThat(images.get(image.id()).size()).as("a new upload succeeds").isEqualTo(10);
        }
    }

    @Test
    void copyImageAddsAStoreAndRecordsATask() throws InterruptedException {
        try (ImageServiceEmulator emulator = ImageServiceEmulator.builder().importDelay(Duration.ZERO).start()) {
            Images owner = Images.of(emulator.client(Identity.member("p")));
            Images admin = Images.of(emulator.client(Identity.admin("ops")));
            Image image = owner.create(CreateOpts.builder().name("copied").diskFormat(DiskFormat.RAW)
                    .containerFormat(ContainerFormat.BARE).build());
            owner.upload(image.id(), new ByteArrayInputStream(new byte[2048]), 2048);

            admin.importImage(image.id(), ImportOpts.copyImage().stores("cheap").build());

            // The copy finishes on the emulator's import worker: wait for it (certain to come) with a bound in
            // seconds, not a count of back-to-back requests that a busy machine can exhaust first.
            Image copied = owner.get(image.id());
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (copied.stores().size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
                copied = owner.get(image.id());
            }
            assertThat(copied.stores()).containsExactly("fast", "cheap");
            assertThat(copied.stringProperty("os_glance_importing_to_stores")).contains("");
            assertThat(Tasks.of(owner.client()).listForImage(image.id())).hasSize(1);
        }
    }
}
