package dev.imagesdk.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * All results of one run, in workload order, written as {@code results.json} (for tools) and as the
 * tables of {@code RESULTS.md} (for people).
 */
public final class Results {
    /** The contender name of our SDK. */
    public static final String OURS = "imagesdk";

    private final List<Result> results = new ArrayList<>();

    /** Adds one result (keeps insertion order). */
    public synchronized void add(Result r) {
        results.add(r);
    }

    /** All results so far. */
    public synchronized List<Result> all() {
        return List.copyOf(results);
    }

    /** Results grouped by workload, in first-seen order. */
    public synchronized Map<String, List<Result>> byWorkload() {
        Map<String, List<Result>> m = new LinkedHashMap<>();
        for (Result r : results) {
            m.computeIfAbsent(r.workload(), k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    /** Our result in the given workload, or null. */
    public synchronized Result ours(String workload) {
        return results.stream().filter(r -> r.workload().equals(workload) && r.contender().equals(OURS)).findFirst().orElse(null);
    }

    /** {@code results.json}: one record per workload and contender. */
    public synchronized String toJson() {
        StringBuilder b = new StringBuilder("[\n");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            b.append("  {\"workload\": ").append(str(r.workload()))
                    .append(", \"contender\": ").append(str(r.contender()))
                    .append(", \"unit\": ").append(str(r.unit()))
                    .append(", \"median\": ").append(num(r.median()))
                    .append(", \"min\": ").append(num(r.min()))
                    .append(", \"max\": ").append(num(r.max()))
                    .append(", \"runs\": ").append(r.samples().size())
                    .append(", \"ratio_vs_ours\": ").append(num(r.ratioVsOurs(ours(r.workload()))))
                    .append(", \"higher_is_better\": ").append(r.higherIsBetter())
                    .append(", \"mb_per_s\": ").append(num(r.megabytesPerSecond()))
                    .append(", \"samples\": ").append(r.samples().stream().map(Results::num).toList())
                    .append(", \"client_cpu_s\": ").append(r.cpuSeconds().stream().map(Results::num).toList())
                    .append(", \"client_cpu_s_per_gib\": ").append(num(r.cpuSecondsPerGiB()))
                    .append(", \"command\": ").append(str(r.command()))
                    .append(", \"note\": ").append(str(r.note()))
                    .append('}').append(i + 1 < results.size() ? ",\n" : "\n");
        }
        return b.append("]\n").toString();
    }

    /** A Markdown table per workload: contender, median, min–max, runs, MB/s, ratio, note. */
    public synchronized String toMarkdownTables() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<Result>> e : byWorkload().entrySet()) {
            Result ours = ours(e.getKey());
            b.append("#### ").append(e.getKey()).append("\n\n");
            boolean cpu = e.getValue().stream().anyMatch(r -> !r.cpuSeconds().isEmpty());
            boolean perGiB = e.getValue().stream().anyMatch(r -> r.bytes() > 0);
            b.append("| contender | median | min – max | runs | MB/s |")
                    .append(cpu ? perGiB ? " client CPU s/GiB |" : " client CPU s |" : "")
                    .append(" ours vs this (>1 = ours better) | note |\n");
            b.append("|---|---|---|---|---|").append(cpu ? "---|" : "").append("---|---|\n");
            for (Result r : e.getValue()) {
                b.append("| ").append(r.contender())
                        .append(" | ").append(r.ok() ? fmt(r.median()) + " " + r.unit() : "**did not run**")
                        .append(" | ").append(r.ok() ? fmt(r.min()) + " – " + fmt(r.max()) : "–")
                        .append(" | ").append(r.samples().size())
                        .append(" | ").append(Double.isNaN(r.megabytesPerSecond()) ? "–" : fmt(r.megabytesPerSecond()))
                        .append(cpu ? " | " + fmt(r.cpuSecondsPerGiB()) : "")
                        .append(" | ").append(r == ours || Double.isNaN(r.ratioVsOurs(ours)) ? "–"
                                : String.format(Locale.ROOT, "%.2f×", r.ratioVsOurs(ours)))
                        .append(" | ").append(r.note() == null ? "" : r.note().replace("|", "\\|"))
                        .append(" |\n");
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Writes {@code results.json} into {@code dir}. */
    public void writeJson(Path dir) throws IOException {
        Files.writeString(dir.resolve("results.json"), toJson());
    }

    /** Three significant digits, plain notation. */
    public static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.6g", v);
    }

    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
