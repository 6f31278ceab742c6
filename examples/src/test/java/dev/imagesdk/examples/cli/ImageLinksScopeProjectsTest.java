package dev.imagesdk.examples.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.imagesdk.examples.cli.DemoIdentities.ALPHA_TOKEN;
import static dev.imagesdk.examples.cli.DemoIdentities.BETA_TOKEN;
import static dev.imagesdk.examples.cli.DemoIdentities.GAMMA_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --scope-project ORG[/SPACE]=PROJECT} (and the clouds.yaml key {@code imagesdk_scope_projects}) on
 * {@code image-links create|delete} and {@code images create}: with links kept in Glance the image is shared at once
 * with the project of the link's scope, and the membership goes with the link; without it nothing changes (run
 * reconcile); with the image-link service it is a usage error. Against the emulator's Glance images and members APIs,
 * as project alpha (the owner); projects beta and gamma stand for scopes. Expected members written by hand.
 */
class ImageLinksScopeProjectsTest {
    private static final String IMAGE = "0000000c-0000-4000-8000-000000000001";

    private final EmulatorFixture emu = new EmulatorFixture();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        emu.close();
    }

    private String members(String image) {
        return emu.ok(ALPHA_TOKEN, "members", "list", image, "-f", "value", "-c", "member_id").strip();
    }

    @Test
    void aSpaceLinkWithItsProjectSharesTheImageAtOnceAndDeletingTheLinkWithdrawsIt() {
        emu.ok(ALPHA_TOKEN, "images", "create", "--id", IMAGE, "--name", "lab");
        assertThat(emu.as(BETA_TOKEN, "images", "show", IMAGE).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);

        Cli.Result created = emu.as(ALPHA_TOKEN, "image-links", "create", "--links-backend", "glance", "--links-admin",
                "--image", IMAGE, "--org", "acme", "--space", "research", "--scope-project", "acme/research=beta",
                "--scope-project", "acme=gamma", "-f", "json");

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).contains("\"linkid\": \"" + IMAGE + ":space:acme:research\"");
        assertThat(created.err()).isEmpty();
        assertThat(members(IMAGE)).isEqualTo("beta");
        assertThat(emu.ok(BETA_TOKEN, "images", "show", IMAGE, "-f", "value", "-c", "visibility").strip()).isEqualTo("shared");
        assertThat(emu.as(GAMMA_TOKEN, "images", "show", IMAGE).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);

        String deleted = emu.ok(ALPHA_TOKEN, "image-links", "delete", "--links-backend", "glance", "--links-admin",
                "--scope-project", "acme/research=beta", IMAGE + ":space:acme:research");

        assertThat(deleted).contains("deleted image link " + IMAGE + ":space:acme:research");
        assertThat(members(IMAGE)).isEmpty();
        assertThat(emu.as(BETA_TOKEN, "images", "show", IMAGE).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void withoutScopeProjectsTheLinkIsKeptAndNobodyIsAddedAsToday() {
        emu.ok(ALPHA_TOKEN, "images", "create", "--id", IMAGE, "--name", "lab");

        emu.ok(ALPHA_TOKEN, "image-links", "create", "--links-backend", "glance", "--links-admin",
                "--image", IMAGE, "--org", "acme", "--space", "research");

        assertThat(members(IMAGE)).isEmpty();
        assertThat(emu.ok(ALPHA_TOKEN, "images", "show", IMAGE, "-f", "value", "-c", "visibility").strip()).isEqualTo("shared");
        assertThat(emu.as(BETA_TOKEN, "images", "show", IMAGE).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void theHelpOfCreateAndDeleteSaysReconcileIsNeededWithoutScopeProjects() {
        for (String command : new String[] {"create", "delete"}) {
            String help = Cli.run("image-links", command, "--help").out().replaceAll("\\s+", " ");
            assertThat(help).as(command).contains("--scope-project=ORG[/SPACE]=PROJECT")
                    .contains("only with --scope-project (or clouds.yaml imagesdk_scope_projects); otherwise run "
                            + "'image-links reconcile' afterwards");
        }
        assertThat(Cli.run("images", "create", "--help").out().replaceAll("\\s+", " "))
                .contains("--scope-project=ORG[/SPACE]=PROJECT").contains("'image-links reconcile' afterwards");
    }

    @Test
    void imagesCreateWithOrgSpaceAndItsProjectSharesTheNewImageAndAGlobalOneBecomesCommunity() {
        String space = emu.ok(ALPHA_TOKEN, "images", "create", "--id", IMAGE, "--name", "lab-only", "--links-backend", "glance",
                "--links-admin", "--org", "acme", "--space", "research", "--scope-project", "acme/research=beta", "-f", "json");
        assertThat(space).contains("\"" + IMAGE + ":space:acme:research\"");
        assertThat(members(IMAGE)).isEqualTo("beta");
        assertThat(emu.ok(BETA_TOKEN, "images", "show", IMAGE, "-f", "value", "-c", "id").strip()).isEqualTo(IMAGE);

        String everyone = "0000000c-0000-4000-8000-000000000002";
        emu.ok(ALPHA_TOKEN, "images", "create", "--id", everyone, "--name", "everyone", "--links-backend", "glance",
                "--links-admin", "--scope-project", "acme/research=beta");
        assertThat(emu.ok(GAMMA_TOKEN, "images", "show", everyone, "-f", "value", "-c", "visibility").strip())
                .isEqualTo("community");
    }

    @Test
    void aScopeWithoutAKnownProjectIsSharedWithNobodyAndSaidSoOnStderr() {
        emu.ok(ALPHA_TOKEN, "images", "create", "--id", IMAGE, "--name", "lab");

        Cli.Result r = emu.as(ALPHA_TOKEN, "image-links", "create", "--links-backend", "glance", "--links-admin",
                "--image", IMAGE, "--org", "acme", "--scope-project", "acme/research=beta");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEqualTo("imagectl: no project known for organization acme (give --scope-project "
                + "acme=PROJECT); shared with nobody" + System.lineSeparator());
        assertThat(members(IMAGE)).isEmpty();
    }

    @Test
    void deletingALinkWithATableThatMissesAnotherLinksScopeWithdrawsThatMemberToAndSaysSo() {
        emu.ok(ALPHA_TOKEN, "images", "create", "--id", IMAGE, "--name", "lab");
        String[] glance = {"--links-backend", "glance", "--links-admin"};
        emu.ok(ALPHA_TOKEN, concat(new String[] {"image-links", "create", "--image", IMAGE, "--org", "acme", "--space", "research",
                "--scope-project", "acme/research=beta", "--scope-project", "acme=gamma"}, glance));
        emu.ok(ALPHA_TOKEN, concat(new String[] {"image-links", "create", "--image", IMAGE, "--org", "acme",
                "--scope-project", "acme/research=beta", "--scope-project", "acme=gamma"}, glance));
        assertThat(members(IMAGE).lines().sorted()).containsExactly("beta", "gamma");

        Cli.Result r = emu.as(ALPHA_TOKEN, concat(new String[] {"image-links", "delete", "--scope-project", "acme=gamma",
                IMAGE + ":org:acme"}, glance));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEqualTo("imagectl: no project known for space acme/research (give --scope-project "
                + "acme/research=PROJECT); shared with nobody" + System.lineSeparator());
        assertThat(members(IMAGE)).isEmpty();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void scopeProjectsWithTheImageLinkServiceOrWithoutLinksAreAUsageError() {
        emu.ok(ALPHA_TOKEN, "images", "create", "--id", IMAGE, "--name", "lab");
        String[][] commands = {
                {"image-links", "create", "--links-backend", "service", "--image", IMAGE, "--org", "acme", "--scope-project", "acme=beta"},
                {"image-links", "create", "--image", IMAGE, "--org", "acme", "--scope-project", "acme=beta"},
                {"image-links", "delete", "--links-backend", "service", "--scope-project", "acme=beta", IMAGE + ":org:acme"},
                {"images", "create", "--name", "plain", "--scope-project", "acme=beta"},
                {"images", "create", "--name", "service", "--org", "acme", "--links-backend", "service", "--scope-project", "acme=beta"},
        };
        for (String[] command : commands) {
            Cli.Result r = emu.as(ALPHA_TOKEN, command);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(String.join(" ", command)).startsWith("imagectl: --scope-project and --scope-projects-from need the links kept in Glance");
        }
        assertThat(emu.ok(ALPHA_TOKEN, "images", "list", "-f", "value", "-c", "name").lines()).containsExactly("lab");
        assertThat(emu.ok(ALPHA_TOKEN, "image-links", "list", "--image", IMAGE, "-f", "json").strip()).isEqualTo("[]");
    }

    /** Projects from Keystone need a Keystone login, exclude a table on the command line, and the source must be known. */
    @Test
    void scopeProjectsFromKeystoneNeedAKeystoneLoginAndNoTableBesideThem() {
        emu.ok(ALPHA_TOKEN, "images", "create", "--id", IMAGE, "--name", "lab");
        Cli.Result token = emu.as(ALPHA_TOKEN, "image-links", "create", "--links-backend", "glance", "--image", IMAGE,
                "--org", "acme", "--scope-projects-from", "keystone");
        assertThat(token.exitCode()).as(token.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(token.err()).startsWith("imagectl: --scope-projects-from keystone needs a Keystone login");
        Cli.Result both = emu.as(ALPHA_TOKEN, "image-links", "create", "--links-backend", "glance", "--image", IMAGE,
                "--org", "acme", "--scope-projects-from", "keystone", "--scope-project", "acme=beta");
        assertThat(both.exitCode()).as(both.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).startsWith("imagectl: scope projects from Keystone and from --scope-project at once");
        Cli.Result unknown = emu.as(ALPHA_TOKEN, "image-links", "create", "--links-backend", "glance", "--image", IMAGE,
                "--org", "acme", "--scope-projects-from", "ldap");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).startsWith("imagectl: unknown scope projects source \"ldap\"");
        Cli.Result service = emu.as(ALPHA_TOKEN, "image-links", "create", "--links-backend", "service", "--image", IMAGE,
                "--org", "acme", "--scope-projects-from", "keystone");
        assertThat(service.exitCode()).as(service.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(service.err()).startsWith("imagectl: --scope-project and --scope-projects-from need the links kept in Glance");
        assertThat(emu.ok(ALPHA_TOKEN, "image-links", "list", "--image", IMAGE, "-f", "json").strip()).isEqualTo("[]");
    }

    @Test
    void aScopeProjectThatIsNotOrgEqualsProjectIsAUsageError() {
        Cli.Result noValue = emu.as(ALPHA_TOKEN, "image-links", "create", "--links-backend", "glance", "--image", IMAGE,
                "--scope-project", "acme");
        assertThat(noValue.exitCode()).as(noValue.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(noValue.err()).contains("'--scope-project'").contains("should be in KEY=VALUE format but was acme");
        Cli.Result tooDeep = emu.as(ALPHA_TOKEN, "image-links", "create", "--links-backend", "glance", "--image", IMAGE,
                "--scope-project", "acme/research/x=beta");
        assertThat(tooDeep.exitCode()).as(tooDeep.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooDeep.err()).startsWith("imagectl: invalid input: scope key \"acme/research/x\" is neither");
    }

    @Test
    void cloudsYamlNamesTheScopeProjectsAndTheFlagWinsOverIt() throws Exception {
        emu.ok(ALPHA_TOKEN, "images", "create", "--id", IMAGE, "--name", "lab");
        Map<String, String> env = Map.of("OS_CLIENT_CONFIG_FILE", clouds("[acme/research=gamma, acme=beta]").toString());

        Cli.Result fromKey = Cli.process(dir, env, 120, "--os-cloud", "emu", "image-links", "create", "--image", IMAGE,
                "--org", "acme", "--space", "research");
        assertThat(fromKey.exitCode()).as(fromKey.toString()).isZero();
        assertThat(members(IMAGE)).isEqualTo("gamma");

        Cli.Result flagWins = Cli.process(dir, env, 120, "--os-cloud", "emu", "image-links", "create", "--image", IMAGE,
                "--org", "acme", "--scope-project", "acme=alpha-is-not-beta");
        assertThat(flagWins.exitCode()).as(flagWins.toString()).isZero();
        // the flag's table replaces the key's: it knows no project for the space link, so gamma is no member any more
        assertThat(members(IMAGE)).isEqualTo("alpha-is-not-beta");
        assertThat(flagWins.err()).endsWith(System.lineSeparator() + "imagectl: no project known for space acme/research "
                + "(give --scope-project acme/research=PROJECT); shared with nobody" + System.lineSeparator()); // after the test log

        Cli.Result reconcile = Cli.process(dir, env, 120, "--os-cloud", "emu", "image-links", "reconcile", "--image", IMAGE,
                "-f", "json");
        assertThat(reconcile.exitCode()).as(reconcile.toString()).isZero();
        assertThat(reconcile.out()).contains("\"members_removed\": [\n      \"alpha-is-not-beta\"\n    ]");
        assertThat(members(IMAGE).lines().sorted()).containsExactly("beta", "gamma");
    }

    @Test
    void aCloudsYamlItemWithoutProjectIsAUsageError() throws Exception {
        emu.ok(ALPHA_TOKEN, "images", "create", "--id", IMAGE, "--name", "lab");
        Map<String, String> env = Map.of("OS_CLIENT_CONFIG_FILE", clouds("[acme]").toString());

        Cli.Result r = Cli.process(dir, env, 120, "--os-cloud", "emu", "image-links", "create", "--image", IMAGE, "--org", "acme");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("imagectl: clouds.yaml imagesdk_scope_projects item \"acme\" names no project");
        assertThat(emu.ok(ALPHA_TOKEN, "image-links", "list", "--links-backend", "glance", "--links-admin", "--image", IMAGE,
                "-f", "json").strip()).isEqualTo("[]");
    }

    /** A clouds.yaml cloud "emu": alpha on the emulator, links kept in Glance, administrator, the given scope projects. */
    private Path clouds(String scopeProjects) throws IOException {
        return Files.writeString(dir.resolve("clouds.yaml"), String.join("\n",
                "clouds:",
                "  emu:",
                "    auth_type: admin_token",
                "    auth:",
                "      token: " + ALPHA_TOKEN,
                "      endpoint: " + emu.endpoint,
                "    imagesdk_links_backend: glance",
                "    imagesdk_links_admin: true",
                "    imagesdk_scope_projects: " + scopeProjects,
                ""));
    }
}
