package dev.imagesdk.members;

import dev.imagesdk.images.model.MemberStatus;
import dev.imagesdk.core.it.HostileBodies;
import dev.imagesdk.core.it.JsonReplies;

import dev.imagesdk.core.error.ResponseFormatException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real Glance member documents, mutated every way {@link HostileBodies} knows: only typed exceptions reach the caller. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembersHostileResponsesTest {
    /** Recorded from Glance 25 (transcript section 12). */
    static final String MEMBER = "{\"member_id\": \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\", \"image_id\": \"3c441d1e-aa40-4d8a-b060-2a7e24d1af6a\", "
            + "\"status\": \"pending\", \"created_at\": \"2026-11-22T12:50:43Z\", \"updated_at\": \"2026-11-22T12:50:43Z\", "
            + "\"schema\": \"/v2/schemas/member\"}";
    static final String LIST = "{\"members\": [" + MEMBER + "], \"schema\": \"/v2/schemas/members\"}";
    private static final String IMAGE = "3c441d1e-aa40-4d8a-b060-2a7e24d1af6a";
    /** A second membership, accepted (Glance's shape). */
    static final String ACCEPTED = "{\"member_id\": \"cccccccccccccccccccccccccccccccc\", \"image_id\": \"3c441d1e-aa40-4d8a-b060-2a7e24d1af6a\", "
            + "\"status\": \"accepted\", \"created_at\": \"2026-11-22T12:51:02Z\", \"updated_at\": \"2026-11-22T12:52:09Z\", "
            + "\"schema\": \"/v2/schemas/member\"}";
    static final String TWO = "{\"members\": [" + MEMBER + ", " + ACCEPTED + "], \"schema\": \"/v2/schemas/members\"}";

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

    /** Issue 14: one malformed member is flagged, the other members of the list are read unchanged. */
    @Test
    void oneMalformedMemberSpoilsOnlyItself() {
        Member second = Member.builder().memberId("cccccccccccccccccccccccccccccccc").imageId(IMAGE)
                .status(MemberStatus.ACCEPTED).createdAt(Instant.parse("2026-11-22T12:51:02Z"))
                .updatedAt(Instant.parse("2026-11-22T12:52:09Z")).schema("/v2/schemas/member").build();
        List<HostileBodies.Mutation> mutations = HostileBodies.ofFirstItem(TWO, "members");
        assertThat(mutations).hasSizeGreaterThan(60);
        List<String> wrong = new ArrayList<>();
        for (HostileBodies.Mutation m : mutations) {
            replies.serve(m.body());
            try {
                List<Member> got = members.listForImage(IMAGE);
                if (got.size() != 2 || !got.get(1).equals(second)) {
                    wrong.add(m + " -> " + got);
                }
            } catch (RuntimeException | StackOverflowError e) {
                wrong.add(m + " -> " + e);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aMalformedMemberIsFlaggedNotDropped() {
        replies.serve(TWO.replace("\"created_at\": \"2026-11-22T12:50:43Z\"", "\"created_at\": [[[[[[1]]]]]]")
                .replace("\"status\": \"pending\"", "\"status\": " + "[".repeat(5000) + "]".repeat(5000)));
        List<Member> got = members.listForImage(IMAGE);
        assertThat(got).hasSize(2);
        Member first = got.get(0);
        assertThat(first.memberId()).isEqualTo("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        assertThat(first.isWellFormed()).isFalse();
        assertThat(first.createdAt()).isNull();
        assertThat(first.status()).isNull();
        assertThat(first.decodingProblems()).hasSize(2).anySatisfy(p -> assertThat(p).startsWith("created_at:"))
                .anySatisfy(p -> assertThat(p).startsWith("status:"));
        assertThat(got.get(1).isWellFormed()).isTrue();

        replies.serve(TWO.replace(MEMBER, "\"not a member\""));
        got = members.listForImage(IMAGE);
        assertThat(got).hasSize(2);
        assertThat(got.get(0).memberId()).isNull();
        assertThat(got.get(0).decodingProblems()).containsExactly("expected a member object but got a string");
    }

    @Test
    void aSingleMembershipWithoutIdsIsAFormatError() {
        replies.serve(MEMBER.replace("\"member_id\": \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\", ", ""));
        assertThatThrownBy(() -> members.get(IMAGE, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"))
                .isInstanceOf(ResponseFormatException.class).hasMessageContaining("member_id: missing");
        replies.serve(MEMBER.replace("\"pending\"", "42.5"));
        Member m = members.get(IMAGE, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        assertThat(m.status().value()).isEqualTo("42.5");
    }

    @Test
    void unknownStatusIsKept() {
        replies.serve(MEMBER.replace("\"pending\"", "\"deferred\""));
        Member m = members.get(IMAGE, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        assertThat(m.status().value()).isEqualTo("deferred");
        assertThat(m.status().isKnown()).isFalse();
    }
}
