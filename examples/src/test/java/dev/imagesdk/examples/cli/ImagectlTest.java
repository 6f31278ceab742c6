package dev.imagesdk.examples.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImagectlTest {
    @Test
    void helpListsCommandsGlobalOptionsAndExitCodes() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("--os-cloud", "--endpoint", "--token", "--project", "--debug")
                .contains("Exit codes:", "3  not found");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result r = Cli.run();
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).isEqualTo("imagectl: a command is required. See 'imagectl --help'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownOptionIsAOneLineUsageError() {
        Cli.Result r = Cli.run("--frobnicate");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("imagectl: Unknown option: '--frobnicate'").contains("--help");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void versionIsPrinted() {
        Cli.Result r = Cli.run("--version");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("imagectl ");
    }
}
