package dev.imagesdk.testing.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import dev.imagesdk.testing.Identity;

import java.io.IOException;
import java.io.InputStream;

/** Server-side operations on an {@link Exchange} that handlers do not get to call. */
public final class Exchanges {
    private Exchanges() {
    }

    public static Exchange open(HttpExchange http, String requestId) {
        return new Exchange(http, requestId);
    }

    public static void authenticated(Exchange ex, Identity identity) {
        ex.identity(identity);
    }

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

    public static void close(Exchange ex) {
        ex.close();
    }
}
