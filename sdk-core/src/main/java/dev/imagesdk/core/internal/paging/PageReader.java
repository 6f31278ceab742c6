package dev.imagesdk.core.internal.paging;

import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.paging.Page;

import com.squareup.moshi.JsonReader;

import java.io.IOException;

/**
 * Turns one listing document into a {@link Page}. It reads the JSON body inside the transport's
 * retry loop, so a page whose body breaks off is fetched again like any failed GET. A reader may also override
 * {@link #readBuffered(okio.Buffer, ApiResponse)} to read the buffered body byte by byte (the images listing does).
 *
 * @param <T> item type
 */
@FunctionalInterface
public interface PageReader<T> extends ApiResponse.JsonBodyReader<Page<T>> {
    /**
     * @param reader positioned before the document's first token
     * @param response the response being read (headers, request id)
     */
    @Override
    Page<T> read(JsonReader reader, ApiResponse response) throws IOException;
}
