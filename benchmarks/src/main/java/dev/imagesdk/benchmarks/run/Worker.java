package dev.imagesdk.benchmarks.run;

import dev.imagesdk.benchmarks.contenders.JavaContender;
import dev.imagesdk.benchmarks.contenders.OpenStack4jContender;
import dev.imagesdk.benchmarks.contenders.OursContender;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One contender's repetitions of one operation, in a JVM of its own (so that one library's heap, JIT
 * profile and threads do not disturb another's). Started by the harness ({@code dev.imagesdk.benchmarks.Bench}); prints one line per measured
 * repetition, {@code SAMPLE <seconds> <cpu seconds>}, then {@code INFO peak_heap_mib=… vm_hwm_mib=…}.
 *
 * <p>Usage: {@code Worker <config> <contender> <op> <target> <warmup> <reps> [option value]...}
 * with contender {@code imagesdk|openstack4j|jvm}, op {@code download|upload|list|sha512}, target
 * {@code glance|nginx|nginx-big}; options {@code --ids a,b,…} (upload: one fresh queued image per
 * repetition, warm-up first), {@code --id} (download), {@code --sha512}, {@code --file},
 * {@code --limit}, {@code --expect} (list: the count every repetition must see), {@code --sink-dir}
 * (upload to nginx: the PUT sink's image directory, emptied after each repetition), {@code --dest-dir}
 * (download: where the file is written, default the work directory), {@code --durable true|false}
 * (download, imagesdk only: {@code DownloadOpts.durable}, default true), {@code --verify true|false} (upload,
 * imagesdk only: {@code UploadOpts.verify}; default true against Glance, false against nginx), {@code --glance-cleanup true}
 * (upload to Glance: after each repetition, untimed, check the image is active and delete it).
 */
public final class Worker {
    private Worker() {
    }

    /** Entry point: see the class comment. */
    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.load(Path.of(args[0]));
        String contender = args[1];
        String op = args[2];
        String target = args[3];
        int warmup = Integer.parseInt(args[4]);
        int reps = Integer.parseInt(args[5]);
        Options o = new Options(args, 6);
        int total = warmup + reps;

        if (op.equals("sha512")) {
            byte[] data = Files.readAllBytes(Path.of(o.get("--file")));
            String expected = o.get("--sha512");
            for (int i = 0; i < total; i++) {
                long t0 = System.nanoTime();
                long c0 = cpuNanos();
                String actual = Hashing.sha512Hex(data);
                report(i >= warmup, System.nanoTime() - t0, cpuNanos() - c0);
                check(actual.equals(expected), "in-memory SHA-512 differs from sha512sum's");
            }
            info();
            return;
        }

        String endpoint = config.endpoint(target);
        try (JavaContender c = o.has("--verify") && contender.equals("imagesdk")
                ? new OursContender(endpoint, config.token(), Boolean.parseBoolean(o.get("--verify")))
                : create(contender, config, target, endpoint)) {
            switch (op) {
                case "download" -> {
                    Path destDir = o.has("--dest-dir") ? Path.of(o.get("--dest-dir")) : config.path("work.dir");
                    Path dest = destDir.resolve("dl-" + contender + "-" + target + ".bin");
                    Boolean durable = o.has("--durable") ? Boolean.valueOf(o.get("--durable")) : null;
                    check(durable == null || c instanceof OursContender, "--durable is an imagesdk option");
                    for (int i = 0; i < total; i++) {
                        Files.deleteIfExists(dest);
                        long t0 = System.nanoTime();
                        long c0 = cpuNanos();
                        if (durable != null) {
                            ((OursContender) c).downloadVerified(o.get("--id"), dest, o.get("--sha512"), durable);
                        } else {
                            c.downloadVerified(o.get("--id"), dest, o.get("--sha512"));
                        }
                        report(i >= warmup, System.nanoTime() - t0, cpuNanos() - c0);
                        check(Files.size(dest) == Long.parseLong(o.get("--size")), "downloaded file has the wrong size");
                        Files.deleteIfExists(dest);
                    }
                }
                case "upload" -> {
                    String[] ids = o.get("--ids").split(",");
                    check(ids.length >= total, "need one queued image per repetition");
                    Path source = Path.of(o.get("--file"));
                    for (int i = 0; i < total; i++) {
                        long t0 = System.nanoTime();
                        long c0 = cpuNanos();
                        c.upload(ids[i], source);
                        report(i >= warmup, System.nanoTime() - t0, cpuNanos() - c0);
                        if (o.has("--sink-dir")) {
                            Sinks.deleteTree(Path.of(o.get("--sink-dir")).resolve(ids[i]));
                        }
                        if (o.has("--glance-cleanup")) {
                            // untimed: the image must be active, then it goes, so that the next repetition's data lands
                            // in a Glance store (tmpfs) as empty as the first one's
                            GlanceSetup g = new GlanceSetup(endpoint, config.token());
                            String status = g.status(ids[i]);
                            check(status.equals("active"), "image " + ids[i] + " is " + status + " after the upload");
                            g.delete(ids[i]);
                        }
                    }
                }
                case "list" -> {
                    int limit = Integer.parseInt(o.get("--limit"));
                    long expect = Long.parseLong(o.get("--expect"));
                    for (int i = 0; i < total; i++) {
                        long t0 = System.nanoTime();
                        long c0 = cpuNanos();
                        long n = c.listAll(limit);
                        report(i >= warmup, System.nanoTime() - t0, cpuNanos() - c0);
                        check(n == expect, "listed " + n + " images, expected " + expect);
                    }
                }
                default -> throw new IllegalArgumentException("unknown op " + op);
            }
        }
        info();
    }

    static JavaContender create(String contender, BenchConfig config, String target, String endpoint) {
        return switch (contender) {
            case "imagesdk" -> new OursContender(endpoint, config.token(), target.equals("glance"));
            case "openstack4j" -> new OpenStack4jContender(config, target.equals("glance") ? null : endpoint);
            default -> throw new IllegalArgumentException("unknown contender " + contender);
        };
    }

    /** A repetition's wall time and the CPU time this JVM (every thread: GC and JIT too) spent in it. */
    private static void report(boolean measured, long nanos, long cpuNanos) {
        System.out.println((measured ? "SAMPLE " : "WARMUP ") + String.format(Locale.ROOT, "%.6f %.6f", nanos / 1e9, cpuNanos / 1e9));
        System.out.flush();
    }

    /** The CPU time of this process so far (user + system, all threads). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalStateException(problem);
        }
    }

    /** Peak heap (sum of the heap pools' peaks) and the process' peak resident set. */
    private static void info() throws Exception {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long hwmKib = -1;
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    hwmKib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf(Locale.ROOT, "INFO peak_heap_mib=%.1f vm_hwm_mib=%.1f max_heap_mib=%.1f%n",
                peak / 1048576.0, hwmKib / 1024.0, maxHeap / 1048576.0);
    }

    /** {@code --name value} pairs. */
    static final class Options {
        private final List<String> args = new ArrayList<>();

        Options(String[] all, int from) {
            for (int i = from; i < all.length; i++) {
                args.add(all[i]);
            }
        }

        boolean has(String name) {
            return args.contains(name);
        }

        String get(String name) {
            int i = args.indexOf(name);
            if (i < 0 || i + 1 >= args.size()) {
                throw new IllegalArgumentException("missing option " + name);
            }
            return args.get(i + 1);
        }
    }
}
