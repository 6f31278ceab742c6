package dev.imagesdk.core.internal.json;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Strict readers of single JSON values for hand-written adapters: each accepts {@code null} and its
 * own type only, and names the JSON path in the {@link JsonDataException} it throws otherwise.
 */
public final class JsonFields {
    private JsonFields() {
    }

    /** A string or {@code null}. */
    public static String string(JsonReader reader) throws IOException {
        JsonReader.Token t = reader.peek();
        if (t == JsonReader.Token.NULL) {
            return reader.nextNull();
        }
        if (t != JsonReader.Token.STRING) {
            throw new JsonDataException("expected a string but got " + t + " at " + reader.getPath());
        }
        return reader.nextString();
    }

    /** An integer or {@code null}. */
    public static Integer integer(JsonReader reader) throws IOException {
        JsonReader.Token t = reader.peek();
        if (t == JsonReader.Token.NULL) {
            return reader.nextNull();
        }
        if (t != JsonReader.Token.NUMBER) {
            throw new JsonDataException("expected an integer but got " + t + " at " + reader.getPath());
        }
        return reader.nextInt();
    }

    /** A timestamp in any shape {@link Timestamps#parse(String)} reads, or {@code null}. */
    public static Instant instant(JsonReader reader) throws IOException {
        String path = reader.getPath();
        String text = string(reader);
        if (text == null) {
            return null;
        }
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw new JsonDataException("unreadable timestamp \"" + text + "\" at " + path, e);
        }
    }
}
