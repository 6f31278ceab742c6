package dev.imagesdk.benchmarks.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the contenders' processes: shell pipelines (curl, glanceclient) timed from start to exit, and
 * worker JVMs that time themselves.
 */
public final class Processes {
    private final Path logDir;
    private final Map<String, String> env;
    private final List<String> prefix;

    /**
     * @param logDir where each process' stdout/stderr go
     * @param env variables added to the environment (the token as {@code OS_AUTH_TOKEN}); every other
     *            {@code OS_*} variable of the caller is removed so that no cloud configuration interferes
     */
    public Processes(Path logDir, Map<String, String> env) throws IOException {
        this(Files.createDirectories(logDir), Map.copyOf(env), List.of());
    }

    private Processes(Path logDir, Map<String, String> env, List<String> prefix) {
        this.logDir = logDir;
        this.env = env;
        this.prefix = prefix;
    }

    /** The same, with {@code env} as the added environment instead. */
    public Processes withEnv(Map<String, String> env) {
        return new Processes(logDir, Map.copyOf(env), prefix);
    }

    /** The same, every process started on the given CPUs only ({@code taskset -c cpus}, inherited by children). */
    public Processes pinnedTo(String cpus) {
        return new Processes(logDir, env, List.of("taskset", "-c", cpus));
    }

    /**
     * The outcome of one shell run.
     *
     * @param seconds wall time from start to exit
     * @param cpuSeconds the CPU time (user + system) of every process the command started
     * @param stdout what it printed
     */
    public record ShellRun(double seconds, double cpuSeconds, String stdout) {
    }

    /**
     * Runs {@code bash -o pipefail -c command}, timing start to exit (wall clock).
     *
     * @throws IOException on a non-zero exit status (with the end of stderr)
     */
    public ShellRun shell(String name, String command, long timeoutSeconds) throws IOException, InterruptedException {
        Path out = logDir.resolve(name + ".out");
        Path err = logDir.resolve(name + ".err");
        Path times = logDir.resolve(name + ".times");
        Files.deleteIfExists(times);
        // bash's 'times' after the command: its second line is the CPU time of every (grand)child reaped.
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of("bash", "-o", "pipefail", "-c", "( " + command + "\n); rc=$?; times >\"$BENCH_TIMES_FILE\"; exit $rc"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        prepare(pb);
        pb.environment().put("BENCH_TIMES_FILE", times.toString());
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(name + ": timed out after " + timeoutSeconds + " s");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (p.exitValue() != 0) {
            throw new IOException(name + ": exit " + p.exitValue() + ": " + tail(err));
        }
        return new ShellRun(seconds, childCpuSeconds(times), Files.readString(out));
    }

    /** The children's user + system time from bash's {@code times} output ({@code 0m1.234s 0m0.100s}), NaN if missing. */
    static double childCpuSeconds(Path times) throws IOException {
        if (!Files.exists(times)) {
            return Double.NaN;
        }
        List<String> lines = Files.readAllLines(times);
        if (lines.size() < 2) {
            return Double.NaN;
        }
        double total = 0;
        for (String t : lines.get(1).trim().split("\\s+")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)m([0-9.]+)s").matcher(t);
            if (!m.matches()) {
                return Double.NaN;
            }
            total += Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2));
        }
        return total;
    }

    /**
     * What a worker JVM reported.
     *
     * @param samples wall seconds per measured repetition
     * @param cpuSeconds the worker JVM's CPU seconds per measured repetition (same order)
     * @param info its closing {@code INFO} line
     */
    public record WorkerRun(List<Double> samples, List<Double> cpuSeconds, String info) {
    }

    /**
     * Runs a {@link Worker} in a fresh JVM with {@code jvmArgs} and the harness' own class path.
     *
     * @throws IOException on a non-zero exit status (with the end of stderr)
     */
    public WorkerRun worker(String name, List<String> jvmArgs, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        return worker(name, jvmArgs, System.getProperty("java.class.path"), args, timeoutSeconds);
    }

    /** Like {@link #worker(String, List, List, long)} with another class path. */
    public WorkerRun worker(String name, List<String> jvmArgs, String classPath, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(Worker.class.getName());
        cmd.addAll(args);
        Path out = logDir.resolve(name + ".out");
        Path err = logDir.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        prepare(pb);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(name + ": timed out after " + timeoutSeconds + " s");
        }
        List<Double> samples = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        String info = "";
        for (String line : Files.readAllLines(out)) {
            if (line.startsWith("SAMPLE ")) {
                String[] f = line.substring(7).trim().split("\\s+");
                samples.add(Double.parseDouble(f[0]));
                if (f.length > 1) {
                    cpu.add(Double.parseDouble(f[1]));
                }
            } else if (line.startsWith("INFO ")) {
                info = line.substring(5).trim();
            }
        }
        if (p.exitValue() != 0) {
            throw new IOException(name + ": exit " + p.exitValue() + ": " + tail(err));
        }
        return new WorkerRun(samples, cpu, info);
    }

    private void prepare(ProcessBuilder pb) {
        pb.environment().keySet().removeIf(k -> k.startsWith("OS_"));
        pb.environment().putAll(env);
    }

    /** The last lines of a log, for failure notes (one line, at most 400 characters). */
    static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> lines = Files.readAllLines(file);
        StringBuilder b = new StringBuilder();
        for (int i = Math.max(0, lines.size() - 6); i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (!l.isEmpty() && !l.startsWith("at ")) {
                b.append(l).append(" / ");
            }
        }
        String s = b.toString();
        return s.length() > 400 ? s.substring(s.length() - 400) : s;
    }
}
