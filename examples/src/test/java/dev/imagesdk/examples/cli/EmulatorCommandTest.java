package dev.imagesdk.examples.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class EmulatorCommandTest {
    @Test
    void runsInTheForegroundServesImagectlAndStopsWhenInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread foreground = new Thread(() -> {
            try (Imagectl imagectl = new Imagectl(Map.of())) {
                exit.set(imagectl.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true))
                        .execute("emulator", "--port", "0", "--token", "mine=proj-x:member,reader", "--token", "boss=ops:admin"));
            }
        });
        foreground.start();
        String endpoint = null;
        // the banner is printed line by line: wait for its last line, not only the first
        for (int i = 0; i < 600 && endpoint == null; i++) {
            Matcher m = Pattern.compile("listening on (http://\\S+)").matcher(out.toString());
            if (m.find() && out.toString().contains("Try:  imagectl")) {
                endpoint = m.group(1);
            } else {
                Thread.sleep(50);
            }
        }
        assertThat(endpoint).as(out.toString()).isNotNull();
        assertThat(out.toString()).contains("--token alpha-token", "--token beta-token", "Try:  imagectl --endpoint " + endpoint)
                .contains("  --token mine   project proj-x (member,reader)\n", "  --token boss   project ops (admin)\n");
        Cli.Result mine = Cli.run("--endpoint", endpoint, "--token", "mine", "images", "create", "--name", "m", "-f", "value",
                "-c", "owner");
        assertThat(mine.out()).as(mine.toString()).isEqualTo("proj-x\n");

        Cli.Result created = Cli.run("--endpoint", endpoint, "--token", "alpha-token", "images", "create", "--name", "x");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(Cli.run("--endpoint", endpoint, "--token", "alpha-token", "images", "list").out()).contains(" x ");

        foreground.interrupt();
        foreground.join(60_000); // a generous bound: stopping the emulator is certain, but slow on a loaded machine
        assertThat(foreground.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
    }

    @Test
    void aBusyPortIsAOneLineError() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Cli.Result r = Cli.run("emulator", "--port", String.valueOf(busy.getLocalPort()));
            assertThat(r.exitCode()).isEqualTo(ExitCodes.LOCAL_IO);
            assertThat(r.err()).startsWith("imagectl: cannot listen on 127.0.0.1:" + busy.getLocalPort())
                    .contains("--port N");
        }
    }

    @Test
    void emulatorAndDemoHelpListsOnlyTheirOwnOptions() {
        Cli.Result emulator = Cli.run("emulator", "--help");
        assertThat(emulator.exitCode()).isZero();
        assertThat(emulator.out()).contains("--port", "--host", "--token=TOKEN=PROJECT[:ROLE,ROLE]", "--debug")
                .doesNotContain("--endpoint", "--os-cloud", "--project", "--roles", "--user");
        Cli.Result demo = Cli.run("demo", "--help");
        assertThat(demo.exitCode()).isZero();
        assertThat(demo.out()).contains("--size-mib").doesNotContain("--endpoint", "--os-cloud", "--token", "--project");
        assertThat(Cli.run("images", "list", "--help").out()).as("client commands keep them").contains("--endpoint", "--token");

        Cli.Result bad = Cli.run("emulator", "--port", "0", "--token", "no-equals-sign");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).startsWith("imagectl: --token needs TOKEN=PROJECT[:ROLE,ROLE], got \"no-equals-sign\"");
    }
}
