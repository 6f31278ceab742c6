package dev.imagesdk.benchmarks;

import dev.imagesdk.benchmarks.jmh.PageDecodeBenchmark;
import dev.imagesdk.benchmarks.report.Report;
import dev.imagesdk.benchmarks.report.Result;
import dev.imagesdk.benchmarks.report.Results;
import dev.imagesdk.benchmarks.run.BenchConfig;
import dev.imagesdk.benchmarks.run.GlanceSetup;
import dev.imagesdk.benchmarks.run.Processes;
import dev.imagesdk.benchmarks.run.Sinks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.UUID;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.profile.GCProfiler;

/**
 * The end-to-end harness: runs every workload for imagesdk and each peer that can do it, against the
 * real Glance and the canned nginx that {@code benchmarks/run.sh} started, and writes
 * {@code results.json} and {@code RESULTS.md}.
 *
 * <p>Usage: {@code Bench <bench.properties>} (see run.sh for the settings). A contender that fails is
 * recorded as such (with the reason) and the run goes on.
 */
public final class Bench {
    private static final String CURL = "curl";
    private static final String GLANCECLIENT = "glanceclient";
    private static final String O4J = "openstack4j";
    private static final String GLANCE_CLI = "glance --os-image-api-version 2 --os-image-url \"$IMAGE_URL\" ";

    private final BenchConfig cfg;
    private final Results results = new Results();
    private final Report report;
    private final Processes procs;
    /** Where the contenders run now: {@link #procs}, or pinned to the client's CPU inside {@link #pinned}. */
    private Processes run;
    private final int reps;
    private final int warmup;
    private final int externalWarmup;
    private final Path work;
    private final String token;
    private final List<String> javaArgs;
    private final List<String> o4jJavaArgs;
    private final List<String> contenders;

    Bench(BenchConfig cfg) throws IOException {
        this.cfg = cfg;
        this.reps = cfg.getInt("reps", 3);
        this.warmup = cfg.getInt("warmup", 1);
        // curl and glanceclient have no JIT to warm up: the data is in tmpfs/page cache before they run.
        this.externalWarmup = cfg.getInt("warmup.external", 0);
        this.work = Files.createDirectories(cfg.path("work.dir"));
        this.token = cfg.token();
        this.procs = new Processes(cfg.path("log.dir"), Map.of("OS_AUTH_TOKEN", token));
        this.run = procs;
        this.report = new Report(cfg, results);
        // Same heap for both libraries (openstack4j's OkHttp connector reads an upload into a byte array).
        this.javaArgs = List.of("-Xmx4g", "-XX:+UseG1GC");
        this.o4jJavaArgs = javaArgs;
        this.contenders = Arrays.asList(cfg.get("contenders", "imagesdk,openstack4j,curl,glanceclient").split(","));
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        Bench b = new Bench(BenchConfig.load(Path.of(args[0])));
        b.runAll();
    }

    /** The results so far. */
    Results results() {
        return results;
    }

