package dev.imagesdk.core.internal.paging;

import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.internal.json.JsonValues;
import dev.imagesdk.core.paging.Page;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the collection documents of the Image API: {@code {"images": [...], "next": "/v2/images?marker=..."}}
 * (likewise {@code members}, {@code tasks}, {@code image_links}). Streams through the document: other keys
 * are skipped, however deeply nested.
 *
 * <p>Per-item tolerance, the one mechanism for every listing: the item adapter must be a tolerant one
 * (built on {@link dev.imagesdk.core.internal.json.Lenient}) that never throws for a wrong-typed value, a
 * value nested too deep or an item that is not an object, but returns the item with the problem in its
 * {@link dev.imagesdk.core.types.Decoded#decodingProblems()}. So one malformed item is flagged and the
 * others on the page are read. Only broken JSON syntax (after which nothing on the page can be trusted)
 * fails the page.
 */
public final class JsonPages {
    private JsonPages() {
    }

    /**
     * A reader of pages whose items sit in the array under {@code collectionKey}.
     *
     * @param collectionKey the array's key, for example {@code images}
     * @param itemAdapter decodes one item tolerantly (never {@code null}, never a {@code JsonDataException})
     */
    public static <T> PageReader<T> reader(String collectionKey, JsonAdapter<T> itemAdapter) {
        return (JsonReader reader, ApiResponse r) -> {
            List<T> items = null;
            String next = null;
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                if (name.equals(collectionKey) && reader.peek() == JsonReader.Token.BEGIN_ARRAY) {
                    items = new ArrayList<>();
                    reader.beginArray();
                    while (reader.hasNext()) {
                        T item = itemAdapter.fromJson(reader);
                        if (item != null) {
                            items.add(item);
                        }
                    }
                    reader.endArray();
                } else if (name.equals("next") && reader.peek() == JsonReader.Token.STRING) {
                    next = reader.nextString();
                } else {
                    JsonValues.skip(reader);
                }
            }
            reader.endObject();
            if (items == null) {
                throw new com.squareup.moshi.JsonDataException("no \"" + collectionKey + "\" array in the listing");
            }
            return new Page<>(items, next, r.requestId().orElse(null));
        };
    }
}
