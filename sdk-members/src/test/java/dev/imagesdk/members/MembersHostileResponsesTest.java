package dev.imagesdk.members;

import dev.imagesdk.images.model.MemberStatus;
import dev.imagesdk.core.it.HostileBodies;
import dev.imagesdk.core.it.JsonReplies;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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

    private final JsonReplies replies = JsonReplies.start();
    private final Members members = Members.of(replies.client());

    @AfterAll
    void stop() {
        replies.close();
    }

    @Test
    void listSurvivesEveryMutation() {
        assertThat(HostileBodies.untypedFailures(LIST, m -> {
            replies.serve(m.body());
            members.listForImage(IMAGE);
        })).isEmpty();
    }

    @Test
    void getAndAnswerSurviveEveryMutation() {
        assertThat(HostileBodies.untypedFailures(MEMBER, m -> {
            replies.serve(m.body());
            members.get(IMAGE, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        })).isEmpty();
        assertThat(HostileBodies.untypedFailures(MEMBER, m -> {
            replies.serve(m.body());
            members.update(IMAGE, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", MemberStatus.ACCEPTED);
        })).isEmpty();
    }

    @Test
    void unknownStatusIsKept() {
        replies.serve(MEMBER.replace("\"pending\"", "\"deferred\""));
        Member m = members.get(IMAGE, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        assertThat(m.status().value()).isEqualTo("deferred");
        assertThat(m.status().isKnown()).isFalse();
    }
}