    void runAll() throws Exception {
        List<String> workloads = Arrays.asList(cfg.get("workloads", "download,durable,upload,list,decode,memory,cli").split(","));
        boolean pin = cfg.has("pin.client") && cfg.has("pin.server") && cfg.has("server.pids");
        report.note("start");
        GlanceSetup glance = new GlanceSetup(cfg.endpoint("glance"), token);
        String glanceDownloadId = null;
        if (workloads.contains("download")) {
            glanceDownloadId = glance.create("{\"name\": \"bench-download-1GiB\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}");
            glance.upload(glanceDownloadId, cfg.path("file.1g"));
            report.note("setup: 1 GiB image " + glanceDownloadId + " uploaded to the real Glance (untimed)");
            double sha = jvmSha512();
            download("glance", glanceDownloadId, sha, "");
            download("nginx", cfg.get("nginx.download.id"), sha, "");
            if (pin) {
                String id = glanceDownloadId;
                pinned(() -> download("glance", id, sha, PINNED));
                pinned(() -> download("nginx", cfg.get("nginx.download.id"), sha, PINNED));
            }
            glance.delete(glanceDownloadId);
            write();
        }
        if (workloads.contains("durable")) {
            durableDownload("nginx", cfg.get("nginx.download.id"));
            write();
        }
        if (workloads.contains("upload")) {
            upload("glance", glance, "");
            upload("nginx", null, "");
            if (pin) {
                pinned(() -> upload("glance", glance, PINNED));
                pinned(() -> upload("nginx", null, PINNED));
            }
            write();
        }
        if (workloads.contains("decode")) {
            decode();
            write();
        }
        if (workloads.contains("memory")) {
            memory();
            write();
        }
        if (workloads.contains("list")) {
            int n = cfg.getInt("nginx.list.images", 10000);
            List<String> listTargets = Arrays.asList(cfg.get("list.targets", "nginx,glance").split(","));
            for (String limit : listTargets.contains("nginx") ? cfg.get("nginx.list.limits", "1000,25").split(",") : new String[0]) {
                Path urls = cfg.path("nginx.prefix").resolve("urls-main-" + limit + ".txt");
                list("nginx", Integer.parseInt(limit), n, Files.readAllLines(urls));
                write();
            }
        }
        if (workloads.contains("list") && Arrays.asList(cfg.get("list.targets", "nginx,glance").split(",")).contains("glance")) {
            int seed = cfg.getInt("glance.list.seed", 10000);
            int viaApi = Math.min(seed, cfg.getInt("glance.list.seed.api", 200));
            int budget = cfg.getInt("glance.list.seed.seconds", 150);
            int threads = cfg.getInt("glance.list.seed.threads", 2);
            long t0 = System.nanoTime();
            int seeded = glance.seed(viaApi, threads, "bench-list", t0 + budget * 1_000_000_000L);
            report.note(String.format("setup: created %d of %d template images (budget %d s) with custom properties through the "
                    + "real Glance's API in %.1f s (%d parallel POSTs, untimed)", seeded, viaApi, budget, (System.nanoTime() - t0) / 1e9, threads));
            if (seed > seeded && seeded > 0 && cfg.has("glance.dir")) {
                long t1 = System.nanoTime();
                Processes.ShellRun clone = procs.shell("glance-clone-images", "python3 " + cfg.get("glance.clone.script")
                        + " " + cfg.path("glance.dir").resolve("glance.sqlite") + " bench-list " + seed, 600);
                report.note(String.format("setup: cloned the templates' rows (image, custom properties, tags) in Glance's SQLite "
                        + "database up to %s images in %.1f s (benchmarks/glance-clone-images.py, untimed)",
                        clone.stdout().trim(), (System.nanoTime() - t1) / 1e9));
            }
            for (String limit : cfg.get("glance.list.limits", "1000,25").split(",")) {
                GlanceSetup.Walk walk = glance.walk(Integer.parseInt(limit));
                list("glance", Integer.parseInt(limit), walk.images(), walk.pageUrls());
                write();
            }
            write();
        }
        if (workloads.contains("cli") && cfg.has("cli.imagectl")) {
            cli(glance);
            write();
        }
        report.note("end");
        write();
    }

    /** After an upload's repetition (untimed): notes an image the upload left other than active, then deletes it. */
    private void checkActiveAndDelete(GlanceSetup glance, String workload, String contender, String id) {
        try {
            String status = glance.status(id);
            if (!status.equals("active")) {
                report.note(workload + ": " + contender + " left image " + id + " in status " + status);
            }
            glance.delete(id);
        } catch (IOException | InterruptedException e) {
            report.note(workload + ": could not check or delete " + id + ": " + e.getMessage());
        }
    }

    /** The suffix of a pinned workload's name. */
    static final String PINNED = ", pinned";

    /** A piece of a workload that may throw. */
    interface Body {
        void run() throws Exception;
    }

    /**
     * Runs {@code body} with the servers (every process of {@code server.pids} and its descendants, every
     * thread) on the CPUs of {@code pin.server} and every contender on those of {@code pin.client}
     * ({@code taskset}), so that the client's cost is measured apart from the server's; restores all CPUs after.
     */
    private void pinned(Body body) throws Exception {
        String all = "0-" + (Runtime.getRuntime().availableProcessors() - 1);
        pinServers(cfg.get("pin.server"));
        run = procs.pinnedTo(cfg.get("pin.client"));
        try {
            body.run();
        } finally {
            run = procs;
            pinServers(all);
        }
    }

    private void pinServers(String cpus) throws IOException, InterruptedException {
        List<Long> pids = new ArrayList<>();
        for (String p : cfg.get("server.pids").split(",")) {
            if (p.isBlank()) {
                continue;
            }
            ProcessHandle.of(Long.parseLong(p.trim())).ifPresent(h -> {
                pids.add(h.pid());
                h.descendants().forEach(d -> pids.add(d.pid()));
            });
        }
        for (long pid : pids) {
            Process t = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, "" + pid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            t.waitFor();
        }
        report.note("servers' processes " + pids + " on CPUs " + cpus);
    }

