package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.auth.AuthHeaders;
import dev.imagesdk.core.error.TransportException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedirectsTest {

    @Test
    void followsSameOriginWithCredentialsAndDropsThemForAnotherOrigin() throws Exception {
        try (MockWebServer server = new MockWebServer(); MockWebServer other = new MockWebServer()) {
            server.start();
            other.start();
            server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/second").build());
            server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", other.url("/third")).build());
            other.enqueue(new MockResponse.Builder().code(200).body("done").build());
            Exchange exchange = Steps.get(server, "/first", Auth.none())
                    .withCredentials(AuthHeaders.of(Map.of("X-Auth-Token", "tok"), 1));
            try (Response r = Steps.run(new Redirects(), exchange)) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.request().url().encodedPath()).isEqualTo("/third");
            }
            server.takeRequest();
            RecordedRequest second = server.takeRequest();
            assertThat(second.getTarget()).isEqualTo("/second");
            assertThat(second.getHeaders().get("X-Auth-Token")).isEqualTo("tok");
            assertThat(other.takeRequest().getHeaders().get("X-Auth-Token")).isNull();
        }
    }

    @Test
    void seeOtherTurnsAPostIntoAGetWithoutBody() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(303).addHeader("Location", "/result").build());
            server.enqueue(new MockResponse.Builder().code(200).build());
            Exchange post = Exchange.of(ApiRequest.post("images").jsonBody("{}").build(), server.url("/v2/images"),
                    Auth.none(), null, java.util.Set.of());
            Steps.run(new Redirects(), post).close();
            assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
            RecordedRequest followed = server.takeRequest();
            assertThat(followed.getMethod()).isEqualTo("GET");
            assertThat(followed.getBody()).as("no body after 303").isNull();
        }
    }

    @Test
    void aLoopBecomesATransportErrorAfterFiveHops() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            for (int i = 0; i < 6; i++) {
                server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/loop").build());
            }
            assertThatThrownBy(() -> Steps.run(new Redirects(), Steps.get(server, "/loop", Auth.none())))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("Too many redirects: more than 5");
            assertThat(server.getRequestCount()).isEqualTo(6);
        }
    }
}
