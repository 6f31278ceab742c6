package dev.imagesdk.images.model;

import java.util.Locale;

/** Sort direction of a listing. */
public enum SortDirection {
    /** Ascending. */
    ASC,
    /** Descending (Glance's default). */
    DESC;

    /** As Glance spells it: {@code asc} / {@code desc}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
