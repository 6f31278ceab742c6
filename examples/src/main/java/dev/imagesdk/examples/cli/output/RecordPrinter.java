package dev.imagesdk.examples.cli.output;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Prints records as aligned columns, JSON, YAML, bare values or CSV. JSON and YAML output parse back to exactly the
 * records printed (same keys, same order, nulls kept); tabulated output is for people: NULL is shown
 * as {@code -}, lists as comma-separated values, numbers right-aligned.
 */
public final class RecordPrinter {
    /** Shown in tabulated output for a null value. */
    public static final String NULL = "-";

    private static final JsonAdapter<Object> JSON = new Moshi.Builder().build()
            .adapter(Object.class).serializeNulls().indent("  ");

    private final OutputFormat format;

    /** A printer for one format. */
    public RecordPrinter(OutputFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    /** The format this printer writes. */
    public OutputFormat format() {
        return format;
    }

    /**
     * Prints a listing. In tabulated form the columns are {@code columns} (or, when empty, every field
     * name in order of appearance); JSON and YAML always carry every field.
     */
    public void printList(List<Record> records, List<String> columns, PrintWriter out) {
        switch (format) {
            case JSON -> out.println(JSON.toJson(maps(records)));
            case YAML -> out.print(records.isEmpty() ? "[]\n" : yaml().dump(maps(records)));
            case VALUE -> {
                List<String> cols = columns.isEmpty() ? allColumns(records) : columns;
                for (Record r : records) {
                    out.print(cols.stream().map(c -> plainCell(r.get(c))).collect(Collectors.joining(" ")) + "\n");
                }
            }
            case CSV -> {
                List<String> cols = columns.isEmpty() ? allColumns(records) : columns;
                out.print(csvLine(new ArrayList<>(cols)));
                for (Record r : records) {
                    out.print(csvLine(cols.stream().map(c -> plainCell(r.get(c))).toList()));
                }
            }
            default -> out.print(table(records, columns.isEmpty() ? allColumns(records) : columns));
        }
        out.flush();
    }

    /** Prints one record: a two-column field/value table, a JSON object or a YAML mapping. */
    public void printOne(Record record, PrintWriter out) {
        switch (format) {
            case JSON -> out.println(JSON.toJson(record.fields()));
            case YAML -> out.print(yaml().dump(record.fields()));
            case VALUE -> record.fields().values().forEach(v -> out.print(plainCell(v) + "\n"));
            case CSV -> {
                out.print(csvLine(List.of("field", "value")));
                record.fields().forEach((k, v) -> out.print(csvLine(List.of(k, plainCell(v)))));
            }
            default -> {
                List<Record> rows = new ArrayList<>();
                record.fields().forEach((k, v) -> rows.add(Record.of().put("field", k).put("value", v)));
                out.print(table(rows, List.of("field", "value"), false));
            }
        }
        out.flush();
    }

    /** Renders tabulated text: a header, a dashed rule, one line per record. */
    public static String table(List<Record> records, List<String> columns) {
        return table(records, columns, true);
    }

    private static String table(List<Record> records, List<String> columns, boolean alignNumbers) {
        int n = columns.size();
        int[] width = new int[n];
        boolean[] numeric = new boolean[n];
        boolean[] anyNumber = new boolean[n];
        List<String[]> cells = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            width[c] = columns.get(c).length();
            numeric[c] = alignNumbers && !records.isEmpty();
        }
        for (Record r : records) {
            String[] row = new String[n];
            for (int c = 0; c < n; c++) {
                Object v = r.get(columns.get(c));
                row[c] = cell(v);
                width[c] = Math.max(width[c], row[c].length());
                if (v instanceof Number) {
                    anyNumber[c] = true;
                } else if (v != null) {
                    numeric[c] = false;
                }
            }
            cells.add(row);
        }
        for (int c = 0; c < n; c++) {
            numeric[c] &= anyNumber[c]; // a column of nulls only is not numeric
        }
        StringBuilder sb = new StringBuilder();
        line(sb, columns.toArray(new String[0]), width, numeric);
        String[] rule = new String[n];
        for (int c = 0; c < n; c++) {
            rule[c] = "-".repeat(width[c]);
        }
        line(sb, rule, width, new boolean[n]);
        for (String[] row : cells) {
            line(sb, row, width, numeric);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] row, int[] width, boolean[] right) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                l.append("  ");
            }
            String pad = " ".repeat(width[c] - row[c].length());
            l.append(right[c] ? pad + row[c] : row[c] + pad);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    private static String cell(Object v) {
        if (v == null) {
            return NULL;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(RecordPrinter::cell).collect(Collectors.joining(","));
        }
        if (v instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + "=" + cell(e.getValue()))
                    .collect(Collectors.joining(","));
        }
        return v.toString().replace('\n', ' ');
    }

    /** A cell for value and CSV output: like tabulated, but null is empty. */
    private static String plainCell(Object v) {
        return v == null ? "" : cell(v);
    }

    /** One CSV line; a field with a comma, quote or line break is quoted, quotes doubled. */
    static String csvLine(List<String> fields) {
        return fields.stream().map(f -> f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")
                ? "\"" + f.replace("\"", "\"\"") + "\"" : f).collect(Collectors.joining(",")) + "\n";
    }

    private static List<String> allColumns(List<Record> records) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        records.forEach(r -> names.addAll(r.fields().keySet()));
        return List.copyOf(names);
    }

    private static List<Map<String, Object>> maps(List<Record> records) {
        return records.stream().map(Record::fields).collect(Collectors.toList());
    }

    private static Yaml yaml() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(0);
        o.setWidth(Integer.MAX_VALUE);
        return new Yaml(o);
    }
}
