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
import java.util.function.Function;

/**
 * The wire encoding of the metadefs API, kept out of the API types: request bodies written from the
 * options' maps, and tolerant readers of Glance's answers (a wrong-typed value is named in the item's
 * {@code decodingProblems()}, never thrown; only a body that is not a JSON object fails).
 */
final class MetadefJson {
    private MetadefJson() {
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

    /** Reads one item (the whole body) through {@code decode}. */
    static <T> ApiResponse.JsonBodyReader<T> item(Function<Object, T> decode) {
        return (JsonReader r, ApiResponse resp) -> {
            Object doc = JsonValues.read(r);
            if (!(doc instanceof Map)) {
                throw resp.malformed("the answer is not a JSON object", null, null);
            }
            return decode.apply(doc);
        };
    }

    /** Reads the array under {@code key} of the body, each item through {@code decode}. */
    static <T> ApiResponse.JsonBodyReader<List<T>> list(String key, Function<Object, T> decode) {
        return (JsonReader r, ApiResponse resp) -> {
            Object doc = JsonValues.read(r);
            if (!(doc instanceof Map) || !(((Map<?, ?>) doc).get(key) instanceof List)) {
                throw resp.malformed("no \"" + key + "\" array in the answer", null, null);
            }
            List<T> out = new ArrayList<>();
            for (Object o : (List<?>) ((Map<?, ?>) doc).get(key)) {
                out.add(decode.apply(o));
            }
            return List.copyOf(out);
        };
    }

    /** A tolerant item adapter for {@code JsonPages} (listings that page). */
    static <T> JsonAdapter<T> adapter(Function<Object, T> decode) {
        return new JsonAdapter<>() {
            @Override
            public T fromJson(JsonReader reader) throws IOException {
                return decode.apply(JsonValues.read(reader));
            }

            @Override
            public void toJson(JsonWriter writer, T value) {
                throw new UnsupportedOperationException("read-only");
            }
        };
    }
}
