package dev.imagesdk.images;


import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** A MockWebServer speaking like Glance, with a client pointed at it (tests of every package use it). */
public final class MockGlance implements AutoCloseable {
    /** An image as Glance 25 returns it after a data upload (shape copied from the recorded transcript). */
    public static final String ACTIVE_IMAGE = "{\"os_distro\": \"ubuntu\", \"new_prop\": \"v2\", \"name\": \"alpha\", "
            + "\"disk_format\": \"raw\", \"container_format\": \"bare\", \"visibility\": \"shared\", \"size\": 1048576, "
            + "\"virtual_size\": 1048576, \"status\": \"active\", \"checksum\": \"1b4f32fec01099dc12297c451826146f\", "
            + "\"protected\": false, \"min_ram\": 1024, \"min_disk\": 1, \"owner\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", "
            + "\"os_hidden\": false, \"os_hash_algo\": \"sha512\", \"os_hash_value\": \"9f94a117\", "
            + "\"id\": \"b8fd9546-45a4-476f-93df-a13b5f7c2269\", \"created_at\": \"2026-11-22T12:50:30Z\", "
            + "\"updated_at\": \"2026-11-22T12:50:38Z\", \"tags\": [\"web\", \"linux\"], "
            + "\"self\": \"/v2/images/b8fd9546-45a4-476f-93df-a13b5f7c2269\", "
            + "\"file\": \"/v2/images/b8fd9546-45a4-476f-93df-a13b5f7c2269/file\", \"schema\": \"/v2/schemas/image\", "
            + "\"stores\": \"fast,cheap\"}";

    /** The mock server. */
    public final MockWebServer server = new MockWebServer();
    /** A client for it, without retries. */
    public final ServiceClient client;

    /** Starts the server. */
    public MockGlance() {
        this(RetryPolicy.none());
    }

    /** Starts the server with a retry policy. */
    public MockGlance(RetryPolicy retryPolicy) {
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        client = ServiceClient.builder().endpoint(server.url("/").toString()).auth(Auth.none()).retryPolicy(retryPolicy).build();
    }

    /** The images API on the client. */
    public Images images() {
        return Images.of(client);
    }

    /** Queues a JSON answer. */
    public MockGlance json(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .addHeader("X-Openstack-Request-Id", "req-00000000-0000-0000-0000-00000000000" + (code % 10))
                .body(body).build());
        return this;
    }

    /**
     * Queues Glance 25.1's version document (300, cache and several stores on: 2.16 CURRENT down to 2.0),
     * which the client asks for once before its first import, store or image-task request.
     */
    public MockGlance versions() {
        StringBuilder b = new StringBuilder("{\"versions\": [");
        for (int minor = 16; minor >= 0; minor--) {
            b.append(minor == 16 ? "" : ", ").append("{\"id\": \"v2.").append(minor).append("\", \"status\": \"")
                    .append(minor == 16 ? "CURRENT" : "SUPPORTED").append("\", \"links\": []}");
        }
        server.enqueue(new MockResponse.Builder().code(300).addHeader("Content-Type", "application/json")
                .body(b.append("]}").toString()).build());
        return this;
    }

    /** Queues an empty answer (204, 202). */
    public MockGlance empty(int code) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "text/html; charset=UTF-8")
                .addHeader("Content-Length", "0").build());
        return this;
    }

    /** Queues a Glance error (JSON body with the markup Glance adds). */
    public MockGlance error(int code, String title, String message) {
        return json(code, "{\"message\": \"" + message + "<br /><br />\\n\\n\\n\", \"code\": \"" + code + " " + title
                + "\", \"title\": \"" + title + "\"}");
    }

    /** Queues any answer. */
    public MockGlance enqueue(MockResponse response) {
        server.enqueue(response);
        return this;
    }

    /** The next recorded request (fails the test after 5 s). */
    public RecordedRequest take() {
        try {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("no request arrived");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The body of a recorded request as UTF-8. */
    public static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().utf8();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
