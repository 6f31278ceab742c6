package dev.imagesdk.core.paging;

import dev.imagesdk.core.internal.paging.PageReader;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.PaginationException;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.Redaction;
import okhttp3.HttpUrl;

import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy listing that follows the server's {@code next} links. Nothing is requested until iteration
 * starts; then one page is held at a time, so any number of items can be walked in constant memory.
 * Each call to {@link #iterator()}, {@link #stream()} or {@link #pages()} starts again from the
 * first page.
 *
 * <p>Iteration stops on a page without a {@code next} link or without items. A {@code next} link
 * that was already followed (a server looping) or that points to another host (credentials would go
 * there) raises {@link PaginationException}.
 *
 * @param <T> item type
 */
public final class Paged<T> implements Iterable<T> {
    private final ServiceClient client;
    private final ApiRequest firstRequest;
    private final PageReader<T> reader;

    private Paged(ServiceClient client, ApiRequest firstRequest, PageReader<T> reader) {
        this.client = client;
        this.firstRequest = firstRequest;
        this.reader = reader;
    }

    /**
     * A listing that starts with {@code firstRequest} and reads each page with {@code reader}.
     *
     * @param client sends the requests
     * @param firstRequest the first page's GET
     * @param reader decodes a page
     */
    public static <T> Paged<T> of(ServiceClient client, ApiRequest firstRequest, PageReader<T> reader) {
        return new Paged<>(client, firstRequest, reader);
    }

    /** Items across all pages, fetched page by page as the iterator advances. */
    @Override
    public Iterator<T> iterator() {
        Iterator<Page<T>> pages = pages().iterator();
        return new Iterator<>() {
            private Iterator<T> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!pages.hasNext()) {
                        return false;
                    }
                    current = pages.next().items().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** The items as a sequential, lazy stream. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The first page only (one request). */
    public Page<T> firstPage() {
        return reader.read(client.execute(firstRequest));
    }

    /** The pages themselves, fetched lazily: page-level access to items, links and request ids. */
    public Iterable<Page<T>> pages() {
        return () -> new Iterator<>() {
            private final Set<String> visited = new HashSet<>();
            private Page<T> pending;
            private ApiRequest nextRequest = firstRequest;

            @Override
            public boolean hasNext() {
                if (pending != null) {
                    return true;
                }
                if (nextRequest == null) {
                    return false;
                }
                Page<T> page = reader.read(client.execute(nextRequest));
                nextRequest = null;
                if (!page.items().isEmpty() && page.nextLink().isPresent()) {
                    String requestId = page.requestId().orElse(null);
                    HttpUrl nextUrl = client.resolveLink(page.nextLink().get(), requestId);
                    if (!visited.add(nextUrl.toString())) {
                        throw new PaginationException("the server sent a next link that was already followed; "
                                + "stopping instead of looping", Redaction.url(nextUrl), requestId);
                    }
                    nextRequest = ApiRequest.toUrl("GET", nextUrl).build();
                }
                pending = page;
                return true;
            }

            @Override
            public Page<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Page<T> page = pending;
                pending = null;
                return page;
            }
        };
    }
}
