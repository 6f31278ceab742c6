package dev.imagesdk.images.metadefs;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.internal.json.JsonValues;
import okio.Buffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The wire encoding of the metadefs API, kept out of the API types: request bodies written from the
 * options' maps, and tolerant readers of Glance's answers. A wrong-typed value, or one nested deeper than
 * {@link JsonValues#MAX_DEPTH} levels, is named in its item's {@code decodingProblems()} and never thrown,
 * and in a list it spoils only its own item; only a body that is not a JSON object, or broken JSON, fails.
 */
final class MetadefJson {
    private MetadefJson() {
    }

    /** A decoder of one item: the decoded JSON value and the problems found while reading it. */
    interface Decoder<T> extends BiFunction<Object, List<String>, T> {
    }

    /** {@code body} as JSON. */
    static String write(Map<String, Object> body) {
        Buffer buffer = new Buffer();
        try (JsonWriter w = JsonWriter.of(buffer)) {
            JsonValues.write(w, body);
        } catch (IOException | IllegalArgumentException e) {
            throw new ValidationException("request body is not JSON: " + e.getMessage());
        }
        return buffer.readUtf8();
    }

    /** Reads the next value, noting in a new problem list when part of it was nested too deep to keep. */
    static <T> T readItem(JsonReader r, Decoder<T> decode) throws IOException {
        boolean[] tooDeep = {false};
        Object raw = JsonValues.read(r, () -> tooDeep[0] = true);
        List<String> problems = new ArrayList<>();
        if (tooDeep[0]) {
            problems.add("a value nested deeper than " + JsonValues.MAX_DEPTH + " levels was left out");
        }
        return decode.apply(raw, problems);
    }

    /** Reads one item (the whole body) through {@code decode}. */
    static <T> ApiResponse.JsonBodyReader<T> item(Decoder<T> decode) {
        return (JsonReader r, ApiResponse resp) -> {
            if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
                throw resp.malformed("the answer is not a JSON object", null, null);
            }
            return readItem(r, decode);
        };
    }

    /** Reads the array under {@code key} of the body, each item on its own through {@code decode}. */
    static <T> ApiResponse.JsonBodyReader<List<T>> list(String key, Decoder<T> decode) {
        return (JsonReader r, ApiResponse resp) -> {
            if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
                throw resp.malformed("the answer is not a JSON object", null, null);
            }
            List<T> out = null;
            r.beginObject();
            while (r.hasNext()) {
                if (r.nextName().equals(key) && r.peek() == JsonReader.Token.BEGIN_ARRAY) {
                    out = new ArrayList<>();
                    r.beginArray();
                    while (r.hasNext()) {
                        out.add(readItem(r, decode));
                    }
                    r.endArray();
                } else {
                    JsonValues.skip(r);
                }
            }
            r.endObject();
            if (out == null) {
                throw resp.malformed("no \"" + key + "\" array in the answer", null, null);
            }
            return List.copyOf(out);
        };
    }

    /** A tolerant item adapter for {@code JsonPages} (listings that page). */
    static <T> JsonAdapter<T> adapter(Decoder<T> decode) {
        return new JsonAdapter<>() {
            @Override
            public T fromJson(JsonReader reader) throws IOException {
                return readItem(reader, decode);
            }

            @Override
            public void toJson(JsonWriter writer, T value) {
                throw new UnsupportedOperationException("read-only");
            }
        };
    }
}
