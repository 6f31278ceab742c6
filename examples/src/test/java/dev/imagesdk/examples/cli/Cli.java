package dev.imagesdk.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs imagectl in-process with captured stdout/stderr and a chosen environment. */
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
}
