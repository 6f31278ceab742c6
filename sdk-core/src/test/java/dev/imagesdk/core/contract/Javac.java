package dev.imagesdk.core.contract;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compiles small Java sources in a test (fixtures, consumer programs) with the running JDK's compiler. */
public final class Javac {
    private Javac() {
    }

    /**
     * Writes {@code sources} (path relative to {@code sourceDir} -> text) and compiles them into {@code outDir}.
     *
     * @throws AssertionError with the compiler's messages when compilation fails
     */
    public static void compile(Path sourceDir, Path outDir, Map<String, String> sources, List<String> options) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("tests need a JDK (no system Java compiler)");
        }
        try {
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = sourceDir.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
                files.add(file);
            }
            Files.createDirectories(outDir);
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fm = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
                List<String> args = new ArrayList<>(options);
                args.addAll(List.of("-d", outDir.toString()));
                boolean ok = compiler.getTask(null, fm, diagnostics, args, null, fm.getJavaFileObjectsFromPaths(files))
                        .call();
                if (!ok) {
                    StringBuilder messages = new StringBuilder("compilation failed:\n");
                    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                        messages.append(d).append('\n');
                    }
                    throw new AssertionError(messages.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
