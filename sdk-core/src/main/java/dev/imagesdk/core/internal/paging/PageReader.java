package dev.imagesdk.core.internal.paging;

import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.paging.Page;

import com.squareup.moshi.JsonReader;

import java.io.IOException;

/**
 * Turns one listing document into a {@link Page}. It reads the JSON body inside the transport's
 * retry loop, so a page whose body breaks off is fetched again like any failed GET.
 *
 * @param <T> item type
 */
@FunctionalInterface
public interface PageReader<T> {
    /**
     * @param reader positioned before the document's first token
     * @param response the response being read (headers, request id)
     */
    Page<T> read(JsonReader reader, ApiResponse response) throws IOException;
}
