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
 * <p><b>What a listing guarantees, and what not.</b> Glance pages with a marker (the id of the last item of
 * the previous page), not with a snapshot, and the SDK passes on what the server sends:
 * <ul>
 * <li><em>Order</em>: the server's, page after page (Glance's default: newest {@code created_at} first, ties
 * broken by id); a page is never reordered.</li>
 * <li><em>Duplicates</em>: passed on unchanged. A server that returns the same id on two pages (a bug seen
 * under concurrent writes) makes the item appear twice, each time as that page had it. {@link #distinct()}
 * drops the repeats.</li>
 * <li><em>Items created during the iteration</em> appear only if they sort after the marker of the page being
 * asked for; with the default order (newest first) a new item sorts before everything already listed and is
 * not seen.</li>
 * <li><em>Items deleted during the iteration</em> are missing from every page asked for after the delete. If
 * the item deleted is the last one of the page just read (the next page's marker), Glance 25 answers the
 * next page with 400 "No image found with ID …" ({@link dev.imagesdk.core.error.BadRequestException}): the
 * listing cannot continue and has to be started again.</li>
 * <li><em>Items changed during the iteration</em> are listed as they were when their page was read; a change
 * to a sort key can move an item across the marker, so that it is listed twice or not at all.</li>
 * </ul>
 * A malformed item does not fail its page: it is returned flagged (see
 * {@link dev.imagesdk.core.types.Decoded}).
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

    /**
     * This listing without repeats: each iteration (of {@link #iterator()}, {@link #stream()} or
     * {@link #pages()}) passes an id at most once, keeping the first occurrence; pages keep their links and
     * request ids but lose the repeated items (so a page may come out empty while the listing goes on). An item
     * the server sent without an id (flagged as malformed) is always passed. Opt-in because it costs memory:
     * every id seen during the iteration is remembered until it ends, about 120 bytes per id (measured for
     * UUID ids on a 64-bit JVM with compressed pointers: 121 MB for a million), instead of the constant memory
     * of a plain listing. Nothing changes on the wire.
     *
     * @return a view of this listing; this listing itself is unchanged
     */
    Paged<T> distinct();
}
