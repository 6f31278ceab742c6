package dev.imagesdk.testing.internal.emulator.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;

import java.io.IOException;

/** JSON in and out of the emulator: plain maps, lists, strings, numbers, booleans and nulls (Moshi). */
public final class Json {
    private static final JsonAdapter<Object> ADAPTER = new Moshi.Builder().build().adapter(Object.class);
    private static final JsonAdapter<Object> WRITER = ADAPTER.serializeNulls();

    private Json() {
    }

    /** Parses a document; malformed input answers 400 "Malformed JSON in request body." as Glance does. */
    public static Object parse(String text) {
        try {
            return ADAPTER.fromJson(text);
        } catch (IOException | RuntimeException e) {
            throw GlanceError.badRequest("Malformed JSON in request body.");
        }
    }

    /** Serializes with nulls kept (Glance writes {@code "size": null}). */
    public static String write(Object value) {
        return WRITER.toJson(value);
    }

    /** {@code true} when the parsed value is a JSON integer (Moshi reads every number as a double). */
    public static boolean isInteger(Object v) {
        return v instanceof Number && ((Number) v).doubleValue() == Math.rint(((Number) v).doubleValue())
                && !Double.isInfinite(((Number) v).doubleValue());
    }

    /** Python's repr of a parsed JSON value (dicts and lists too), for Glance's error messages. */
    public static String repr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof String) {
            String s = ((String) v).replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
                    .replace("\t", "\\t");
            if (s.contains("'") && !s.contains("\"")) {
                return "\"" + s + "\"";
            }
            return "'" + s.replace("'", "\\'") + "'";
        }
        if (v instanceof java.util.Map) {
            java.util.List<String> entries = new java.util.ArrayList<>();
            ((java.util.Map<?, ?>) v).forEach((k, x) -> entries.add(repr(k) + ": " + repr(x)));
            return "{" + String.join(", ", entries) + "}";
        }
        if (v instanceof java.util.List) {
            java.util.List<String> items = new java.util.ArrayList<>();
            ((java.util.List<?>) v).forEach(x -> items.add(repr(x)));
            return "[" + String.join(", ", items) + "]";
        }
        if (v instanceof Boolean) {
            return ((Boolean) v) ? "True" : "False";
        }
        if (isInteger(v)) {
            return Long.toString(((Number) v).longValue());
        }
        return String.valueOf(v);
    }
}
