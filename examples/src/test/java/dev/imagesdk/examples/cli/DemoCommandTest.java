package dev.imagesdk.examples.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    @Test
    void walksThroughEveryStepAndExitsZero() {
        Cli.Result r = Cli.run("demo", "--size-mib", "2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String out = r.out();
        assertThat(out).contains(
                "== 1. Create an image record",
                "$ imagectl --token alpha-token images create --name demo-ubuntu",
                "== 2. Upload 2 MiB",
                "uploaded 2.0 MiB",
                "== 3. Download it again",
                "sha512 verified",
                ": identical\n",
                "== 4. List and filter",
                "$ imagectl --token alpha-token images list --property os_distro=ubuntu",
                "== 5. Share demo-ubuntu with project beta",
                "status      pending",
                "$ imagectl --token beta-token members accept",
                "status      accepted",
                "== 6. Publish an image to space acme/research",
                "$ imagectl --token beta-token image-links list -f yaml",
                "space_slug: research",
                "== 7. Clean up",
                "Emulator holds 0 images after clean-up. Demo complete.");
        assertThat(r.err()).as("no progress bars and no errors when not on a terminal").isEmpty();
    }

    @Test
    void rejectsAnAbsurdSize() {
        Cli.Result r = Cli.run("demo", "--size-mib", "0");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("imagectl: --size-mib must be between 1 and 4096");
    }
}
