package dev.imagesdk.core.internal.paging;

import dev.imagesdk.core.internal.http.Calls;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.PaginationException;
import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.Redaction;
import dev.imagesdk.core.paging.Page;
import dev.imagesdk.core.paging.Paged;
import okhttp3.HttpUrl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/**
 * The one implementation of {@link Paged}: the only place that walks listings.
 *
 * <p>Glance builds its {@code next} link from a dict of the request's query, so a repeated key
 * ({@code tag=a&tag=b}, several {@code sort_key}/{@code sort_dir}) comes back with its last value
 * only. Each following page is therefore requested as the original request with its {@code marker}
 * replaced by the one of the {@code next} link; nothing else is taken from the link. The link is
 * still joined to the service and checked to point at its origin (it may carry credentials' target).
 */
public final class PagedListing<T> implements Paged<T> {
    static final String MARKER = "marker";

    private final ServiceClient client;
    private final ApiRequest firstRequest;
    private final PageReader<T> reader;
    /** An item's id, for {@link #distinct()}. */
    private final Function<? super T, ?> idOf;
    /** {@code true} for the view of {@link #distinct()}. */
    private final boolean distinct;

    private PagedListing(ServiceClient client, ApiRequest firstRequest, PageReader<T> reader, Function<? super T, ?> idOf,
            boolean distinct) {
        this.client = Arguments.notNull(client, "client");
        this.firstRequest = Arguments.notNull(firstRequest, "firstRequest");
        this.reader = Arguments.notNull(reader, "reader");
        this.idOf = Arguments.notNull(idOf, "idOf");
        this.distinct = distinct;
    }

    /**
     * A listing that starts with {@code firstRequest} (a GET) and reads each page with {@code reader}.
     *
     * @param client sends the requests (with its retry policy, auth and error mapping)
     * @param firstRequest the first page's GET; every later page repeats its query with a new marker
     * @param reader decodes a page
     */
    public static <T> Paged<T> of(ServiceClient client, ApiRequest firstRequest, PageReader<T> reader) {
        return new PagedListing<>(client, firstRequest, reader, item -> item, false);
    }

    /**
     * A listing whose items have ids: {@link #distinct()} recognises repeats by {@code idOf} (an item whose id
     * is {@code null} is never a repeat). Without ids, repeats are recognised by {@code equals}.
     *
     * @param idOf an item's id, for example {@code Image::id}
     */
    public static <T> Paged<T> of(ServiceClient client, ApiRequest firstRequest, PageReader<T> reader,
            Function<? super T, ?> idOf) {
        return new PagedListing<>(client, firstRequest, reader, idOf, false);
    }

    @Override
    public Paged<T> distinct() {
        return distinct ? this : new PagedListing<>(client, firstRequest, reader, idOf, true);
    }

    /** Per iteration: the ids seen so far, and the page without the items whose id was seen before. */
    private final class Repeats {
        private final Set<Object> seen = new HashSet<>();

        Page<T> filter(Page<T> page) {
            List<T> kept = new ArrayList<>(page.items().size());
            for (T item : page.items()) {
                Object id = idOf.apply(item);
                if (id == null || seen.add(id)) {
                    kept.add(item);
                }
            }
            return kept.size() == page.items().size() ? page
                    : new Page<>(kept, page.nextLink().orElse(null), page.requestId().orElse(null));
        }
    }

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

    @Override
    public Page<T> firstPage() {
        Page<T> page = fetch(firstRequest);
        return distinct ? new Repeats().filter(page) : page;
    }

    @Override
    public Iterable<Page<T>> pages() {
        return () -> new Iterator<>() {
            private final Set<String> usedMarkers = new HashSet<>(markersOf(firstRequest));
            private final Repeats repeats = distinct ? new Repeats() : null;
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
                Page<T> page = fetch(nextRequest);
                nextRequest = null;
                if (!page.items().isEmpty() && page.nextLink().isPresent()) {
                    nextRequest = continuation(page);
                }
                pending = repeats == null ? page : repeats.filter(page);
                return true;
            }

            private ApiRequest continuation(Page<T> page) {
                String requestId = page.requestId().orElse(null);
                HttpUrl link = Calls.of(client).resolveLink(page.nextLink().get(), requestId);
                List<String> markers = link.queryParameterValues(MARKER);
                String marker = markers.isEmpty() ? null : markers.get(markers.size() - 1);
                if (marker == null || marker.isEmpty()) {
                    throw new PaginationException("the server sent a next link without a marker; cannot continue "
                            + "the listing", Redaction.url(link), requestId);
                }
                if (!usedMarkers.add(marker)) {
                    throw new PaginationException("the server sent a next link whose marker was already followed; "
                            + "stopping instead of looping", Redaction.url(link), requestId);
                }
                return withMarker(firstRequest, marker);
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

    /** One page, read inside the transport's retry loop. */
    private Page<T> fetch(ApiRequest request) {
        return Calls.of(client).executeJson(request, reader);
    }

    private static Set<String> markersOf(ApiRequest request) {
        Set<String> out = new HashSet<>();
        for (Map.Entry<String, String> q : request.query()) {
            if (q.getKey().equals(MARKER)) {
                out.add(q.getValue());
            }
        }
        return out;
    }

    /** {@code request} with every {@code marker} parameter dropped and {@code marker} appended; the rest in order. */
    static ApiRequest withMarker(ApiRequest request, String marker) {
        String[] segments = request.segments().toArray(new String[0]);
        ApiRequest.Builder b;
        switch (request.base()) {
            case ABSOLUTE:
                b = ApiRequest.toUrl(request.method(), request.absoluteUrl().newBuilder().removeAllQueryParameters(MARKER).build());
                break;
            case ROOT:
                b = ApiRequest.atRoot(request.method(), segments);
                break;
            default:
                b = ApiRequest.get(segments).method(request.method());
        }
        for (Map.Entry<String, String> q : request.query()) {
            if (!q.getKey().equals(MARKER)) {
                b.query(q.getKey(), q.getValue());
            }
        }
        request.headers().forEach(b::header);
        return b.query(MARKER, marker).build();
    }

    @Override
    public String toString() {
        return "Paged{" + firstRequest + (distinct ? ", distinct" : "") + "}";
    }
}
