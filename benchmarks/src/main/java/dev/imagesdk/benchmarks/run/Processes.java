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

    /**
     * @param logDir where each process' stdout/stderr go
     * @param env variables added to the environment (the token as {@code OS_AUTH_TOKEN}); every other
     *            {@code OS_*} variable of the caller is removed so that no cloud configuration interferes
     */
    public Processes(Path logDir, Map<String, String> env) throws IOException {
        this.logDir = Files.createDirectories(logDir);
        this.env = Map.copyOf(env);
    }

    /** The outcome of one shell run. */
    public record ShellRun(double seconds, String stdout) {
    }

    /**
     * Runs {@code bash -o pipefail -c command}, timing start to exit (wall clock).
     *
     * @throws IOException on a non-zero exit status (with the end of stderr)
     */
    public ShellRun shell(String name, String command, long timeoutSeconds) throws IOException, InterruptedException {
        Path out = logDir.resolve(name + ".out");
        Path err = logDir.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder("bash", "-o", "pipefail", "-c", command)
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        prepare(pb);
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
        return new ShellRun(seconds, Files.readString(out));
    }

    /** What a worker JVM reported. */
    public record WorkerRun(List<Double> samples, String info) {
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
        List<String> cmd = new ArrayList<>();
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
        String info = "";
        for (String line : Files.readAllLines(out)) {
            if (line.startsWith("SAMPLE ")) {
                samples.add(Double.parseDouble(line.substring(7).trim()));
            } else if (line.startsWith("INFO ")) {
                info = line.substring(5).trim();
            }
        }
        if (p.exitValue() != 0) {
            throw new IOException(name + ": exit " + p.exitValue() + ": " + tail(err));
        }
        return new WorkerRun(samples, info);
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
