package dev.imagesdk.members;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.BadRequestException;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.ResponseFormatException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.images.model.MemberStatus;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static dev.imagesdk.members.GlanceAnswers.IMAGE;
import static dev.imagesdk.members.GlanceAnswers.PROJECT_B;
import static dev.imagesdk.members.GlanceAnswers.error;
import static dev.imagesdk.members.GlanceAnswers.json;
import static dev.imagesdk.members.GlanceAnswers.member;
import static dev.imagesdk.members.GlanceAnswers.noContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MembersTest {
    private MockWebServer server;
    private Members members;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        ServiceClient client = ServiceClient.builder().endpoint(server.url("/").toString()).auth(Auth.token("t"))
                .retryPolicy(RetryPolicy.none()).build();
        members = Members.of(client);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().utf8();
    }

    @Test
    void addPostsTheProjectAndReadsThePendingMembership() throws InterruptedException {
        server.enqueue(json(200, member("pending")));

        Member m = members.add(IMAGE, PROJECT_B);

        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getTarget()).isEqualTo("/v2/images/" + IMAGE + "/members");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(body(r)).isEqualTo("{\"member\":\"" + PROJECT_B + "\"}");
        assertThat(m.imageId()).isEqualTo(IMAGE);
        assertThat(m.memberId()).isEqualTo(PROJECT_B);
        assertThat(m.status()).isEqualTo(MemberStatus.PENDING);
        assertThat(m.isAccepted()).isFalse();
        assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-11-22T12:50:43Z"));
        assertThat(m.updatedAt()).isEqualTo(Instant.parse("2026-11-22T12:50:44Z"));
        assertThat(m.schema()).isEqualTo("/v2/schemas/member");
    }

    @Test
    void addEscapesTheProjectIdInsideTheJsonBody() throws InterruptedException {
        server.enqueue(json(200, member("pending")));
        members.add(IMAGE, "we\"ird\\id");
        assertThat(body(server.takeRequest())).isEqualTo("{\"member\":\"we\\\"ird\\\\id\"}");
    }

    @Test
    void addToANonSharedImageIsAMembershipForbiddenExceptionWithTheServerMessageAndAHint() {
        server.enqueue(error(403, "Forbidden", "Not allowed to create members for image " + IMAGE + "."));

        assertThatThrownBy(() -> members.add(IMAGE, PROJECT_B))
                .isInstanceOf(ForbiddenException.class)
                .isInstanceOfSatisfying(MembershipForbiddenException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.serverMessage()).hasValue("Not allowed to create members for image " + IMAGE + ".");
                    assertThat(e.requestId()).hasValue("req-00000000-0000-0000-0000-000000000403");
                    assertThat(e.method()).hasValue("POST");
                    assertThat(e.hint()).contains("'shared'");
                    assertThat(e.getMessage()).contains("403", "Not allowed to create members", "only to an image whose visibility is 'shared'");
                });
    }

    @Test
    void addingAnExistingMemberIsAConflict() {
        server.enqueue(error(409, "Conflict", "Member " + PROJECT_B + " is duplicated for image " + IMAGE));
        assertThatThrownBy(() -> members.add(IMAGE, PROJECT_B)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.serverMessage()).hasValue("Member " + PROJECT_B + " is duplicated for image " + IMAGE));
    }

    @Test
    void addToAnInvisibleImageIsNotFound() {
        server.enqueue(error(404, "Not Found", "No image found with ID " + IMAGE));
        assertThatThrownBy(() -> members.add(IMAGE, PROJECT_B)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("No image found with ID " + IMAGE);
    }

    @Test
    void addIsNotRetriedAfterAServerError() throws IOException {
        try (MockWebServer retrying = new MockWebServer()) {
            retrying.start();
            ServiceClient client = ServiceClient.builder().endpoint(retrying.url("/").toString())
                    .retryPolicy(RetryPolicy.defaults()).build();
            retrying.enqueue(error(503, "Service Unavailable", "busy"));
            retrying.enqueue(json(200, member("pending")));
            assertThatThrownBy(() -> Members.of(client).add(IMAGE, PROJECT_B)).isInstanceOf(ServerException.class);
            assertThat(retrying.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void listReadsEveryMembershipAndIgnoresUnknownKeys() throws InterruptedException {
        server.enqueue(json(200, "{\"members\": [" + member("pending") + ", {\"member_id\": \"c\", \"image_id\": \"" + IMAGE
                + "\", \"status\": \"accepted\", \"created_at\": \"2026-11-22T12:50:43Z\", \"updated_at\": null, \"extra\": {\"x\": [1]}}],"
                + " \"schema\": \"/v2/schemas/members\"}"));

        List<Member> list = members.listForImage(IMAGE);

        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getTarget()).isEqualTo("/v2/images/" + IMAGE + "/members");
        assertThat(list).extracting(Member::memberId).containsExactly(PROJECT_B, "c");
        assertThat(list).extracting(Member::status).containsExactly(MemberStatus.PENDING, MemberStatus.ACCEPTED);
        assertThat(list.get(1).updatedAt()).isNull();
        assertThat(list.get(1).schema()).isNull();
    }

    @Test
    void listOfAnImageWithoutMembersIsEmpty() {
        server.enqueue(json(200, "{\"members\": [], \"schema\": \"/v2/schemas/members\"}"));
        assertThat(members.listForImage(IMAGE)).isEmpty();
    }

    @Test
    void listWithoutAMembersArrayIsAResponseFormatException() {
        server.enqueue(json(200, "{\"schema\": \"/v2/schemas/members\"}"));
        assertThatThrownBy(() -> members.listForImage(IMAGE)).isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("members");
    }

    @Test
    void listOfAPrivateImageIsForbidden() {
        server.enqueue(error(403, "Forbidden", "Only shared images have members."));
        assertThatThrownBy(() -> members.listForImage(IMAGE)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("Only shared images have members.");
    }

    @Test
    void getReadsOneMembershipAndEncodesPathSegments() throws InterruptedException {
        server.enqueue(json(200, member("accepted")));

        Member m = members.get(IMAGE, PROJECT_B);

        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getTarget()).isEqualTo("/v2/images/" + IMAGE + "/members/" + PROJECT_B);
        assertThat(m.isAccepted()).isTrue();

        server.enqueue(json(200, member("accepted")));
        members.get(IMAGE, "c/d e");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/v2/images/" + IMAGE + "/members/c%2Fd%20e");
    }

    @Test
    void getOfANonMemberIsAMembershipNotFoundExceptionExplainingThatMembersSeeOnlyThemselves() {
        server.enqueue(error(404, "Not Found", PROJECT_B + " not found in the member list of the image " + IMAGE + "."));
        assertThatThrownBy(() -> members.get(IMAGE, PROJECT_B)).isInstanceOf(NotFoundException.class)
                .isInstanceOfSatisfying(MembershipNotFoundException.class, e -> {
                    assertThat(e.serverMessage()).hasValue(PROJECT_B + " not found in the member list of the image " + IMAGE + ".");
                    assertThat(e.hint()).contains("a member sees and answers only its own membership");
                    assertThat(e.getMessage()).contains("404", "not found in the member list", "only its own membership");
                });
    }

    @Test
    void aMissingImageIsAPlainNotFoundWithoutTheMembershipHint() {
        server.enqueue(error(404, "Not Found", "No image found with ID " + IMAGE));
        assertThatThrownBy(() -> members.get(IMAGE, PROJECT_B)).isInstanceOf(NotFoundException.class)
                .isNotInstanceOf(MembershipNotFoundException.class);
        server.enqueue(error(404, "Not Found", "No image found with ID " + IMAGE));
        assertThatThrownBy(() -> members.update(IMAGE, PROJECT_B, MemberStatus.ACCEPTED)).isNotInstanceOf(MembershipNotFoundException.class);
    }

    @Test
    void aMemberAnsweringForAnotherMemberIsAMembershipNotFoundException() {
        server.enqueue(error(404, "Not Found", "cccc not found in the member list of the image " + IMAGE + "."));
        assertThatThrownBy(() -> members.update(IMAGE, "cccc", MemberStatus.ACCEPTED)).isInstanceOfSatisfying(MembershipNotFoundException.class,
                e -> assertThat(e.method()).hasValue("PUT"));
    }

    @Test
    void acceptPutsStatusAccepted() throws InterruptedException {
        server.enqueue(json(200, member("accepted")));

        Member m = members.update(IMAGE, PROJECT_B, MemberStatus.ACCEPTED);

        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("PUT");
        assertThat(r.getTarget()).isEqualTo("/v2/images/" + IMAGE + "/members/" + PROJECT_B);
        assertThat(body(r)).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(m.status()).isEqualTo(MemberStatus.ACCEPTED);
    }

    @Test
    void rejectPutsStatusRejected() throws InterruptedException {
        server.enqueue(json(200, member("rejected")));
        assertThat(members.update(IMAGE, PROJECT_B, MemberStatus.REJECTED).status()).isEqualTo(MemberStatus.REJECTED);
        assertThat(body(server.takeRequest())).isEqualTo("{\"status\":\"rejected\"}");
    }

    @Test
    void updateSendsPendingAndKeepsAnUnknownStatusFromTheServer() throws InterruptedException {
        server.enqueue(json(200, member("on_hold")));

        Member m = members.update(IMAGE, PROJECT_B, MemberStatus.PENDING);

        assertThat(body(server.takeRequest())).isEqualTo("{\"status\":\"pending\"}");
        assertThat(m.status().value()).isEqualTo("on_hold");
        assertThat(m.status().isKnown()).isFalse();
    }

    @Test
    void theOwnerAcceptingOnBehalfOfTheMemberIsAMembershipForbiddenException() {
        server.enqueue(error(403, "Forbidden", "Not allowed to update members for image " + IMAGE + "."));
        assertThatThrownBy(() -> members.update(IMAGE, PROJECT_B, MemberStatus.ACCEPTED)).isInstanceOfSatisfying(MembershipForbiddenException.class, e -> {
            assertThat(e.serverMessage()).hasValue("Not allowed to update members for image " + IMAGE + ".");
            assertThat(e.hint()).contains("only the member project itself");
            assertThat(e.method()).hasValue("PUT");
            assertThat(e.getCause()).isExactlyInstanceOf(ForbiddenException.class).isNotSameAs(e);
        });
    }

    @Test
    void aStatusGlanceDoesNotKnowIsABadRequest() {
        server.enqueue(error(400, "Bad Request", "Incorrect request: Status must be \\\"pending\\\", \\\"accepted\\\" or \\\"rejected\\\"."));
        assertThatThrownBy(() -> members.update(IMAGE, PROJECT_B, MemberStatus.of("maybe")))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.serverMessage()).hasValue("Incorrect request: Status must be \"pending\", \"accepted\" or \"rejected\"."));
    }

    @Test
    void removeDeletesTheMembershipAndAcceptsAnEmpty204() throws InterruptedException {
        server.enqueue(noContent());

        members.remove(IMAGE, PROJECT_B);

        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("DELETE");
        assertThat(r.getTarget()).isEqualTo("/v2/images/" + IMAGE + "/members/" + PROJECT_B);
    }

    @Test
    void removingTwiceIsNotFound() {
        server.enqueue(error(404, "Not Found", PROJECT_B + " not found in the member list of the image " + IMAGE + "."));
        assertThatThrownBy(() -> members.remove(IMAGE, PROJECT_B)).isInstanceOf(NotFoundException.class)
                .isNotInstanceOf(MembershipNotFoundException.class);
    }

    @Test
    void aMemberRemovingItselfIsAMembershipForbiddenException() {
        server.enqueue(error(403, "Forbidden", "Not allowed to delete members for image " + IMAGE + "."));
        assertThatThrownBy(() -> members.remove(IMAGE, PROJECT_B)).isInstanceOfSatisfying(MembershipForbiddenException.class,
                e -> assertThat(e.hint()).contains("only the image's owner"));
    }

    @Test
    void blankIdsAndBadStatusesAreRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> members.add(" ", PROJECT_B)).isInstanceOf(ValidationException.class).hasMessageContaining("image id");
        assertThatThrownBy(() -> members.add(IMAGE, null)).isInstanceOf(ValidationException.class).hasMessageContaining("project id");
        assertThatThrownBy(() -> members.listForImage("")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> members.get(IMAGE, "")).isInstanceOf(ValidationException.class).hasMessageContaining("member id");
        assertThatThrownBy(() -> members.update(null, PROJECT_B, MemberStatus.ACCEPTED)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> members.remove(IMAGE, " ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> members.update(IMAGE, PROJECT_B, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> members.update(IMAGE, PROJECT_B, MemberStatus.of("all"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("list filter");
        assertThatThrownBy(() -> members.update(IMAGE, PROJECT_B, MemberStatus.of(" "))).isInstanceOf(ValidationException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anImageIdThatIsNotAUuidIsRefusedBeforeAnyRequestButProjectIdsAreFreeForm() {
        String bad = "my-image";
        assertThatThrownBy(() -> members.add(bad, PROJECT_B)).isInstanceOf(ValidationException.class).hasMessageContaining("image id must be a UUID");
        assertThatThrownBy(() -> members.listForImage(bad)).isInstanceOf(ValidationException.class).hasMessageContaining("UUID");
        assertThatThrownBy(() -> members.get(bad, PROJECT_B)).isInstanceOf(ValidationException.class).hasMessageContaining("UUID");
        assertThatThrownBy(() -> members.update(bad, PROJECT_B, MemberStatus.ACCEPTED)).isInstanceOf(ValidationException.class).hasMessageContaining("UUID");
        assertThatThrownBy(() -> members.update(bad, PROJECT_B, MemberStatus.REJECTED)).isInstanceOf(ValidationException.class).hasMessageContaining("UUID");
        assertThatThrownBy(() -> members.remove(bad, PROJECT_B)).isInstanceOf(ValidationException.class).hasMessageContaining("UUID");
        assertThat(server.getRequestCount()).isZero();

        server.enqueue(json(200, "{\"image_id\": \"" + IMAGE + "\", \"member_id\": \"tenant-b\", \"status\": \"pending\"}"));
        assertThat(members.get(IMAGE, "tenant-b").memberId()).isEqualTo("tenant-b");
    }

    @Test
    void aMembershipWithoutMemberIdIsAResponseFormatException() {
        server.enqueue(json(200, "{\"image_id\": \"" + IMAGE + "\", \"status\": \"pending\"}"));
        assertThatThrownBy(() -> members.get(IMAGE, PROJECT_B)).isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("member_id");
    }

    /** Issue 14: like an image, a membership with a wrong-typed value is flagged; one without its ids is unusable. */
    @Test
    void aWrongTypedValueIsFlaggedAndAMembershipWithoutIdsIsAResponseFormatException() {
        server.enqueue(json(200, "{\"member_id\": [\"b\"], \"image_id\": \"" + IMAGE + "\"}"));
        assertThatThrownBy(() -> members.get(IMAGE, PROJECT_B)).isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("member_id");
        server.enqueue(json(200, "{\"member_id\": \"b\", \"image_id\": \"" + IMAGE + "\", \"created_at\": \"yesterday\"}"));
        Member flagged = members.get(IMAGE, PROJECT_B);
        assertThat(flagged.memberId()).isEqualTo("b");
        assertThat(flagged.createdAt()).isNull();
        assertThat(flagged.isWellFormed()).isFalse();
        assertThat(flagged.decodingProblems()).containsExactly("created_at: unparseable timestamp yesterday");
        server.enqueue(json(200, "[]"));
        assertThatThrownBy(() -> members.get(IMAGE, PROJECT_B)).isInstanceOf(ResponseFormatException.class);
    }

    @Test
    void dotSegmentsAsMemberIdsAreRefusedBeforeAnyRequest() {
        // ".." would be resolved away: DELETE /v2/images/{id}/members/.. is DELETE /v2/images/{id}/
        for (String bad : new String[] {".", "..", "a\nb"}) {
            assertThatThrownBy(() -> members.remove(IMAGE, bad)).as(bad).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> members.get(IMAGE, bad)).as(bad).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> members.add(IMAGE, bad)).as(bad).isInstanceOf(ValidationException.class);
        }
        assertThat(server.getRequestCount()).isZero();
    }
}
