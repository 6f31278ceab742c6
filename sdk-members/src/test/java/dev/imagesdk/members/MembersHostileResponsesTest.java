package dev.imagesdk.members;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.it.HostileBodies;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Real Glance member documents, mutated every way {@link HostileBodies} knows: only typed exceptions reach the caller. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembersHostileResponsesTest {
    /** Recorded from Glance 25 (transcript section 12). */
    static final String MEMBER = "{\"member_id\": \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\", \"image_id\": \"3c441d1e-aa40-4d8a-b060-2a7e24d1af6a\", "
            + "\"status\": \"pending\", \"created_at\": \"2026-11-22T12:50:43Z\", \"updated_at\": \"2026-11-22T12:50:43Z\", "
            + "\"schema\": \"/v2/schemas/member\"}";
    static final String LIST = "{\"members\": [" + MEMBER + "], \"schema\": \"/v2/schemas/members\"}";
    private static final String IMAGE = "3c441d1e-aa40-4d8a-b060-2a7e24d1af6a";

    private MockWebServer server;
    private Members members;

    @BeforeAll
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        members = Members.of(ServiceClient.builder().endpoint(server.url("/").toString()).auth(Auth.token("t"))
                .retryPolicy(RetryPolicy.none()).build());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private void serve(String body) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build());
    }

    @Test
    void listSurvivesEveryMutation() {
        assertThat(HostileBodies.untypedFailures(LIST, m -> {
            serve(m.body());
            members.list(IMAGE);
        })).isEmpty();
    }

    @Test
    void getAndAnswerSurviveEveryMutation() {
        assertThat(HostileBodies.untypedFailures(MEMBER, m -> {
            serve(m.body());
            members.get(IMAGE, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        })).isEmpty();
        assertThat(HostileBodies.untypedFailures(MEMBER, m -> {
            serve(m.body());
            members.accept(IMAGE, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        })).isEmpty();
    }

    @Test
    void unknownStatusIsKept() {
        serve(MEMBER.replace("\"pending\"", "\"deferred\""));
        Member m = members.get(IMAGE, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        assertThat(m.status().value()).isEqualTo("deferred");
        assertThat(m.status().isKnown()).isFalse();
    }
}
