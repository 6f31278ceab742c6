package dev.imagesdk.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs imagectl in-process with captured stdout/stderr and a chosen environment, or as a process of its own
 * ({@link #process}) where it must read the real environment (clouds.yaml, {@code OS_*} variables).
 */
final class Cli {
    /** What one run of imagectl produced. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    /** Runs with an empty environment, not interactive (no progress bars), as when piped. */
    /** {@code text} parsed as JSON (maps, lists, strings, doubles); a parse failure fails the test with the text. */
    static Object parseJson(String text) {
        try {
            return new com.squareup.moshi.Moshi.Builder().build().adapter(Object.class).fromJson(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }

    /** A parsed list of records with every number as a long (JSON gives doubles, YAML integers), to compare formats. */
    static List<Map<String, Object>> records(Object parsed) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (Object o : (List<?>) parsed) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            ((Map<?, ?>) o).forEach((k, v) -> m.put((String) k, v instanceof Number n ? (Object) n.longValue() : v));
            out.add(m);
        }
        return out;
    }

    static Result run(String... args) {
        return run(Map.of(), false, args);
    }

    static Result run(Map<String, String> env, boolean interactive, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (Imagectl imagectl = new Imagectl(env).interactive(interactive)) {
            int code = imagectl.commandLine(args)
                    .setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true))
                    .execute(args);
            return new Result(code, out.toString(), err.toString());
        }
    }

    /**
     * Runs imagectl in a JVM of its own (this test's class path) in {@code dir}, with every {@code OS_*} variable of
     * this process removed and {@code env} added; waits at most {@code timeoutSeconds}.
     */
    static Result process(Path dir, Map<String, String> env, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Imagectl.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("OS_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "imagectl-out", ".txt");
        Path err = Files.createTempFile(dir, "imagectl-err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("imagectl " + String.join(" ", args) + " did not end within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
