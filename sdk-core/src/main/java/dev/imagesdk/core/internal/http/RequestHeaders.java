package dev.imagesdk.core.internal.http;

import okhttp3.Headers;

/**
 * The headers every request carries: {@code User-Agent}, {@code Accept: application/json}, the
 * request's own headers, the caller's {@code X-Openstack-Request-Id}, and the credentials the
 * {@link Authentication} step put into the exchange.
 */
public final class RequestHeaders {
    /** The header that carries a request id. */
    public static final String REQUEST_ID = "X-Openstack-Request-Id";

    private final String userAgent;

    /** @param userAgent value of the {@code User-Agent} header */
    public RequestHeaders(String userAgent) {
        this.userAgent = userAgent;
    }

    /** The {@code User-Agent} sent. */
    public String userAgent() {
        return userAgent;
    }

    /** All headers to send for {@code exchange}; later ones replace earlier ones of the same name. */
    public Headers headersFor(Exchange exchange) {
        Headers.Builder b = new Headers.Builder();
        b.set("User-Agent", userAgent).set("Accept", "application/json");
        exchange.request().headers().forEach(b::set);
        if (exchange.requestId() != null) {
            b.set(REQUEST_ID, exchange.requestId());
        }
        exchange.credentials().asMap().forEach(b::set);
        return b.build();
    }
}
