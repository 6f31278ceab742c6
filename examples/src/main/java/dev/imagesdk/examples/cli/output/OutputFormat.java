package dev.imagesdk.examples.cli.output;

import java.util.Locale;

/** How listings and single records are printed ({@code -f/--format}). */
public enum OutputFormat {
    /** Aligned columns for people; NULL shown as {@code -}. */
    TABULATED,
    /** A JSON array of objects (one object for a single record); nulls kept. */
    JSON,
    /** A YAML sequence of mappings (one mapping for a single record); nulls kept. */
    YAML;

    /** Parses a format name case-insensitively; used as the picocli converter. */
    public static OutputFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + name + "' (use tabulated, json or yaml)", e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
