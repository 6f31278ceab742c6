package dev.imagesdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imagesdk.benchmarks.canned.NginxSite;
import dev.imagesdk.benchmarks.report.Result;
import dev.imagesdk.benchmarks.run.BenchConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import mockwebserver3.MockWebServer;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every workload of the harness on tiny sizes, so that the benchmarks cannot rot: a fake Glance (with
 * the Keystone call openstack4j makes) stands in for the real one, MockWebServers serving the
 * {@link NginxSite} document roots stand in for nginx. imagesdk and openstack4j run in worker JVMs as in
 * the real run, curl too where it is installed; glanceclient is left to {@code run.sh}. No timing is
 * asserted: only that each contender completed each workload with verified data and exact counts.
 */
class BenchSmokeTest {
    private static final String ID_1 = "00000000-0000-4000-8000-00000000001a";
    private static final String ID_4 = "00000000-0000-4000-8000-00000000004a";

    @TempDir
    Path dir;

    private final MockWebServer glance = new MockWebServer();
    private final MockWebServer nginx = new MockWebServer();
    private final MockWebServer nginxBig = new MockWebServer();
    private final FakeGlance fake = new FakeGlance();

    @BeforeEach
    void start() throws IOException {
        glance.setDispatcher(fake);
        glance.start();
        fake.endpoint(glance.url("/"));
        nginx.start();
        nginxBig.start();
    }

    @AfterEach
    void stop() {
        glance.close();
        nginx.close();
        nginxBig.close();
    }

    @Test
    void everyWorkloadRunsForImagesdkAndOpenstack4jOnTinySizes() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        byte[] data = new byte[1 << 20];
        new Random(9).nextBytes(data);
        Path file1 = Files.write(work.resolve("one.bin"), data);
        Path file4 = work.resolve("four.bin");
        for (int i = 0; i < 4; i++) {
            Files.write(file4, data, i == 0 ? new java.nio.file.OpenOption[0] : new java.nio.file.OpenOption[] {java.nio.file.StandardOpenOption.APPEND});
        }
        ByteString d1 = ByteString.of(Files.readAllBytes(file1));
        ByteString d4 = ByteString.of(Files.readAllBytes(file4));
        Path prefix = dir.resolve("nginx");
        NginxSite.write(prefix,
                List.of(new NginxSite.Server("main", nginx.getPort(), 60, List.of(25, 10)),
                        new NginxSite.Server("big", nginxBig.getPort(), 2500, List.of(1000))),
                List.of(new NginxSite.ServedFile(ID_1, file1, d1.size(), FakeGlance.hex("MD5", d1), FakeGlance.hex("SHA-512", d1)),
                        new NginxSite.ServedFile(ID_4, file4, d4.size(), FakeGlance.hex("MD5", d4), FakeGlance.hex("SHA-512", d4))),
                "{}");
        nginx.setDispatcher(new CannedSite(prefix.resolve("www-main")));
        nginxBig.setDispatcher(new CannedSite(prefix.resolve("www-big")));
        Path token = Files.writeString(work.resolve("token"), FakeGlance.TOKEN);
        // imagectl as a whole process, from this test's class path (the examples module is a test dependency)
        Path imagectl = work.resolve("imagectl");
        Files.writeString(imagectl, "#!/usr/bin/env bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -cp '" + System.getProperty("java.class.path") + "' dev.imagesdk.examples.cli.Imagectl \"$@\"\n");
        imagectl.toFile().setExecutable(true);
        // a stand-in server process for the pinned workloads (pinned to one CPU, then back to all)
        Process server = new ProcessBuilder("sleep", "600").start();
        Path out = Files.createDirectories(dir.resolve("out"));
        String contenders = "imagesdk,openstack4j" + (onPath("curl") ? ",curl" : "");
        String props = String.join("\n",
                "out.dir=" + out, "work.dir=" + work, "log.dir=" + dir.resolve("logs"),
                "reps=1", "warmup=1", "workloads=download,durable,upload,list,decode,memory,cli",
                "cli.imagectl=" + imagectl, "cli.reps=1", "cli.warmup=1",
                "pin.client=0", "pin.server=0", "server.pids=" + server.pid(),
                "disk.dir=" + dir.resolve("disk"), "contenders=" + contenders,
                "token.file=" + token,
                "keystone.url=" + trim(glance.url("/").toString()), "keystone.user=alice", "keystone.password=pw",
                "keystone.project.id=p1",
                "glance.url=" + trim(glance.url("/").toString()),
                "nginx.url=" + trim(nginx.url("/").toString()), "nginx-big.url=" + trim(nginxBig.url("/").toString()),
                "nginx.prefix=" + prefix, "nginx.download.id=" + ID_1, "nginx.download4g.id=" + ID_4,
                "nginx.list.images=60", "nginx.list.limits=25,10", "nginx-big.list.images=2500",
                "glance.list.seed=30", "glance.list.limits=25,7",
                "file.1g=" + file1, "file.1g.size=" + d1.size(), "file.1g.sha512=" + FakeGlance.hex("SHA-512", d1),
                "file.4g=" + file4, "file.4g.size=" + d4.size(), "file.4g.sha512=" + FakeGlance.hex("SHA-512", d4),
                "jmh.forks=0", "jmh.warmup=1", "jmh.iterations=1", "jmh.millis=200",
                "info.01=machine: smoke test");
        Path config = Files.writeString(dir.resolve("bench.properties"), props);

