package dev.imagesdk.core.paging;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing: its items and the server's link to the next page.
 *
 * @param <T> item type
 */
public final class Page<T> {
    private final List<T> items;
    private final String nextLink;
    private final String requestId;

    /**
     * @param items the page's items
     * @param nextLink the server's {@code next} link exactly as sent, or {@code null}
     * @param requestId the request id of the response that carried this page, or {@code null}
     */
    public Page(List<T> items, String nextLink, String requestId) {
        this.items = List.copyOf(items);
        this.nextLink = nextLink == null || nextLink.isBlank() ? null : nextLink;
        this.requestId = requestId;
    }

    /** The items, in the server's order. */
    public List<T> items() {
        return items;
    }

    /** The server's link to the next page, as sent; empty on the last page. */
    public Optional<String> nextLink() {
        return Optional.ofNullable(nextLink);
    }

    /** The request id of the response that carried this page. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    @Override
    public String toString() {
        return "Page{" + items.size() + " items" + (nextLink == null ? "" : ", next=" + nextLink) + "}";
    }
}
