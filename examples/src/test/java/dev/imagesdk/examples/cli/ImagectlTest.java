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
    void helpListsEverySubcommand() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.out()).contains("images ", "members ", "image-links ", "tasks ", "stores ", "usage ", "import-info ",
                "cache ", "locations ", "metadef ", "emulator ", "demo ", "help ");
        assertThat(Cli.run("help", "images").out()).contains("Usage: imagectl images");
    }

    @Test
    void aRunBuildsOnlyTheSubcommandItNames() {
        try (Imagectl imagectl = new Imagectl(java.util.Map.of())) {
            assertThat(imagectl.commandLine(new String[] {"images", "list"}).getSubcommands().keySet()).containsExactly("images");
            assertThat(imagectl.commandLine(new String[] {"--os-cloud", "images", "members", "list", "x"}).getSubcommands().keySet())
                    .as("a global option's value is not the command").containsExactly("members");
            assertThat(imagectl.commandLine(new String[] {"--endpoint=http://h", "--debug", "image-links", "list"}).getSubcommands().keySet())
                    .containsExactly("image-links");
            assertThat(imagectl.commandLine(new String[] {"--version"}).getSubcommands()).isEmpty();
            assertThat(imagectl.commandLine(new String[] {"--version", "--help"}).getSubcommands()).hasSize(14);
            assertThat(imagectl.commandLine(new String[] {"imagez"}).getSubcommands()).hasSize(14);
        }
        // a misspelt command is still a one-line usage error
        Cli.Result r = Cli.run("imagez", "list");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).isEqualTo("imagectl: Unmatched arguments from index 0: 'imagez', 'list'. See 'imagectl --help'");
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
