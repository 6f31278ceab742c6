package dev.imagesdk.core.internal.json;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import okio.BufferedSource;
import okio.Okio;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes untyped JSON values keeping their type: strings, numbers ({@code Long} when
 * integral and in range, else {@code Double}), booleans, {@code null}, lists and maps.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /**
     * How many levels of arrays and objects {@link #read(JsonReader)} descends below where it starts.
     * Anything deeper is skipped without recursion and left out: the JSON reader itself gives up at 255
     * levels, and one pathological value must not spoil the rest of the document.
     */
    public static final int MAX_DEPTH = 64;

    /** Reads the next value, whatever its type; parts nested deeper than {@link #MAX_DEPTH} become {@code null}. */
    public static Object read(JsonReader reader) throws IOException {
        return read(reader, () -> { });
    }

    /**
     * Reads the next value, whatever its type. A part nested deeper than {@link #MAX_DEPTH} levels is
     * skipped (see {@link #skip(JsonReader)}), becomes {@code null}, and {@code tooDeep} is run.
     */
    public static Object read(JsonReader reader, Runnable tooDeep) throws IOException {
        return read(reader, 0, tooDeep);
    }

    private static Object read(JsonReader reader, int depth, Runnable tooDeep) throws IOException {
        switch (reader.peek()) {
            case STRING:
                return reader.nextString();
            case NUMBER: {
                Long exact = exactLong(reader);
                return exact != null ? exact : number(reader.nextString());
            }
            case BOOLEAN:
                return reader.nextBoolean();
            case NULL:
                return reader.nextNull();
            case BEGIN_ARRAY: {
                if (depth >= MAX_DEPTH) {
                    skip(reader);
                    tooDeep.run();
                    return null;
                }
                List<Object> list = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    list.add(read(reader, depth + 1, tooDeep));
                }
                reader.endArray();
                return list;
            }
            case BEGIN_OBJECT: {
                if (depth >= MAX_DEPTH) {
                    skip(reader);
                    tooDeep.run();
                    return null;
                }
                Map<String, Object> map = new LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    map.put(reader.nextName(), read(reader, depth + 1, tooDeep));
                }
                reader.endObject();
                return map;
            }
            default:
                reader.skipValue();
                return null;
        }
    }

    /**
     * Skips the next value however deeply it is nested. Moshi's {@code skipValue()} counts every level
     * against its limit of 255 and fails beyond; an array or object is therefore drained as raw bytes
     * ({@code nextSource()}, which tracks nesting with a counter), so a 5,000-level value is skipped
     * like any other. Only broken syntax raises an {@link IOException}.
     */
    public static void skip(JsonReader reader) throws IOException {
        JsonReader.Token token = reader.peek();
        if ((token == JsonReader.Token.BEGIN_ARRAY || token == JsonReader.Token.BEGIN_OBJECT) && streaming(reader)) {
            try (BufferedSource value = reader.nextSource()) {
                value.readAll(Okio.blackhole());
            }
        } else {
            reader.skipValue();
        }
    }

    /**
     * The next token, a number, as a {@code Long} read without going through a {@code String}, when
     * {@code reader} is the streaming reader and the literal is an integer in range; else {@code null},
     * with the literal left for {@code nextString()}. For the number literals it returns, the result is
     * the one {@link #number(String)} gives. (The object-tree reader of {@code fromJsonValue} would
     * truncate a {@code Double} in {@code nextLong()}: it is left to the text path.)
     */
    public static Long exactLong(JsonReader reader) throws IOException {
        if (!streaming(reader)) {
            return null;
        }
        try {
            return reader.nextLong();
        } catch (JsonDataException notALong) {
            return null;  // a fraction, an exponent or out of range: the literal is still there to read
        }
    }

    /** {@code true} for Moshi's streaming reader ({@code JsonReader.of(source)}), not the object-tree reader. */
    public static boolean streaming(JsonReader reader) {
        return reader.getClass() == STREAMING_READER;
    }

    private static final Class<?> STREAMING_READER = JsonReader.of(new okio.Buffer()).getClass();

    /** A JSON number literal as {@code Long} when integral and in range, else {@code Double}. */
    public static Number number(String literal) {
        try {
            return Long.parseLong(literal);
        } catch (NumberFormatException notLong) {
            try {
                BigDecimal d = new BigDecimal(literal);
                if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
                    try {
                        return d.longValueExact();
                    } catch (ArithmeticException tooBig) {
                        return d.doubleValue();
                    }
                }
                return d.doubleValue();
            } catch (NumberFormatException notNumber) {
                return Double.NaN;
            }
        }
    }

    /** Writes a value produced by {@link #read(JsonReader)} (or any String/Number/Boolean/List/Map). */
    public static void write(JsonWriter writer, Object value) throws IOException {
        if (value == null) {
            writer.nullValue();
        } else if (value instanceof String) {
            writer.value((String) value);
        } else if (value instanceof Boolean) {
            writer.value((Boolean) value);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            writer.value(((Number) value).longValue());
        } else if (value instanceof Number) {
            writer.value((Number) value);
        } else if (value instanceof List) {
            writer.beginArray();
            for (Object o : (List<?>) value) {
                write(writer, o);
            }
            writer.endArray();
        } else if (value instanceof Map) {
            writer.beginObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                writer.name(String.valueOf(e.getKey()));
                write(writer, e.getValue());
            }
            writer.endObject();
        } else {
            writer.value(String.valueOf(value));
        }
    }

    /** A short description of the next token's type for problem reports. */
    public static String describe(JsonReader.Token token) {
        switch (token) {
            case BEGIN_ARRAY:
                return "an array";
            case BEGIN_OBJECT:
                return "an object";
            case STRING:
                return "a string";
            case NUMBER:
                return "a number";
            case BOOLEAN:
                return "a boolean";
            case NULL:
                return "null";
            default:
                return token.name();
        }
    }
}
