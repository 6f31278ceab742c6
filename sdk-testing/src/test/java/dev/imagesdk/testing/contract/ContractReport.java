package dev.imagesdk.testing.contract;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the outcome of every contract test per target (emulator, real Glance) in
 * {@code target/contract-report/<target>.tsv}, and after each contract class rewrites
 * {@code target/contract-report.md}, one row per test and one column per target, and prints it to the
 * build output. Surefire and Failsafe run in different JVMs; the table merges whatever targets have run.
 */
public final class ContractReport implements TestWatcher, AfterAllCallback {
    private static final Path DIR = Path.of("target", "contract-report");
    private static final Map<String, Map<String, String>> RESULTS = new ConcurrentHashMap<>();

    private static String target(ExtensionContext context) {
        return context.getTestClass().map(c -> c.getSimpleName().startsWith("Glance") ? "real Glance" : "emulator")
                .orElse("?");
    }

    private static void record(ExtensionContext context, String outcome) {
        RESULTS.computeIfAbsent(target(context), k -> new ConcurrentHashMap<>())
                .put(context.getRequiredTestMethod().getName(), outcome);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, "pass");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        record(context, "FAIL");
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context, "n/a");
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        record(context, "disabled");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        String target = target(context);
        Map<String, String> mine = RESULTS.getOrDefault(target, Map.of());
        try {
            Files.createDirectories(DIR);
            StringBuilder tsv = new StringBuilder();
            new TreeMap<>(mine).forEach((test, outcome) -> tsv.append(test).append('\t').append(outcome).append('\n'));
            Files.writeString(DIR.resolve(target.replace(' ', '-') + ".tsv"), tsv, StandardCharsets.UTF_8);
            String table = table();
            Files.writeString(Path.of("target", "contract-report.md"), table, StandardCharsets.UTF_8);
            System.out.println();
            System.out.println(table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Markdown table of every recorded target. */
    static String table() throws IOException {
        Map<String, Map<String, String>> all = new TreeMap<>();
        try (var files = Files.list(DIR)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.toString().endsWith(".tsv")) {
                    continue;
                }
                String target = f.getFileName().toString().replace(".tsv", "").replace('-', ' ');
                Map<String, String> rows = new TreeMap<>();
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String[] parts = line.split("\t");
                    if (parts.length == 2) {
                        rows.put(parts[0], parts[1]);
                    }
                }
                all.put(target, rows);
            }
        }
        List<String> targets = new ArrayList<>(all.keySet());
        TreeSet<String> tests = new TreeSet<>();
        all.values().forEach(m -> tests.addAll(m.keySet()));
        StringBuilder sb = new StringBuilder("## Image service contract: ").append(tests.size()).append(" tests\n\n| test |");
        targets.forEach(t -> sb.append(' ').append(t).append(" |"));
        sb.append("\n| --- |");
        targets.forEach(t -> sb.append(" --- |"));
        sb.append('\n');
        for (String test : tests) {
            sb.append("| ").append(test).append(" |");
            for (String t : targets) {
                sb.append(' ').append(all.get(t).getOrDefault(test, "n/a")).append(" |");
            }
            sb.append('\n');
        }
        for (String t : targets) {
            long pass = all.get(t).values().stream().filter("pass"::equals).count();
            long fail = all.get(t).values().stream().filter("FAIL"::equals).count();
            sb.append("\n").append(t).append(": ").append(pass).append(" passed, ").append(fail).append(" failed, ")
                    .append(all.get(t).size() - pass - fail).append(" not applicable/skipped");
        }
        return sb.append('\n').toString();
    }
}