        Bench bench = new Bench(BenchConfig.load(config));
        // JMH (run in this JVM, forks=0) takes the machine-wide lock ${java.io.tmpdir}/jmh.lock and fails when another
        // JMH run holds it, e.g. a real benchmark on the same machine: a smoke test measures nothing, so it skips the
        // lock (read once, when JMH's Runner class loads).
        String ignoreLock = System.setProperty("jmh.ignoreLock", "true");
        try {
            bench.runAll();
        } finally {
            server.destroy();
            if (ignoreLock == null) {
                System.clearProperty("jmh.ignoreLock");
            } else {
                System.setProperty("jmh.ignoreLock", ignoreLock);
            }
        }

        List<Result> results = bench.results().all();
        List<String> failures = results.stream().filter(r -> !r.ok()).map(r -> r.workload() + "/" + r.contender() + ": " + r.note())
                .collect(Collectors.toList());
        assertThat(failures).isEmpty();
        List<String> expectedWorkloads = List.of("sha512-in-memory-1MiB", "download-verify-1MiB@glance", "download-verify-1MiB@nginx",
                "download-verify-1MiB@glance, pinned", "download-verify-1MiB@nginx, pinned",
                "download-verify-1MiB-to-disk@nginx", "upload-1MiB@glance", "upload-1MiB@nginx",
                "upload-1MiB@glance, pinned", "upload-1MiB@nginx, pinned",
                "decode-1000-image-page (pages/s)", "decode-1000-image-page (bytes allocated per image)",
                "memory-download-verify-4MiB-Xmx64m@nginx", "memory-list-2500-images-Xmx64m@nginx",
                "list-60-images-pages-of-25@nginx", "list-60-images-pages-of-10@nginx",
                "list-30-images-pages-of-25@glance", "list-30-images-pages-of-7@glance",
                "cli-download-verify-1MiB@glance", "cli-upload-1MiB@glance", "cli-list-limit-1@glance");
        assertThat(bench.results().byWorkload().keySet()).containsExactlyElementsOf(expectedWorkloads);
        for (String w : expectedWorkloads) {
            if (w.startsWith("sha512")) {
                continue;
            }
            if (w.endsWith("-to-disk@nginx")) {
                assertThat(bench.results().byWorkload().get(w).stream().map(Result::contender).toList()).as(w)
                        .containsExactly("imagesdk", "imagesdk durable(false)");
                continue;
            }
            List<String> who = bench.results().byWorkload().get(w).stream().map(Result::contender).toList();
            if (w.startsWith("cli-")) {
                assertThat(who).as(w).contains("imagesdk");
                if (onPath("curl")) {
                    assertThat(who).as(w).contains("curl");
                }
                continue;
            }
            assertThat(who).as(w).contains("imagesdk", "openstack4j");
            if (onPath("curl") && (w.startsWith("download") || w.startsWith("upload") || w.startsWith("list"))) {
                assertThat(who).as(w).contains("curl");
            }
        }
        assertThat(bench.results().ours("decode-1000-image-page (bytes allocated per image)").median()).isPositive();
        // the client's CPU time is measured for Java workers and for whole processes
        assertThat(bench.results().ours("download-verify-1MiB@nginx, pinned").cpuSeconds()).hasSize(1).allMatch(c -> c > 0);
        assertThat(bench.results().ours("cli-list-limit-1@glance").cpuSeconds()).hasSize(1).allMatch(c -> c > 0);
        // Setup and uploads cleaned up after themselves: only the seeded images are left.
        assertThat(fake.count()).isEqualTo(30);
        assertThat(Files.readString(out.resolve("results.json"))).contains("\"ratio_vs_ours\"").contains("\"workload\": \"upload-1MiB@nginx\"");
        assertThat(Files.readString(out.resolve("RESULTS.md"))).contains("## Targets (issue 18) in this run").contains("client CPU s/GiB")
                .as("a pipe inside a table cell is escaped").contains("1.2 × curl \\| tee \\| sha512sum").contains("machine: smoke test");
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static boolean onPath(String tool) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(p, tool))) {
                return true;
            }
        }
        return false;
    }
}
