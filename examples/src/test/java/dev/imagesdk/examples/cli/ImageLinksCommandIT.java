package dev.imagesdk.examples.cli;

import com.squareup.moshi.Moshi;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.it.RealGlance;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.Visibility;
import dev.imagesdk.members.Members;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code imagectl image-links} with the links kept in the real Glance ({@code --links-backend glance}; headers mode,
 * failsafe, CI; Glance 25.1 and 30.0): create, list in the three formats, update, delete. Each format is parsed here
 * on its own (JSON with Moshi, YAML with SnakeYAML, the table by its column ruler) and all three must give the
 * records written out below by hand. With {@code --scope-project} availability follows at once: a space link makes
 * the space's (random) project a member that reads the image, checked with sdk-members as the owner and with Glance's
 * trusted identity headers as that project; deleting the link withdraws it; {@code images create} (seed 000) too.
 */
class ImageLinksCommandIT {
    private final String org = "it-cli-" + UUID.randomUUID().toString().substring(0, 8);

    private String[] identity() {
        return new String[] {"--endpoint", RealGlance.endpoint(), "--project", RealGlance.PROJECT_A, "--user", "imagectl-links-it"};
    }

    private String ok(String... args) {
        List<String> all = new ArrayList<>(List.of(identity()));
        all.addAll(List.of(args));
        Cli.Result r = Cli.run(Map.of(), false, all.toArray(new String[0]));
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r).isZero();
        return r.out();
    }

    private static Map<String, Object> record(String imid, String linkid, String orgSlug, String spaceSlug, long priority,
            String spaceType, String comment) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("imid", imid);
        m.put("linkid", linkid);
        m.put("org_slug", orgSlug);
        m.put("space_slug", spaceSlug);
        m.put("priority", priority);
        m.put("space_type", spaceType);
        m.put("comment", comment);
        return m;
    }

    @Test
    void createListUpdateDeleteAgainstGlanceAndTheThreeFormatsGiveTheSameRecords() {
        Map<?, ?> image = (Map<?, ?>) Cli.parseJson(ok("images", "create", "--name", "imagectl-links-it", "-f", "json"));
        String id = (String) image.get("id");
        String[] backend = {"--links-backend", "glance", "--org-role", org + ":member", "--space-role", org + "/lab:editor"};
        try {
            ok(concat(new String[] {"image-links", "create", "--image", id, "--priority", "1", "--comment", "for everyone"}, backend));
            ok(concat(new String[] {"image-links", "create", "--image", id, "--org", org, "--priority", "3",
                    "--comment", "org; with a semicolon"}, backend));
            ok(concat(new String[] {"image-links", "create", "--image", id, "--org", org, "--space", "lab",
                    "--space-type", "research"}, backend));

            List<Map<String, Object>> expected = List.of(
                    record(id, id + ":global", null, null, 1, null, "for everyone"),
                    record(id, id + ":org:" + org, org, null, 3, null, "org; with a semicolon"),
                    record(id, id + ":space:" + org + ":lab", org, "lab", 0, "research", null));
            assertThat(listed(id, backend)).isEqualTo(expected);

            ok(concat(new String[] {"image-links", "update", id + ":org:" + org, "--priority", "7", "--no-comment"}, backend));
            ok(concat(new String[] {"image-links", "delete", id + ":space:" + org + ":lab"}, backend));

            assertThat(listed(id, backend)).isEqualTo(List.of(
                    record(id, id + ":global", null, null, 1, null, "for everyone"),
                    record(id, id + ":org:" + org, org, null, 7, null, null)));
        } finally {
            ok("images", "delete", id);
        }
    }

    /** Glance as a user of {@code project} (trusted identity headers). */
    private static ServiceClient as(String project) {
        return RealGlance.projectA().withAuth(Auth.trustedHeaders(project, "user-" + project.substring(0, 8), "member", "reader"));
    }

    private static String randomProject() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** The image's members as the owner reads them: "project:status". */
    private static List<String> members(String imageId) {
        return Members.of(RealGlance.projectA()).listForImage(imageId).stream()
                .map(m -> m.memberId() + ":" + m.status().value()).toList();
    }

    @Test
    void aSpaceLinkCreatedWithItsScopeProjectSharesTheImageAtOnceAndDeletingItWithdrawsTheMembership() {
        String spaceProject = randomProject();
        String orgProject = randomProject();
        Map<?, ?> image = (Map<?, ?>) Cli.parseJson(ok("images", "create", "--name", "imagectl-links-availability-it", "-f", "json"));
        String id = (String) image.get("id");
        String[] backend = {"--links-backend", "glance", "--scope-project", org + "/ml-lab=" + spaceProject,
                "--scope-project", org + "=" + orgProject};
        try {
            assertThatThrownBy(() -> Images.of(as(spaceProject)).get(id)).isInstanceOf(NotFoundException.class);

            ok(concat(new String[] {"image-links", "create", "--image", id, "--org", org, "--space", "ml-lab"}, backend));

            assertThat(members(id)).containsExactly(spaceProject + ":pending");
            assertThat(Images.of(as(spaceProject)).get(id).id()).isEqualTo(id);
            assertThatThrownBy(() -> Images.of(as(orgProject)).get(id)).isInstanceOf(NotFoundException.class);
            assertThat(Images.of(RealGlance.projectA()).get(id).visibility()).isEqualTo(Visibility.SHARED);

            ok(concat(new String[] {"image-links", "delete", id + ":space:" + org + ":ml-lab"}, backend));

            assertThat(members(id)).isEmpty();
            assertThatThrownBy(() -> Images.of(as(spaceProject)).get(id)).isInstanceOf(NotFoundException.class);
        } finally {
            ok("images", "delete", id);
        }
    }

    @Test
    void imagesCreateWithOrganizationAndSpaceSharesTheNewImageWithTheSpacesProject() {
        String spaceProject = randomProject();
        Map<?, ?> image = (Map<?, ?>) Cli.parseJson(ok("images", "create", "--name", "imagectl-links-seed000-it", "--links-backend",
                "glance", "--org", org, "--space", "ml-lab", "--scope-project", org + "/ml-lab=" + spaceProject, "-f", "json"));
        String id = (String) image.get("id");
        try {
            assertThat(image.get("links")).isEqualTo(List.of(id + ":space:" + org + ":ml-lab"));
            assertThat(members(id)).containsExactly(spaceProject + ":pending");
            assertThat(Images.of(as(spaceProject)).get(id).id()).isEqualTo(id);
        } finally {
            ok("images", "delete", id);
        }
    }

    /** The image's links as JSON, YAML and table, each parsed on its own; all three must agree. */
    private List<Map<String, Object>> listed(String id, String[] backend) {
        List<Map<String, Object>> json = Cli.records(Cli.parseJson(ok(concat(new String[] {"image-links", "list", "--image", id, "-f", "json"}, backend))));
        List<Map<String, Object>> yaml = Cli.records(new Yaml().load(ok(concat(new String[] {"image-links", "list", "--image", id, "-f", "yaml"}, backend))));
        List<Map<String, Object>> table = table(ok(concat(new String[] {"image-links", "list", "--image", id, "-f", "tabulated"}, backend)));
        assertThat(yaml).as("yaml = json").isEqualTo(json);
        assertThat(table).as("tabulated = json").isEqualTo(json);
        return json;
    }



    /** The table: the ruler line of dashes gives each column's start and end; "-" is an empty field. */
    private static List<Map<String, Object>> table(String text) {
        List<String> lines = text.lines().toList();
        String header = lines.get(0);
        String ruler = lines.get(1);
        List<int[]> columns = new ArrayList<>();
        int i = 0;
        while (i < ruler.length()) {
            if (ruler.charAt(i) == '-') {
                int start = i;
                while (i < ruler.length() && ruler.charAt(i) == '-') {
                    i++;
                }
                columns.add(new int[] {start, i});
            } else {
                i++;
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                int start = columns.get(c)[0];
                int end = c + 1 < columns.size() ? columns.get(c + 1)[0] : line.length();
                String name = header.substring(start, Math.min(columns.get(c)[1], header.length())).strip();
                String cell = line.substring(Math.min(start, line.length()), Math.min(end, line.length())).strip();
                Object value = cell.equals("-") ? null : cell;
                if (name.equals("priority")) {
                    value = Long.parseLong(cell);
                }
                m.put(name, value);
            }
            out.add(m);
        }
        return out;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
