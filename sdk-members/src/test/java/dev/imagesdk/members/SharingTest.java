package dev.imagesdk.members;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.MemberStatus;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import static dev.imagesdk.members.GlanceAnswers.IMAGE;
import static dev.imagesdk.members.GlanceAnswers.PROJECT_B;
import static dev.imagesdk.members.GlanceAnswers.error;
import static dev.imagesdk.members.GlanceAnswers.image;
import static dev.imagesdk.members.GlanceAnswers.json;
import static dev.imagesdk.members.GlanceAnswers.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharingTest {
    private MockWebServer server;
    private Images images;
    private Members members;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        ServiceClient client = ServiceClient.builder().endpoint(server.url("/").toString()).auth(Auth.token("t"))
                .retryPolicy(RetryPolicy.none()).build();
        images = Images.of(client);
        members = Members.of(client);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sharingAPrivateImageMakesItSharedThenAddsTheMember() throws InterruptedException {
        server.enqueue(json(200, image("private")));
        server.enqueue(json(200, image("shared")));
        server.enqueue(json(200, member("pending")));

        Member m = Sharing.share(images, members, IMAGE, PROJECT_B);

        assertThat(m.status()).isEqualTo(MemberStatus.PENDING);
        RecordedRequest get = server.takeRequest();
        assertThat(get.getMethod() + " " + get.getTarget()).isEqualTo("GET /v2/images/" + IMAGE);
        RecordedRequest patch = server.takeRequest();
        assertThat(patch.getMethod() + " " + patch.getTarget()).isEqualTo("PATCH /v2/images/" + IMAGE);
        assertThat(patch.getHeaders().get("Content-Type")).startsWith("application/openstack-images-v2.1-json-patch");
        assertThat(patch.getBody().utf8()).contains("\"op\":\"replace\"", "\"path\":\"/visibility\"", "\"value\":\"shared\"");
        RecordedRequest add = server.takeRequest();
        assertThat(add.getMethod() + " " + add.getTarget()).isEqualTo("POST /v2/images/" + IMAGE + "/members");
        assertThat(add.getBody().utf8()).isEqualTo("{\"member\":\"" + PROJECT_B + "\"}");
    }

    @Test
    void sharingAnAlreadySharedImageOnlyAddsTheMember() throws InterruptedException {
        server.enqueue(json(200, image("shared")));
        server.enqueue(json(200, member("pending")));

        Sharing.share(images, members, IMAGE, PROJECT_B);

        assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
        assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void sharingWithAnExistingMemberReturnsItsMembershipUnchanged() throws InterruptedException {
        server.enqueue(json(200, image("shared")));
        server.enqueue(error(409, "Conflict", "Member " + PROJECT_B + " is duplicated for image " + IMAGE));
        server.enqueue(json(200, member("accepted")));

        Member m = Sharing.share(images, members, IMAGE, PROJECT_B);

        assertThat(m.status()).isEqualTo(MemberStatus.ACCEPTED);
        server.takeRequest();
        server.takeRequest();
        RecordedRequest get = server.takeRequest();
        assertThat(get.getMethod() + " " + get.getTarget()).isEqualTo("GET /v2/images/" + IMAGE + "/members/" + PROJECT_B);
    }

    @Test
    void communityAndPublicImagesAreNotSilentlyNarrowed() {
        for (String visibility : List.of("community", "public")) {
            server.enqueue(json(200, image(visibility)));
            assertThatThrownBy(() -> Sharing.share(images, members, IMAGE, PROJECT_B))
                    .isInstanceOf(ValidationException.class).hasMessageContaining(visibility).hasMessageContaining("explicitly");
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anImageTheCallerCannotSeeIsNotFoundAndNothingElseIsSent() {
        server.enqueue(error(404, "Not Found", "No image found with ID " + IMAGE));
        assertThatThrownBy(() -> Sharing.share(images, members, IMAGE, PROJECT_B)).isInstanceOf(NotFoundException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anImageOfAnotherProjectCannotBeMadeShared() {
        server.enqueue(json(200, image("private")));
        server.enqueue(error(403, "Forbidden", "You do not own this image"));
        assertThatThrownBy(() -> Sharing.share(images, members, IMAGE, PROJECT_B)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("You do not own this image");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void offersWithPendingListsSharedImagesWithMemberStatusPending() throws InterruptedException {
        server.enqueue(json(200, "{\"images\": [" + image("shared") + "], \"first\": \"/v2/images\", \"schema\": \"/v2/schemas/images\"}"));

        List<String> ids = Sharing.offers(images, MemberStatus.PENDING).stream().map(Image::id).collect(Collectors.toList());

        assertThat(ids).containsExactly(IMAGE);
        RecordedRequest r = server.takeRequest();
        assertThat(r.getUrl().queryParameter("visibility")).isEqualTo("shared");
        assertThat(r.getUrl().queryParameter("member_status")).isEqualTo("pending");
    }

    @Test
    void offersFiltersByAnyMemberStatus() throws InterruptedException {
        server.enqueue(json(200, "{\"images\": [], \"first\": \"/v2/images\", \"schema\": \"/v2/schemas/images\"}"));
        assertThat(Sharing.offers(images).stream()).isEmpty();
        RecordedRequest r = server.takeRequest();
        assertThat(r.getUrl().queryParameter("member_status")).isEqualTo("all");
        assertThatThrownBy(() -> Sharing.offers(images, null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void acceptAnswersTheOfferAsTheMember() throws InterruptedException {
        server.enqueue(json(200, member("accepted")));
        assertThat(members.update(IMAGE, PROJECT_B, MemberStatus.ACCEPTED).isAccepted()).isTrue();
        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod() + " " + r.getTarget()).isEqualTo("PUT /v2/images/" + IMAGE + "/members/" + PROJECT_B);
    }

    @Test
    void blankIdsAreRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> Sharing.share(images, members, "", PROJECT_B)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Sharing.share(images, members, IMAGE, " ")).isInstanceOf(ValidationException.class);
        assertThat(server.getRequestCount()).isZero();
    }
}
