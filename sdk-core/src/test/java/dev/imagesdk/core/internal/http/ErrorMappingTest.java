package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.RateLimitedException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErrorMappingTest {

    @Test
    void errorStatusBecomesTypedExceptionWithMessageRequestIdAndNoSecrets() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(MockServers.glanceError(404, "Not Found", "No image found with ID abc")
                    .newBuilder().addHeader("Set-Cookie", "session=secret").build());
            assertThatThrownBy(() -> Steps.run(new ErrorMapping(), Steps.get(server, "/v2/images/abc", Auth.none())))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> {
                        assertThat(e.getMessage()).contains("No image found with ID abc");
                        assertThat(e.requestId()).contains("req-404-test");
                        assertThat(e.headers()).doesNotContainKey("Set-Cookie");
                    });
        }
    }

    @Test
    void rateLimitCarriesRetryAfterAndAcceptedStatusesPassThrough() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3").build());
            assertThatThrownBy(() -> Steps.run(new ErrorMapping(), Steps.get(server, "/", Auth.none())))
                    .isInstanceOfSatisfying(RateLimitedException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3)));
            server.enqueue(new MockResponse.Builder().code(300).body("{}").build());
            Exchange discovery = Exchange.of(ApiRequest.atRoot("GET").build(), server.url("/"), Auth.none(), null, Set.of(300));
            try (Response r = Steps.run(new ErrorMapping(), discovery)) {
                assertThat(r.code()).isEqualTo(300);
            }
        }
    }
}
