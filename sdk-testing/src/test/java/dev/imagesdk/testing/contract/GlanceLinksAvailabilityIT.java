package dev.imagesdk.testing.contract;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.it.RealGlance;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.MemberStatus;
import dev.imagesdk.images.model.Visibility;
import dev.imagesdk.links.AvailabilityChange;
import dev.imagesdk.links.ImageLink;
import dev.imagesdk.links.ImageLinks;
import dev.imagesdk.links.LinkCreateOpts;
import dev.imagesdk.links.ReconcileReport;
import dev.imagesdk.links.Scope;
import dev.imagesdk.links.access.CallerRoles;
import dev.imagesdk.links.access.ScopeProjects;
import dev.imagesdk.members.Members;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Availability follows the links kept in the real Glance ({@code ImageLinks.inGlance(client, caller, projects)};
 * headers mode, failsafe, CI; Glance 25.1 and, in the second run of {@code scripts/test-all.sh}, 30.0). Each project
 * acts through Glance's trusted identity headers ({@code X-Project-Id}), so "checked as that user" is a request
 * of a user of that project. Fresh random projects per test: the owner, the organization's project, its space's
 * project, and a project with no role anywhere. Expected members and visibilities written by hand.
 */
class GlanceLinksAvailabilityIT {
    private static final byte[] DATA = "a small image, read back by the space project".getBytes(StandardCharsets.UTF_8);

    private final String owner = project();
    private final String orgProject = project();
    private final String spaceProject = project();
    private final String outsider = project();
    private final String org = "avail-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> created = new ArrayList<>();
    private ImageLinks links;
    private String imageId;

    private static String project() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static ServiceClient as(String project) {
        return RealGlance.projectA().withAuth(Auth.trustedHeaders(project, "user-" + project.substring(0, 8), "member", "reader"));
    }

    @BeforeEach
    void image() {
        ScopeProjects projects = ScopeProjects.builder().organization(org, orgProject).space(org, "lab", spaceProject).build();
        links = ImageLinks.inGlance(as(owner), CallerRoles.builder().project(owner).build(), projects);
        Images images = Images.of(as(owner));
        Image image = images.create(CreateOpts.builder().name("availability-it").diskFormat(DiskFormat.RAW)
                .containerFormat(ContainerFormat.BARE).build());
        imageId = image.id();
        created.add(imageId);
        images.upload(imageId, new ByteArrayInputStream(DATA), DATA.length);
    }

    @AfterEach
    void cleanUp() {
        for (String id : created) {
            try {
                Images.of(as(owner)).delete(id);
            } catch (NotFoundException gone) {
                // deleted by the test
            }
        }
    }

    private static byte[] download(String project, String imageId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Images.of(as(project)).download(imageId, out);
        return out.toByteArray();
    }

