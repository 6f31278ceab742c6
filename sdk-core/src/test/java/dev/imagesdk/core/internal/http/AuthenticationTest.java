package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.auth.AuthContext;
import dev.imagesdk.core.auth.AuthHeaders;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest {
    private static final AuthContext CONTEXT = request -> {
        throw new AssertionError("no identity request expected");
    };

    @Test
    void credentialsAreSentAndA401IsReplayedOnceWithRenewedOnes() throws Exception {
        AtomicInteger generation = new AtomicInteger(1);
        Auth auth = new Auth() {
            @Override
            public AuthHeaders headers(AuthContext context) {
                return AuthHeaders.of(Map.of("X-Auth-Token", "t" + generation.get()), generation.get());
            }

            @Override
            public boolean refreshAfterUnauthorized(AuthContext context, AuthHeaders rejected) {
                generation.incrementAndGet();
                return true;
            }
        };
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(401).build());
            server.enqueue(new MockResponse.Builder().code(401).build());
            try (Response r = Steps.run(new Authentication(CONTEXT), Steps.get(server, "/", auth))) {
                assertThat(r.code()).as("the replay's answer is final, no second replay").isEqualTo(401);
            }
            assertThat(server.getRequestCount()).isEqualTo(2);
            assertThat(server.takeRequest().getHeaders().get("X-Auth-Token")).isEqualTo("t1");
            assertThat(server.takeRequest().getHeaders().get("X-Auth-Token")).isEqualTo("t2");
        }
    }

    @Test
    void withoutCredentialsA401IsNotReplayed() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(401).build());
            Steps.run(new Authentication(CONTEXT), Steps.get(server, "/", Auth.none())).close();
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }
}
