package dev.imagesdk.core.internal.paging;

import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.paging.Page;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the collection documents of the Image API: {@code {"images": [...], "next": "/v2/images?marker=..."}}
 * (likewise {@code members}, {@code tasks}, ...). Streams through the document: other keys are skipped.
 */
public final class JsonPages {
    private JsonPages() {
    }

    /**
     * A reader of pages whose items sit in the array under {@code collectionKey}.
     *
     * @param collectionKey the array's key, for example {@code images}
     * @param itemAdapter decodes one item
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
                    reader.skipValue();
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
