package dev.imagesdk.testing.internal.emulator.http;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;

/** Server-side operations on an {@link Exchange} that handlers do not get to call. */
public final class Exchanges {
    private Exchanges() {
    }

    /** Wraps a JDK exchange, tagging it with {@code requestId}. */
    public static Exchange open(HttpExchange http, String requestId) {
        return new Exchange(http, requestId);
    }

    /** Records the authenticated caller of {@code ex}. */
    public static void authenticated(Exchange ex, Caller identity) {
        ex.identity(identity);
    }

    /** Applies a fault's response shaping (drop, truncation) to {@code ex}. */
    public static void shape(Exchange ex, ResponseShaper shaper) {
        ex.shaper(shaper);
    }

    /**
     * Reads and discards the rest of the request body, so that an early error answer to an upload is
     * not lost in a connection reset while the client is still sending.
     */
    public static void drainRequestBody(Exchange ex) {
        try {
            InputStream in = ex.body();
            byte[] buf = new byte[64 * 1024];
            while (in.read(buf) > 0) {
                // discard
            }
        } catch (IOException | RuntimeException ignored) {
            // the client went away: nothing to answer anyway
        }
    }

    /** Ends the exchange, closing its streams. */
    public static void close(Exchange ex) {
        ex.close();
    }
}
