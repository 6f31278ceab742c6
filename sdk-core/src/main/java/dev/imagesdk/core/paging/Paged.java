package dev.imagesdk.core.paging;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy listing of the image service ({@code GET /v2/images}, {@code /v2/tasks}, ...). Nothing is
 * requested until iteration starts; then one page is held at a time, so any number of items can be
 * walked in constant memory. Each call to {@link #iterator()}, {@link #stream()} or {@link #pages()}
 * starts again from the first page.
 *
 * <p>Every page is requested with the listing's original query (all its filters and sort keys, a
 * repeated key such as two {@code tag} filters included) plus the {@code marker} of the server's
 * {@code next} link. Glance builds that link keeping only the last value of a repeated key, so the
 * link itself is never followed as sent: only its marker is taken from it. Each page is read within
 * the client's retry policy, like any other idempotent request.
 *
 * <p>Iteration stops on a page without a {@code next} link or without items. A {@code next} link
 * whose marker was already used (a server looping), that has no marker, or that points to another
 * origin (credentials would go there) raises {@link dev.imagesdk.core.error.PaginationException}.
 *
 * @param <T> item type
 */
public interface Paged<T> extends Iterable<T> {
    /** The items as a sequential, lazy stream; pages are fetched as the stream is consumed. */
    default Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The first page only (one request). */
    Page<T> firstPage();

    /** The pages themselves, fetched lazily: page-level access to items, links and request ids. */
    Iterable<Page<T>> pages();
}
