package dev.imagesdk.examples.cli;

import com.squareup.moshi.Moshi;
import dev.imagesdk.core.it.RealGlance;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code imagectl image-links --links-backend glance --roles-from keystone} against the real Keystone and the
 * keystone-mode Glance (failsafe, CI): the users {@code scripts/keystone.sh} provisions log in through clouds.yaml,
 * and their organization and space roles are read from Keystone. carol (a member of organization acme) publishes a
 * community image with an acme organization link and a global link; carol sees both links, erin (globex) and dave
 * (a role on the space acme/ml-lab only) see only the global one, although all three can read the image.
 */
class ImageLinksKeystoneRolesIT {
    private static final String[] KEYSTONE_ROLES = {"--links-backend", "glance", "--roles-from", "keystone"};

    /** imagectl run as its own process (clouds.yaml is read from the process environment). */
    private static Cli.Result as(String cloud, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--os-cloud", cloud));
        all.addAll(List.of(args));
        return Cli.process(Path.of(System.getProperty("java.io.tmpdir")), Map.of(
                "OS_CLIENT_CONFIG_FILE", RealGlance.require("IMAGESDK_CLOUDS_YAML"),
                "OS_REGION_NAME", RealGlance.require("IMAGESDK_KEYSTONE_REGION")), 300, all.toArray(new String[0]));
    }

    private static String ok(String cloud, String... args) throws Exception {
        Cli.Result r = as(cloud, args);
        assertThat(r.exitCode()).as(cloud + ": " + String.join(" ", args) + "\n" + r).isZero();
        return r.out();
    }

    private static String[] with(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    /** The link ids of {@code imageId} that {@code cloud}'s user is shown. */
    private static List<String> linkIds(String cloud, String imageId) throws Exception {
        Object parsed = new Moshi.Builder().build().adapter(Object.class)
                .fromJson(ok(cloud, with(new String[] {"image-links", "list", "--image", imageId, "-f", "json"}, KEYSTONE_ROLES)));
        List<String> ids = new ArrayList<>();
        for (Object o : (List<?>) parsed) {
            ids.add((String) ((Map<?, ?>) o).get("linkid"));
        }
        return ids;
    }

    @Test
    void eachUserSeesTheLinksOfTheRolesKeystoneGivesThem() throws Exception {
        Map<?, ?> image = (Map<?, ?>) new Moshi.Builder().build().adapter(Object.class).fromJson(ok("it-carol",
                "images", "create", "--name", "imagectl-keystone-roles-it", "--visibility", "community", "-f", "json"));
        String id = (String) image.get("id");
        try {
            ok("it-carol", with(new String[] {"image-links", "create", "--image", id, "--org", "acme"}, KEYSTONE_ROLES));
            ok("it-carol", with(new String[] {"image-links", "create", "--image", id, "--priority", "1"}, KEYSTONE_ROLES));

            assertThat(linkIds("it-carol", id)).containsExactly(id + ":global", id + ":org:acme");
            assertThat(linkIds("it-erin", id)).containsExactly(id + ":global");
            assertThat(linkIds("it-dave", id)).containsExactly(id + ":global");

            Cli.Result mixed = as("it-carol", with(new String[] {"image-links", "list", "--image", id, "--org-role", "acme"},
                    KEYSTONE_ROLES));
            assertThat(mixed.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(mixed.err()).contains("roles from Keystone and from flags at once");
        } finally {
            ok("it-carol", "images", "delete", id);
        }
    }

    /**
     * {@code --scope-projects-from keystone}: the projects of the scopes are looked up in Keystone by tag. carol (a
     * project member) may not list projects: the create fails with Keystone's 403 explained, before anything is
     * written; the administrator's login finds acme/ml-lab's project, which becomes the image's only member at once.
     */
    @Test
    void scopeProjectsFromKeystoneNeedALoginAllowedToListProjects() throws Exception {
        String mlLab = RealGlance.require("IMAGESDK_KEYSTONE_ACME_ML_LAB_PROJECT_ID");
        Map<?, ?> image = (Map<?, ?>) new Moshi.Builder().build().adapter(Object.class).fromJson(ok("it-carol",
                "images", "create", "--name", "imagectl-keystone-scope-projects-it", "--visibility", "shared", "-f", "json"));
        String id = (String) image.get("id");
        try {
            Cli.Result carol = as("it-carol", "image-links", "create", "--image", id, "--org", "acme", "--space", "ml-lab",
                    "--links-backend", "glance", "--roles-from", "keystone", "--scope-projects-from", "keystone");
            assertThat(carol.exitCode()).as(carol.toString()).isEqualTo(ExitCodes.DENIED);
            assertThat(carol.err()).contains("identity:list_projects");
            assertThat(linkIds("it-carol", id)).isEmpty();

            ok("it-admin", "image-links", "create", "--image", id, "--org", "acme", "--space", "ml-lab",
                    "--links-backend", "glance", "--links-admin", "--scope-projects-from", "keystone");

            assertThat(linkIds("it-carol", id)).containsExactly(id + ":space:acme:ml-lab");
            assertThat(ok("it-carol", "members", "list", id, "-f", "value", "-c", "member_id").strip()).isEqualTo(mlLab);
        } finally {
            ok("it-carol", "images", "delete", id);
        }
    }
}