    private void write() throws IOException {
        Path out = cfg.path("out.dir");
        results.writeJson(out);
        Files.writeString(out.resolve("RESULTS.md"), report.markdown());
    }

    // ---- workload 1: download 1 GiB with verification -------------------------------------------------

    /** The JVM's single-core SHA-512 over the 1 GiB file, in memory: the limit of a verifying download. */
    private double jvmSha512() {
        String w = "sha512-in-memory-" + size(cfg.getLong("file.1g.size"));
        String cmd = "MessageDigest.getInstance(\"SHA-512\").update(byte[" + size(cfg.getLong("file.1g.size")) + "], 1 MiB slices)";
        report.workloadStart(w);
        try {
            Processes.WorkerRun r = procs.worker(w + "-jvm", List.of("-Xmx2g"),
                    List.of(cfg.file().toString(), "jvm", "sha512", "glance", "" + warmup, "" + reps,
                            "--file", cfg.get("file.1g"), "--sha512", cfg.get("file.1g.sha512")), 600);
            Result res = new Result(w, "jvm-sha512", "s", false, r.samples(), cfg.getLong("file.1g.size"), cmd,
                    "one core, data already in memory: the ceiling of any verifying download in Java");
            results.add(res);
            report.workloadEnd(w);
            return res.median();
        } catch (Exception e) {
            results.add(Result.failed(w, "jvm-sha512", "s", cmd, e.getMessage()));
            report.workloadEnd(w);
            return Double.NaN;
        }
    }

    private void download(String target, String id, double jvmShaSeconds, String suffix) throws IOException {
        String w = "download-verify-" + size(cfg.getLong("file.1g.size")) + "@" + target + suffix;
        report.workloadStart(w);
        long size = cfg.getLong("file.1g.size");
        String sha = cfg.get("file.1g.sha512");
        String url = cfg.endpoint(target) + "/v2/images/" + id + "/file";
        Path dest = work.resolve("dl-shell.bin");

        javaWorker(w, Results.OURS, "s", size, javaArgs, List.of("download", target, "--id", id, "--sha512", sha, "--size", "" + size),
                "images.download(id, path) — streams to the file and verifies os_hash_value (SHA-512) on the way", "");
        javaWorker(w, O4J, "s", size, o4jJavaArgs, List.of("download", target, "--id", id, "--sha512", sha, "--size", "" + size),
                "os.imagesV2().download(id, file) + a second SHA-512 pass over the file (it cannot verify)", "");
        String curl = "curl -sS --fail -H \"X-Auth-Token: $OS_AUTH_TOKEN\" '" + url + "' | tee " + dest + " | sha512sum";
        shell(w, CURL, "s", size, curl, out -> out.startsWith(sha) ? null : "sha512sum output differs from the expected hash",
                () -> Files.deleteIfExists(dest), "the verification is the pipeline's sha512sum");
        String gc = GLANCE_CLI + "image-download --file " + dest + " " + id;
        shell(w, GLANCECLIENT, "s", size, gc.replace("$IMAGE_URL", cfg.endpoint(target)), out -> null,
                () -> Files.deleteIfExists(dest), "verifies os_hash_value while streaming; includes Python start-up (~0.5 s)");
        if (!Double.isNaN(jvmShaSeconds)) {
            Result sha512 = results.all().stream().filter(r -> r.contender().equals("jvm-sha512")).findFirst().orElseThrow();
            results.add(new Result(w, "jvm-sha512 (limit)", "s", false, sha512.samples(), size, sha512.command(),
                    "same run, in memory, no I/O: see the sha512-in-memory workload"));
        }
        report.workloadEnd(w);
    }

    /**
     * What the flush to disk costs (issue 14): imagesdk's verified download written to a directory on a real
     * disk ({@code disk.dir}: the other workloads write to tmpfs, where an fsync costs nothing), with
     * {@code DownloadOpts.durable(true)} (the default: fsync of the file before the rename, of the directory
     * after) and {@code durable(false)}.
     */
    private void durableDownload(String target, String id) throws IOException {
        long size = cfg.getLong("file.1g.size");
        String w = "download-verify-" + size(size) + "-to-disk@" + target;
        report.workloadStart(w);
        Path disk = Files.createDirectories(cfg.has("disk.dir") ? cfg.path("disk.dir") : work);
        String sha = cfg.get("file.1g.sha512");
        for (boolean durable : new boolean[] {true, false}) {
            javaWorker(w, Results.OURS, durable ? Results.OURS : Results.OURS + " durable(false)", "s", size, javaArgs,
                    warmup, reps, List.of("download", target, "--id", id, "--sha512", sha, "--size", "" + size,
                            "--dest-dir", disk.toString(), "--durable", "" + durable),
                    "images.download(id, path, DownloadOpts.builder().durable(" + durable + ").build()) into " + disk,
                    durable ? "fsync of the file before the rename and of the directory after (the default)"
                            : "no fsync: the page cache is written back later");
        }
        report.workloadEnd(w);
    }

