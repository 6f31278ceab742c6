package dev.imagesdk.core.internal.http;

import okhttp3.Response;

/**
 * One concern of the transport (headers, authentication, redirects, error mapping, logging), in the
 * spirit of an OkHttp interceptor: it may change the exchange, pass it on, look at the response, and
 * send again.
 */
@FunctionalInterface
public interface Step {

    /**
     * Handles one exchange.
     *
     * @param exchange what to send
     * @param next the rest of the pipeline
     * @return the response (open; the caller closes it)
     */
    Response handle(Exchange exchange, Chain next);

    /** The steps after the current one, ending in the network call. */
    @FunctionalInterface
    interface Chain {
        /** Passes {@code exchange} to the next step. */
        Response proceed(Exchange exchange);
    }
}
