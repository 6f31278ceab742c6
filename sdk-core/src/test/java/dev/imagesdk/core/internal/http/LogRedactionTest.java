package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.NotFoundException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Captures everything the SDK logs at TRACE (test logging writes to target/imagesdk-test.log, see
 * simplelogger.properties) during a scenario with retries, redirects and errors, and greps it for the token.
 */
class LogRedactionTest {
    private static final Path LOG = Path.of("target", "imagesdk-test.log");

    @Test
    void noTokenInAnyLogLineButOneLinePerRequest() throws IOException, InterruptedException {
        String token = "tok-" + UUID.randomUUID();
        String marker = UUID.randomUUID().toString();
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            ServiceClient client = ServiceClient.builder().endpoint(server.url("/").toString()).auth(Auth.token(token))
                    .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(2)).build())
                    .build();
            server.enqueue(new MockResponse.Builder().code(503).addHeader("Set-Cookie", "session=" + token).build());
            server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/v2/images?m=" + marker).build());
            server.enqueue(new MockResponse.Builder().code(404).addHeader("X-Openstack-Request-Id", "req-" + marker)
                    .addHeader("X-Subject-Token", token).body("{\"message\": \"nope\"}").build());
            assertThatThrownBy(() -> Calls.of(client).executeNoContent(ApiRequest.get("images").query("marker", marker)
                    .query("token", token).build()))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> {
                        assertThat(e.getMessage()).doesNotContain(token);
                        assertThat(e.headers().toString()).doesNotContain(token);
                        assertThat(e.url()).hasValueSatisfying(u -> assertThat(u).doesNotContain(token));
                    });
            assertThat(server.takeRequest().getHeaders().get("X-Auth-Token")).isEqualTo(token);
        }
        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertThat(log).doesNotContain(token);
        assertThat(log).contains("GET " + "http://").contains("-> 503").contains("-> 404").contains("req-" + marker)
                .contains("retrying GET").contains("X-Auth-Token=[<redacted>]");
    }
}
