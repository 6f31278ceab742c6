package dev.imagesdk.core;

import dev.imagesdk.core.internal.http.Calls;

import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.ApiVersionException;
import dev.imagesdk.core.error.PaginationException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.http.ApiRequest;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceClientTest {

    @ParameterizedTest
    @CsvSource({
            "http://h:9292, http://h:9292/",
            "http://h:9292/, http://h:9292/",
            "http://h:9292/v2, http://h:9292/",
            "http://h:9292/v2/, http://h:9292/",
            "http://h:9292/v2.16/, http://h:9292/",
            "https://cloud.example.com/image/v2, https://cloud.example.com/image/",
            "https://cloud.example.com/image, https://cloud.example.com/image/",
            "https://cloud.example.com/image//, https://cloud.example.com/image/",
            "https://cloud.example.com/image/v2?x=1#f, https://cloud.example.com/image/",
            "http://h:9292/v1, http://h:9292/",
            "http://h:9292/v1/, http://h:9292/",
            "https://cloud.example.com/image/v1.1, https://cloud.example.com/image/",
    })
    void endpointWithOrWithoutVersionSuffixNormalises(String endpoint, String root) {
        ServiceClient c = ServiceClient.builder().endpoint(endpoint).build();
        assertThat(c.serviceRoot()).hasToString(root);
        assertThat(c.endpoint()).hasToString(root + "v2/");
    }

    @Test
    void badEndpointsAreRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> ServiceClient.builder().endpoint("ftp://x")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ServiceClient.builder().endpoint(" ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ServiceClient.builder().endpoint((String) null)).isInstanceOf(ValidationException.class);
        ServiceClient noEndpoint = ServiceClient.builder().build();
        assertThatThrownBy(noEndpoint::endpoint).isInstanceOf(ValidationException.class).hasMessageContaining("no endpoint");
    }

    @Test
    void pathSegmentsAreEncodedOneByOne() {
        ServiceClient c = ServiceClient.builder().endpoint("https://h/image/v2").build();
        HttpUrl url = Calls.of(c).resolve(ApiRequest.put("images", "id/../x", "tags", "a tag?#").query("name", "in:\"a,b\",c").build());
        assertThat(url.encodedPath()).isEqualTo("/image/v2/images/id%2F..%2Fx/tags/a%20tag%3F%23");
        assertThat(url.queryParameter("name")).isEqualTo("in:\"a,b\",c");
        assertThat(Calls.of(c).resolve(ApiRequest.atRoot("GET").build())).hasToString("https://h/image/");
        assertThat(Calls.of(c).resolve(ApiRequest.atRoot("GET", "versions").build())).hasToString("https://h/image/versions");
    }

    @Test
    void nextLinksJoinWithoutDoublingTheVersionAndKeepThePrefix() {
        ServiceClient prefixed = ServiceClient.builder().endpoint("https://host/image/v2").build();
        assertThat(Calls.of(prefixed).resolveLink("/v2/images?limit=2&marker=abc", null))
                .hasToString("https://host/image/v2/images?limit=2&marker=abc");
        assertThat(Calls.of(prefixed).resolveLink("/image/v2/images?marker=abc", null))
                .hasToString("https://host/image/v2/images?marker=abc");
        assertThat(Calls.of(prefixed).resolveLink("images?marker=abc", null)).hasToString("https://host/image/v2/images?marker=abc");
        ServiceClient plain = ServiceClient.builder().endpoint("http://127.0.0.1:9292/v2/").build();
        assertThat(Calls.of(plain).resolveLink("/v2/images?marker=abc", null)).hasToString("http://127.0.0.1:9292/v2/images?marker=abc");
        assertThat(Calls.of(plain).resolveLink("http://127.0.0.1:9292/v2/images?marker=abc", null))
                .hasToString("http://127.0.0.1:9292/v2/images?marker=abc");
    }

    @Test
    void linksToAnotherOriginAreRefused() {
        ServiceClient c = ServiceClient.builder().endpoint("http://127.0.0.1:9292").build();
        assertThatThrownBy(() -> Calls.of(c).resolveLink("http://evil.example/v2/images?marker=x", "req-1"))
                .isInstanceOf(PaginationException.class).hasMessageContaining("another origin").hasMessageContaining("req-1");
        assertThatThrownBy(() -> Calls.of(c).resolveLink("https://127.0.0.1:9292/v2/images", null)).isInstanceOf(PaginationException.class);
        assertThatThrownBy(() -> Calls.of(c).resolveLink("http://127.0.0.1:9293/v2/images", null)).isInstanceOf(PaginationException.class);
        assertThatThrownBy(() -> Calls.of(c).resolveLink("//evil.example/v2/images", null)).isInstanceOf(PaginationException.class);
    }

    @Test
    void requestIdsMustHaveGlancesForm() {
        ServiceClient c = ServiceClient.builder().endpoint("http://h").build();
        assertThat(ServiceClient.newRequestId()).matches("req-[0-9a-f-]{36}");
        assertThatThrownBy(() -> c.withRequestId("abc")).isInstanceOf(ValidationException.class);
    }

    @Test
    void discoveryPicksTheHighestV2FromA300() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(300).addHeader("Content-Type", "application/json")
                    .body("{\"versions\": [{\"id\": \"v2.9\", \"status\": \"SUPPORTED\", \"links\": []},"
                            + "{\"id\": \"v2.16\", \"status\": \"CURRENT\", \"links\": []},"
                            + "{\"id\": \"v2.17\", \"status\": \"EXPERIMENTAL\", \"links\": []},"
                            + "{\"id\": \"v1.1\", \"status\": \"DEPRECATED\", \"links\": []}]}").build());
            ServiceClient c = ServiceClient.builder().endpoint(server.url("/v2").toString()).build();
            ApiVersion v = c.apiVersion();
            assertThat(v.id()).isEqualTo("v2.16");
            assertThat(v.status()).isEqualTo("CURRENT");
            assertThat(v.atLeast(2, 14)).isTrue();
            assertThat(c.apiVersion()).isSameAs(v);
            assertThat(server.getRequestCount()).as("cached").isEqualTo(1);
            assertThat(server.takeRequest().getTarget()).isEqualTo("/");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void discoveryWithoutV2NamesWhatTheServerOffers() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(300).addHeader("Content-Type", "application/json")
                    .body("{\"versions\": [{\"id\": \"v1.1\", \"status\": \"SUPPORTED\"}, {\"id\": \"v1.0\", \"status\": \"DEPRECATED\"}]}").build());
            ServiceClient c = ServiceClient.builder().endpoint(server.url("/").toString()).build();
            assertThatThrownBy(c::apiVersion).isInstanceOfSatisfying(ApiVersionException.class, e -> {
                assertThat(e.offered()).containsExactly("v1.1 SUPPORTED", "v1.0 DEPRECATED");
                assertThat(e.getMessage()).contains("v1.1 SUPPORTED");
            });
        }
    }

    @Test
    void toStringNeverShowsTheToken() {
        ServiceClient c = ServiceClient.builder().endpoint("http://user:pw@h:9292").auth(Auth.token("tok-123-secret")).build();
        assertThat(c.toString()).doesNotContain("tok-123-secret").doesNotContain("pw");
        assertThat(c.withAuth(Auth.trustedHeaders("p", "u", "member")).toString()).contains("project=p");
    }

    @Test
    void retryPolicyValidatesItsSettings() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(java.time.Duration.ZERO)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(java.time.Duration.ofSeconds(9)).maxDelay(java.time.Duration.ofSeconds(1)).build())
                .isInstanceOf(ValidationException.class);
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void apiVersionParsing() {
        assertThat(ApiVersion.of("v2.16", "current")).hasToString("v2.16 CURRENT");
        assertThat(ApiVersion.of("2", null).id()).isEqualTo("v2.0");
        assertThat(ApiVersion.of("v2.10", "x")).isGreaterThan(ApiVersion.of("v2.9", "x"));
        assertThatThrownBy(() -> ApiVersion.of("beta", null)).isInstanceOf(ValidationException.class);
    }
}
