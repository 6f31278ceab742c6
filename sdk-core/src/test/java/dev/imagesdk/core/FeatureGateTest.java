package dev.imagesdk.core;

import dev.imagesdk.core.error.ApiVersionException;
import dev.imagesdk.core.error.UnsupportedFeatureException;
import dev.imagesdk.core.internal.http.ApiFeature;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.Calls;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Version awareness (issue 16): an operation that needs a part of the API the server does not serve
 * fails before it is sent, with {@link UnsupportedFeatureException}; discovery runs once per client.
 * The version documents are Glance's own (25.1 without an image cache lists 2.15 CURRENT, 2.13–2.8 with
 * several stores, 2.7–2.0; no 2.14 or 2.16).
 */
class FeatureGateTest {

    /** Glance 25.1's list with several stores and without {@code image_cache_dir}. */
    private static final String NO_CACHE = versions("2.15 CURRENT", "2.13", "2.12", "2.11", "2.10", "2.9", "2.8",
            "2.7", "2.6", "2.5", "2.4", "2.3", "2.2", "2.1", "2.0");
    /** Glance 25.1's list with neither several stores nor a cache. */
    private static final String SINGLE_STORE_NO_CACHE = versions("2.15 CURRENT", "2.9", "2.7", "2.6", "2.5", "2.4",
            "2.3", "2.2", "2.1", "2.0");

    private static String versions(String... entries) {
        List<String> out = new ArrayList<>();
        for (String e : entries) {
            String[] p = e.split(" ");
            out.add("{\"id\": \"v" + p[0] + "\", \"status\": \"" + (p.length > 1 ? p[1] : "SUPPORTED") + "\", \"links\": []}");
        }
        return "{\"versions\": [" + String.join(", ", out) + "]}";
    }

    private static MockResponse document(String body) {
        return new MockResponse.Builder().code(300).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("{}").build();
    }

    private static void send(ServiceClient c, ApiRequest request) {
        Calls.of(c).execute(request).close();
    }

    @Test
    void aSwitchedOffFeatureFailsBeforeSendingAndDiscoveryRunsOnce() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(document(NO_CACHE));
            server.enqueue(ok());
            server.enqueue(ok());
            ServiceClient c = ServiceClient.builder().endpoint(server.url("/image/v2").toString())
                    .retryPolicy(RetryPolicy.none()).build();

            assertThatThrownBy(() -> send(c, ApiRequest.get("cache").requires(ApiFeature.CACHE).build()))
                    .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                        assertThat(e.feature()).isEqualTo("the image cache API");
                        assertThat(e.requiredVersion()).isEqualTo("2.14");
                        assertThat(e.offered()).contains("v2.15 CURRENT", "v2.13 SUPPORTED").doesNotContain("v2.14 SUPPORTED");
                        assertThat(e.getMessage()).startsWith("The image service does not serve the image cache API (Image API 2.14)");
                    });
            send(c, ApiRequest.get("info", "stores").requires(ApiFeature.MULTIPLE_STORES).build());
            send(c.withRequestId("req-6f1b1f8e-3d2a-4c55-9c0e-2b9f7d4a1e00"), ApiRequest.post("images", "x", "import").requires(ApiFeature.IMPORT).build());

            assertThat(server.getRequestCount()).as("one discovery, two sent requests, none for the cache").isEqualTo(3);
            assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget()).isEqualTo("/image/");
            assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget()).isEqualTo("/image/v2/info/stores");
            RecordedRequest imported = server.takeRequest(1, TimeUnit.SECONDS);
            assertThat(imported.getTarget()).isEqualTo("/image/v2/images/x/import");
        }
    }

    @Test
    void severalStoresNeedTheirExactVersionListed() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(document(SINGLE_STORE_NO_CACHE));
            ServiceClient c = ServiceClient.builder().endpoint(server.url("/").toString()).build();
            assertThatThrownBy(() -> send(c, ApiRequest.get("info", "stores").requires(ApiFeature.MULTIPLE_STORES).build()))
                    .isInstanceOfSatisfying(UnsupportedFeatureException.class,
                            e -> assertThat(e.requiredVersion()).isEqualTo("2.8"));
            assertThatThrownBy(() -> send(c, ApiRequest.get("info", "stores", "detail")
                    .requires(ApiFeature.MULTIPLE_STORES).requires(ApiFeature.STORES_DETAIL).build()))
                    .isInstanceOf(UnsupportedFeatureException.class);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void aServerListingOnlyItsNewestVersionIsJudgedByIt() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(document(versions("2.16 CURRENT")));
            server.enqueue(ok());
            ServiceClient c = ServiceClient.builder().endpoint(server.url("/").toString()).build();
            send(c, ApiRequest.get("cache").requires(ApiFeature.CACHE).build());
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void anOlderServerLacksImport() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(document(versions("2.5 CURRENT", "2.4", "2.3", "2.2", "2.1", "2.0")));
            ServiceClient c = ServiceClient.builder().endpoint(server.url("/").toString()).build();
            assertThatThrownBy(() -> send(c, ApiRequest.get("info", "import").requires(ApiFeature.IMPORT).build()))
                    .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                        assertThat(e.feature()).isEqualTo("interoperable image import");
                        assertThat(e.requiredVersion()).isEqualTo("2.6");
                    });
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void aV1EndpointIsDiscoveredFromTheRootAndAV1OnlyServerIsNamed() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(document(versions("1.1 CURRENT", "1.0")));
            ServiceClient c = ServiceClient.builder().endpoint(server.url("/image/v1").toString()).build();
            assertThat(c.endpoint().toString()).isEqualTo(server.url("/image/v2/").toString());
            assertThatThrownBy(() -> send(c, ApiRequest.get("info", "import").requires(ApiFeature.IMPORT).build()))
                    .isExactlyInstanceOf(ApiVersionException.class)
                    .hasMessageContaining("offers no supported v2 API; it offers v1.1 CURRENT, v1.0 SUPPORTED");
            assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget()).isEqualTo("/image/");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }
}
