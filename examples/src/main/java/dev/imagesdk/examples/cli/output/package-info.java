/**
 * imagectl's output: {@link dev.imagesdk.examples.cli.output.Record}s printed by
 * {@link dev.imagesdk.examples.cli.output.RecordPrinter} as aligned columns, JSON or YAML (which parse back to
 * the same records), and the terminal-only {@link dev.imagesdk.examples.cli.output.ProgressBar}.
 */
package dev.imagesdk.examples.cli.output;
