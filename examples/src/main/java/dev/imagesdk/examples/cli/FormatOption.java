package dev.imagesdk.examples.cli;

import dev.imagesdk.examples.cli.output.OutputFormat;
import dev.imagesdk.examples.cli.output.Record;
import dev.imagesdk.examples.cli.output.RecordPrinter;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code -f/--format tabulated|table|json|yaml|value|csv} and {@code -c/--column}, mixed into every
 * command that prints records.
 */
final class FormatOption {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "tabulated",
            converter = FormatConverter.class,
            description = "Output format: tabulated (default; also: table), json, yaml, value (values only, "
                    + "space-separated, no header) or csv.")
    OutputFormat format = OutputFormat.TABULATED;

    @Option(names = {"-c", "--column"}, paramLabel = "NAME",
            description = "Print only this field (repeatable; in this order). Works with every format.")
    List<String> columns = new ArrayList<>();

    RecordPrinter printer() {
        return new RecordPrinter(format);
    }

    /**
     * Prints a listing: the {@code -c} columns if given (JSON/YAML then carry only those too), else
     * {@code defaults} in tabulated, value and CSV output and every field in JSON and YAML.
     */
    void printList(List<Record> rows, List<String> defaults, PrintWriter out) {
        if (columns.isEmpty()) {
            printer().printList(rows, defaults, out);
            return;
        }
        Set<String> known = new LinkedHashSet<>(defaults);
        rows.forEach(r -> known.addAll(r.fields().keySet()));
        check(known);
        printer().printList(rows.stream().map(this::select).toList(), columns, out);
    }

    /** Prints one record, only the {@code -c} fields if given. */
    void printOne(Record record, PrintWriter out) {
        if (!columns.isEmpty()) {
            check(record.fields().keySet());
            record = select(record);
        }
        printer().printOne(record, out);
    }

    private void check(Set<String> known) {
        List<String> unknown = columns.stream().filter(c -> !known.contains(c)).toList();
        if (!unknown.isEmpty() && !known.isEmpty()) {
            throw new CommandException(ExitCodes.USAGE, "no such column: " + String.join(", ", unknown),
                    "Columns here: " + String.join(", ", known));
        }
    }

    private Record select(Record r) {
        Record out = Record.of();
        LinkedHashMap<String, Object> f = new LinkedHashMap<>(r.fields());
        columns.forEach(c -> out.put(c, f.get(c)));
        return out;
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