    // ---- workload 2: upload 1 GiB ----------------------------------------------------------------------

    private void upload(String target, GlanceSetup glance, String suffix) throws Exception {
        String w = "upload-" + size(cfg.getLong("file.1g.size")) + "@" + target + suffix;
        report.workloadStart(w);
        long size = cfg.getLong("file.1g.size");
        String file = cfg.get("file.1g");
        String create = "{\"name\": \"bench-upload\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}";
        String unverified = Results.OURS + " verify(false)";
        List<String> who = glance != null ? List.of(Results.OURS, unverified, O4J, CURL, GLANCECLIENT)
                : List.of(Results.OURS, O4J, CURL, GLANCECLIENT);
        for (String label : who) {
            String contender = label.equals(unverified) ? Results.OURS : label;
            if (!contenders.contains(contender)) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            int runs = (contender.equals(CURL) || contender.equals(GLANCECLIENT) ? externalWarmup : warmup) + reps;
            for (int i = 0; i < runs; i++) {
                ids.add(glance != null ? glance.create(create) : UUID.randomUUID().toString());
            }
            // nginx's PUT sink: each repetition's file is removed right after it is timed (see Sinks)
            Path sinkDir = glance == null ? cfg.path("nginx.prefix").resolve("www-main/v2/images") : null;
            List<String> workerArgs = new ArrayList<>(List.of("upload", target, "--ids", String.join(",", ids), "--file", file));
            if (sinkDir != null) {
                workerArgs.addAll(List.of("--sink-dir", sinkDir.toString()));
            } else {
                workerArgs.addAll(List.of("--glance-cleanup", "true"));
            }
            // Each repetition's upload is removed right after it (untimed; on Glance once it is checked active): a
            // store that fills up during a contender's runs would slow its later runs (see ANALYSIS.md).
            String label0 = label;
            Consumer<String> afterEach = id -> {
                if (sinkDir != null) {
                    Sinks.deleteTree(sinkDir.resolve(id));
                    return;
                }
                checkActiveAndDelete(glance, w, label0, id);
            };
            try {
                switch (label) {
                    case Results.OURS -> javaWorker(w, contender, "s", size, javaArgs, workerArgs,
                            "images.upload(id, path) — streams the file (Content-Length)"
                                    + (glance != null ? ", hashes what it sends (SHA-512) and checks it against the os_hash_value "
                                    + "Glance recorded" : ""), "");
                    case Results.OURS + " verify(false)" -> {
                        List<String> args = new ArrayList<>(workerArgs);
                        args.addAll(List.of("--verify", "false"));
                        javaWorker(w, contender, label, "s", size, javaArgs, warmup, reps, args,
                                "images.upload(id, path, UploadOpts.builder().verify(false).build())",
                                "no local hash: what the check of the upload costs");
                    }
                    case O4J -> javaWorker(w, contender, "s", size, o4jJavaArgs, workerArgs,
                            "os.imagesV2().upload(id, Payloads.create(file), null)",
                            "its OkHttp connector copies the whole file into a byte[] before sending (needs >2 GiB heap)");
                    case CURL -> shellPerId(w, contender, size, ids, "curl -sS --fail -o /dev/null -H \"X-Auth-Token: $OS_AUTH_TOKEN\" "
                            + "-H 'Content-Type: application/octet-stream' -T " + file + " '" + cfg.endpoint(target) + "/v2/images/{ID}/file'", "",
                            afterEach);
                    case GLANCECLIENT -> shellPerId(w, contender, size, ids,
                            GLANCE_CLI.replace("$IMAGE_URL", cfg.endpoint(target)) + "image-upload --file " + file + " {ID}",
                            "includes Python start-up (~0.5 s)", afterEach);
                    default -> throw new IllegalStateException(contender);
                }
            } finally {
                for (String id : ids) {
                    if (glance != null) {
                        glance.delete(id);
                    } else {
                        afterEach.accept(id);
                    }
                }
            }
        }
        report.workloadEnd(w);
    }

    // ---- workload 3: listing through next links ----------------------------------------------------------

