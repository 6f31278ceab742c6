package dev.imagesdk.examples.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.imagesdk.examples.cli.DemoIdentities.ALPHA_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code imagectl image-links --links-backend glance|service} and the clouds.yaml key {@code imagesdk_links_backend}:
 * with the Glance backend the link is kept on the image itself (its {@code imagesdk:link:...} properties, shown by
 * {@code images show}), with the service backend it is not. Against the emulator, which serves both.
 */
class ImageLinksBackendTest {
    private static final String IMAGE = "0000000b-0000-4000-8000-000000000001";

    private final EmulatorFixture emu = new EmulatorFixture();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void theGlanceBackendKeepsTheLinkOnTheImageAndListsItForAnOrganizationMember() {
        emu.ok(ALPHA_TOKEN, "images", "create", "--id", IMAGE, "--name", "kept");

        String created = emu.ok(ALPHA_TOKEN, "image-links", "create", "--links-backend", "glance", "--links-admin",
                "--image", IMAGE, "--org", "acme", "--priority", "4", "--comment", "in glance", "-f", "json");

        assertThat(created).contains("\"linkid\": \"" + IMAGE + ":org:acme\"");
        String image = emu.ok(ALPHA_TOKEN, "images", "show", IMAGE, "-f", "json");
        assertThat(image).contains("\"imagesdk:index:org:acme\": \"1\"").contains("imagesdk:link:org:acme");
        String listed = emu.ok(ALPHA_TOKEN, "image-links", "list", "--links-backend", "glance", "--org-role", "acme:member",
                "--image", IMAGE, "-f", "json");
        assertThat(listed).contains("\"linkid\": \"" + IMAGE + ":org:acme\"").contains("\"comment\": \"in glance\"")
                .contains("\"priority\": 4");
        assertThat(emu.ok(ALPHA_TOKEN, "image-links", "list", "--links-backend", "service", "--image", IMAGE, "-f", "json"))
                .doesNotContain("in glance");
    }

    @Test
    void seed000WithABackendChosenAnImageCreatedWithoutScopeIsGlobalWithOrgAndSpaceItIsTheSpaces() {
        String global = emu.ok(ALPHA_TOKEN, "images", "create", "--id", IMAGE, "--name", "everyone",
                "--links-backend", "glance", "--links-admin", "-f", "json");
        assertThat(global).contains("\"" + IMAGE + ":global\"");
        String space = "0000000b-0000-4000-8000-000000000002";
        String inSpace = emu.ok(ALPHA_TOKEN, "images", "create", "--id", space, "--name", "lab-only",
                "--links-backend", "glance", "--links-admin", "--org", "acme", "--space", "lab", "-f", "json");
        assertThat(inSpace).contains("\"" + space + ":space:acme:lab\"").doesNotContain(space + ":global");
        assertThat(emu.ok(ALPHA_TOKEN, "images", "show", IMAGE, "-f", "json")).contains("imagesdk:link:global");
        // without a chosen backend, images create stays a plain create (no link service needed)
        String plain = emu.ok(ALPHA_TOKEN, "images", "create", "--name", "plain", "-f", "json");
        assertThat(plain).doesNotContain("\"links\"");
    }

    @Test
    void anUnknownBackendIsAUsageError() {
        Cli.Result r = emu.as(ALPHA_TOKEN, "image-links", "list", "--links-backend", "ldap");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("unknown links backend \"ldap\"").contains("--links-backend glance");
    }

    @Test
    void cloudsYamlPicksTheGlanceBackendAndTheRoles() throws Exception {
        emu.ok(ALPHA_TOKEN, "images", "create", "--id", IMAGE, "--name", "kept");
        Path clouds = Files.writeString(dir.resolve("clouds.yaml"), String.join("\n",
                "clouds:",
                "  emu:",
                "    auth_type: admin_token",
                "    auth:",
                "      token: " + ALPHA_TOKEN,
                "      endpoint: " + emu.endpoint,
                "    imagesdk_links_backend: glance",
                "    imagesdk_links_admin: true",
                "    imagesdk_org_roles: [acme]",
                ""));
        Map<String, String> env = Map.of("OS_CLIENT_CONFIG_FILE", clouds.toString());

        String[] made = imagectl(env, "--os-cloud", "emu", "image-links", "create", "--image", IMAGE, "--org", "acme", "-f", "yaml");
        assertThat(made[0]).as(made[1]).contains("linkid: " + IMAGE + ":org:acme");
        assertThat(emu.ok(ALPHA_TOKEN, "images", "show", IMAGE, "-f", "json")).contains("imagesdk:link:org:acme");
        String[] flagWins = imagectl(env, "--os-cloud", "emu", "image-links", "list", "--links-backend", "service",
                "--image", IMAGE, "-f", "json");
        assertThat(flagWins[0]).as(flagWins[1]).doesNotContain(IMAGE + ":org:acme");
    }

    /** imagectl in its own process (clouds.yaml is found through the real environment); stdout and stderr. */
    private String[] imagectl(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Cli.Result r = Cli.process(dir, env, 120, args);
        return new String[] {r.out(), "exit " + r.exitCode() + "\n" + r.err()};
    }
}
