package dev.imagesdk.examples.cli;

import com.squareup.moshi.Moshi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.imagesdk.examples.cli.DemoIdentities.ADMIN_TOKEN;
import static dev.imagesdk.examples.cli.DemoIdentities.ALPHA_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class InfoCommandsTest {
    private final EmulatorFixture emu = new EmulatorFixture();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        emu.close();
    }

    private static Object json(String text) throws IOException {
        return new Moshi.Builder().build().adapter(Object.class).fromJson(text);
    }

    @Test
    void importInfoListsTheImportMethods() {
        assertThat(emu.ok(ALPHA_TOKEN, "import-info", "-f", "value").lines().toList()).contains("glance-direct");
    }

    @Test
    void storesListsTheStores() {
        Cli.Result r = emu.as(ALPHA_TOKEN, "stores");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).matches("id +default +read_only +description");
        assertThat(r.out().lines().skip(2).filter(l -> l.contains(" true ")).count()).as("one default store").isEqualTo(1);
    }

    @Test
    void usageIsATableEvenWhenTheServiceReportsNoQuotas() {
        Cli.Result r = emu.as(ALPHA_TOKEN, "usage");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("quota  limit  usage\n");
        assertThat(emu.ok(ALPHA_TOKEN, "usage", "-f", "json").trim()).isEqualTo("[]");
    }

    @Test
    void cacheQueuesListsRemovesAndClearsImagesByName() throws IOException {
        String id = (String) ((Map<String, Object>) json(emu.ok(ALPHA_TOKEN, "images", "create", "--name", "to-cache",
                "--disk-format", "raw", "--container-format", "bare", "-f", "json"))).get("id");
        Path data = Files.write(dir.resolve("c.raw"), new byte[4096]);
        emu.ok(ALPHA_TOKEN, "images", "upload", id, data.toString());

        Cli.Result queued = emu.as(ADMIN_TOKEN, "cache", "queue", "to-cache");
        assertThat(queued.exitCode()).as(queued.toString()).isZero();
        assertThat(queued.err()).contains("queued " + id + " for caching");
        List<Object> listed = (List<Object>) json(emu.ok(ADMIN_TOKEN, "cache", "list", "-f", "json"));
        assertThat(listed).hasSize(1);
        assertThat((Map<String, Object>) listed.get(0)).containsEntry("image_id", id).containsEntry("state", "cached")
                .containsEntry("size", 4096.0);
        assertThat(emu.ok(ADMIN_TOKEN, "cache", "list").lines().findFirst().orElseThrow())
                .matches("image_id +state +size +hits +last_accessed");

        emu.ok(ADMIN_TOKEN, "cache", "remove", id);
        assertThat(emu.ok(ADMIN_TOKEN, "cache", "list", "-f", "json").trim()).isEqualTo("[]");
        emu.ok(ADMIN_TOKEN, "cache", "queue", id);
        emu.ok(ADMIN_TOKEN, "cache", "clear", "--queued-only");
        assertThat(emu.ok(ADMIN_TOKEN, "cache", "list", "-f", "value", "-c", "image_id")).isEqualTo(id + "\n");
        emu.ok(ADMIN_TOKEN, "cache", "clear");
        assertThat(emu.ok(ADMIN_TOKEN, "cache", "list", "-f", "json").trim()).isEqualTo("[]");

        Cli.Result both = emu.as(ADMIN_TOKEN, "cache", "clear", "--cached-only", "--queued-only");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Result member = emu.as(ALPHA_TOKEN, "cache", "list");
        assertThat(member.exitCode()).isEqualTo(ExitCodes.DENIED);
    }

    @Test
    void anAdministratorCreatesAnImportTaskAndWaitsForIt() throws IOException {
        String source = emu.endpoint.replaceAll("/+$", "") + "/versions";
        Map<String, Object> done = (Map<String, Object>) json(emu.ok(ADMIN_TOKEN, "tasks", "create", "--import-from",
                source, "--property", "name=fetched", "--property", "disk_format=raw", "--property",
                "container_format=bare", "--wait", "-f", "json"));
        assertThat(done).containsEntry("type", "import").containsEntry("status", "success");
        String imageId = (String) ((Map<String, Object>) done.get("result")).get("image_id");
        assertThat(emu.ok(ADMIN_TOKEN, "images", "show", imageId, "-f", "value", "-c", "name", "-c", "status"))
                .isEqualTo("fetched\nactive\n");
        String taskId = (String) done.get("id");
        assertThat(emu.ok(ADMIN_TOKEN, "tasks", "wait", taskId, "-f", "value", "-c", "status")).isEqualTo("success\n");

        Cli.Result ftp = emu.as(ADMIN_TOKEN, "tasks", "create", "--import-from", "ftp://h/x");
        assertThat(ftp.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ftp.err()).contains("http");
        Cli.Result member = emu.as(ALPHA_TOKEN, "tasks", "create", "--import-from", source);
        assertThat(member.exitCode()).isEqualTo(ExitCodes.DENIED);
    }

    @Test
    void tasksOfAnImportAreListedAndShown() throws IOException {
        String id = (String) ((Map<String, Object>) json(emu.ok(ALPHA_TOKEN, "images", "create", "--name", "imp",
                "--disk-format", "raw", "--container-format", "bare", "-f", "json"))).get("id");
        Path data = Files.write(dir.resolve("d.raw"), new byte[4096]);
        emu.ok(ALPHA_TOKEN, "images", "import", id, "--file", data.toString());

        List<Object> forImage = (List<Object>) json(emu.ok(ALPHA_TOKEN, "tasks", "list", "--image", id, "-f", "json"));
        assertThat(forImage).hasSize(1);
        Map<String, Object> task = (Map<String, Object>) forImage.get(0);
        assertThat(task).containsEntry("image_id", id).containsEntry("owner", "alpha");
        String taskId = (String) task.get("id");
        assertThat(emu.ok(ALPHA_TOKEN, "tasks", "list", "--image", id).lines().findFirst().orElseThrow())
                .startsWith("id").doesNotContain("input");
        assertThat(emu.ok(ALPHA_TOKEN, "tasks", "list", "--image", id, "--long").lines().findFirst().orElseThrow())
                .contains("updated_at", "input", "result");
        Cli.Result notAdmin = emu.as(ALPHA_TOKEN, "tasks", "show", taskId);
        assertThat(notAdmin.exitCode()).isEqualTo(ExitCodes.DENIED);
        assertThat(notAdmin.err()).contains("only admins may use the tasks API").doesNotContain("image's current state");
        assertThat(emu.ok(ADMIN_TOKEN, "tasks", "show", taskId, "-f", "value", "-c", "id", "-c", "image_id"))
                .isEqualTo(taskId + "\n" + id + "\n");
        assertThat(emu.ok(ADMIN_TOKEN, "tasks", "list", "-f", "value", "-c", "id")).isEqualTo(taskId + "\n");
        Cli.Result missing = emu.as(ADMIN_TOKEN, "tasks", "show", "00000000-0000-4000-8000-000000000000");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(missing.err()).contains("(imagectl tasks list)");
    }

    @Test
    void createWithFileUploadsAndWaits() throws IOException {
        Path data = Files.write(dir.resolve("one.raw"), new byte[] {9, 8, 7});
        Cli.Result r = emu.as(ALPHA_TOKEN, "images", "create", "--name", "one-shot", "--disk-format", "raw",
                "--container-format", "bare", "--file", data.toString(), "--wait", "-f", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, Object> image = (Map<String, Object>) json(r.out());
        assertThat(image).containsEntry("status", "active").containsEntry("size", 3.0).containsEntry("name", "one-shot");
        assertThat(r.err()).startsWith("uploaded 3 B in ").contains("to image " + image.get("id"));

        Cli.Result noFile = emu.as(ALPHA_TOKEN, "images", "create", "--name", "x", "--file", dir.resolve("nope").toString());
        assertThat(noFile.exitCode()).isEqualTo(ExitCodes.LOCAL_IO);
        Cli.Result waitAlone = emu.as(ALPHA_TOKEN, "images", "create", "--name", "x", "--wait");
        assertThat(waitAlone.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(waitAlone.err()).startsWith("imagectl: --wait needs --file");
        assertThat(emu.emulator.imageCount()).as("nothing created by the refused commands").isEqualTo(1);
    }

    @Test
    void createWithFileDeletesTheImageWhenTheUploadFails() {
        Path data;
        try {
            data = Files.write(dir.resolve("two.raw"), new byte[] {1});
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        // no disk/container format: the service refuses the data (400)
        Cli.Result r = emu.as(ALPHA_TOKEN, "images", "create", "--name", "broken", "--file", data.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("image ").contains(" were deleted again").contains("imagectl: 400 Bad Request");
        assertThat(emu.emulator.imageCount()).isZero();

        Cli.Result published = emu.as(ALPHA_TOKEN, "images", "create", "--name", "broken2", "--protected", "--org", "acme",
                "--file", data.toString());
        assertThat(published.exitCode()).as(published.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(published.err()).contains(" and its links were deleted again");
        assertThat(emu.emulator.imageCount()).as("protected image unprotected and deleted").isZero();
        assertThat(emu.ok(ALPHA_TOKEN, "image-links", "list", "-f", "value", "-c", "linkid")).isEmpty();
    }
}