    private void list(String target, int limit, long expect, List<String> pageUrls) throws IOException {
        String w = String.format("list-%d-images-pages-of-%d@%s", expect, limit, target);
        report.workloadStart(w);
        // Listings are short: more warm-up runs (JIT) for both Java contenders.
        // Against the real Glance the server's own time dominates (seconds per pass), so the usual warm-up is enough.
        int listWarmup = "glance".equals(target) ? warmup : cfg.getInt("warmup.list", Math.max(warmup, 3));
        javaWorker(w, Results.OURS, "s", 0, javaArgs, listWarmup, reps, List.of("list", target, "--limit", "" + limit, "--expect", "" + expect),
                "images.list(ListOpts.builder().limit(" + limit + ").build()) iterated to the end (lazy Paged<Image>, follows next)",
                listWarmup + " warm-up runs");
        javaWorker(w, O4J, "s", 0, o4jJavaArgs, listWarmup, reps, List.of("list", target, "--limit", "" + limit, "--expect", "" + expect),
                "hand-written loop: os.imagesV2().list({limit, marker}) until a short page (its list() returns one page)",
                listWarmup + " warm-up runs");
        Path curlConfig = work.resolve("curl-" + target + "-" + limit + ".cfg");
        StringBuilder c = new StringBuilder();
        for (String u : pageUrls) {
            c.append("url = \"").append(u).append("\"\noutput = \"/dev/null\"\n");
        }
        Files.writeString(curlConfig, c.toString());
        shell(w, CURL, "s", 0, "curl -sS --fail -H \"X-Auth-Token: $OS_AUTH_TOKEN\" -K " + curlConfig,
                out -> null, () -> { }, pageUrls.size() + " page URLs known in advance, one process, one connection, "
                        + "bodies to /dev/null (no JSON parsing): the floor for fetching these pages");
        String gc = GLANCE_CLI.replace("$IMAGE_URL", cfg.endpoint(target)) + "image-list --page-size " + limit
                + " | grep -c '^| [0-9a-f]\\{8\\}-'";
        shell(w, GLANCECLIENT, "s", 0, gc, out -> Long.parseLong(out.trim()) == expect ? null
                : "glanceclient listed " + out.trim() + " images, expected " + expect, () -> { },
                "prints the table; includes Python start-up (~0.5 s)");
        report.workloadEnd(w);
    }

    // ---- workload 6: whole processes, as a user runs them ------------------------------------------------------

    /** Prints a Keystone token for $OS_USERNAME/$OS_PASSWORD on project $OS_PROJECT_ID: the login half of the curl pair. */
    private static final String LOGIN_SCRIPT = """
            #!/usr/bin/env bash
            # the curl pair's login: one POST to Keystone, prints the token
            set -euo pipefail
            body=$(printf '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s","domain":{"id":"default"},"password":"%s"}}},"scope":{"project":{"id":"%s"}}}}' \\
              "$OS_USERNAME" "$OS_PASSWORD" "$OS_PROJECT_ID")
            curl -sS --fail -D - -o /dev/null -H 'Content-Type: application/json' --data-binary "$body" "$OS_AUTH_URL/auth/tokens" \\
              | tr -d '\\r' | sed -n 's/^[Xx]-[Ss]ubject-[Tt]oken: *//p'
            """;

