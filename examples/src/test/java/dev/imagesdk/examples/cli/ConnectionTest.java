package dev.imagesdk.examples.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How imagectl finds its service: clouds.yaml through {@code --os-cloud} or {@code OS_CLOUD} (run as a
 * separate process, since those are read from the real environment), and {@code --endpoint} winning
 * over {@code OS_CLOUD}.
 */
class ConnectionTest {
    private final EmulatorFixture emu = new EmulatorFixture();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        emu.close();
    }

    private Path cloudsYaml() throws IOException {
        return Files.writeString(dir.resolve("clouds.yaml"), String.join("\n",
                "clouds:",
                "  emu:",
                "    auth_type: admin_token",
                "    auth:",
                "      token: " + DemoIdentities.ALPHA_TOKEN,
                "      endpoint: " + emu.endpoint,
                ""));
    }

    private Cli.Result imagectl(Map<String, String> env, String... args) throws Exception {
        return Cli.process(dir, env, 120, args);
    }

    @Test
    void osCloudOptionAndOsCloudVariableReadCloudsYaml() throws Exception {
        emu.ok(DemoIdentities.ALPHA_TOKEN, "images", "create", "--name", "from-clouds-yaml");
        Map<String, String> env = Map.of("OS_CLIENT_CONFIG_FILE", cloudsYaml().toString());

        Cli.Result byOption = imagectl(env, "--os-cloud", "emu", "images", "list");
        assertThat(byOption.exitCode()).as(byOption.toString()).isZero();
        assertThat(byOption.out()).contains("from-clouds-yaml");

        Cli.Result byVariable = imagectl(Map.of("OS_CLIENT_CONFIG_FILE", cloudsYaml().toString(), "OS_CLOUD", "emu"),
                "images", "list", "-f", "yaml");
        assertThat(byVariable.exitCode()).as(byVariable.toString()).isZero();
        assertThat(byVariable.out()).contains("name: from-clouds-yaml");

        Cli.Result unknown = imagectl(env, "--os-cloud", "nope", "images", "list");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).startsWith("imagectl: invalid input: cloud \"nope\" is not defined in").contains("emu");
        assertThat(unknown.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void anExplicitEndpointWinsOverOsCloud() {
        emu.ok(DemoIdentities.BETA_TOKEN, "images", "create", "--name", "betas");
        Cli.Result r = Cli.run(Map.of("OS_CLOUD", "does-not-exist"), false,
                "--endpoint", emu.endpoint, "--token", DemoIdentities.BETA_TOKEN, "images", "list");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("betas");
    }

    @Test
    void osTokenIsUsedWithAnExplicitEndpoint() {
        emu.ok(DemoIdentities.GAMMA_TOKEN, "images", "create", "--name", "gammas");
        Cli.Result r = Cli.run(Map.of("OS_TOKEN", DemoIdentities.GAMMA_TOKEN), false,
                "--endpoint", emu.endpoint, "images", "list");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("gammas");
    }
}
