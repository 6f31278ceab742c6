package dev.imagesdk.examples.cli;

import dev.imagesdk.core.it.RealGlance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code imagectl org-images} against the real Glance (headers mode, failsafe, CI; Glance 25.1 and 30.0), as project A
 * through trusted headers: publish a raw MBR disk for a fresh organization (ownership and provenance read back), list it
 * in three formats that agree, refuse a qcow2 file declared raw before any request, refuse to delete the image as
 * another organization (it is still there) and delete it as its own. Expected values written by hand.
 */
class OrgImagesCommandIT {
    private final String org = "it-org-" + UUID.randomUUID().toString().substring(0, 8);
    private final String other = "it-other-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> created = new ArrayList<>();

    @TempDir
    Path dir;

    private Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint", RealGlance.endpoint(), "--project", RealGlance.PROJECT_A,
                "--user", "imagectl-org-it"));
        all.addAll(List.of(args));
        return Cli.run(Map.of(), false, all.toArray(new String[0]));
    }

    private String ok(String... args) {
        Cli.Result r = run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r).isZero();
        return r.out();
    }

    @AfterEach
    void cleanUp() {
        for (String id : created) {
            run("images", "delete", id);
        }
    }



    @Test
    void publishListAndDeleteAnOrganizationsImageOnGlance() throws IOException {
        byte[] disk = new byte[4096];
        disk[510] = 0x55;
        disk[511] = (byte) 0xAA;
        Path file = Files.write(dir.resolve("disk.raw"), disk);

        String id = (String) ((Map<?, ?>) Cli.parseJson(ok("org-images", "publish", "--org", org, "--name", "org-images-it",
                "--disk-format", "raw", "--container-format", "bare", "--file", file.toString(), "--by", "alice",
                "--links-backend", "glance", "-f", "json"))).get("id");
        created.add(id);

        List<Map<String, Object>> fromJson = Cli.records(Cli.parseJson(ok("org-images", "list", "--org", org, "-f", "json")));
        List<Map<String, Object>> fromYaml = Cli.records(new Yaml().load(ok("org-images", "list", "--org", org, "-f", "yaml")));
        assertThat(fromYaml).isEqualTo(fromJson);
        assertThat(fromJson).hasSize(1);
        Map<String, Object> row = fromJson.get(0);
        assertThat(row).containsEntry("id", id).containsEntry("name", "org-images-it").containsEntry("status", "active")
                .containsEntry("size", 4096L).containsEntry("disk_format", "raw").containsEntry("owner", RealGlance.PROJECT_A)
                .containsEntry("organization", org).containsEntry("source", "upload").containsEntry("by", "alice")
                .containsEntry("from", null).containsEntry("region", null).containsEntry("decoding_problems", List.of());
        List<String> table = ok("org-images", "list", "--org", org).lines().toList();
        assertThat(table).hasSize(3);
        assertThat(table.get(2).split("\\s+")).containsExactly(id, "org-images-it", "active", "shared", org, "upload", "alice");
        assertThat(ok("image-links", "list", "--links-backend", "glance", "--org-role", org, "--image", id, "-f", "value",
                "-c", "linkid").strip()).isEqualTo(id + ":org:" + org);

        Cli.Result refused = run("org-images", "delete", "--org", other, id);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.DENIED);
        assertThat(refused.err()).contains("is not owned by organization " + other + " (it belongs to " + org + "); nothing was deleted");
        assertThat(ok("images", "show", id, "-f", "value", "-c", "status").strip()).isEqualTo("active");

        assertThat(ok("org-images", "delete", "--org", org, id).strip()).isEqualTo("deleted image " + id + " of organization " + org);
        assertThat(run("images", "show", id).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(ok("org-images", "list", "--org", org, "-f", "json").strip()).isEqualTo("[]");
    }

    @Test
    void aQcow2FileDeclaredRawIsRefusedBeforeAnyRequest() throws IOException {
        byte[] qcow2 = new byte[1024];
        qcow2[0] = 'Q';
        qcow2[1] = 'F';
        qcow2[2] = 'I';
        qcow2[3] = (byte) 0xFB;
        qcow2[7] = 3;
        Path file = Files.write(dir.resolve("disk.qcow2"), qcow2);

        Cli.Result r = run("org-images", "publish", "--org", org, "--name", "org-images-it-qcow2", "--disk-format", "raw",
                "--container-format", "bare", "--file", file.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("imagectl: invalid input: ").contains("qcow2");
        assertThat(ok("org-images", "list", "--org", org, "-f", "json").strip()).isEqualTo("[]");
    }
}