    /**
     * {@code imagectl}, curl and glanceclient as whole processes, timed from start to exit, each logging in to
     * Keystone with user and password (the variables {@code OS_AUTH_URL}, {@code OS_USERNAME}, ...) and, except
     * curl, finding Glance in the service catalog: the time a user of the command line waits.
     */
    private void cli(GlanceSetup glance) throws Exception {
        int n = cfg.getInt("cli.reps", 5);
        int warm = cfg.getInt("cli.warmup", 1);
        long size = cfg.getLong("file.1g.size");
        String file = cfg.get("file.1g");
        String sha = cfg.get("file.1g.sha512");
        String imagectl = cfg.get("cli.imagectl");
        String glanceUrl = cfg.endpoint("glance");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OS_AUTH_URL", cfg.get("keystone.url") + "/v3");
        env.put("OS_USERNAME", cfg.get("keystone.user"));
        env.put("OS_PASSWORD", cfg.get("keystone.password"));
        env.put("OS_PROJECT_ID", cfg.get("keystone.project.id"));
        env.put("OS_USER_DOMAIN_ID", "default");
        env.put("OS_PROJECT_DOMAIN_ID", "default");
        env.put("OS_REGION_NAME", cfg.get("cli.region", "RegionOne"));
        env.put("OS_INTERFACE", "public");
        env.put("OS_IDENTITY_API_VERSION", "3");
        env.put("OS_IMAGE_API_VERSION", "2");
        Processes p = run.withEnv(env);
        Path login = work.resolve("cli-login.sh");
        Files.writeString(login, LOGIN_SCRIPT);
        String curlLogin = "T=$(bash " + login + ") && ";
        // imagectl's launcher archives its classes on its first start after a build: done here, untimed.
        p.shell("cli-setup-imagectl", imagectl + " --version", 900);
        report.note("setup: imagectl " + imagectl + " started once (class-data archive of this build), untimed");
        String gc = "glance ";

        // download 1 GiB, verified
        String id = glance.create("{\"name\": \"bench-cli-download\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}");
        glance.upload(id, cfg.path("file.1g"));
        Path dest = work.resolve("cli-dl.bin");
        String w = "cli-download-verify-" + size(size) + "@glance";
        report.workloadStart(w);
        Cleanup rm = () -> Files.deleteIfExists(dest);
        OutputCheck shaOut = out -> out.startsWith(sha) ? null : "sha512sum output differs from the expected hash";
        shell(p, w, Results.OURS, "s", size, warm, n, imagectl + " images download " + id + " -o " + dest,
                out -> out.contains("sha512 verified") ? null : "imagectl did not report a verified download: " + out.trim(), rm,
                "examples/imagectl launcher: JVM start (class-data archive), Keystone login, catalog, image record, data, "
                        + "SHA-512 check, fsync (tmpfs)");
        shell(p, w, CURL, "s", size, warm, n, curlLogin + "curl -sS --fail -H \"X-Auth-Token: $T\" '" + glanceUrl + "/v2/images/" + id
                + "/file' | tee " + dest + " | sha512sum", shaOut, rm, "two processes: the Keystone POST, then the GET through "
                        + "tee and sha512sum; knows the Glance URL (no catalog)");
        shell(p, w, GLANCECLIENT, "s", size, warm, n, gc + "image-download --file " + dest + " " + id, out -> null, rm,
                "python-glanceclient: Keystone login (keystoneauth), catalog, data with its os_hash_value check");
        glance.delete(id);
        report.workloadEnd(w);
        write();

        // upload 1 GiB into a queued image, one image per run, deleted right after it (checked active first)
        w = "cli-upload-" + size(size) + "@glance";
        report.workloadStart(w);
        String create = "{\"name\": \"bench-cli-upload\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}";
        String label = w;
        for (String contender : List.of(Results.OURS, CURL, GLANCECLIENT)) {
            if (!contenders.contains(contender)) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < warm + n; i++) {
                ids.add(glance.create(create));
            }
            Consumer<String> afterEach = done -> checkActiveAndDelete(glance, label, contender, done);
            String template = switch (contender) {
                case Results.OURS -> imagectl + " images upload {ID} " + file;
                case CURL -> curlLogin + "curl -sS --fail -o /dev/null -H \"X-Auth-Token: $T\" -H 'Content-Type: application/octet-stream' -T "
                        + file + " '" + glanceUrl + "/v2/images/{ID}/file'";
                default -> gc + "image-upload --file " + file + " {ID}";
            };
            String note = switch (contender) {
                case Results.OURS -> "examples/imagectl launcher: JVM start, Keystone login, catalog, data, then the image record for its report";
                case CURL -> "two processes: the Keystone POST, then the PUT; knows the Glance URL (no catalog)";
                default -> "python-glanceclient: Keystone login, catalog, data";
            };
            shellPerId(p, w, contender, size, warm, ids, template, note, afterEach);
        }
        report.workloadEnd(w);
        write();

