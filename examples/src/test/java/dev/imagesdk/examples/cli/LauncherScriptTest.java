package dev.imagesdk.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code examples/imagectl} launcher's first build, with stand-ins for {@code mvn} (printing what
 * Maven 3.8 prints in batch mode, colour resets included) and {@code java}.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherScriptTest {
    private static final String ESC = "\u001b";

    @TempDir
    Path dir;

    private Process launch(int mvnExit) throws IOException {
        return launch(mvnExit, Map.of());
    }

    private Process launch(int mvnExit, Map<String, String> env) throws IOException {
        return launch(mvnExit, env, "demo");
    }

    private Process launch(int mvnExit, Map<String, String> env, String... args) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        StringBuilder mvn = new StringBuilder("#!/bin/sh\nprintf '\\033[0m\\033[0m[INFO] Scanning for projects...\\n'\n");
        String[] modules = {"sdk-core", "sdk-images", "examples"};
        for (int m = 0; m < modules.length; m++) {
            mvn.append("echo '[INFO] Building imagesdk :: ").append(modules[m]).append(" 1.0-SNAPSHOT      [")
                    .append(m + 1).append("/3]'\n");
            for (int k = 1; k <= 20; k++) {
                mvn.append("echo '[INFO] Downloaded from central: https://repo.example/m").append(m).append("/lib")
                        .append(k).append("-1.0.jar (1 kB at 2 kB/s)'\n");
            }
        }
        mvn.append("echo '[ERROR] compilation failed in Foo.java'\n".repeat(mvnExit == 0 ? 0 : 1));
        mvn.append("printf '[INFO] BUILD DONE\\033[0m\\n'\nexit ").append(mvnExit).append('\n');
        Files.writeString(bin.resolve("mvn"), mvn);
        // a java that writes the archive named by -XX:ArchiveClassesAtExit=..., as the JVM does at its exit
        Files.writeString(bin.resolve("java"), "#!/bin/sh\nfor a; do case $a in -XX:ArchiveClassesAtExit=*) "
                + "echo archive > \"${a#-XX:ArchiveClassesAtExit=}\";; esac; done\necho \"java ran: $*\"\n");
        for (String f : List.of("mvn", "java")) {
            bin.resolve(f).toFile().setExecutable(true);
        }
        List<String> command = new java.util.ArrayList<>(List.of("bash", Path.of("imagectl").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().put("IMAGECTL_REBUILD", "1");
        pb.environment().put("TMPDIR", dir.toString());
        pb.environment().put("IMAGECTL_CDS_ARCHIVE", dir.resolve("imagectl.jsa").toString());
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String output(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void theFirstBuildShowsModulesAndDownloadsWithoutColourCodes() throws Exception {
        Process p = launch(0);
        String out = output(p);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("imagectl:   building imagesdk :: sdk-core 1.0-SNAPSHOT [1/3]\n",
                        "imagectl:   building imagesdk :: examples 1.0-SNAPSHOT [3/3]\n",
                        "imagectl:   downloaded 25 files (lib5-1.0.jar)\n", "imagectl:   downloaded 60 files\n",
                        "imagectl: built in ")
                .endsWith("-jar " + Path.of("target", "imagectl.jar").toAbsolutePath() + " demo\n")
                .doesNotContain(ESC, "Scanning for projects");
        try (Stream<Path> logs = Files.list(dir)) {
            assertThat(logs.filter(f -> f.getFileName().toString().startsWith("imagectl-build"))).as("log removed on success").isEmpty();
        }
    }

    @Test
    void aFailedBuildShowsTheErrorAndTheEndOfACleanLog() throws Exception {
        Process p = launch(1);
        String out = output(p);
        assertThat(p.exitValue()).as(out).isEqualTo(2);
        assertThat(out).contains("imagectl:   [ERROR] compilation failed in Foo.java\n", "imagectl: the build failed; the end of the log (")
                .contains("[INFO] BUILD DONE\n").doesNotContain(ESC, "java ran");
        try (Stream<Path> logs = Files.list(dir)) {
            Path log = logs.filter(f -> f.getFileName().toString().startsWith("imagectl-build")).findFirst().orElseThrow();
            assertThat(Files.readString(log)).startsWith("[INFO] Scanning for projects...\n").doesNotContain(ESC);
        }
    }

    @Test
    void aDemoRunArchivesTheClassesOnceAndEveryRunMapsTheArchive() throws Exception {
        Path jsa = dir.resolve("imagectl.jsa");
        String quiet = "-Xlog:cds=off -Xlog:cds+dynamic=off ";

        String first = output(launch(0));
        assertThat(first).contains("imagectl: archiving the classes of a demo run for faster starts")
                .endsWith("java ran: -XX:SharedArchiveFile=" + jsa + " " + quiet + "-XX:+UseSerialGC -jar "
                        + Path.of("target", "imagectl.jar").toAbsolutePath() + " demo\n");
        assertThat(jsa).hasContent("archive");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no half-written archive left")
                    .noneMatch(n -> n.endsWith(".tmp"));
        }

        Files.setLastModifiedTime(jsa, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        String second = output(launch(0));
        assertThat(second).doesNotContain("archiving").contains("java ran: -XX:SharedArchiveFile=" + jsa + " ");
        assertThat(output(launch(0, Map.of("IMAGECTL_CDS", "off")))).doesNotContain("archiving")
                .contains("java ran: -XX:+UseSerialGC -jar ");
    }

    @Test
    void commandsThatMoveNoImageDataRunWithC1OnlyTheOthersWithBothCompilers() throws Exception {
        String jar = Path.of("target", "imagectl.jar").toAbsolutePath().toString();
        Map<String, String> noCds = Map.of("IMAGECTL_CDS", "off");
        assertThat(output(launch(0, noCds, "images", "list", "--limit", "1")))
                .endsWith("java ran: -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar " + jar + " images list --limit 1\n");
        assertThat(output(launch(0, noCds, "--os-cloud", "c", "images", "download", "x", "-o", "f")))
                .endsWith("java ran: -XX:+UseSerialGC -jar " + jar + " --os-cloud c images download x -o f\n");
        assertThat(output(launch(0, noCds, "images", "upload", "x", "f"))).contains("java ran: -XX:+UseSerialGC -jar ");
        assertThat(output(launch(0, noCds, "images", "create", "--name", "n", "--file=f"))).contains("java ran: -XX:+UseSerialGC -jar ");
        assertThat(output(launch(0, Map.of("IMAGECTL_CDS", "off", "IMAGECTL_JAVA_OPTS", "-XX:TieredStopAtLevel=4"), "usage")))
                .as("the user's options come last, so they win")
                .endsWith("java ran: -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:TieredStopAtLevel=4 -jar " + jar + " usage\n");
    }
}
