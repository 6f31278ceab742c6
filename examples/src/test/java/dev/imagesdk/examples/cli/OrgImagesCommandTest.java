package dev.imagesdk.examples.cli;

import com.squareup.moshi.Moshi;
import dev.imagesdk.examples.cli.output.Normalize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.imagesdk.examples.cli.DemoIdentities.ALPHA_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code imagectl org-images list|show|publish|delete} (seed 002) against the emulator, as project alpha: publishing
 * records the organization and the provenance and checks a raw image's boot sector first; listing shows only the
 * organization's images, in three formats that parse back to the same records; deleting refuses an image of another
 * organization before any DELETE. Expected values written by hand.
 */
class OrgImagesCommandTest {
    private final EmulatorFixture emu = new EmulatorFixture();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        emu.close();
    }

    /** 1 KiB of a raw disk: a Master Boot Record (no partitions, signature 55 AA at 510) and zeros. */
    private Path mbrDisk() throws IOException {
        byte[] disk = new byte[1024];
        disk[510] = 0x55;
        disk[511] = (byte) 0xAA;
        return Files.write(dir.resolve("disk.raw"), disk);
    }

    /** The first bytes of a qcow2 file ("QFI" 0xFB, version 3), declared raw. */
    private Path qcow2() throws IOException {
        byte[] data = new byte[1024];
        data[0] = 'Q';
        data[1] = 'F';
        data[2] = 'I';
        data[3] = (byte) 0xFB;
        data[7] = 3;
        return Files.write(dir.resolve("disk.qcow2"), data);
    }

    /** Publishes {@code file} as image ORG-disk of {@code org}, brought by alice, links kept in Glance; its id. */
    private String publish(String org, Path file) throws IOException {
        String json = emu.ok(ALPHA_TOKEN, "org-images", "publish", "--org", org, "--name", org + "-disk", "--disk-format", "raw",
                "--container-format", "bare", "--file", file.toString(), "--by", "alice", "--links-backend", "glance",
                "--links-admin", "-f", "json");
        return (String) ((Map<?, ?>) json(json)).get("id");
    }

    private static Object json(String text) throws IOException {
        return new Moshi.Builder().build().adapter(Object.class).fromJson(text);
    }

    @Test
    void publishRecordsOwnershipAndProvenanceAndTheOrganizationsLinkAndListShowsOnlyTheOrganizationsImages() throws IOException {
        String acmeId = publish("acme", mbrDisk());
        Map<?, ?> acme = (Map<?, ?>) json(emu.ok(ALPHA_TOKEN, "org-images", "show", "--org", "acme", acmeId, "-f", "json"));
        assertThat(acme.get("organization")).isEqualTo("acme");
        assertThat(acme.get("source")).isEqualTo("upload");
        assertThat(acme.get("by")).isEqualTo("alice");
        assertThat(acme.get("status")).isEqualTo("active");
        assertThat(acme.get("size")).isEqualTo(1024.0);
        assertThat(acme.get("decoding_problems")).isEqualTo(List.of());
        assertThat(emu.ok(ALPHA_TOKEN, "image-links", "list", "--links-backend", "glance", "--links-admin", "--image", acmeId,
                "-f", "value", "-c", "linkid").strip()).isEqualTo(acmeId + ":org:acme");
        String globexId = publish("globex", mbrDisk());
        emu.ok(ALPHA_TOKEN, "images", "create", "--name", "no-organization");

        Object fromJson = Normalize.numbers(json(emu.ok(ALPHA_TOKEN, "org-images", "list", "--org", "acme", "-f", "json")));
        Object fromYaml = Normalize.numbers(new Yaml().load(emu.ok(ALPHA_TOKEN, "org-images", "list", "--org", "acme", "-f", "yaml")));
        assertThat(fromYaml).isEqualTo(fromJson);
        assertThat((List<?>) fromJson).singleElement().satisfies(r -> {
            Map<?, ?> row = (Map<?, ?>) r;
            assertThat(row.get("id")).isEqualTo(acmeId);
            assertThat(row.get("name")).isEqualTo("acme-disk");
            assertThat(row.get("organization")).isEqualTo("acme");
            assertThat(row.get("source")).isEqualTo("upload");
            assertThat(row.get("by")).isEqualTo("alice");
        });
        List<String> table = emu.ok(ALPHA_TOKEN, "org-images", "list", "--org", "acme").lines().toList();
        assertThat(table.get(0).split("\\s+")).containsExactly("id", "name", "status", "visibility", "organization", "source", "by");
        assertThat(table).hasSize(3);
        assertThat(table.get(2).split("\\s+")).containsExactly(acmeId, "acme-disk", "active", "shared", "acme", "upload", "alice");

        assertThat(emu.ok(ALPHA_TOKEN, "org-images", "show", "--org", "acme", globexId, "-f", "value", "-c", "organization").strip())
                .isEqualTo("globex");
    }

    @Test
    void aRawImageThatIsNotAnMbrDiskIsRefusedBeforeAnyRequestUnlessTheCheckIsSwitchedOff() throws IOException {
        Path qcow2 = qcow2();
        Cli.Result refused = emu.as(ALPHA_TOKEN, "org-images", "publish", "--org", "acme", "--name", "not-raw", "--disk-format", "raw",
                "--container-format", "bare", "--file", qcow2.toString());

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).startsWith("imagectl: invalid input: ").contains("qcow2");
        assertThat(emu.ok(ALPHA_TOKEN, "images", "list", "-f", "value", "-c", "name")).isEmpty();

        String forced = emu.ok(ALPHA_TOKEN, "org-images", "publish", "--org", "acme", "--name", "not-raw", "--disk-format", "raw",
                "--container-format", "bare", "--file", qcow2.toString(), "--no-boot-sector-check", "-f", "value", "-c", "name",
                "-c", "organization");
        assertThat(forced.lines()).containsExactly("not-raw", "acme");
    }

    @Test
    void aUrlIsPeekedWithOneRangedGetWithoutCredentialsAndAQcow2IsRefusedBeforeAnyGlanceRequest() throws Exception {
        try (mockwebserver3.MockWebServer web = new mockwebserver3.MockWebServer()) {
            web.start();
            web.enqueue(new mockwebserver3.MockResponse.Builder().code(206)
                    .body(new okio.Buffer().write(Files.readAllBytes(qcow2()), 0, 512)).build());

            Cli.Result r = emu.as(ALPHA_TOKEN, "org-images", "publish", "--org", "acme", "--name", "from-url", "--disk-format",
                    "raw", "--container-format", "bare", "--url", web.url("/disk.img").toString());

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).startsWith("imagectl: invalid input: ").contains("qcow2");
            mockwebserver3.RecordedRequest peek = web.takeRequest();
            assertThat(peek.getMethod()).isEqualTo("GET");
            assertThat(peek.getHeaders().get("Range")).isEqualTo("bytes=0-511");
            assertThat(peek.getHeaders().get("X-Auth-Token")).isNull();
            assertThat(emu.ok(ALPHA_TOKEN, "images", "list", "-f", "value", "-c", "name")).isEmpty();
        }
    }

    @Test
    void deleteRefusesAnImageOfAnotherOrganizationBeforeAnyDeleteAndDeletesItsOwn() throws IOException {
        String acmeId = publish("acme", mbrDisk());

        Cli.Result refused = emu.as(ALPHA_TOKEN, "org-images", "delete", "--org", "globex", acmeId);

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.DENIED);
        assertThat(refused.err()).contains("image " + acmeId + " is not owned by organization globex (it belongs to acme); "
                + "nothing was deleted");
        assertThat(emu.ok(ALPHA_TOKEN, "images", "show", acmeId, "-f", "value", "-c", "id").strip()).isEqualTo(acmeId);

        assertThat(emu.ok(ALPHA_TOKEN, "org-images", "delete", "--org", "acme", acmeId).strip())
                .isEqualTo("deleted image " + acmeId + " of organization acme");
        assertThat(emu.as(ALPHA_TOKEN, "images", "show", acmeId).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void publishToASpaceWithItsProjectSharesTheImageWithThatProject() throws IOException {
        String json = emu.ok(ALPHA_TOKEN, "org-images", "publish", "--org", "acme", "--space", "research", "--name", "lab-disk",
                "--disk-format", "raw", "--container-format", "bare", "--file", mbrDisk().toString(), "--links-backend", "glance",
                "--links-admin", "--scope-project", "acme/research=beta", "-f", "json");
        String id = (String) ((Map<?, ?>) json(json)).get("id");

        assertThat(emu.ok(ALPHA_TOKEN, "members", "list", id, "-f", "value", "-c", "member_id").strip()).isEqualTo("beta");
        assertThat(emu.ok(DemoIdentities.BETA_TOKEN, "org-images", "show", "--org", "acme", id, "-f", "value", "-c", "organization")
                .strip()).isEqualTo("acme");
        assertThat(emu.ok(ALPHA_TOKEN, "image-links", "list", "--links-backend", "glance", "--links-admin", "--image", id,
                "-f", "value", "-c", "linkid").strip()).isEqualTo(id + ":space:acme:research");
    }

    @Test
    void usageErrors() {
        Cli.Result orgLinkAlone = emu.as(ALPHA_TOKEN, "org-images", "publish", "--org", "acme", "--org-link");
        assertThat(orgLinkAlone.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(orgLinkAlone.err()).startsWith("imagectl: --org-link needs --space");
        Cli.Result fileAndUrl = emu.as(ALPHA_TOKEN, "org-images", "publish", "--org", "acme", "--file", "x", "--url", "http://h/x");
        assertThat(fileAndUrl.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(fileAndUrl.err()).contains("mutually exclusive");
        Cli.Result noOrg = emu.as(ALPHA_TOKEN, "org-images", "list");
        assertThat(noOrg.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noOrg.err()).contains("--org");
    }
}