        // the smallest useful command: log in, one GET of one image
        w = "cli-list-limit-1@glance";
        report.workloadStart(w);
        shell(p, w, Results.OURS, "s", 0, warm, n, imagectl + " images list --limit 1", out -> null, () -> { },
                "examples/imagectl launcher: JVM start, Keystone login, catalog, one GET, a table");
        shell(p, w, CURL, "s", 0, warm, n, curlLogin + "curl -sS --fail -o /dev/null -H \"X-Auth-Token: $T\" '" + glanceUrl
                + "/v2/images?limit=1'", out -> null, () -> { }, "two processes: the Keystone POST, then the GET; no parsing");
        shell(p, w, GLANCECLIENT, "s", 0, warm, n, gc + "image-list --limit 1", out -> null, () -> { },
                "python-glanceclient: Keystone login, catalog, one GET, a table");
        report.workloadEnd(w);
    }

    // ---- workload 4: JMH page decode ---------------------------------------------------------------------

    private void decode() {
        String w = "decode-1000-image-page";
        report.workloadStart(w);
        String cmd = "JMH " + PageDecodeBenchmark.class.getSimpleName() + " (-prof gc)";
        try {
            ChainedOptionsBuilder ob = new OptionsBuilder()
                    .include(PageDecodeBenchmark.class.getName())
                    .forks(cfg.getInt("jmh.forks", 1))
                    .warmupIterations(cfg.getInt("jmh.warmup", 3))
                    .warmupTime(TimeValue.milliseconds(cfg.getInt("jmh.millis", 2000)))
                    .measurementIterations(cfg.getInt("jmh.iterations", 5))
                    .measurementTime(TimeValue.milliseconds(cfg.getInt("jmh.millis", 2000)))
                    .jvmArgsAppend("-Xmx1g")
                    .addProfiler(GCProfiler.class)
                    .shouldFailOnError(true);
            Map<String, String> names = new LinkedHashMap<>();
            names.put("imagesdk", Results.OURS);
            names.put("openstack4j", O4J);
            for (RunResult rr : new Runner(ob.build()).run()) {
                String method = rr.getParams().getBenchmark();
                method = method.substring(method.lastIndexOf('.') + 1);
                String contender = names.getOrDefault(method, method);
                List<Double> ops = new ArrayList<>();
                List<Double> alloc = new ArrayList<>();
                for (BenchmarkResult br : rr.getBenchmarkResults()) {
                    for (IterationResult ir : br.getIterationResults()) {
                        ops.add(ir.getPrimaryResult().getScore());
                        ir.getSecondaryResults().forEach((k, v) -> {
                            if (k.endsWith("gc.alloc.rate.norm")) {
                                alloc.add(v.getScore() / PageDecodeBenchmark.IMAGES);
                            }
                        });
                    }
                }
                results.add(new Result(w + " (pages/s)", contender, "pages/s", true, ops, 0, cmd + " " + method,
                        PageDecodeBenchmark.IMAGES + " images, " + PageDecodeBenchmark.pageBytes() + " bytes of JSON per page"));
                results.add(new Result(w + " (bytes allocated per image)", contender, "B/image", false, alloc, 0,
                        cmd + " " + method, "gc.alloc.rate.norm / " + PageDecodeBenchmark.IMAGES));
            }
        } catch (Exception e) {
            results.add(Result.failed(w, Results.OURS, "pages/s", cmd, String.valueOf(e.getMessage())));
        }
        report.workloadEnd(w);
    }

    // ---- workload 5: capped heap ------------------------------------------------------------------------

    private void memory() throws IOException {
        List<String> capped = List.of("-Xmx64m", "-XX:+UseG1GC");
        long size4 = cfg.getLong("file.4g.size");
        String id4 = cfg.get("nginx.download4g.id");
        String sha4 = cfg.get("file.4g.sha512");
        String w = "memory-download-verify-" + size(size4) + "-Xmx64m@nginx";
        report.workloadStart(w);
        for (String contender : List.of(Results.OURS, O4J)) {
            javaWorker(w, contender, "s", size4, capped, 0, 1,
                    List.of("download", "nginx", "--id", id4, "--sha512", sha4, "--size", "" + size4),
                    contender.equals(O4J) ? "download(id, file) + SHA-512 pass" : "images.download(id, path)", "-Xmx64m, one run");
        }
        report.workloadEnd(w);
        int n = cfg.getInt("nginx-big.list.images", 100000);
        w = "memory-list-" + n + "-images-Xmx64m@nginx";
        report.workloadStart(w);
        for (String contender : List.of(Results.OURS, O4J)) {
            javaWorker(w, contender, "s", 0, capped, 0, 1,
                    List.of("list", "nginx-big", "--limit", "1000", "--expect", "" + n),
                    contender.equals(O4J) ? "marker loop, pages of 1000" : "images.list(limit 1000) iterated to the end",
                    "-Xmx64m, one run");
        }
        report.workloadEnd(w);
    }

    // ---- running contenders -------------------------------------------------------------------------------

    private void javaWorker(String w, String contender, String unit, long bytes, List<String> jvm, List<String> opArgs,
                            String command, String note) {
        javaWorker(w, contender, unit, bytes, jvm, warmup, reps, opArgs, command, note);
    }

    private void javaWorker(String w, String contender, String unit, long bytes, List<String> jvm, int warm, int n,
                            List<String> opArgs, String command, String note) {
        javaWorker(w, contender, contender, unit, bytes, jvm, warm, n, opArgs, command, note);
    }

    /** A worker of {@code contender} whose result is listed as {@code label} (one library in two configurations). */
    private void javaWorker(String w, String contender, String label, String unit, long bytes, List<String> jvm, int warm,
                            int n, List<String> opArgs, String command, String note) {
        if (!contenders.contains(contender)) {
            return;
        }
        List<String> args = new ArrayList<>(List.of(cfg.file().toString(), contender, opArgs.get(0), opArgs.get(1), "" + warm, "" + n));
        args.addAll(opArgs.subList(2, opArgs.size()));
        List<String> jvmArgs = new ArrayList<>(jvm);
        if (Boolean.parseBoolean(cfg.get("jfr", "false"))) {
            jvmArgs.add("-XX:StartFlightRecording=settings=profile,filename=" + cfg.path("log.dir").resolve(slug(w) + "-" + slug(label) + ".jfr"));
        }
        String commandLine = command + " [JVM " + String.join(" ", jvm) + "]";
        try {
            String classPath = contender.equals(O4J) ? cfg.get("openstack4j.classpath", System.getProperty("java.class.path"))
                    : System.getProperty("java.class.path");
            Processes.WorkerRun r = run.worker(slug(w) + "-" + slug(label), jvmArgs, classPath, args, 1800);
            String info = r.info().isEmpty() ? "" : " (" + r.info() + ")";
            results.add(new Result(w, label, unit, false, r.samples(), bytes, commandLine, (note + info).trim(), r.cpuSeconds()));
        } catch (Exception e) {
            results.add(Result.failed(w, label, unit, commandLine, String.valueOf(e.getMessage())));
        }
    }

    /** A check of a shell run's stdout: null if fine, else the problem. */
    interface OutputCheck {
        String problem(String stdout) throws Exception;
    }

    /** Cleanup between repetitions (untimed). */
    interface Cleanup {
        void run() throws Exception;
    }

    private void shell(String w, String contender, String unit, long bytes, String command, OutputCheck check, Cleanup cleanup,
                       String note) {
        if (!contenders.contains(contender)) {
            return;
        }
        shell(run, w, contender, unit, bytes, externalWarmup, reps, command, check, cleanup, note);
    }

    private void shell(Processes p, String w, String contender, String unit, long bytes, int warm, int n, String command,
                       OutputCheck check, Cleanup cleanup, String note) {
        if (!contenders.contains(contender)) {
            return;
        }
        List<Double> samples = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        try {
            for (int i = 0; i < warm + n; i++) {
                cleanup.run();
                Processes.ShellRun r = p.shell(slug(w) + "-" + slug(contender), command, 1800);
                String problem = check.problem(r.stdout());
                if (problem != null) {
                    throw new IOException(problem);
                }
                if (i >= warm) {
                    samples.add(r.seconds());
                    cpu.add(r.cpuSeconds());
                }
            }
            cleanup.run();
            results.add(new Result(w, contender, unit, false, samples, bytes, command, note, cpu.contains(Double.NaN) ? List.of() : cpu));
        } catch (Exception e) {
            results.add(Result.failed(w, contender, unit, command, String.valueOf(e.getMessage())));
        }
    }

    private void shellPerId(String w, String contender, long bytes, List<String> ids, String template, String note,
                            Consumer<String> afterEach) {
        shellPerId(run, w, contender, bytes, externalWarmup, ids, template, note, afterEach);
    }

    private void shellPerId(Processes p, String w, String contender, long bytes, int warm, List<String> ids, String template,
                            String note, Consumer<String> afterEach) {
        if (!contenders.contains(contender)) {
            return;
        }
        List<Double> samples = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        try {
            for (int i = 0; i < ids.size(); i++) {
                Processes.ShellRun r = p.shell(slug(w) + "-" + slug(contender), template.replace("{ID}", ids.get(i)), 1800);
                if (i >= warm) {
                    samples.add(r.seconds());
                    cpu.add(r.cpuSeconds());
                }
                afterEach.accept(ids.get(i));
            }
            results.add(new Result(w, contender, "s", false, samples, bytes, template, note, cpu.contains(Double.NaN) ? List.of() : cpu));
        } catch (Exception e) {
            results.add(Result.failed(w, contender, "s", template, String.valueOf(e.getMessage())));
        }
    }

    /** A byte count as the workload names show it: {@code 1GiB}, {@code 64MiB}. */
    static String size(long bytes) {
        return bytes % (1L << 30) == 0 ? bytes / (1L << 30) + "GiB" : bytes / (1L << 20) + "MiB";
    }

    static String slug(String workload) {
        return workload.replaceAll("[^A-Za-z0-9.-]+", "_");
    }
}
