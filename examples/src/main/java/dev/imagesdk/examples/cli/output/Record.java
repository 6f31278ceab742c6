package dev.imagesdk.examples.cli.output;

import dev.imagesdk.core.types.OpenEnum;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One output record: named fields in display order. Values are normalised on the way in to what
 * JSON and YAML can represent and read back unchanged: strings, numbers, booleans, null, lists and
 * maps of those. Instants become ISO-8601 strings, open enumerations their wire value, an empty
 * {@link Optional} null.
 */
public final class Record {
    private final LinkedHashMap<String, Object> fields = new LinkedHashMap<>();

    /** An empty record; add fields with {@link #put(String, Object)}. */
    public static Record of() {
        return new Record();
    }

    /** Adds (or replaces) a field, keeping the order of first insertion. */
    public Record put(String name, Object value) {
        fields.put(name, plain(value));
        return this;
    }

    /** The fields in display order (unmodifiable). */
    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** A field's value, or null. */
    public Object get(String name) {
        return fields.get(name);
    }

    static Object plain(Object value) {
        if (value instanceof Optional<?> o) {
            return plain(o.orElse(null));
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number) {
            return value;
        }
        if (value instanceof Instant i) {
            return DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(ChronoUnit.SECONDS));   // as Glance shows it
        }
        if (value instanceof OpenEnum e) {
            return e.value();
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (value instanceof Map<?, ?> m) {
            LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof Collection<?> c) {
            ArrayList<Object> copy = new ArrayList<>(c.size());
            c.forEach(v -> copy.add(plain(v)));
            return copy;
        }
        return value.toString();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
