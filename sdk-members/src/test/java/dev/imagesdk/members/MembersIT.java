package dev.imagesdk.members;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.BadRequestException;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.it.RealGlance;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.ListOpts;
import dev.imagesdk.images.model.MemberStatus;
import dev.imagesdk.images.model.UpdateOpts;
import dev.imagesdk.images.model.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.imagesdk.core.it.RealGlance.PROJECT_A;
import static dev.imagesdk.core.it.RealGlance.PROJECT_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sharing between two projects against the real Glance (scripts/glance.sh, trusted-headers mode):
 * project A owns the images, project B is offered them. Every image created here is deleted again.
 */
class MembersIT {
    private Images imagesA;
    private Images imagesB;
    private Members membersA;
    private Members membersB;
    private final List<String> created = new ArrayList<>();
    /**
     * Tags this test's images, and B's listings filter on it (a filter, so what B may see is unchanged): the
     * shared Glance holds other runs' public and community images, created and deleted concurrently, and
     * paging through all of them fails with 400 when the marker image is deleted between two pages.
     */
    private final String runTag = "members-it-" + UUID.randomUUID();

    @BeforeEach
    void clients() {
        ServiceClient a = RealGlance.projectA();
        ServiceClient b = RealGlance.projectB();
        imagesA = Images.of(a);
        imagesB = Images.of(b);
        membersA = Members.of(a);
        membersB = Members.of(b);
    }

    @AfterEach
    void deleteImages() {
        for (String id : created) {
            try {
                imagesA.delete(id);
            } catch (NotFoundException alreadyGone) {
                // deleted by the test itself
            }
        }
    }

    private Image createA(Visibility visibility) {
        Image image = imagesA.create(CreateOpts.builder().name("members-it-" + UUID.randomUUID()).visibility(visibility)
                .tags(runTag).diskFormat(DiskFormat.RAW).containerFormat(ContainerFormat.BARE).build());
        created.add(image.id());
        return image;
    }

    private static List<String> ids(Iterable<Image> images) {
        List<String> ids = new ArrayList<>();
        images.forEach(i -> ids.add(i.id()));
        return ids;
    }

    private List<String> defaultListOfB() {
        return ids(imagesB.list(ListOpts.builder().tag(runTag).build()));
    }

    private List<String> listOfB(Visibility visibility, MemberStatus status) {
        return ids(imagesB.list(ListOpts.builder().tag(runTag).visibility(visibility).memberStatus(status).build()));
    }

    private List<String> listOfB(ListOpts.Builder filter) {
        return ids(imagesB.list(filter.tag(runTag).build()));
    }