    private static void assertInvisibleTo(String project, String imageId) {
        assertThatThrownBy(() -> Images.of(as(project)).get(imageId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> download(project, imageId)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aUserOfTheSpaceProjectReadsAndDownloadsTheImageThroughASpaceLinkAndLosesItWhenTheLinkGoes() {
        assertInvisibleTo(spaceProject, imageId);

        ImageLink link = links.create(LinkCreateOpts.of(imageId, Scope.space(org, "lab")));

        assertThat(Images.of(as(spaceProject)).get(imageId).id()).isEqualTo(imageId);
        assertThat(download(spaceProject, imageId)).isEqualTo(DATA);
        assertThat(Members.of(as(owner)).listForImage(imageId)).extracting(m -> m.memberId() + ":" + m.status().value())
                .containsExactly(spaceProject + ":pending");
        // the member side accepts with its own credentials: then the image is in its default list too
        Members.of(as(spaceProject)).update(imageId, spaceProject, MemberStatus.ACCEPTED);
        assertThat(Images.of(as(spaceProject)).list()).extracting(Image::id).contains(imageId);
        assertInvisibleTo(orgProject, imageId);
        assertInvisibleTo(outsider, imageId);

        links.delete(link.linkId());

        assertInvisibleTo(spaceProject, imageId);
        assertThat(Members.of(as(owner)).listForImage(imageId)).isEmpty();
        assertThat(Images.of(as(owner)).get(imageId).visibility()).isEqualTo(Visibility.SHARED);
    }

    @Test
    void anOrganizationLinkSharesWithTheOrganizationsProjectButNotWithAProjectOfOneOfItsSpaces() {
        links.create(LinkCreateOpts.of(imageId, Scope.organization(org)));

        assertThat(download(orgProject, imageId)).isEqualTo(DATA);
        assertInvisibleTo(spaceProject, imageId);
        assertInvisibleTo(outsider, imageId);
    }

    @Test
    void aGlobalLinkMakesTheImageCommunityAndItsRemovalMakesItSharedAgain() {
        ImageLink global = links.create(LinkCreateOpts.of(imageId, Scope.global()));

        assertThat(Images.of(as(owner)).get(imageId).visibility()).isEqualTo(Visibility.COMMUNITY);
        assertThat(download(outsider, imageId)).isEqualTo(DATA);

        links.delete(global.linkId());

        assertThat(Images.of(as(owner)).get(imageId).visibility()).isEqualTo(Visibility.SHARED);
        assertInvisibleTo(outsider, imageId);
    }

    @Test
    void reconcileRepairsAHandRemovedAndAHandAddedMemberReportsItAndTheSecondRunReportsNothing() {
        links.create(LinkCreateOpts.of(imageId, Scope.space(org, "lab")));
        links.create(LinkCreateOpts.of(imageId, Scope.organization(org)));
        Members byHand = Members.of(as(owner));
        byHand.remove(imageId, spaceProject);
        byHand.add(imageId, outsider);
        assertInvisibleTo(spaceProject, imageId);

        ReconcileReport first = links.reconcile(imageId);

        assertThat(first.imagesChecked()).isEqualTo(1);
        assertThat(first.changes()).containsExactly(new AvailabilityChange(imageId, Visibility.SHARED, Visibility.SHARED,
                List.of(spaceProject), List.of(outsider)));
        assertThat(first.unresolved()).isEmpty();
        assertThat(download(spaceProject, imageId)).isEqualTo(DATA);
        assertInvisibleTo(outsider, imageId);

        ReconcileReport second = links.reconcile(imageId);

        assertThat(second.isEmpty()).isTrue();
        assertThat(second.imagesChecked()).isEqualTo(1);
        // every image of the owner's project: this one, in line already
        assertThat(links.reconcile().changes()).isEmpty();
    }

    /**
     * 16 writers, each creating a space link of its own on one image, then half of them deleting theirs. What the SDK
     * guarantees under such contention, and only that, is asserted: each write either holds when its call returns or
     * fails with the documented concurrent-write outcomes ({@code ConflictException}: undone too often;
     * {@code NotFoundException}: the link was taken away by a concurrent patch); Glance's read-modify-write
     * {@code PATCH} can still undo a write after its read-back (a delete comes back, a create is lost: the link writes'
     * limit), and a writer can run out of adjustment rounds; the SDK never shares with a project that is not a links'
     * project; and once the writers are done, one reconcile leaves exactly the projects of the links present as members
     * and a second reconcile finds nothing. Whether the writers alone left the members in line is printed (measured),
     * not asserted.
     */
    @Test
    void sixteenConcurrentWritersOnOneImageThenOneReconcileLeavesExactlyTheMembersOfTheRemainingLinks() throws Exception {
        int writers = 16;
        List<String> spaceProjects = new ArrayList<>();
        ScopeProjects.Builder table = ScopeProjects.builder();
        for (int i = 0; i < writers; i++) {
            spaceProjects.add(project());
            table.space(org, "s" + i, spaceProjects.get(i));
        }
        ScopeProjects projects = table.build();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<String>> done = new ArrayList<>();
        long began = System.nanoTime();
        try {
            for (int i = 0; i < writers; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    start.await();
                    ImageLinks mine = ImageLinks.inGlance(as(owner), CallerRoles.builder().project(owner).build(), projects);
                    ImageLink l;
                    try {
                        l = mine.create(LinkCreateOpts.of(imageId, Scope.space(org, "s" + n)));
                    } catch (dev.imagesdk.core.error.ConflictException | NotFoundException concurrent) {
                        return "create of s" + n + ": " + concurrent.getMessage();
                    }
                    if (n % 2 == 0) {
                        try {
                            mine.delete(l.linkId());
                        } catch (dev.imagesdk.core.error.ConflictException | NotFoundException concurrent) {
                            return "delete of s" + n + ": " + concurrent.getMessage();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            List<String> concurrentOutcomes = new ArrayList<>();
            for (java.util.concurrent.Future<String> f : done) {
                String outcome = f.get(5, java.util.concurrent.TimeUnit.MINUTES);   // any other exception fails the test
                if (outcome != null) {
                    concurrentOutcomes.add(outcome);
                }
            }
            System.out.println("availability: writes that failed with a concurrent-write outcome: " + concurrentOutcomes);
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        ImageLinks reader = ImageLinks.inGlance(as(owner), CallerRoles.builder().project(owner).build(), projects);
        List<String> linked = new ArrayList<>();
        int deletedButPresent = 0;
        for (ImageLink l : reader.listForImage(imageId)) {
            int n = Integer.parseInt(l.spaceSlug().substring(1));
            linked.add(spaceProjects.get(n));
            if (n % 2 == 0) {
                deletedButPresent++;
            }
        }
        List<String> membersByWriters = Members.of(as(owner)).listForImage(imageId).stream().map(m -> m.memberId()).toList();
        boolean inLineByWriters = membersByWriters.size() == linked.size()
                && new java.util.HashSet<>(membersByWriters).equals(new java.util.HashSet<>(linked));
        assertThat(membersByWriters).as("the SDK shares only with projects of the links' scopes").isSubsetOf(spaceProjects);

        ReconcileReport first = reader.reconcile(imageId);
        List<String> members = Members.of(as(owner)).listForImage(imageId).stream().map(m -> m.memberId()).toList();
        ReconcileReport second = reader.reconcile(imageId);

        System.out.println("availability: " + writers + " concurrent writers on one image took " + millis + " ms; links left "
                + linked.size() + " (8 without the link writes' limit; deletes undone by a concurrent patch: " + deletedButPresent
                + "), members left by the writers " + membersByWriters.size() + " (exactly the links' projects: "
                + inLineByWriters + "); first reconcile afterwards: " + first.changes());
        assertThat(members).as("after one reconcile the members are exactly the projects of the links present")
                .containsExactlyInAnyOrderElementsOf(linked);
        assertThat(second.isEmpty()).as("a second reconcile finds nothing: " + second.changes()).isTrue();
        assertThat(Images.of(as(owner)).get(imageId).visibility()).isEqualTo(Visibility.SHARED);
        for (int i = 0; i < writers; i++) {
            String p = spaceProjects.get(i);
            if (linked.contains(p)) {
                assertThat(download(p, imageId)).as("s" + i + " is linked").isEqualTo(DATA);
            } else {
                assertInvisibleTo(p, imageId);
            }
        }
    }
}
