package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.TransportException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.imagesdk.core.internal.http.MockServers.glanceError;
import static dev.imagesdk.core.internal.http.MockServers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stalls, one deadline per operation, cancelling from another thread (issue 14). */
class DeadlinesTest {
    private static final RetryPolicy QUICK = RetryPolicy.builder().initialDelay(Duration.ofMillis(100))
            .maxDelay(Duration.ofMillis(400)).jitter(0).build();

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ServiceClient.Builder client() {
        return ServiceClient.builder().endpoint(server.url("/").toString()).auth(Auth.token("t")).retryPolicy(QUICK);
    }

    private static MockResponse stalledBody() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"images\": []}").bodyDelay(30, TimeUnit.SECONDS).build();
    }

    @Test
    void aStalledGetFailsWithinOneReadTimeoutAndIsSentOnce() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(stalledBody());
        }
        try (ServiceClient c = client().readTimeout(Duration.ofSeconds(1)).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> Calls.of(c).executeJson(ApiRequest.get("images").build(),
                    (r, resp) -> r.readJsonValue()))
                    .isInstanceOf(TransportException.class);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("MEASURED stalled GET failed after " + ms + " ms with readTimeout 1000 ms");
            assertThat(ms).as("read timeout 1 s + 1 s").isLessThan(2000);
            assertThat(server.getRequestCount()).as("a read timeout is not retried").isEqualTo(1);
        }
    }

    @Test
    void retriesOfSlowAnswersStopAtTheCallTimeout() {
        // every attempt is answered 503 after 1.5 s: four attempts would take over 6 s
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder(glanceError(503, "Service Unavailable", "busy"))
                    .headersDelay(1500, TimeUnit.MILLISECONDS).build());
        }
        try (ServiceClient c = client().readTimeout(Duration.ofSeconds(10)).callTimeout(Duration.ofSeconds(3)).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> Calls.of(c).executeJson(ApiRequest.get("images").build(),
                    (r, resp) -> r.readJsonValue()))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("3 s");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("MEASURED retries under a 3 s call timeout ended after " + ms + " ms");
            assertThat(ms).isBetween(2900L, 3500L);
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }
}
