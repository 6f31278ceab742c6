package dev.imagesdk.images.metadefs;

import dev.imagesdk.core.internal.json.Timestamps;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tolerant reads from one decoded JSON object (a metadef namespace, object, property, tag or resource
 * type): a value of the wrong type is left out and named in {@link #problems()}, never thrown.
 */
final class Fields {
    private final Map<String, Object> map;
    private final List<String> problems;
    private final String prefix;

    Fields(Map<String, Object> map, List<String> problems, String prefix) {
        this.map = map == null ? Map.of() : map;
        this.problems = problems;
        this.prefix = prefix;
    }

    /** {@code raw} as an object's fields, or empty fields and a problem when it is not an object. */
    @SuppressWarnings("unchecked")
    static Fields of(Object raw, List<String> problems, String what) {
        if (raw instanceof Map) {
            return new Fields((Map<String, Object>) raw, problems, "");
        }
        problems.add("expected " + what + " object, got " + describe(raw));
        return new Fields(Map.of(), problems, "");
    }

    List<String> problems() {
        return problems;
    }

    Map<String, Object> raw() {
        return map;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    private void wrong(String key, String expected) {
        problems.add(prefix + key + ": expected " + expected + ", got " + describe(map.get(key)));
    }

    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        return "a number";
    }

    String string(String key) {
        Object v = map.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        wrong(key, "a string");
        return null;
    }

    Boolean bool(String key) {
        Object v = map.get(key);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        if ("true".equalsIgnoreCase(String.valueOf(v)) || "false".equalsIgnoreCase(String.valueOf(v))) {
            return Boolean.parseBoolean(String.valueOf(v));
        }
        wrong(key, "a boolean");
        return null;
    }

    Number number(String key) {
        Object v = map.get(key);
        if (v == null || v instanceof Number) {
            return (Number) v;
        }
        wrong(key, "a number");
        return null;
    }

    Long integer(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Long) {
            return (Long) v;
        }
        wrong(key, "an integer");
        return null;
    }

    Instant instant(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String && !((String) v).isBlank()) {
            try {
                return Timestamps.parse((String) v);
            } catch (DateTimeParseException e) {
                problems.add(prefix + key + ": unparseable timestamp " + v);
                return null;
            }
        }
        wrong(key, "a timestamp");
        return null;
    }

    List<String> strings(String key) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List)) {
            wrong(key, "an array of strings");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            if (o instanceof String) {
                out.add((String) o);
            } else {
                problems.add(prefix + key + ": an item is " + describe(o) + ", not a string");
            }
        }
        return Collections.unmodifiableList(out);
    }

    List<Object> list(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List)) {
            wrong(key, "an array");
            return null;
        }
        return Collections.unmodifiableList(new ArrayList<>((List<?>) v));
    }

    /** The items of an array of objects (anything else in it is named as a problem). */
    List<Object> objects(String key) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List)) {
            wrong(key, "an array");
            return List.of();
        }
        return new ArrayList<>((List<?>) v);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map)) {
            wrong(key, "an object");
            return null;
        }
        return (Map<String, Object>) v;
    }

    /** A name-to-definition map ({@code "properties": {"name": {...}}}) as property definitions. */
    Map<String, PropertyDefinition> properties(String key) {
        Map<String, Object> raw = object(key);
        if (raw == null) {
            return Map.of();
        }
        Map<String, PropertyDefinition> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            PropertyDefinition d = PropertyDefinition.decode(e.getKey(), e.getValue());
            for (String p : d.decodingProblems()) {
                problems.add(prefix + key + "." + e.getKey() + ": " + p);
            }
            out.put(e.getKey(), d);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Deep, unmodifiable copy of a decoded JSON value. */
    @SuppressWarnings("unchecked")
    static Object frozen(Object v) {
        if (v instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) v).forEach((k, x) -> out.put(k, frozen(x)));
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object x : (List<?>) v) {
                out.add(frozen(x));
            }
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        return v;
    }
}
