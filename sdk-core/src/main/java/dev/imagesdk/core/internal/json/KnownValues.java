package dev.imagesdk.core.internal.json;

import com.squareup.moshi.JsonReader;

import java.util.List;
import java.util.function.Function;

/**
 * The declared constants of an open enumeration, selectable straight from a JSON string token:
 * a known value ({@code "active"}, {@code "qcow2"}, ...) maps to its constant without becoming a
 * {@code String}; any other value goes through the enumeration's {@code of(String)} as before.
 */
public final class KnownValues<T> {
    private final JsonReader.Options options;
    private final Object[] constants;
    /** The declared values' UTF-8 bytes, for {@link JsonBytes}. */
    private final byte[][] bytes;
    private final Function<String, T> of;

    /**
     * @param known the declared constants ({@code knownValues()})
     * @param value a constant's JSON value
     * @param of the enumeration's {@code of(String)}, for values that are not declared
     */
    public KnownValues(List<T> known, Function<T, String> value, Function<String, T> of) {
        String[] values = new String[known.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(known.get(i));
        }
        this.options = JsonReader.Options.of(values);
        this.constants = known.toArray();
        this.bytes = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = values[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        this.of = of;
    }

    /** The constant when the next token is a string equal to a declared value, else {@code null} (nothing consumed). */
    @SuppressWarnings("unchecked")
    T select(JsonReader reader) throws java.io.IOException {
        int index = reader.selectString(options);
        return index < 0 ? null : (T) constants[index];
    }

    /** The constant whose declared value is the bytes {@code data[from..from+length)}, else {@code null}. */
    @SuppressWarnings("unchecked")
    T select(byte[] data, int from, int length) {
        for (int i = 0; i < bytes.length; i++) {
            byte[] b = bytes[i];
            if (java.util.Arrays.equals(b, 0, b.length, data, from, from + length)) {
                return (T) constants[i];
            }
        }
        return null;
    }

    /** The enumeration's value for any other text ({@code null} for {@code null}). */
    T of(String text) {
        return of.apply(text);
    }
}
