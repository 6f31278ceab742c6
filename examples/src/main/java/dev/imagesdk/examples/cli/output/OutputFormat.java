package dev.imagesdk.examples.cli.output;

import java.util.Locale;

/** How listings and single records are printed ({@code -f/--format}). */
public enum OutputFormat {
    /** Aligned columns for people; NULL shown as {@code -}. */
    TABULATED,
    /** A JSON array of objects (one object for a single record); nulls kept. */
    JSON,
    /** A YAML sequence of mappings (one mapping for a single record); nulls kept. */
    YAML,
    /** Values only, space-separated, one line per record, no header (for scripts); null is empty. */
    VALUE,
    /** Comma-separated values with a header line (RFC 4180 quoting); null is empty. */
    CSV;

    /**
     * Parses a format name case-insensitively; {@code table} (the OpenStack tools' name) means
     * {@link #TABULATED}. Used as the picocli converter.
     */
    public static OutputFormat parse(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.equals("TABLE")) {
            return TABULATED;
        }
        try {
            return valueOf(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + name + "' (use tabulated (or table), json, yaml, value or csv)", e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
