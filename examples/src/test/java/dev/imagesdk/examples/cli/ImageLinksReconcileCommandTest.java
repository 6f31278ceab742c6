package dev.imagesdk.examples.cli;

import com.squareup.moshi.Moshi;
import dev.imagesdk.examples.cli.output.Normalize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static dev.imagesdk.examples.cli.DemoIdentities.ALPHA_TOKEN;
import static dev.imagesdk.examples.cli.DemoIdentities.BETA_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code imagectl image-links reconcile} on the emulator's Glance images and members APIs: an image of project alpha
 * carrying a space link of acme/research (kept in Glance, written here as its properties) and a member added by hand;
 * reconcile with acme/research = project beta adds beta and removes the other, prints that in each format, and a
 * second run prints nothing. Expected rows written by hand.
 */
class ImageLinksReconcileCommandTest {
    private static final String LAB = "0000000a-0000-4000-8000-0000000000c1";

    private final EmulatorFixture emu = new EmulatorFixture();

    @BeforeEach
    void imageWithASpaceLink() {
        emu.ok(ALPHA_TOKEN, "images", "create", "--id", LAB, "--name", "lab",
                "--property", "imagesdk:link:space:acme:research=v1;p=0;r=abcdefgh",
                "--property", "imagesdk:index:space:acme:research=1", "--property", "imagesdk:index:any=1");
        emu.ok(ALPHA_TOKEN, "members", "add", LAB, "gamma");
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void reconcileAddsTheSpaceProjectRemovesTheHandAddedMemberAndASecondRunPrintsNothing() throws IOException {
        String json = emu.ok(ALPHA_TOKEN, "image-links", "reconcile", "--image", LAB, "--scope-project", "acme/research=beta",
                "-f", "json");

        Object rows = new Moshi.Builder().build().adapter(Object.class).fromJson(json);
        assertThat(rows).isEqualTo(List.of(Map.of("image_id", LAB, "visibility_before", "shared", "visibility_after", "shared",
                "members_added", List.of("beta"), "members_removed", List.of("gamma"))));
        assertThat(emu.ok(BETA_TOKEN, "images", "show", LAB)).contains(LAB);

        assertThat(new Yaml().<Object>load(emu.ok(ALPHA_TOKEN, "image-links", "reconcile", "--image", LAB,
                "--scope-project", "acme/research=beta", "-f", "yaml"))).isEqualTo(List.of());
        assertThat(emu.ok(ALPHA_TOKEN, "image-links", "reconcile", "--image", LAB, "--scope-project", "acme/research=beta",
                "-f", "json").trim()).isEqualTo("[]");
    }

    @Test
    void theThreeFormatsParseBackToTheSameRecords() throws IOException {
        Cli.Result yaml = emu.as(ALPHA_TOKEN, "image-links", "reconcile", "--image", LAB, "-f", "yaml");
        assertThat(yaml.err()).contains("no project known for " + LAB + ": space acme/research");
        Object fromYaml = new Yaml().load(yaml.out());
        assertThat(Normalize.numbers(fromYaml)).isEqualTo(List.of(Map.of("image_id", LAB, "visibility_before", "shared",
                "visibility_after", "shared", "members_added", List.of(), "members_removed", List.of("gamma"))));
        emu.ok(ALPHA_TOKEN, "members", "add", LAB, "gamma");
        String json = emu.ok(ALPHA_TOKEN, "image-links", "reconcile", "--image", LAB, "-f", "json");
        assertThat(Normalize.numbers(new Moshi.Builder().build().adapter(Object.class).fromJson(json))).isEqualTo(Normalize.numbers(fromYaml));
        emu.ok(ALPHA_TOKEN, "members", "add", LAB, "gamma");
        String table = emu.ok(ALPHA_TOKEN, "image-links", "reconcile", "--image", LAB);
        assertThat(table).contains("image_id", "visibility_before", "members_removed", LAB, "gamma");
    }

    @Test
    void reconcileOfEveryImageNeedsTheCallersProject() {
        Cli.Result r = emu.as(ALPHA_TOKEN, "image-links", "reconcile");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("imagectl: reconcile without --image covers the images of your project");
    }
}
