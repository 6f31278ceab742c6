package dev.imagesdk.core;

import dev.imagesdk.core.internal.http.Calls;

import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.ApiResponse;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The builder's HTTP proxy settings: requests go to the proxy (in absolute form, the image service's
 * host never resolved locally), and proxy credentials are sent only once the proxy asks for them with
 * a 407, as {@code Proxy-Authorization: Basic}.
 */
class ServiceClientProxyTest {
    private static final String PROXY_PASSWORD = "proxy-pass-1f3e";

    private MockWebServer proxy;

    @BeforeEach
    void start() throws IOException {
        proxy = new MockWebServer();
        proxy.start();
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    private ServiceClient.Builder throughProxy() {
        return ServiceClient.builder().endpoint("http://glance.invalid:9292").auth(Auth.token("glance-token"))
                .retryPolicy(RetryPolicy.none())
                .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxy.getHostName(), proxy.getPort())));
    }

    @Test
    void requestsGoThroughTheProxyAndCredentialsAnswerIts407() throws InterruptedException {
        proxy.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"corp\"").build());
        proxy.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"images\": []}").build());

        try (ServiceClient client = throughProxy().proxyAuthentication("proxy-user", PROXY_PASSWORD).build();
             ApiResponse response = Calls.of(client).execute(ApiRequest.get("images").build())) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.readText()).contains("images");
            assertThat(client.toString()).doesNotContain(PROXY_PASSWORD);
        }

        RecordedRequest challenged = proxy.takeRequest();
        assertThat(challenged.getTarget()).isEqualTo("http://glance.invalid:9292/v2/images");
        assertThat(challenged.getHeaders().get("Proxy-Authorization")).isNull();
        assertThat(challenged.getHeaders().get("X-Auth-Token")).isEqualTo("glance-token");
        RecordedRequest authorized = proxy.takeRequest();
        assertThat(authorized.getTarget()).isEqualTo("http://glance.invalid:9292/v2/images");
        assertThat(authorized.getHeaders().get("Proxy-Authorization"))
                .isEqualTo(Credentials.basic("proxy-user", PROXY_PASSWORD));
        assertThat(proxy.getRequestCount()).isEqualTo(2);
    }

    @Test
    void wrongProxyCredentialsAreTriedOnceNotInALoop() {
        proxy.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"corp\"").build());
        proxy.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"corp\"").build());
        proxy.enqueue(new MockResponse.Builder().code(200).body("{}").build());

        try (ServiceClient client = throughProxy().proxyAuthentication("proxy-user", "wrong-pw-7c1").build()) {
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                    () -> Calls.of(client).execute(ApiRequest.get("images").build()).close());
            assertThat(failure).isInstanceOf(dev.imagesdk.core.error.ImageServiceException.class);
            assertThat(failure.getMessage()).doesNotContain("wrong-pw-7c1");
        }
        assertThat(proxy.getRequestCount()).isEqualTo(2);
    }

    @Test
    void withoutProxyCredentialsA407IsReportedNotRetried() {
        proxy.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"corp\"").build());

        try (ServiceClient client = throughProxy().build()) {
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                    () -> Calls.of(client).execute(ApiRequest.get("images").build()).close());
            assertThat(failure).isInstanceOf(dev.imagesdk.core.error.ImageServiceException.class);
        }
        assertThat(proxy.getRequestCount()).isEqualTo(1);
    }
}
