package dev.imagesdk.core.internal.json;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.imagesdk.core.internal.json.Timestamps;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Field readers that never throw for a wrong type: they consume the value, record a problem and
 * return {@code null}. Only broken JSON syntax (which makes the rest of the document unreadable)
 * raises an {@link IOException}. The one tolerant reader of the SDK's models (images, tasks, members,
 * image links): a wrong-typed value never fails an item, and an item never fails its page.
 */
public final class Lenient {
    private final JsonReader reader;
    /** {@code null} until the first problem. */
    private List<String> problems;

    /** Readers of values of {@code reader}, recording problems instead of failing. */
    public Lenient(JsonReader reader) {
        this.reader = reader;
    }

    /** The problems recorded so far, in order. */
    public List<String> problems() {
        return problems == null ? List.of() : problems;
    }

    /** Records a problem. */
    public void problem(String problem) {
        if (problems == null) {
            problems = new ArrayList<>();
        }
        problems.add(problem);
    }

    private <T> T wrong(String field, String expected) throws IOException {
        JsonReader.Token token = reader.peek();
        Object raw = JsonValues.read(reader);
        problem(field + ": expected " + expected + " but got " + JsonValues.describe(token) + " " + shorten(raw));
        return null;
    }

    private static String shorten(Object raw) {
        String s = String.valueOf(raw);
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    public String string(String field) throws IOException {
        switch (reader.peek()) {
            case STRING:
                return reader.nextString();
            case NULL:
                return reader.nextNull();
            case NUMBER:
            case BOOLEAN:
                return String.valueOf(JsonValues.read(reader));
            default:
                return wrong(field, "a string");
        }
    }

    /**
     * A string token whose text is a declared value of an open enumeration becomes its constant without
     * a {@code String}; anything else is read as {@link #string(String)} and handed to the enumeration.
     */
    public <T> T known(String field, KnownValues<T> values) throws IOException {
        T constant = values.select(reader);
        return constant != null ? constant : values.of(string(field));
    }

    public Long integer(String field) throws IOException {
        switch (reader.peek()) {
            case NULL:
                return reader.nextNull();
            case NUMBER: {
                Long exact = JsonValues.exactLong(reader);
                return exact != null ? exact : integerText(field, JsonReader.Token.NUMBER);
            }
            case STRING:
                return integerText(field, JsonReader.Token.STRING);
            default:
                return wrong(field, "an integer");
        }
    }

    /** The next value, a number or a string {@code token}, read as text and taken as an integer if it is one. */
    private Long integerText(String field, JsonReader.Token token) throws IOException {
        String text = reader.nextString();
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            Number n = JsonValues.number(text.trim());
            if (n instanceof Long) {
                return (Long) n;
            }
            problem(field + ": expected an integer but got " + JsonValues.describe(token) + " " + shorten(text));
            return null;
        }
    }

    public Integer int32(String field) throws IOException {
        if (reader.peek() == JsonReader.Token.NUMBER && JsonValues.streaming(reader)) {
            long v;
            try {
                v = reader.nextLong();
            } catch (JsonDataException notALong) {
                return int32(field, integerText(field, JsonReader.Token.NUMBER));  // the literal is still there
            }
            return int32(field, v);
        }
        return int32(field, integer(field));
    }

    private Integer int32(String field, Long v) {
        return v == null ? null : int32(field, v.longValue());
    }

    private Integer int32(String field, long v) {
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            problem(field + ": " + v + " is out of range");
            return null;
        }
        return (int) v;
    }

    public Boolean bool(String field) throws IOException {
        switch (reader.peek()) {
            case BOOLEAN:
                return reader.nextBoolean();
            case NULL:
                return reader.nextNull();
            case STRING: {
                String s = reader.nextString();
                if ("true".equalsIgnoreCase(s) || "false".equalsIgnoreCase(s)) {
                    return Boolean.parseBoolean(s.toLowerCase(java.util.Locale.ROOT));
                }
                problem(field + ": expected a boolean but got a string " + shorten(s));
                return null;
            }
            default:
                return wrong(field, "a boolean");
        }
    }

    public Instant instant(String field) throws IOException {
        String s = string(field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Timestamps.parse(s);
        } catch (DateTimeParseException e) {
            problem(field + ": unparseable timestamp " + shorten(s));
            return null;
        }
    }

    /**
     * A list of strings; a single string is taken as a comma-separated list (Glance's {@code stores}).
     * The list is unmodifiable (so that {@code Image.Builder} can keep it as it is).
     */
    public List<String> stringList(String field) throws IOException {
        switch (reader.peek()) {
            case NULL:
                return reader.nextNull();
            case STRING:
                return splitCommas(reader.nextString());
            case BEGIN_ARRAY: {
                String first = null;
                String second = null;
                List<String> more = null;
                int count = 0;
                reader.beginArray();
                while (reader.hasNext()) {
                    String item = reader.peek() == JsonReader.Token.STRING ? reader.nextString()
                            : string(field + "[" + count + "]");
                    if (item == null) {
                        continue;
                    }
                    if (count == 0) {
                        first = item;
                    } else if (count == 1) {
                        second = item;
                    } else {
                        if (more == null) {
                            more = new ArrayList<>();
                            more.add(first);
                            more.add(second);
                        }
                        more.add(item);
                    }
                    count++;
                }
                reader.endArray();
                return count == 0 ? List.of() : count == 1 ? List.of(first) : count == 2 ? List.of(first, second)
                        : List.copyOf(more);
            }
            default:
                return wrong(field, "a list of strings");
        }
    }

    /** The non-blank, trimmed parts of a comma-separated string. */
    static List<String> splitCommas(String s) {
        int comma = s.indexOf(',');
        if (comma < 0) {
            return s.isBlank() ? List.of() : List.of(s.trim());
        }
        List<String> out = new ArrayList<>();
        int from = 0;
        while (from <= s.length()) {
            int end = comma < 0 ? s.length() : comma;
            String part = s.substring(from, end);
            if (!part.isBlank()) {
                out.add(part.trim());
            }
            from = end + 1;
            comma = from <= s.length() ? s.indexOf(',', from) : -1;
        }
        return List.copyOf(out);
    }

    /** An object as a map; anything else is a problem. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String field) throws IOException {
        switch (reader.peek()) {
            case NULL:
                return reader.nextNull();
            case BEGIN_OBJECT: {
                Object value = any(field);
                return value == LEFT_OUT ? null : (Map<String, Object>) value;
            }
            default:
                return wrong(field, "an object");
        }
    }

    /**
     * Any value, keeping its JSON type. A value with parts nested deeper than
     * {@link JsonValues#MAX_DEPTH} levels is skipped whole, recorded as a problem and returned as
     * {@link #LEFT_OUT} (so that the caller leaves the attribute out rather than keep a mangled value).
     */
    public Object any(String field) throws IOException {
        boolean[] tooDeep = {false};
        Object value = JsonValues.read(reader, () -> tooDeep[0] = true);
        if (tooDeep[0]) {
            problem(field + ": nested deeper than " + JsonValues.MAX_DEPTH + " levels; left out");
            return LEFT_OUT;
        }
        return value;
    }

    /** Skips the next value, however deeply nested (an unknown attribute). */
    public void skip() throws IOException {
        JsonValues.skip(reader);
    }

    /** What {@link #any(String)} returns for a value it left out. */
    public static final Object LEFT_OUT = new Object() {
        @Override
        public String toString() {
            return "(left out)";
        }
    };
}
