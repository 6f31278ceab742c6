package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.auth.AuthHeaders;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The end of the pipeline with the headers every request carries. */
class NetworkCallTest {

    @Test
    void userAgentAcceptRequestIdRequestHeadersAndCredentialsAreSent() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(204).build());
            ApiRequest request = ApiRequest.post("images").header("X-Image-Meta-Store", "file").build();
            Exchange exchange = Exchange.of(request, server.url("/v2/images"), Auth.none(), "req-caller", Set.of())
                    .withCredentials(AuthHeaders.of(Map.of("X-Auth-Token", "t"), 1));
            new NetworkCall(Steps.HTTP, Steps.HEADERS).proceed(exchange).close();
            RecordedRequest r = server.takeRequest();
            assertThat(r.getMethod()).isEqualTo("POST");
            assertThat(r.getHeaders().get("User-Agent")).isEqualTo("imagesdk-test/1");
            assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
            assertThat(r.getHeaders().get("X-Openstack-Request-Id")).isEqualTo("req-caller");
            assertThat(r.getHeaders().get("X-Image-Meta-Store")).isEqualTo("file");
            assertThat(r.getHeaders().get("X-Auth-Token")).isEqualTo("t");
            assertThat(r.getHeaders().get("Content-Length")).as("a POST without body sends an empty one").isEqualTo("0");
        }
    }
}
