package dev.imagesdk.examples.cli;

import dev.imagesdk.examples.cli.output.OutputFormat;
import dev.imagesdk.examples.cli.output.RecordPrinter;
import picocli.CommandLine.Option;

/** {@code -f/--format tabulated|json|yaml}, mixed into every command that prints records. */
final class FormatOption {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "tabulated",
            converter = FormatConverter.class,
            description = "Output format: tabulated (default), json, yaml.")
    OutputFormat format = OutputFormat.TABULATED;

    RecordPrinter printer() {
        return new RecordPrinter(format);
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
