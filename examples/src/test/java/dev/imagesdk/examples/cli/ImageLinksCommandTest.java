package dev.imagesdk.examples.cli;

import com.squareup.moshi.Moshi;
import dev.imagesdk.examples.cli.output.Normalize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.imagesdk.examples.cli.DemoIdentities.ADMIN_TOKEN;
import static dev.imagesdk.examples.cli.DemoIdentities.ALPHA_TOKEN;
import static dev.imagesdk.examples.cli.DemoIdentities.BETA_TOKEN;
import static dev.imagesdk.examples.cli.DemoIdentities.GAMMA_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

class ImageLinksCommandTest {
    private static final String WEB = "0000000a-0000-4000-8000-000000000001";
    private static final String LAB = "0000000a-0000-4000-8000-000000000002";
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final EmulatorFixture emu = new EmulatorFixture();

    @BeforeEach
    void links() {
        emu.ok(ALPHA_TOKEN, "images", "create", "--id", WEB, "--name", "web", "--org", "acme");
        emu.ok(ALPHA_TOKEN, "images", "create", "--id", LAB, "--name", "lab");
        emu.ok(ALPHA_TOKEN, "image-links", "create", "--image", LAB, "--org", "acme", "--space", "research",
                "--priority", "2", "--space-type", "project", "--comment", "research lab");
        emu.ok(ALPHA_TOKEN, "image-links", "create", "--image", LAB, "--org", "acme", "--priority", "5",
                "--comment", "lab for all of acme");
        emu.ok(ADMIN_TOKEN, "image-links", "create", "--image", WEB, "--priority", "1", "--comment", "everyone");
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    /** Server-made link ids become link-0001-…, keeping their length (so columns stay aligned). */
    private static String normalizeLinkIds(String text) {
        Map<String, String> names = new LinkedHashMap<>();
        Matcher m = UUID.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String id = m.group();
            String replacement = id.startsWith("0000000a-") ? id
                    : names.computeIfAbsent(id, k -> String.format("link-%04d-0000-0000-0000-000000000000", names.size() + 1));
            m.appendReplacement(sb, replacement);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @Test
    void tabulatedListMatchesTheGoldenFile() throws IOException {
        String out = normalizeLinkIds(emu.ok(BETA_TOKEN, "image-links", "list"));
        try (InputStream golden = getClass().getResourceAsStream("/image-links-list.tabulated.txt")) {
            assertThat(golden).as("golden file").isNotNull();
            assertThat(out).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void yamlAndJsonParseBackToTheSameRecords() throws IOException {
        String yaml = emu.ok(BETA_TOKEN, "image-links", "list", "-f", "yaml");
        String json = emu.ok(BETA_TOKEN, "image-links", "list", "-f", "json");
        Object fromYaml = new Yaml().load(yaml);
        Object fromJson = new Moshi.Builder().build().adapter(Object.class).fromJson(json);
        assertThat(Normalize.numbers(fromYaml)).isEqualTo(Normalize.numbers(fromJson));
        List<?> records = (List<?>) fromYaml;
        assertThat(records).hasSize(4);
        for (Object r : records) {
            assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) r).keySet())).containsExactly("imid", "linkid", "org_slug", "space_slug", "priority",
                    "space_type", "comment");
        }
        Map<?, ?> global = (Map<?, ?>) records.get(0);
        assertThat(global.get("org_slug")).isNull();
        assertThat(global.get("space_slug")).isNull();
        assertThat(global.get("comment")).isEqualTo("everyone");
    }

    @Test
    void scopeRulesDecideWhoSeesWhichLink() {
        assertThat(emu.ok(GAMMA_TOKEN, "image-links", "list", "-f", "yaml").trim())
                .as("inactive acme role: only the global link").contains("comment: everyone").doesNotContain("acme");
        assertThat(emu.ok(BETA_TOKEN, "image-links", "list", "--image", LAB, "-f", "json"))
                .contains("\"space_slug\": \"research\"", "\"space_type\": \"project\"");
    }

    @Test
    void showAndDeleteALink() {
        String created = emu.ok(ALPHA_TOKEN, "image-links", "list", "--image", LAB, "--space", "research", "-f", "yaml");
        Matcher m = Pattern.compile("linkid: (\\S+)").matcher(created);
        assertThat(m.find()).isTrue();
        String linkId = m.group(1);
        assertThat(emu.ok(ALPHA_TOKEN, "image-links", "show", linkId)).contains("linkid      " + linkId + "\n",
                "org_slug    acme\n", "space_slug  research\n", "space_type  project\n", "comment     research lab\n");
        assertThat(emu.ok(ALPHA_TOKEN, "image-links", "delete", linkId)).isEqualTo("deleted image link " + linkId + "\n");
        Cli.Result gone = emu.as(ALPHA_TOKEN, "image-links", "show", linkId);
        assertThat(gone.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(gone.err()).contains("(imagectl image-links list)");
    }

    @Test
    void aSpaceWithoutOrganizationIsRefusedBeforeAnyRequest() {
        long before = emu.emulator.requestCount();
        Cli.Result r = emu.as(ALPHA_TOKEN, "image-links", "create", "--image", WEB, "--space", "research");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("imagectl: --space research needs its organization");
        assertThat(emu.emulator.requestCount()).isEqualTo(before);
    }

    @Test
    void aDuplicateLinkIsNotBlamedOnTheImagesStatus() {
        Cli.Result r = emu.as(ALPHA_TOKEN, "image-links", "create", "--image", LAB, "--org", "acme", "--priority", "5");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(r.err()).startsWith("imagectl: 409 Conflict").contains("link in this scope already")
                .doesNotContain("image's status");
    }

    @Test
    void aSpaceWithoutOrganizationIsExplainedInOptions() {
        Cli.Result r = emu.as(ALPHA_TOKEN, "image-links", "create", "--image", WEB, "--space", "research");
        assertThat(r.err()).isEqualTo("imagectl: --space research needs its organization. "
                + "Add --org SLUG (a space belongs to an organization)\n");
    }

    @Test
    void deleteOfSeveralLinksReportsEachFailureAndExitsNonZero() {
        Cli.Result r = emu.as(ALPHA_TOKEN, "image-links", "delete", "00000000-0000-4000-8000-00000000000f");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(r.err().lines().toList()).last().isEqualTo("imagectl: 1 of 1 image links not deleted");
    }

    @Test
    void updateChangesPriorityAndComment() {
        String listed = emu.ok(ALPHA_TOKEN, "image-links", "list", "--image", LAB, "--space", "research", "-f", "value", "-c", "linkid");
        String linkId = listed.trim();
        assertThat(emu.ok(ALPHA_TOKEN, "image-links", "update", linkId, "--priority", "9", "--comment", "moved down"))
                .contains("priority    9\n", "comment     moved down\n", "space_slug  research\n");
        assertThat(emu.ok(ALPHA_TOKEN, "image-links", "update", linkId, "--no-comment", "-f", "value", "-c", "comment"))
                .isEqualTo("\n");
        Cli.Result nothing = emu.as(ALPHA_TOKEN, "image-links", "update", linkId);
        assertThat(nothing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothing.err()).startsWith("imagectl: nothing to change. Give --priority, --comment or --no-comment");
    }
}
