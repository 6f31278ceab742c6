package dev.imagesdk.core.auth;

import dev.imagesdk.core.internal.http.Calls;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.auth.AuthHeaders;
import dev.imagesdk.core.config.LogCapture;
import dev.imagesdk.core.error.ResponseFormatException;
import dev.imagesdk.core.error.UnauthorizedException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.ApiResponse;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeystoneAuthTest {
    private FakeCloud cloud;

    @BeforeEach
    void start() throws Exception {
        cloud = new FakeCloud();
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private ServiceClient client(Auth auth) {
        return ServiceClient.builder().auth(auth).retryPolicy(RetryPolicy.none()).build();
    }

    private KeystoneAuth.Builder alice() {
        return Auth.keystone(cloud.authUrl()).username("alice").userDomainName("Default").password(FakeCloud.PASSWORD)
                .projectName("demo-a").projectDomainId("default").region("RegionOne");
    }

    private static void listImages(ServiceClient client) {
        try (ApiResponse r = Calls.of(client).execute(ApiRequest.get("images").build())) {
            assertThat(r.status()).isEqualTo(200);
        }
    }

    static Stream<Arguments> bodies() {
        String pw = FakeCloud.PASSWORD;
        return Stream.of(
                Arguments.of("password, user by name, project by name",
                        (UnaryOperator<KeystoneAuth.Builder>) b -> b.username("alice").userDomainName("Default").password(pw)
                                .projectName("demo-a").projectDomainName("Default"),
                        "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"alice\","
                                + "\"domain\":{\"name\":\"Default\"},\"password\":\"" + pw + "\"}}},"
                                + "\"scope\":{\"project\":{\"name\":\"demo-a\",\"domain\":{\"name\":\"Default\"}}}}}"),
                Arguments.of("password, user by name in domain id, project by id",
                        (UnaryOperator<KeystoneAuth.Builder>) b -> b.username("alice").userDomainId("default").password(pw)
                                .projectId("p-1"),
                        "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"alice\","
                                + "\"domain\":{\"id\":\"default\"},\"password\":\"" + pw + "\"}}},"
                                + "\"scope\":{\"project\":{\"id\":\"p-1\"}}}}"),
                Arguments.of("password, user by id, project by name in domain id",
                        (UnaryOperator<KeystoneAuth.Builder>) b -> b.userId("u-1").password(pw)
                                .projectName("demo-a").projectDomainId("default"),
                        "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"id\":\"u-1\","
                                + "\"password\":\"" + pw + "\"}}},"
                                + "\"scope\":{\"project\":{\"name\":\"demo-a\",\"domain\":{\"id\":\"default\"}}}}}"),
                Arguments.of("password, domain scope by name",
                        (UnaryOperator<KeystoneAuth.Builder>) b -> b.userId("u-1").password(pw).domainName("Default"),
                        "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"id\":\"u-1\","
                                + "\"password\":\"" + pw + "\"}}},\"scope\":{\"domain\":{\"name\":\"Default\"}}}}"),
                Arguments.of("password, domain scope by id",
                        (UnaryOperator<KeystoneAuth.Builder>) b -> b.userId("u-1").password(pw).domainId("default"),
                        "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"id\":\"u-1\","
                                + "\"password\":\"" + pw + "\"}}},\"scope\":{\"domain\":{\"id\":\"default\"}}}}"),
                Arguments.of("password, explicitly unscoped",
                        (UnaryOperator<KeystoneAuth.Builder>) b -> b.userId("u-1").password(pw).unscoped(),
                        "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"id\":\"u-1\","
                                + "\"password\":\"" + pw + "\"}}},\"scope\":\"unscoped\"}}"),
                Arguments.of("password, no scope (Keystone's default project)",
                        (UnaryOperator<KeystoneAuth.Builder>) b -> b.userId("u-1").password(pw),
                        "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"id\":\"u-1\","
                                + "\"password\":\"" + pw + "\"}}}}}"),
                Arguments.of("application credential by id",
                        (UnaryOperator<KeystoneAuth.Builder>) b -> b.applicationCredentialId("ac-1")
                                .applicationCredentialSecret("ac-secret"),
                        "{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],\"application_credential\":"
                                + "{\"id\":\"ac-1\",\"secret\":\"ac-secret\"}}}}"),
                Arguments.of("application credential by name and user name",
                        (UnaryOperator<KeystoneAuth.Builder>) b -> b.applicationCredentialName("ci")
                                .username("alice").userDomainName("Default").applicationCredentialSecret("ac-secret"),
                        "{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],\"application_credential\":"
                                + "{\"name\":\"ci\",\"user\":{\"name\":\"alice\",\"domain\":{\"name\":\"Default\"}},"
                                + "\"secret\":\"ac-secret\"}}}}"),
                Arguments.of("application credential by name and user id",
                        (UnaryOperator<KeystoneAuth.Builder>) b -> b.applicationCredentialName("ci").userId("u-1")
                                .applicationCredentialSecret("ac-secret"),
                        "{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],\"application_credential\":"
                                + "{\"name\":\"ci\",\"user\":{\"id\":\"u-1\"},\"secret\":\"ac-secret\"}}}}"),
                Arguments.of("existing token, rescoped to a project",
                        (UnaryOperator<KeystoneAuth.Builder>) b -> b.token("gAAAAAold").projectId("p-1"),
                        "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\"gAAAAAold\"}},"
                                + "\"scope\":{\"project\":{\"id\":\"p-1\"}}}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void postsTheTokenRequestKeystoneExpects(String name, UnaryOperator<KeystoneAuth.Builder> settings, String expected)
            throws Exception {
        KeystoneAuth auth = settings.apply(Auth.keystone(cloud.authUrl())).build();
        try (ServiceClient client = ServiceClient.builder().endpoint(cloud.server.url("/").toString()).auth(auth).build()) {
            listImages(client);
        }
        RecordedTokenRequest recorded = takeTokenRequest();
        assertThat(recorded.path).isEqualTo("/v3/auth/tokens");
        assertThat(recorded.contentType).startsWith("application/json");
        assertThat(FakeCloud.parse(recorded.body)).isEqualTo(FakeCloud.parse(expected));
        assertThat(cloud.glanceTokens).containsExactly("gAAAAAtok1x");
    }

    private record RecordedTokenRequest(String path, String contentType, String body) {
    }

    private RecordedTokenRequest takeTokenRequest() throws InterruptedException {
        var r = cloud.server.takeRequest();
        return new RecordedTokenRequest(r.getUrl().encodedPath(), r.getHeaders().get("Content-Type"),
                r.getBody() == null ? "" : r.getBody().utf8());
    }

    @Test
    void tellsItsIdentityRoot() {
        assertThat(Auth.keystone("http://k:5000").token("t").build().identityUrl())
                .isEqualTo(java.net.URI.create("http://k:5000/v3"));
        assertThat(Auth.keystone("https://cloud/identity/v3/").token("t").build().identityUrl())
                .isEqualTo(java.net.URI.create("https://cloud/identity/v3"));
    }

    @Test
    void acceptsTheAuthUrlWithOrWithoutV3() {
        assertThat(KeystoneAuth.Builder.identityUrl("http://k:5000").toString()).isEqualTo("http://k:5000/v3");
        assertThat(KeystoneAuth.Builder.identityUrl("http://k:5000/").toString()).isEqualTo("http://k:5000/v3");
        assertThat(KeystoneAuth.Builder.identityUrl("http://k:5000/v3").toString()).isEqualTo("http://k:5000/v3");
        assertThat(KeystoneAuth.Builder.identityUrl("http://k:5000/v3/").toString()).isEqualTo("http://k:5000/v3");
        assertThat(KeystoneAuth.Builder.identityUrl("https://cloud/identity").toString()).isEqualTo("https://cloud/identity/v3");
        assertThat(KeystoneAuth.Builder.identityUrl("https://cloud/identity/v3/").toString()).isEqualTo("https://cloud/identity/v3");
        assertThatThrownBy(() -> KeystoneAuth.Builder.identityUrl("http://k:5000/v2.0"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("v2.0");
        assertThatThrownBy(() -> KeystoneAuth.Builder.identityUrl("keystone:5000")).isInstanceOf(ValidationException.class);
    }

    @Test
    void authUrlWithoutVersionPostsBelowV3() throws Exception {
        KeystoneAuth auth = Auth.keystone(cloud.server.url("/").toString()).userId("u-1").password("x").build();
        try (ServiceClient client = ServiceClient.builder().endpoint(cloud.server.url("/").toString()).auth(auth).build()) {
            listImages(client);
        }
        assertThat(takeTokenRequest().path).isEqualTo("/v3/auth/tokens");
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of((UnaryOperator<KeystoneAuth.Builder>) b -> b.username("alice"), "needs a password"),
                Arguments.of((UnaryOperator<KeystoneAuth.Builder>) b -> b.username("alice").password("p"), "userDomainName"),
                Arguments.of((UnaryOperator<KeystoneAuth.Builder>) b -> b.password("p"), "userId"),
                Arguments.of((UnaryOperator<KeystoneAuth.Builder>) b -> b.userId("u").username("a").userDomainId("d").password("p"),
                        "not both"),
                Arguments.of((UnaryOperator<KeystoneAuth.Builder>) b -> b.userId("u").password("p").token("t"), "exactly one"),
                Arguments.of((UnaryOperator<KeystoneAuth.Builder>) b -> b.userId("u").password("p").projectName("x"),
                        "projectDomainName"),
                Arguments.of((UnaryOperator<KeystoneAuth.Builder>) b -> b.userId("u").password("p").projectId("x").domainId("d"),
                        "one scope"),
                Arguments.of((UnaryOperator<KeystoneAuth.Builder>) b -> b.userId("u").password("p").projectId("x").unscoped(),
                        "one scope"),
                Arguments.of((UnaryOperator<KeystoneAuth.Builder>) b -> b.applicationCredentialId("ac"), "Secret"),
                Arguments.of((UnaryOperator<KeystoneAuth.Builder>) b -> b.applicationCredentialSecret("s"), "applicationCredentialId"),
                Arguments.of((UnaryOperator<KeystoneAuth.Builder>) b -> b.applicationCredentialName("ci").applicationCredentialSecret("s"),
                        "needs the user"),
                Arguments.of((UnaryOperator<KeystoneAuth.Builder>) b -> b.applicationCredentialId("ac").applicationCredentialSecret("s")
                        .projectId("p"), "bound to the project"),
                Arguments.of((UnaryOperator<KeystoneAuth.Builder>) b -> b.token("t").userId("u"), "takes no user"));
    }

    @ParameterizedTest
    @MethodSource("invalidSettings")
    void rejectsIncompleteOrContradictorySettingsBeforeAnyRequest(UnaryOperator<KeystoneAuth.Builder> settings, String hint) {
        assertThatThrownBy(() -> settings.apply(Auth.keystone(cloud.authUrl())).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining(hint);
        assertThat(cloud.server.getRequestCount()).isZero();
    }

    @Test
    void blankValuesAreRejected() {
        assertThatThrownBy(() -> Auth.keystone(cloud.authUrl()).username(" ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Auth.keystone(cloud.authUrl()).password("")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Auth.keystone(" ")).isInstanceOf(ValidationException.class);
    }

    @Test
    void findsTheImageEndpointInTheCatalogAndDescribesTheToken() {
        KeystoneAuth auth = alice().region("RegionOne").build();
        try (ServiceClient client = client(auth)) {
            listImages(client);
            assertThat(client.serviceRoot().toString()).isEqualTo("http://127.0.0.1:" + cloud.server.getPort() + "/");
            KeystoneToken token = auth.token(Calls.of(client).transport());
            assertThat(token.userId()).isEqualTo("u-1");
            assertThat(token.projectId()).contains("p-1");
            assertThat(token.projectName()).contains("demo-a");
            assertThat(token.roles()).containsExactly("member", "reader");
            assertThat(token.expiresAt()).isPresent();
            assertThat(token.catalog().services()).extracting(CatalogService::type).containsExactly("identity", "image");
        }
        assertThat(cloud.issued.get()).isEqualTo(1);
    }

    @Test
    void internalInterfaceSelectsTheInternalEndpoint() {
        try (ServiceClient client = client(alice().region("RegionOne").endpointInterface("internalURL").build())) {
            assertThat(client.serviceRoot().toString())
                    .isEqualTo("http://127.0.0.1:" + cloud.server.getPort() + "/internal/");
        }
    }

    @Test
    void endpointOverrideWinsOverTheCatalog() {
        try (ServiceClient client = client(alice().imageEndpointOverride("http://127.0.0.1:1/image/v2").build())) {
            assertThat(client.serviceRoot().toString()).isEqualTo("http://127.0.0.1:1/image/");
        }
        assertThat(cloud.server.getRequestCount()).isZero();
    }

    @Test
    void ambiguousCatalogWithoutRegionAsksForOne() {
        try (ServiceClient client = client(Auth.keystone(cloud.authUrl()).userId("u-1").password("p").build())) {
            assertThatThrownBy(client::serviceRoot).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("several URLs").hasMessageContaining("RegionTwo").hasMessageContaining("choose a region");
        }
    }

    @Test
    void unknownRegionFailsListingWhatTheCatalogOffers() {
        try (ServiceClient client = client(alice().region("RegionThree").build())) {
            assertThatThrownBy(client::serviceRoot).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("no image endpoint with interface public in region RegionThree")
                    .hasMessageContaining("public RegionOne")
                    .hasMessageContaining("public RegionTwo")
                    .hasMessageContaining("internal RegionOne");
        }
    }

    @Test
    void renewsTheTokenProactivelyOnlyWithinTheMarginBeforeExpiry() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        cloud.clock = clock;
        cloud.lifetime = Duration.ofHours(1);
        KeystoneAuth auth = alice().clock(clock).build();
        try (ServiceClient client = ServiceClient.builder().endpoint(cloud.server.url("/").toString()).auth(auth).build()) {
            AuthHeaders first = auth.headers(Calls.of(client).transport());
            clock.advance(Duration.ofMinutes(57).plusSeconds(59)); // 121 s before expiry
            assertThat(auth.headers(Calls.of(client).transport())).isSameAs(first);
            assertThat(cloud.issued.get()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(2)); // 119 s before expiry
            AuthHeaders second = auth.headers(Calls.of(client).transport());
            assertThat(second.generation()).isGreaterThan(first.generation());
            assertThat(second.asMap().get("X-Auth-Token")).isEqualTo("gAAAAAtok2x");
            assertThat(cloud.issued.get()).isEqualTo(2);
        }
    }

    @Test
    void shortLivedTokensAreRenewedAtHalfTheirLifetimeNotOnEveryRequest() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        cloud.clock = clock;
        cloud.lifetime = Duration.ofSeconds(100);
        KeystoneAuth auth = alice().clock(clock).build();
        try (ServiceClient client = ServiceClient.builder().endpoint(cloud.server.url("/").toString()).auth(auth).build()) {
            auth.headers(Calls.of(client).transport());
            clock.advance(Duration.ofSeconds(49));
            auth.headers(Calls.of(client).transport());
            assertThat(cloud.issued.get()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(1));
            auth.headers(Calls.of(client).transport());
            assertThat(cloud.issued.get()).isEqualTo(2);
        }
    }

    @Test
    void expiredTokenIsReplacedBeforeTheRequestIsSent() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        cloud.clock = clock;
        KeystoneAuth auth = alice().clock(clock).build();
        try (ServiceClient client = ServiceClient.builder().endpoint(cloud.server.url("/").toString()).auth(auth).build()) {
            listImages(client);
            clock.advance(Duration.ofHours(2));
            listImages(client);
        }
        assertThat(cloud.glanceTokens).containsExactly("gAAAAAtok1x", "gAAAAAtok2x");
    }

    @Test
    void failedProactiveRenewalKeepsUsingTheStillValidToken() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        cloud.clock = clock;
        KeystoneAuth auth = alice().clock(clock).build();
        try (ServiceClient client = ServiceClient.builder().endpoint(cloud.server.url("/").toString()).auth(auth).build()) {
            AuthHeaders first = auth.headers(Calls.of(client).transport());
            clock.advance(Duration.ofMinutes(59));
            cloud.rejectPassword = true;
            assertThat(auth.headers(Calls.of(client).transport())).isSameAs(first);
            clock.advance(Duration.ofMinutes(2));
            assertThatThrownBy(() -> auth.headers(Calls.of(client).transport())).isInstanceOf(UnauthorizedException.class);
        }
    }

    @Test
    void revokedTokenIsRenewedOnceAndTheRequestReplayed() {
        KeystoneAuth auth = alice().build();
        try (ServiceClient client = ServiceClient.builder().endpoint(cloud.server.url("/").toString()).auth(auth).build()) {
            listImages(client);
            cloud.revokeAll();
            listImages(client);
        }
        assertThat(cloud.glanceTokens).containsExactly("gAAAAAtok1x", "gAAAAAtok1x", "gAAAAAtok2x");
        assertThat(auth.authenticationCount()).isEqualTo(2);
    }

    @Test
    void secondRejectionAfterRenewalFailsWithoutAnotherRenewal() throws Exception {
        try (MockWebServer glance = new MockWebServer()) {
            glance.start(0);
            for (int i = 0; i < 2; i++) {
                glance.enqueue(new MockResponse.Builder().code(401).body("{\"message\": \"rejected\"}").build());
            }
            KeystoneAuth auth = alice().build();
            try (ServiceClient client = ServiceClient.builder().endpoint(glance.url("/").toString()).auth(auth).build()) {
                assertThatThrownBy(() -> listImages(client)).isInstanceOf(UnauthorizedException.class)
                        .hasMessageContaining("rejected");
            }
            assertThat(glance.getRequestCount()).isEqualTo(2);
            assertThat(auth.authenticationCount()).isEqualTo(2);
        }
    }

    @Test
    void staleRejectionDoesNotCauseASecondRenewal() {
        KeystoneAuth auth = alice().build();
        try (ServiceClient client = ServiceClient.builder().endpoint(cloud.server.url("/").toString()).auth(auth).build()) {
            AuthHeaders first = auth.headers(Calls.of(client).transport());
            assertThat(auth.refreshAfterUnauthorized(Calls.of(client).transport(), first)).isTrue();
            assertThat(auth.refreshAfterUnauthorized(Calls.of(client).transport(), first)).isTrue();
            assertThat(cloud.issued.get()).isEqualTo(2);
            AuthHeaders second = auth.headers(Calls.of(client).transport());
            assertThat(auth.refreshAfterUnauthorized(Calls.of(client).transport(), second)).isTrue();
            assertThat(cloud.issued.get()).isEqualTo(3);
        }
    }

    @Test
    void concurrentFirstRequestsShareOneAuthentication() throws Exception {
        cloud.keystoneDelayMillis = 200;
        KeystoneAuth auth = alice().build();
        int threads = 16;
        try (ServiceClient client = client(auth)) {
            runConcurrently(threads, () -> listImages(client));
        }
        assertThat(cloud.issued.get()).isEqualTo(1);
        assertThat(cloud.glanceTokens).hasSize(threads).containsOnly("gAAAAAtok1x");
    }

    @Test
    void concurrentRejectionsShareOneRenewal() throws Exception {
        KeystoneAuth auth = alice().build();
        int threads = 16;
        try (ServiceClient client = client(auth)) {
            listImages(client);
            cloud.revokeAll();
            cloud.keystoneDelayMillis = 200;
            runConcurrently(threads, () -> listImages(client));
        }
        assertThat(cloud.issued.get()).isEqualTo(2);
        assertThat(cloud.tokenRequestBodies).hasSize(2);
        assertThat(cloud.glanceTokens.stream().filter("gAAAAAtok2x"::equals).count()).isEqualTo(threads);
    }

    private static void runConcurrently(int threads, Runnable action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier barrier = new CyclicBarrier(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    action.run();
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keystoneOutageIsRetriedByTheRequestsOwnRetryLoopOnly() {
        RetryPolicy threeAttempts = RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(1))
                .maxDelay(Duration.ofMillis(2)).build();
        cloud.unavailable.set(2);
        try (ServiceClient client = ServiceClient.builder().endpoint(cloud.server.url("/").toString())
                .auth(alice().build()).retryPolicy(threeAttempts).build()) {
            listImages(client);
        }
        assertThat(cloud.tokenRequestBodies).hasSize(3);
        cloud.tokenRequestBodies.clear();
        cloud.unavailable.set(10);
        try (ServiceClient client = ServiceClient.builder().endpoint(cloud.server.url("/").toString())
                .auth(alice().build()).retryPolicy(threeAttempts).build()) {
            assertThatThrownBy(() -> listImages(client)).isInstanceOfSatisfying(dev.imagesdk.core.error.ServerException.class,
                    e -> assertThat(e.serverMessage()).contains("Keystone is busy"));
        }
        assertThat(cloud.tokenRequestBodies).hasSize(3);
    }

    @Test
    void tokenRequestsGoThroughThePipelineAndFollowARedirectWithTheirBody() throws Exception {
        try (MockWebServer moved = new MockWebServer()) {
            moved.start();
            moved.enqueue(new MockResponse.Builder().code(307)
                    .addHeader("Location", cloud.server.url("/v3/auth/tokens").toString()).build());
            KeystoneAuth auth = Auth.keystone(moved.url("/v3").toString()).username("alice").userDomainName("Default")
                    .password(FakeCloud.PASSWORD).projectName("demo").projectDomainName("Default").region("RegionOne").build();
            try (ServiceClient client = client(auth)) {
                listImages(client);
                assertThat(auth.currentToken()).hasValueSatisfying(t -> assertThat(t.expiresAt()).isPresent());
            }
            assertThat(moved.takeRequest().getMethod()).isEqualTo("POST");
            assertThat(cloud.tokenRequestBodies).hasSize(1);
            assertThat(cloud.tokenRequestBodies.get(0)).contains("\"password\"");
        }
    }

    @Test
    void wrongPasswordFailsWithKeystonesMessageAndNoSecret() {
        cloud.rejectPassword = true;
        try (ServiceClient client = client(alice().build())) {
            assertThatThrownBy(() -> listImages(client)).isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                assertThat(e.serverMessage()).contains("The request you have made requires authentication.");
                assertThat(e.getMessage()).contains("/v3/auth/tokens").doesNotContain(FakeCloud.PASSWORD);
                assertThat(e.requestId()).contains("req-5e8d4a44-0000-4000-8000-000000000001");
            });
        }
    }

    @Test
    void answerWithoutSubjectTokenIsAFormatError() throws Exception {
        cloud.server.close();
        try (MockWebServer keystone = new MockWebServer()) {
            keystone.start(0);
            keystone.enqueue(new MockResponse.Builder().code(201).body("{\"token\": {}}").build());
            KeystoneAuth auth = Auth.keystone(keystone.url("/v3").toString()).userId("u").password("p").build();
            try (ServiceClient client = ServiceClient.builder().endpoint("http://127.0.0.1:1").auth(auth).build()) {
                assertThatThrownBy(() -> auth.headers(Calls.of(client).transport())).isInstanceOf(ResponseFormatException.class)
                        .hasMessageContaining("X-Subject-Token");
            }
        }
    }

    @Test
    void malformedTokenBodyIsAFormatError() throws Exception {
        cloud.server.close();
        try (MockWebServer keystone = new MockWebServer()) {
            keystone.start(0);
            keystone.enqueue(new MockResponse.Builder().code(201).addHeader("X-Subject-Token", "gAAAAAx")
                    .body("{\"token\": {\"user\": {\"id\": 7}}}").build());
            KeystoneAuth auth = Auth.keystone(keystone.url("/v3").toString()).userId("u").password("p").build();
            try (ServiceClient client = ServiceClient.builder().endpoint("http://127.0.0.1:1").auth(auth).build()) {
                assertThatThrownBy(() -> auth.headers(Calls.of(client).transport())).isInstanceOf(ResponseFormatException.class)
                        .hasMessageContaining("token.user.id is not a string");
            }
        }
    }

    @Test
    void oneShotUploadIsNotReplayedAfterRenewal() {
        KeystoneAuth auth = alice().build();
        try (ServiceClient client = ServiceClient.builder().endpoint(cloud.server.url("/").toString()).auth(auth).build()) {
            listImages(client);
            cloud.revokeAll();
            RequestBody oneShot = new RequestBody() {
                @Override
                public MediaType contentType() {
                    return MediaType.get("application/octet-stream");
                }

                @Override
                public void writeTo(BufferedSink sink) throws java.io.IOException {
                    sink.writeUtf8("image bytes");
                }

                @Override
                public boolean isOneShot() {
                    return true;
                }
            };
            assertThatThrownBy(() -> Calls.of(client).executeNoContent(ApiRequest.put("images", "i-1", "file").body(oneShot).build()))
                    .isInstanceOf(UnauthorizedException.class).hasMessageContaining("one-shot");
        }
        assertThat(cloud.glanceTokens).containsExactly("gAAAAAtok1x", "gAAAAAtok1x");
        assertThat(auth.authenticationCount()).isEqualTo(2);
    }

    @Test
    void toStringNeverShowsSecrets() {
        KeystoneAuth auth = alice().build();
        KeystoneAuth appCred = Auth.keystone(cloud.authUrl()).applicationCredentialId("ac-1")
                .applicationCredentialSecret("app-Secret-42").build();
        KeystoneAuth token = Auth.keystone(cloud.authUrl()).token("gAAAAAexisting").build();
        try (ServiceClient client = client(auth)) {
            listImages(client);
            assertThat(client.toString() + auth + auth.token(Calls.of(client).transport()) + auth.headers(Calls.of(client).transport()))
                    .doesNotContain(FakeCloud.PASSWORD).doesNotContain("gAAAAAtok1x").contains("alice");
        }
        assertThat(appCred.toString()).contains("ac-1").doesNotContain("app-Secret-42");
        assertThat(token.toString()).doesNotContain("gAAAAAexisting");
    }

    @Test
    void secretsNeverReachLogsOrExceptionMessagesInAFullScenario() {
        List<String> messages = new ArrayList<>();
        String appSecret = "app-Secret-" + java.util.UUID.randomUUID();
        String oldToken = "gAAAAAold-" + java.util.UUID.randomUUID();
        try (LogCapture logs = LogCapture.start()) {
            KeystoneAuth password = alice().build();
            KeystoneAuth appCred = Auth.keystone(cloud.authUrl()).applicationCredentialId("ac-1")
                    .applicationCredentialSecret(appSecret).region("RegionOne").build();
            KeystoneAuth token = Auth.keystone(cloud.authUrl()).token(oldToken).projectId("p-1").region("RegionOne").build();
            for (KeystoneAuth auth : List.of(password, appCred, token)) {
                try (ServiceClient client = client(auth)) {
                    listImages(client);
                    cloud.revokeAll();
                    listImages(client);
                    messages.add(client.toString() + auth + auth.token(Calls.of(client).transport()));
                }
            }
            cloud.rejectPassword = true;
            try (ServiceClient client = client(alice().build())) {
                assertThatThrownBy(() -> listImages(client)).satisfies(e -> messages.add(e.toString()));
            }
            String everything = logs.text() + String.join("\n", messages);
            assertThat(logs.text()).contains("authenticating with Keystone").contains("-> 401");
            assertThat(everything).doesNotContain(FakeCloud.PASSWORD).doesNotContain(appSecret).doesNotContain(oldToken);
            for (int i = 1; i <= cloud.issued.get(); i++) {
                assertThat(everything).doesNotContain("gAAAAAtok" + i + "x");
            }
            assertThat(cloud.issued.get()).isEqualTo(6);
        }
    }

    @Test
    void tokenDescriptionReadsDomainScopedAndUnscopedResponses() {
        KeystoneToken domain = TokenResponses.parse(Map.of("token", Map.of("user", Map.of("id", "u"),
                "domain", Map.of("id", "default", "name", "Default"), "expires_at", "2026-11-23T12:55:56.000000Z")));
        assertThat(domain.domainId()).contains("default");
        assertThat(domain.projectId()).isEmpty();
        assertThat(domain.expiresAt()).contains(Instant.parse("2026-11-23T12:55:56Z"));
        KeystoneToken unscoped = TokenResponses.parse(Map.of("token", Map.of("user", Map.of("id", "u"))));
        assertThat(unscoped.catalog().isEmpty()).isTrue();
        assertThat(unscoped.toString()).contains("unscoped");
    }
}
