package dev.imagesdk.core.auth;

import com.squareup.moshi.JsonAdapter;
import dev.imagesdk.core.internal.json.Json;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A MockWebServer that plays Keystone ({@code POST /v3/auth/tokens}) and a keystone-mode Glance
 * ({@code /v2/...}, which accepts only tokens this fake issued and did not revoke).
 */
public final class FakeCloud implements AutoCloseable {
    public static final String PASSWORD = "s3cret-Pa55word";
    static final JsonAdapter<Object> JSON = Json.moshi().adapter(Object.class);

    public final MockWebServer server = new MockWebServer();
    public final List<String> tokenRequestBodies = new CopyOnWriteArrayList<>();
    public final List<String> glanceTokens = new CopyOnWriteArrayList<>();
    final Set<String> valid = ConcurrentHashMap.newKeySet();
    public final AtomicInteger issued = new AtomicInteger();
    volatile Clock clock = Clock.systemUTC();
    volatile Duration lifetime = Duration.ofHours(1);
    volatile long keystoneDelayMillis;
    public volatile boolean rejectPassword;
    /** How many token requests to answer 503 before issuing tokens again. */
    final AtomicInteger unavailable = new AtomicInteger();
    volatile String catalogJson;

    public FakeCloud() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String path = request.getUrl().encodedPath();
                if (path.endsWith("/auth/tokens") && "POST".equals(request.getMethod())) {
                    return issue(request);
                }
                if (path.startsWith("/v2/")) {
                    return glance(request);
                }
                return new MockResponse.Builder().code(404).body("{\"message\": \"no route " + path + "\"}").build();
            }
        });
        server.start(0);
        catalogJson = catalog("http://127.0.0.1:" + server.getPort());
    }

    public String authUrl() {
        return server.url("/v3").toString();
    }

    static String catalog(String imageUrl) {
        return "[{\"type\":\"identity\",\"name\":\"keystone\",\"endpoints\":["
                + "{\"interface\":\"public\",\"url\":\"http://127.0.0.1:5000/v3/\",\"region\":\"RegionOne\"}]},"
                + "{\"type\":\"image\",\"name\":\"glance\",\"endpoints\":["
                + "{\"interface\":\"public\",\"url\":\"" + imageUrl + "\",\"region\":\"RegionOne\"},"
                + "{\"interface\":\"internal\",\"url\":\"" + imageUrl + "/internal\",\"region\":\"RegionOne\"},"
                + "{\"interface\":\"public\",\"url\":\"http://127.0.0.2:9\",\"region\":\"RegionTwo\"}]}]";
    }

    private MockResponse issue(RecordedRequest request) throws InterruptedException {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        tokenRequestBodies.add(body);
        if (keystoneDelayMillis > 0) {
            Thread.sleep(keystoneDelayMillis);
        }
        if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new MockResponse.Builder().code(503).addHeader("Content-Type", "application/json")
                    .body("{\"error\":{\"code\":503,\"message\":\"Keystone is busy\",\"title\":\"Service Unavailable\"}}")
                    .build();
        }
        if (rejectPassword) {
            return new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                    .addHeader("X-Openstack-Request-Id", "req-5e8d4a44-0000-4000-8000-000000000001")
                    .body("{\"error\":{\"code\":401,\"message\":\"The request you have made requires authentication.\","
                            + "\"title\":\"Unauthorized\"}}").build();
        }
        String token = "gAAAAAtok" + issued.incrementAndGet() + "x";
        valid.add(token);
        Instant now = clock.instant();
        String json = "{\"token\":{\"methods\":[\"password\"],\"user\":{\"domain\":{\"id\":\"default\",\"name\":\"Default\"},"
                + "\"id\":\"u-1\",\"name\":\"alice\",\"password_expires_at\":null},\"audit_ids\":[\"a\"],"
                + "\"expires_at\":\"" + now.plus(lifetime) + "\",\"issued_at\":\"" + now + "\","
                + "\"project\":{\"domain\":{\"id\":\"default\",\"name\":\"Default\"},\"id\":\"p-1\",\"name\":\"demo-a\"},"
                + "\"is_domain\":false,\"roles\":[{\"id\":\"r1\",\"name\":\"member\"},{\"id\":\"r2\",\"name\":\"reader\"}],"
                + "\"catalog\":" + catalogJson + "}}";
        return new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                .addHeader("X-Subject-Token", token).body(json).build();
    }

    private MockResponse glance(RecordedRequest request) {
        String token = request.getHeaders().get("X-Auth-Token");
        glanceTokens.add(String.valueOf(token));
        if (token == null || !valid.contains(token)) {
            return new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                    .addHeader("Www-Authenticate", "Keystone uri=\"http://127.0.0.1:5000\"")
                    .body("{\"message\": \"This server could not verify that you are authorized to access the "
                            + "document you requested.<br /><br />\\n\", \"code\": \"401 Unauthorized\", "
                            + "\"title\": \"Unauthorized\"}").build();
        }
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"images\": [], \"first\": \"/v2/images\", \"schema\": \"/v2/schemas/images\"}").build();
    }

    /** Revokes every token issued so far, like {@code DELETE /v3/auth/tokens}. */
    public void revokeAll() {
        valid.clear();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String json) throws IOException {
        return (Map<String, Object>) JSON.fromJson(json);
    }

    @Override
    public void close() {
        server.close();
    }
}
