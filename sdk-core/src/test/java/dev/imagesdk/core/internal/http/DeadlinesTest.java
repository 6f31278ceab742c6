package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.CancelledException;
import dev.imagesdk.core.error.DeadlineExceededException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.TransportException;
import dev.imagesdk.core.http.ServiceRequest;
import dev.imagesdk.core.http.ServiceResponse;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

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

    /** Requests the server received (waiting briefly for the last one to be recorded). */
    private int requestsSeen() {
        int n = 0;
        try {
            while (server.takeRequest(300, TimeUnit.MILLISECONDS) != null) {
                n++;
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return n;
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
            assertThat(requestsSeen()).as("a read timeout is not retried").isEqualTo(1);
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
            assertThat(requestsSeen()).isEqualTo(2);
        }
    }

    @Test
    void aTricklingAnswerIsCutAtTheCallTimeoutAlthoughEveryReadSucceeds() {
        // 40 bytes, one every 300 ms: no read ever waits the 1 s read timeout, the whole takes 12 s
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"images\": [], \"next\": \"/v2/images?m=x\"}").throttleBody(1, 300, TimeUnit.MILLISECONDS)
                .build());
        try (ServiceClient c = client().readTimeout(Duration.ofSeconds(1)).callTimeout(Duration.ofSeconds(2)).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> Calls.of(c).executeJson(ApiRequest.get("images").build(),
                    (r, resp) -> r.readJsonValue()))
                    .isInstanceOfSatisfying(DeadlineExceededException.class, e -> {
                        assertThat(e.limit()).isEqualTo(Duration.ofSeconds(2));
                        assertThat(e.getMessage()).contains("deadline of 2 s", "GET");
                    });
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("MEASURED trickling GET cut after " + ms + " ms with callTimeout 2000 ms");
            assertThat(ms).isBetween(1900L, 2600L);
            assertThat(requestsSeen()).isEqualTo(1);
        }
    }

    @Test
    void aRequestsOwnTimeoutReplacesTheClients() {
        server.enqueue(new MockResponse.Builder(json(200, "{}")).headersDelay(5, TimeUnit.SECONDS).build());
        try (ServiceClient c = client().readTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofSeconds(30)).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> c.send(ServiceRequest.get("images").timeout(Duration.ofMillis(800)).build()))
                    .isInstanceOfSatisfying(DeadlineExceededException.class,
                            e -> assertThat(e.getMessage()).contains("deadline of 800 ms"));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(700L, 1500L);
        }
    }

    @Test
    void aPauseLongerThanTheTimeLeftIsNotTaken() {
        server.enqueue(new MockResponse.Builder(glanceError(503, "Service Unavailable", "busy"))
                .addHeader("Retry-After", "5").build());
        try (ServiceClient c = client().callTimeout(Duration.ofSeconds(2)).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> Calls.of(c).executeNoContent(ApiRequest.get("images").build()))
                    .isInstanceOfSatisfying(DeadlineExceededException.class, e -> {
                        assertThat(e.getMessage()).contains("deadline of 2 s", "5 s pause");
                        assertThat(e.getCause()).isInstanceOf(ServerException.class);
                    });
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000L);
            assertThat(requestsSeen()).isEqualTo(1);
        }
    }

    /**
     * Runs {@code call} on a new thread, interrupts it {@code afterMs} after the server received the
     * request, returns what it threw, how long after the interrupt it ended, and its interrupt status.
     */
    private Object[] interruptDuring(Runnable call, long afterMs) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        long[] endedAt = new long[1];
        Thread t = new Thread(() -> {
            try {
                call.run();
            } catch (Throwable e) {
                thrown.set(e);
            } finally {
                endedAt[0] = System.nanoTime();
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        t.start();
        assertThat(server.takeRequest(10, TimeUnit.SECONDS)).as("the request reached the server").isNotNull();
        Thread.sleep(afterMs);
        long interruptedAt = System.nanoTime();
        t.interrupt();
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
        return new Object[] {thrown.get(), TimeUnit.NANOSECONDS.toMillis(endedAt[0] - interruptedAt), stillInterrupted.get()};
    }

    @Test
    void aGetBlockedInASocketReadIsCancelledByAnInterrupt() throws Exception {
        server.enqueue(stalledBody());
        try (ServiceClient c = client().readTimeout(Duration.ofSeconds(30)).build()) {
            Object[] r = interruptDuring(() -> Calls.of(c).executeJson(ApiRequest.get("images").build(),
                    (reader, resp) -> reader.readJsonValue()), 500);
            System.out.println("MEASURED interrupted GET ended " + r[1] + " ms after the interrupt");
            assertThat((Throwable) r[0]).isInstanceOf(CancelledException.class).hasMessageContaining("interrupted");
            assertThat((Long) r[1]).isLessThan(1000L);
            assertThat((Boolean) r[2]).as("the interrupt status stays set").isTrue();
            assertThat(requestsSeen()).as("not sent again").isZero();
            okhttp3.ConnectionPool pool = Calls.of(c).transport().httpClient().connectionPool();
            assertThat(pool.connectionCount()).as("no connection left in use").isEqualTo(pool.idleConnectionCount());
        }
    }

    @Test
    void aPauseBeforeARetryIsCancelledByAnInterrupt() throws Exception {
        server.enqueue(new MockResponse.Builder(glanceError(503, "Service Unavailable", "busy"))
                .addHeader("Retry-After", "20").build());
        try (ServiceClient c = client().callTimeout(Duration.ofSeconds(60)).build()) {
            Object[] r = interruptDuring(() -> Calls.of(c).executeNoContent(ApiRequest.get("images").build()), 500);
            assertThat((Throwable) r[0]).isInstanceOf(CancelledException.class);
            assertThat((Long) r[1]).isLessThan(1000L);
            assertThat((Boolean) r[2]).isTrue();
            assertThat(requestsSeen()).as("not sent again").isZero();
        }
    }

    @Test
    void aReadTimeoutIsNotRetriedButAConnectTimeoutIs() {
        Retry retry = new Retry(new Retry.Settings(4, Duration.ofMillis(1), Duration.ofMillis(1), 0,
                Duration.ofSeconds(60), Duration.ofSeconds(60)));
        ApiRequest get = ApiRequest.get("images").build();
        assertThat(retry.shouldRetry(get, new TransportException("Timed out", "GET", "u",
                new java.net.SocketTimeoutException("Read timed out"), false))).isFalse();
        assertThat(retry.shouldRetry(get, new TransportException("Could not connect", "GET", "u",
                new java.net.SocketTimeoutException("connect timed out"), true))).isTrue();
        assertThat(retry.shouldRetry(get, new TransportException("reset", "GET", "u",
                new java.net.SocketException("Connection reset"), false))).isTrue();
    }

    @Test
    void theDeadlineCoversARenewalOfCredentialsAtAnIdentityService() throws IOException {
        try (MockWebServer identity = new MockWebServer()) {
            identity.start();
            identity.enqueue(new MockResponse.Builder(json(201, "{}")).headersDelay(10, TimeUnit.SECONDS).build());
            server.enqueue(glanceError(401, "Unauthorized", "token expired"));
            java.util.concurrent.atomic.AtomicBoolean renewed = new java.util.concurrent.atomic.AtomicBoolean();
            dev.imagesdk.core.auth.Auth renewing = new dev.imagesdk.core.auth.Auth() {
                @Override
                public dev.imagesdk.core.auth.AuthHeaders headers(dev.imagesdk.core.auth.AuthContext context) {
                    if (renewed.get()) {
                        context.sendUnauthenticated(ServiceRequest.toUrl("POST", identity.url("/v3/auth/tokens").uri())
                                .jsonBody(java.util.Map.of()).build()).close();
                    }
                    return dev.imagesdk.core.auth.AuthHeaders.of(java.util.Map.of("X-Auth-Token", "old"), 1);
                }

                @Override
                public boolean refreshAfterUnauthorized(dev.imagesdk.core.auth.AuthContext context,
                                                        dev.imagesdk.core.auth.AuthHeaders rejected) {
                    renewed.set(true);
                    return true;
                }
            };
            try (ServiceClient c = client().auth(renewing).readTimeout(Duration.ofSeconds(20))
                    .callTimeout(Duration.ofSeconds(1)).build()) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> Calls.of(c).executeNoContent(ApiRequest.get("images").build()))
                        .isInstanceOfSatisfying(DeadlineExceededException.class,
                                e -> assertThat(e.getMessage()).contains("deadline of 1 s", "/v3/auth/tokens"));
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(900L, 1800L);
            }
        }
    }
}
