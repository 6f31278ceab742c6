package dev.imagesdk.core.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.imagesdk.core.error.ValidationException;
import okio.Buffer;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain Java trees ({@code Map<String, Object>} in document order, {@code List},
 * {@code String}, {@code Long} for integral numbers that fit, {@code Double} otherwise,
 * {@code Boolean}, {@code null}), for the escape hatch.
 */
public final class JsonTrees {
    private static final int MAX_DEPTH = 200;

    private JsonTrees() {
    }

    /**
     * The JSON text of {@code tree}.
     *
     * @throws ValidationException when the tree holds something other than maps with string keys,
     *         lists, strings, numbers, booleans and {@code null}, or is nested too deeply
     */
    public static String write(Object tree) {
        Buffer buffer = new Buffer();
        try (JsonWriter w = JsonWriter.of(buffer)) {
            w.setSerializeNulls(true);
            write(w, tree, 0);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return buffer.readUtf8();
    }

    private static void write(JsonWriter w, Object value, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new ValidationException("JSON tree nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value == null) {
            w.nullValue();
        } else if (value instanceof String) {
            w.value((String) value);
        } else if (value instanceof Boolean) {
            w.value((Boolean) value);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            w.value(new BigDecimal(value.toString()));
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new ValidationException("JSON has no " + d);
            }
            w.value(d);
        } else if (value instanceof BigDecimal) {
            w.value((BigDecimal) value);
        } else if (value instanceof Map) {
            w.beginObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    throw new ValidationException("JSON object keys must be strings, found " + e.getKey());
                }
                w.name((String) e.getKey());
                write(w, e.getValue(), depth + 1);
            }
            w.endObject();
        } else if (value instanceof List) {
            w.beginArray();
            for (Object item : (List<?>) value) {
                write(w, item, depth + 1);
            }
            w.endArray();
        } else {
            throw new ValidationException("a JSON tree holds maps, lists, strings, numbers, booleans and null, not "
                    + value.getClass().getName());
        }
    }

    /** Reads one JSON value from {@code reader} as a tree. */
    public static Object read(JsonReader reader) throws IOException {
        return read(reader, 0);
    }

    private static Object read(JsonReader reader, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (reader.peek()) {
            case BEGIN_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    map.put(name, read(reader, depth + 1));
                }
                reader.endObject();
                return map;
            }
            case BEGIN_ARRAY: {
                List<Object> list = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    list.add(read(reader, depth + 1));
                }
                reader.endArray();
                return list;
            }
            case STRING:
                return reader.nextString();
            case NUMBER: {
                String text = reader.nextString();
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException notALong) {
                    return Double.parseDouble(text);
                }
            }
            case BOOLEAN:
                return reader.nextBoolean();
            case NULL:
                return reader.nextNull();
            default:
                throw new IOException("unexpected " + reader.peek() + " at " + reader.getPath());
        }
    }
}