    @Test
    void wholeSharingLifecycleBetweenTwoProjects() {
        String id = createA(Visibility.PRIVATE).id();

        // B cannot see A's private image at all.
        assertThatThrownBy(() -> imagesB.get(id)).isInstanceOf(NotFoundException.class);
        assertThat(defaultListOfB()).doesNotContain(id);
        assertThat(listOfB(ListOpts.builder().anyVisibility())).doesNotContain(id);

        // A shares it: the image becomes shared, B is a pending member.
        Member offered = Sharing.share(imagesA, membersA, id, PROJECT_B);
        assertThat(offered.status()).isEqualTo(MemberStatus.PENDING);
        assertThat(offered.memberId()).isEqualTo(PROJECT_B);
        assertThat(offered.imageId()).isEqualTo(id);
        assertThat(offered.createdAt()).isNotNull();
        assertThat(imagesA.get(id).visibility()).isEqualTo(Visibility.SHARED);
        assertThat(membersA.listForImage(id)).extracting(Member::memberId).containsExactly(PROJECT_B);
        assertThat(membersA.get(id, PROJECT_B).status()).isEqualTo(MemberStatus.PENDING);

        // Pending: usable by id, offered with member_status=pending, not in B's default list.
        assertThat(imagesB.get(id).id()).isEqualTo(id);
        assertThat(ids(Sharing.offers(imagesB, MemberStatus.PENDING))).contains(id);
        assertThat(listOfB(Visibility.SHARED, MemberStatus.PENDING)).contains(id);
        assertThat(defaultListOfB()).doesNotContain(id);

        // Sharing again does not make a second offer.
        assertThat(Sharing.share(imagesA, membersA, id, PROJECT_B).status()).isEqualTo(MemberStatus.PENDING);

        // B accepts: in B's default list, no longer pending.
        Member accepted = membersB.update(id, PROJECT_B, MemberStatus.ACCEPTED);
        assertThat(accepted.status()).isEqualTo(MemberStatus.ACCEPTED);
        assertThat(defaultListOfB()).contains(id);
        assertThat(listOfB(Visibility.SHARED, MemberStatus.PENDING)).doesNotContain(id);
        assertThat(listOfB(null, MemberStatus.ACCEPTED)).contains(id);
        assertThat(membersB.listForImage(id)).as("a member sees only its own membership")
                .extracting(Member::memberId).containsExactly(PROJECT_B);

        // B rejects: gone from the default list again (still findable as rejected).
        assertThat(membersB.update(id, PROJECT_B, MemberStatus.REJECTED).status()).isEqualTo(MemberStatus.REJECTED);
        assertThat(defaultListOfB()).doesNotContain(id);
        assertThat(listOfB(Visibility.SHARED, MemberStatus.REJECTED)).contains(id);

        // A removes B: B cannot get the image any more, and the membership is gone.
        membersA.remove(id, PROJECT_B);
        assertThatThrownBy(() -> imagesB.get(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> membersA.get(id, PROJECT_B)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> membersA.remove(id, PROJECT_B)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("not found in the member list");
        assertThat(listOfB(ListOpts.builder().visibility(Visibility.SHARED).anyMemberStatus())).doesNotContain(id);
        assertThat(membersA.listForImage(id)).isEmpty();
    }

    @Test
    void communityImageIsFoundByVisibilityCommunityButNotInTheDefaultList() {
        String id = createA(Visibility.COMMUNITY).id();

        assertThat(imagesB.get(id).visibility()).isEqualTo(Visibility.COMMUNITY);
        assertThat(listOfB(Visibility.COMMUNITY, null)).contains(id);
        assertThat(listOfB(ListOpts.builder().anyVisibility())).contains(id);
        assertThat(defaultListOfB()).doesNotContain(id);
        assertThatThrownBy(() -> Sharing.share(imagesA, membersA, id, PROJECT_B))
                .isInstanceOf(dev.imagesdk.core.error.ValidationException.class);
        assertThatThrownBy(() -> membersA.add(id, PROJECT_B)).isInstanceOf(MembershipForbiddenException.class);
    }

    @Test
    void projectBCanNeitherUpdateNorDeleteProjectAsImages() {
        String community = createA(Visibility.COMMUNITY).id();
        String priv = createA(Visibility.PRIVATE).id();
        String shared = createA(Visibility.SHARED).id();
        membersA.add(shared, PROJECT_B);
        membersB.update(shared, PROJECT_B, MemberStatus.ACCEPTED);
        UpdateOpts rename = UpdateOpts.builder().name("hijacked").build();

        // Glance answers 403 for images B can see, 404 for images B cannot see.
        assertThatThrownBy(() -> imagesB.update(community, rename)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("You do not own this image");
        assertThatThrownBy(() -> imagesB.update(shared, rename)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> imagesB.delete(community)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> imagesB.delete(shared)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> imagesB.update(priv, rename)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> imagesB.delete(priv)).isInstanceOf(NotFoundException.class);

        for (String id : List.of(community, priv, shared)) {
            assertThat(imagesA.get(id).name()).startsWith("members-it-");
        }
    }

    @Test
    void aMemberCannotAnswerForAnotherMember() {
        String shared = createA(Visibility.SHARED).id();
        String projectC = UUID.randomUUID().toString().replace("-", "");
        membersA.add(shared, PROJECT_B);
        membersA.add(shared, projectC);

        assertThatThrownBy(() -> membersB.update(shared, projectC, MemberStatus.ACCEPTED)).isInstanceOfSatisfying(MembershipNotFoundException.class,
                e -> assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains(projectC + " not found in the member list")));
        assertThatThrownBy(() -> membersB.get(shared, projectC)).isInstanceOf(MembershipNotFoundException.class);
        assertThat(membersA.get(shared, projectC).status()).isEqualTo(MemberStatus.PENDING);
        assertThat(membersA.listForImage(shared)).extracting(Member::memberId).containsExactlyInAnyOrder(PROJECT_B, projectC);
    }

    @Test
    void refusalsComeBackAsTypedExceptionsWithGlancesMessages() {
        String priv = createA(Visibility.PRIVATE).id();
        String shared = createA(Visibility.SHARED).id();

        assertThatThrownBy(() -> membersA.add(priv, PROJECT_B)).isInstanceOfSatisfying(MembershipForbiddenException.class, e -> {
            assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains("Not allowed to create members"));
            assertThat(e.requestId()).hasValueSatisfying(r -> assertThat(r).startsWith("req-"));
        });

        membersA.add(shared, PROJECT_B);
        assertThatThrownBy(() -> membersA.add(shared, PROJECT_B)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("duplicated");
        assertThatThrownBy(() -> membersA.update(shared, PROJECT_B, MemberStatus.ACCEPTED)).as("the owner cannot accept on B's behalf")
                .isInstanceOfSatisfying(MembershipForbiddenException.class,
                        e -> assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains("Not allowed to update members")));
        assertThatThrownBy(() -> membersB.update(shared, PROJECT_B, MemberStatus.of("maybe")))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains("Status must be")));
        assertThatThrownBy(() -> membersB.update(shared, PROJECT_A, MemberStatus.ACCEPTED)).as("B cannot answer for another project")
                .isInstanceOf(MembershipNotFoundException.class).hasMessageContaining("not found in the member list");
        assertThatThrownBy(() -> membersB.remove(shared, PROJECT_B)).as("a member cannot remove itself")
                .isInstanceOfSatisfying(MembershipForbiddenException.class,
                        e -> assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains("Not allowed to delete members")));
        assertThatThrownBy(() -> membersB.add(shared, PROJECT_A)).as("a member cannot offer the image to others")
                .isInstanceOf(MembershipForbiddenException.class);
        assertThat(membersB.update(shared, PROJECT_B, MemberStatus.PENDING).status()).isEqualTo(MemberStatus.PENDING);
        assertThat(membersA.listForImage(shared).stream().map(Member::status).collect(Collectors.toList()))
                .containsExactly(MemberStatus.PENDING);
    }

    @Test
    void aPublicImageHasNoMembersEvenForAnAdministrator() {
        // visibility=public needs admin under Glance's default policy; the admin's own public image still refuses members
        ServiceClient admin = RealGlance.admin();
        Images imagesAdmin = Images.of(admin);
        Image pub = imagesAdmin.create(CreateOpts.builder().name("members-it-" + UUID.randomUUID()).visibility(Visibility.PUBLIC)
                .tags(runTag).build());
        try {
            assertThat(pub.visibility()).isEqualTo(Visibility.PUBLIC);
            assertThatThrownBy(() -> Members.of(admin).add(pub.id(), PROJECT_B))
                    .isInstanceOfSatisfying(MembershipForbiddenException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains("Not allowed to create members"));
                        assertThat(e.getMessage()).contains("'shared'");
                    });
            assertThatThrownBy(() -> Sharing.share(imagesAdmin, Members.of(admin), pub.id(), PROJECT_B))
                    .as("the workflow does not silently narrow a public image").isInstanceOf(dev.imagesdk.core.error.ValidationException.class);
        } finally {
            imagesAdmin.delete(pub.id());
        }
    }
}
