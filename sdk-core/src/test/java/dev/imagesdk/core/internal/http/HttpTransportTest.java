package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.auth.AuthContext;
import dev.imagesdk.core.auth.AuthHeaders;
import dev.imagesdk.core.error.BadRequestException;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.PayloadTooLargeException;
import dev.imagesdk.core.error.RangeNotSatisfiableException;
import dev.imagesdk.core.error.RateLimitedException;
import dev.imagesdk.core.error.ResponseFormatException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.ServiceResponseException;
import dev.imagesdk.core.error.TransportException;
import dev.imagesdk.core.error.UnauthorizedException;
import dev.imagesdk.core.error.UnsupportedMediaTypeException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.imagesdk.core.internal.http.MockServers.glanceError;
import static dev.imagesdk.core.internal.http.MockServers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpTransportTest {
    private MockWebServer server;
    private ServiceClient client;

    private static final RetryPolicy FAST = RetryPolicy.builder().initialDelay(Duration.ofMillis(5))
            .maxDelay(Duration.ofMillis(20)).jitter(0).build();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = ServiceClient.builder().endpoint(server.url("/").toString()).auth(Auth.token("secret-token-1"))
                .retryPolicy(FAST).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
            "400, Bad Request, dev.imagesdk.core.error.BadRequestException",
            "401, Unauthorized, dev.imagesdk.core.error.UnauthorizedException",
            "403, Forbidden, dev.imagesdk.core.error.ForbiddenException",
            "404, Not Found, dev.imagesdk.core.error.NotFoundException",
            "405, Method Not Allowed, dev.imagesdk.core.error.ServiceResponseException",
            "409, Conflict, dev.imagesdk.core.error.ConflictException",
            "413, Request Entity Too Large, dev.imagesdk.core.error.PayloadTooLargeException",
            "415, Unsupported Media Type, dev.imagesdk.core.error.UnsupportedMediaTypeException",
            "416, Requested Range Not Satisfiable, dev.imagesdk.core.error.RangeNotSatisfiableException",
            "429, Too Many Requests, dev.imagesdk.core.error.RateLimitedException",
            "500, Internal Server Error, dev.imagesdk.core.error.ServerException",
            "501, Not Implemented, dev.imagesdk.core.error.ServerException",
            "502, Bad Gateway, dev.imagesdk.core.error.ServerException",
            "503, Service Unavailable, dev.imagesdk.core.error.ServerException",
            "504, Gateway Timeout, dev.imagesdk.core.error.ServerException",
    })
    void everyErrorStatusMapsToItsTypeWithMessageAndRequestId(int status, String title, String type) {
        ServiceClient single = ServiceClient.builder().endpoint(server.url("/").toString())
                .auth(Auth.token("secret-token-1")).retryPolicy(RetryPolicy.none()).build();
        server.enqueue(glanceError(status, title, "Something about image abc"));
        assertThatThrownBy(() -> Calls.of(single).executeNoContent(ApiRequest.post("images").jsonBody("{}").build()))
                .isInstanceOf(classFor(type))
                .satisfies(e -> {
                    ServiceResponseException s = (ServiceResponseException) e;
                    assertThat(s.getClass().getName()).isEqualTo(type);
                    assertThat(s.status()).isEqualTo(status);
                    assertThat(s.serverMessage()).contains("Something about image abc");
                    assertThat(s.requestId()).contains("req-" + status + "-test");
                    assertThat(s.method()).contains("POST");
                    assertThat(s.url()).hasValueSatisfying(u -> assertThat(u).endsWith("/v2/images"));
                    assertThat(s.getMessage()).contains(String.valueOf(status), "Something about image abc",
                            "req-" + status + "-test").doesNotContain("secret-token-1").doesNotContain("<br");
                });
        single.close();
    }

    private static Class<?> classFor(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void htmlErrorBodyIsReducedToTheServersSentence() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "text/html; charset=UTF-8")
                .body("<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n"
                        + "  No image found with ID 1c2f&amp;x<br /><br />\n\n\n\n </body>\n</html>").build());
        assertThatThrownBy(() -> Calls.of(client).executeNoContent(ApiRequest.get("images", "1c2f").build()))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.serverMessage()).contains("No image found with ID 1c2f&x"));
        assertThat(server.takeRequest().getHeaders().get("Accept")).isEqualTo("application/json");
    }

    @Test
    void keystoneStyleErrorBodyIsUnderstood() {
        server.enqueue(json(401, "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", "
                + "\"message\": \"The request you have made requires authentication.\"}}"));
        assertThatThrownBy(() -> Calls.of(client).executeNoContent(ApiRequest.get("images").build()))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.serverMessage())
                        .contains("The request you have made requires authentication."));
    }

    @Test
    void plainTextAndEmptyErrorBodies() {
        server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "text/plain").body("bad sort key\n").build());
        assertThatThrownBy(() -> Calls.of(client).executeNoContent(ApiRequest.get("images").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.serverMessage()).contains("bad sort key"));
        server.enqueue(new MockResponse.Builder().code(409).build());
        assertThatThrownBy(() -> Calls.of(client).executeNoContent(ApiRequest.put("images", "x", "file").build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.serverMessage()).isEmpty();
                    assertThat(e.getMessage()).startsWith("409 Conflict");
                });
    }

    @Test
    void idempotentGetIsRetriedOn503ThenSucceeds() {
        server.enqueue(glanceError(503, "Service Unavailable", "busy"));
        server.enqueue(glanceError(502, "Bad Gateway", "busy"));
        server.enqueue(json(200, "{\"ok\": true}"));
        String body = Calls.of(client).executeJson(ApiRequest.get("images").build(), (r, resp) -> r.readJsonValue().toString());
        assertThat(body).contains("ok");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void postIsNotRetriedOn503Or429() {
        server.enqueue(glanceError(503, "Service Unavailable", "busy"));
        assertThatThrownBy(() -> Calls.of(client).executeNoContent(ApiRequest.post("images").jsonBody("{}").build()))
                .isInstanceOf(ServerException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
        assertThatThrownBy(() -> Calls.of(client).executeNoContent(ApiRequest.post("images").jsonBody("{}").build()))
                .isInstanceOf(RateLimitedException.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void postAnswered503RetryAfterZeroIsSentOnceNotRepeatedByOkHttp() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").build());
        server.enqueue(json(201, "{}"));
        assertThatThrownBy(() -> Calls.of(client).executeNoContent(ApiRequest.post("images").jsonBody("{}").build()))
                .isInstanceOfSatisfying(ServerException.class, e -> {
                    assertThat(e.header("Retry-After")).contains("0");
                    assertThat(e.headers()).doesNotContainKey(Retry.SHADOWED_RETRY_AFTER);
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void status500IsNotRetried() {
        server.enqueue(glanceError(500, "Internal Server Error", "boom"));
        assertThatThrownBy(() -> Calls.of(client).executeNoContent(ApiRequest.get("images").build())).isInstanceOf(ServerException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesStopAtMaxAttempts() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(glanceError(503, "Service Unavailable", "busy " + i));
        }
        assertThatThrownBy(() -> Calls.of(client).executeNoContent(ApiRequest.delete("images", "x").build()))
                .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.serverMessage()).contains("busy 3"));
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void rateLimitWithRetryAfterSecondsIsHonoured() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
        server.enqueue(json(200, "{}"));
        long start = System.nanoTime();
        Calls.of(client).executeNoContent(ApiRequest.get("images").build());
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(waitedMs).as("waited at least the server's Retry-After").isGreaterThanOrEqualTo(950);
    }

    @Test
    void retryAfterLongerThanThePolicyAllowsFailsAtOnce() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
        assertThatThrownBy(() -> Calls.of(client).executeNoContent(ApiRequest.get("images").build()))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retryAfterParsesSecondsAndHttpDates() {
        assertThat(Retry.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        // A fixed "now": measured against the wall clock, a stalled test thread would see less than ten seconds.
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 23, 14, 0, 0, 0, java.time.ZoneOffset.UTC);
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(10));
        assertThat(Retry.retryAfter(inTenSeconds, now.toInstant())).isEqualTo(Duration.ofSeconds(10));
        assertThat(Retry.retryAfter(inTenSeconds, now.plusSeconds(30).toInstant())).isEqualTo(Duration.ZERO);
        String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(java.time.ZoneOffset.UTC).plusHours(1));
        assertThat(Retry.retryAfter(inAnHour)).as("the public form measures from the current time")
                .isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(Retry.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(Retry.retryAfter("soon")).isNull();
        assertThat(Retry.retryAfter(null)).isNull();
    }

    @Test
    void backoffGrowsAndIsCapped() {
        RetryPolicy policy = RetryPolicy.builder().initialDelay(Duration.ofMillis(100)).maxDelay(Duration.ofMillis(350)).jitter(0).build();
        HttpTransport t = Calls.of(ServiceClient.builder().endpoint("http://127.0.0.1:1").retryPolicy(policy).build()).transport();
        assertThat(t.retry().delayBefore(1, null)).isEqualTo(Duration.ofMillis(100));
        assertThat(t.retry().delayBefore(2, null)).isEqualTo(Duration.ofMillis(200));
        assertThat(t.retry().delayBefore(3, null)).isEqualTo(Duration.ofMillis(350));
        assertThat(t.retry().delayBefore(30, null)).isEqualTo(Duration.ofMillis(350));
    }

    @Test
    void oneShotBodyIsNeverRetried() {
        server.enqueue(glanceError(503, "Service Unavailable", "busy"));
        RequestBody oneShot = oneShotBody("data");
        assertThatThrownBy(() -> Calls.of(client).executeNoContent(ApiRequest.put("images", "x", "file").body(oneShot).build()))
                .isInstanceOf(ServerException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void requestMarkedNotRetryableIsNotRetried() {
        server.enqueue(glanceError(503, "Service Unavailable", "busy"));
        assertThatThrownBy(() -> Calls.of(client).executeNoContent(ApiRequest.put("images", "x", "file").retryable(false).build()))
                .isInstanceOf(ServerException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void connectFailureIsATransportExceptionAndIsRetried() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ServiceClient dead = ServiceClient.builder().endpoint("http://127.0.0.1:" + closedPort).retryPolicy(FAST).build();
        assertThatThrownBy(() -> Calls.of(dead).executeNoContent(ApiRequest.post("images").jsonBody("{}").build()))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.isConnectFailure()).isTrue();
                    assertThat(e.getMessage()).contains("Could not connect", "POST");
                });
        assertThat(Calls.of(dead).transport().retry().shouldRetry(ApiRequest.post("images").jsonBody("{}").build(),
                new TransportException("x", "POST", "u", new java.net.ConnectException(), true)))
                .as("the server never saw the request, so even a POST may be sent again").isTrue();
        dead.close();
    }

    @Test
    void readFailureOfPostIsNotRetriedButOfGetIs() {
        HttpTransport t = Calls.of(client).transport();
        TransportException reset = new TransportException("reset", "X", "u", new IOException("reset"), false);
        assertThat(t.retry().shouldRetry(ApiRequest.post("images").jsonBody("{}").build(), reset)).isFalse();
        assertThat(t.retry().shouldRetry(ApiRequest.patch("images", "x").jsonBody("[]").build(), reset)).isFalse();
        assertThat(t.retry().shouldRetry(ApiRequest.get("images").build(), reset)).isTrue();
        assertThat(t.retry().shouldRetry(ApiRequest.put("images", "x", "tags", "t").build(), reset)).isFalse();
    }

    @Test
    void truncatedJsonBodyIsRetriedForGetThenReportedAsTransportOrFormatError() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"images\": [{\"id\": \"a\"").build());
        assertThatThrownBy(() -> Calls.of(client).executeJson(ApiRequest.get("images").build(), (r, resp) -> r.readJsonValue()))
                .isInstanceOfSatisfying(ResponseFormatException.class, e -> {
                    assertThat(e.bodySnippet()).startsWith("{\"images\"");
                    assertThat(e.status()).isEqualTo(200);
                });
    }

    @Test
    void sameOriginRedirectKeepsTheToken() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/v2/").build());
        server.enqueue(json(200, "{}"));
        Calls.of(client).executeNoContent(ApiRequest.get().build());
        server.takeRequest();
        RecordedRequest followed = server.takeRequest();
        assertThat(followed.getTarget()).isEqualTo("/v2/");
        assertThat(followed.getHeaders().get("X-Auth-Token")).isEqualTo("secret-token-1");
    }

    @Test
    void redirectToAnotherHostDoesNotCarryTheToken() throws Exception {
        try (MockWebServer other = new MockWebServer()) {
            other.start();
            other.enqueue(json(200, "{}"));
            server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", other.url("/elsewhere")).build());
            Calls.of(client).executeNoContent(ApiRequest.get("images").build());
            RecordedRequest atOther = other.takeRequest();
            assertThat(atOther.getTarget()).isEqualTo("/elsewhere");
            assertThat(atOther.getHeaders().get("X-Auth-Token")).isNull();
            assertThat(atOther.getHeaders().names()).noneMatch(n -> n.toLowerCase().contains("auth"));
        }
    }

    @Test
    void trustedHeadersAreNotForwardedToAnotherHostEither() throws Exception {
        try (MockWebServer other = new MockWebServer()) {
            other.start();
            other.enqueue(json(200, "{}"));
            server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", other.url("/x")).build());
            Calls.of(client.withAuth(Auth.trustedHeaders("p1", "u1", "admin"))).executeNoContent(ApiRequest.get("images").build());
            RecordedRequest atServer = server.takeRequest();
            assertThat(atServer.getHeaders().get("X-Project-Id")).isEqualTo("p1");
            assertThat(atServer.getHeaders().get("X-Identity-Status")).isEqualTo("Confirmed");
            assertThat(atServer.getHeaders().get("X-Roles")).isEqualTo("admin");
            RecordedRequest atOther = other.takeRequest();
            assertThat(atOther.getHeaders().get("X-Project-Id")).isNull();
            assertThat(atOther.getHeaders().get("X-Roles")).isNull();
        }
    }

    @Test
    void redirectLoopsAreCut() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/v2/images?hop=" + i).build());
        }
        assertThatThrownBy(() -> Calls.of(client).executeNoContent(ApiRequest.get("images").build()))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.getMessage()).contains("Too many redirects"))
                .isNotInstanceOf(ServiceResponseException.class);
        assertThat(server.getRequestCount()).as("a redirect loop is not retried").isEqualTo(6);
    }

    @Test
    void unauthorizedTriggersOneRefreshAndReplay() throws InterruptedException {
        RefreshingAuth auth = new RefreshingAuth();
        ServiceClient c = client.withAuth(auth);
        server.enqueue(json(401, "{\"message\": \"expired\"}"));
        server.enqueue(json(200, "{}"));
        Calls.of(c).executeNoContent(ApiRequest.get("images").build());
        assertThat(server.takeRequest().getHeaders().get("X-Auth-Token")).isEqualTo("token-1");
        assertThat(server.takeRequest().getHeaders().get("X-Auth-Token")).isEqualTo("token-2");
        assertThat(auth.refreshes.get()).isEqualTo(1);

        server.enqueue(json(401, "{\"message\": \"still bad\"}"));
        server.enqueue(json(401, "{\"message\": \"still bad\"}"));
        assertThatThrownBy(() -> Calls.of(c).executeNoContent(ApiRequest.get("images").build())).isInstanceOf(UnauthorizedException.class);
        assertThat(auth.refreshes.get()).as("one refresh per request, no recursion").isEqualTo(2);
    }

    @Test
    void unauthorizedWithOneShotBodyIsReportedNotReplayedEmpty() {
        RefreshingAuth auth = new RefreshingAuth();
        server.enqueue(json(401, "{\"message\": \"expired\"}"));
        RequestBody oneShot = oneShotBody("payload");
        assertThatThrownBy(() -> Calls.of(client.withAuth(auth)).executeNoContent(ApiRequest.put("images", "i", "file").body(oneShot).build()))
                .isInstanceOfSatisfying(UnauthorizedException.class,
                        e -> assertThat(e.getMessage()).contains("one-shot stream", "cannot be sent again"));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void callerRequestIdIsSentAndDefaultsApply() throws InterruptedException {
        server.enqueue(json(200, "{}"));
        String id = ServiceClient.newRequestId();
        Calls.of(client.withRequestId(id)).executeNoContent(ApiRequest.get("images").build());
        RecordedRequest r = server.takeRequest();
        assertThat(r.getHeaders().get("X-Openstack-Request-Id")).isEqualTo(id);
        assertThat(r.getHeaders().get("User-Agent")).matches("imagesdk/\\S+ java/\\S+");
    }

    @Test
    void otherTypedExceptionsAreDistinct() {
        assertThat(new PayloadTooLargeException(null, "PUT", "u", null, Map.of()).status()).isEqualTo(413);
        assertThat(new UnsupportedMediaTypeException(null, "PUT", "u", null, Map.of()).status()).isEqualTo(415);
        assertThat(new RangeNotSatisfiableException(null, "GET", "u", null, Map.of()).status()).isEqualTo(416);
        assertThat(new ForbiddenException("m", "GET", "u", "r", Map.of()).getMessage()).isEqualTo("403 Forbidden: m (GET u, request r)");
    }

    /** A body that can be written once only, like an upload from an InputStream. */
    private static RequestBody oneShotBody(String content) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.get("application/octet-stream");
            }

            @Override
            public boolean isOneShot() {
                return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8(content);
            }
        };
    }

    /** Issues token-1, then token-2, ... each time the service rejects the current one. */
    private static final class RefreshingAuth implements Auth {
        final AtomicInteger refreshes = new AtomicInteger();
        private volatile int generation = 1;

        @Override
        public AuthHeaders headers(AuthContext context) {
            return AuthHeaders.of(Map.of("X-Auth-Token", "token-" + generation), generation);
        }

        @Override
        public synchronized boolean refreshAfterUnauthorized(AuthContext context, AuthHeaders rejected) {
            refreshes.incrementAndGet();
            if (rejected.generation() == generation) {
                generation++;
            }
            return true;
        }
    }
}
