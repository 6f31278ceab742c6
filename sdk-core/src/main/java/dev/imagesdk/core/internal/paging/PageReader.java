package dev.imagesdk.core.internal.paging;

import dev.imagesdk.core.paging.Page;

import dev.imagesdk.core.internal.http.ApiResponse;

/**
 * Turns one listing response into a {@link Page}.
 *
 * @param <T> item type
 */
@FunctionalInterface
public interface PageReader<T> {
    /** Reads the whole response (and closes it). */
    Page<T> read(ApiResponse response);
}
