package dev.imagesdk.images.json;

import com.squareup.moshi.JsonReader;
import dev.imagesdk.core.json.Timestamps;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Field readers that never throw for a wrong type: they consume the value, record a problem and
 * return {@code null}. Only broken JSON syntax (which makes the rest of the document unreadable)
 * raises an {@link IOException}.
 */
final class Lenient {
    private final JsonReader reader;
    private final List<String> problems;

    Lenient(JsonReader reader, List<String> problems) {
        this.reader = reader;
        this.problems = problems;
    }

    private <T> T wrong(String field, String expected) throws IOException {
        JsonReader.Token token = reader.peek();
        Object raw = JsonValues.read(reader);
        problems.add(field + ": expected " + expected + " but got " + JsonValues.describe(token) + " " + shorten(raw));
        return null;
    }

    private static String shorten(Object raw) {
        String s = String.valueOf(raw);
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    String string(String field) throws IOException {
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

    Long integer(String field) throws IOException {
        switch (reader.peek()) {
            case NULL:
                return reader.nextNull();
            case NUMBER:
            case STRING: {
                JsonReader.Token token = reader.peek();
                String text = reader.nextString();
                try {
                    return Long.parseLong(text.trim());
                } catch (NumberFormatException e) {
                    Number n = JsonValues.number(text.trim());
                    if (n instanceof Long) {
                        return (Long) n;
                    }
                    problems.add(field + ": expected an integer but got " + JsonValues.describe(token) + " " + shorten(text));
                    return null;
                }
            }
            default:
                return wrong(field, "an integer");
        }
    }

    Integer int32(String field) throws IOException {
        Long v = integer(field);
        if (v == null) {
            return null;
        }
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            problems.add(field + ": " + v + " is out of range");
            return null;
        }
        return v.intValue();
    }

    Boolean bool(String field) throws IOException {
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
                problems.add(field + ": expected a boolean but got a string " + shorten(s));
                return null;
            }
            default:
                return wrong(field, "a boolean");
        }
    }

    Instant instant(String field) throws IOException {
        String s = string(field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Timestamps.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(field + ": unparseable timestamp " + shorten(s));
            return null;
        }
    }

    /** A list of strings; a single string is taken as a comma-separated list (Glance's {@code stores}). */
    List<String> stringList(String field) throws IOException {
        switch (reader.peek()) {
            case NULL:
                return reader.nextNull();
            case STRING: {
                String s = reader.nextString();
                List<String> out = new ArrayList<>();
                for (String part : s.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
                return out;
            }
            case BEGIN_ARRAY: {
                List<String> out = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    String item = string(field + "[" + out.size() + "]");
                    if (item != null) {
                        out.add(item);
                    }
                }
                reader.endArray();
                return out;
            }
            default:
                return wrong(field, "a list of strings");
        }
    }

    /** An object as a map; anything else is a problem. */
    @SuppressWarnings("unchecked")
    Map<String, Object> object(String field) throws IOException {
        switch (reader.peek()) {
            case NULL:
                return reader.nextNull();
            case BEGIN_OBJECT:
                return (Map<String, Object>) JsonValues.read(reader);
            default:
                return wrong(field, "an object");
        }
    }

    Object any() throws IOException {
        return JsonValues.read(reader);
    }
}
