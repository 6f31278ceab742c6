package dev.imagesdk.core.it;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A MockWebServer that answers each request with the next queued {@code 200} JSON body, and a client for it
 * (a token, no retries): what the hostile-response tests of every module feed {@link HostileBodies}' mutations
 * through.
 */
public final class JsonReplies implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final ServiceClient client;

    private JsonReplies() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = ServiceClient.builder().endpoint(server.url("/").toString()).auth(Auth.token("t"))
                .retryPolicy(RetryPolicy.none()).build();
    }

    /** Starts the server. */
    public static JsonReplies start() {
        return new JsonReplies();
    }

    /** A client pointed at the server: token auth, no retries. */
    public ServiceClient client() {
        return client;
    }

    /** Queues a {@code 200 application/json} answer with this body. */
    public void serve(String body) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build());
    }

    @Override
    public void close() {
        server.close();
    }
}
