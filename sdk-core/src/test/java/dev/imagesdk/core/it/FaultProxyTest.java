package dev.imagesdk.core.it;

import dev.imagesdk.core.internal.http.Calls;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.RateLimitedException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.TransportException;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.ApiResponse;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fault proxy injects each fault kind, and the SDK's transport reports each as the right exception. */
class FaultProxyTest {
    private MockWebServer upstream;
    private FaultProxy proxy;
    private ServiceClient client;

    @BeforeEach
    void start() throws IOException {
        upstream = new MockWebServer();
        upstream.start(java.net.InetAddress.getLoopbackAddress(), 0);
        proxy = FaultProxy.start("http://127.0.0.1:" + upstream.getPort());
        // A generous read timeout: on a loaded machine a 1 s timeout also fires on requests meant to pass through.
        client = ServiceClient.builder().endpoint(proxy.endpoint()).auth(Auth.token("t"))
                .readTimeout(Duration.ofSeconds(30))
                .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(10)).build())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        proxy.close();
        upstream.close();
    }

    private static MockResponse big() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                .body(new okio.Buffer().write(new byte[1024 * 1024])).build();
    }

    @Test
    void passesThroughWhenNoRuleMatches() {
        upstream.enqueue(new MockResponse.Builder().code(200).body("{\"a\": 1}").build());
        String body = Calls.of(client).executeJson(ApiRequest.get("images").build(), (r, resp) -> r.readJsonValue().toString());
        assertThat(body).contains("a");
        assertThat(proxy.requestLines()).containsExactly("GET /v2/images HTTP/1.1");
        assertThat(proxy.faultsApplied()).isZero();
    }

    @Test
    void statusBurstsAreRetriedForGetAndNotForPost() {
        proxy.inject("GET /v2/images", 2, FaultProxy.Fault.status(503, null));
        upstream.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        Calls.of(client).executeNoContent(ApiRequest.get("images").build());
        assertThat(proxy.faultsApplied()).isEqualTo(2);
        assertThat(upstream.getRequestCount()).isEqualTo(1);

        proxy.inject("POST", 1, FaultProxy.Fault.status(429, "0"));
        assertThatThrownBy(() -> Calls.of(client).executeNoContent(ApiRequest.post("images").jsonBody("{}").build()))
                .isInstanceOf(RateLimitedException.class);
        assertThat(upstream.getRequestCount()).as("the POST never reached the server").isEqualTo(1);
    }

    @Test
    void aPersistent503EndsAsServerException() {
        proxy.inject("GET", 10, FaultProxy.Fault.status(503, "0"));
        assertThatThrownBy(() -> Calls.of(client).executeNoContent(ApiRequest.get("images").build())).isInstanceOf(ServerException.class);
        assertThat(proxy.faultsApplied()).isEqualTo(4);
    }

    @Test
    void droppedAndTruncatedDownloadsSurfaceAsTransportExceptions() {
        proxy.inject("GET", 1, FaultProxy.Fault.dropResponseAfter(200_000));
        upstream.enqueue(big());
        assertThatThrownBy(() -> readAll(Calls.of(client).execute(ApiRequest.get("images", "x", "file").build())))
                .isInstanceOf(IOException.class);
        proxy.inject("GET", 1, FaultProxy.Fault.truncateResponseAfter(300_000));
        upstream.enqueue(big());
        assertThatThrownBy(() -> readAll(Calls.of(client).execute(ApiRequest.get("images", "x", "file").build())))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aStallLongerThanTheReadTimeoutFailsWithinTheTimeout() {
        // The stall (10 min) is far longer than the read timeout (1 s): the timeout, not the end of the stall,
        // ends the read, so the bound below holds however slow the machine is (the proxy is closed after the test).
        proxy.inject("GET", 1, FaultProxy.Fault.stallResponseAfter(100_000, Duration.ofMinutes(10)));
        upstream.enqueue(big());
        try (ServiceClient impatient = ServiceClient.builder().endpoint(proxy.endpoint()).auth(Auth.token("t"))
                .readTimeout(Duration.ofSeconds(1)).retryPolicy(RetryPolicy.none()).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> readAll(Calls.of(impatient).execute(ApiRequest.get("images", "x", "file").build())))
                    .isInstanceOf(java.net.SocketTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(5));
        }
    }

    @Test
    void aResetDuringUploadIsATransportException() {
        proxy.inject("PUT", 1, FaultProxy.Fault.resetRequestAfter(100_000));
        upstream.enqueue(new MockResponse.Builder().code(204).build());
        RequestBody body = RequestBody.create(new byte[4 * 1024 * 1024], MediaType.get("application/octet-stream"));
        assertThatThrownBy(() -> Calls.of(client).executeNoContent(ApiRequest.put("images", "x", "file").body(body).retryable(false).build()))
                .isInstanceOf(TransportException.class);
    }

    private static long readAll(ApiResponse response) throws IOException {
        try (response) {
            return response.bodySource().readAll(okio.Okio.blackhole());
        }
    }
}
