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
     * 16 writers, each creating a space link of its own on one image, then half of them deleting theirs. Every write and
     * the adjustment of availability it calls for happen under the image's link-write lock, so nothing is lost and the
     * writers alone leave exactly the projects of the 8 remaining links as members: a reconcile afterwards finds
     * nothing to change. Expected spaces and projects written out by the test's own numbering (odd writers keep).
     */
    @Test
    void sixteenConcurrentWritersOnOneImageLeaveExactlyTheMembersOfTheRemainingLinks() throws Exception {
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
                    ImageLink l = mine.create(LinkCreateOpts.of(imageId, Scope.space(org, "s" + n)));
                    if (n % 2 == 0) {
                        mine.delete(l.linkId());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<String> f : done) {
                f.get(5, java.util.concurrent.TimeUnit.MINUTES);   // any exception of a writer fails the test
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        ImageLinks reader = ImageLinks.inGlance(as(owner), CallerRoles.builder().project(owner).build(), projects);
        List<String> linked = new ArrayList<>();
        for (ImageLink l : reader.listForImage(imageId)) {
            linked.add(l.spaceSlug());
        }
        assertThat(linked).as("no write lost: the odd writers' links remain").containsExactlyInAnyOrder(
                "s1", "s3", "s5", "s7", "s9", "s11", "s13", "s15");
        List<String> keptProjects = List.of(spaceProjects.get(1), spaceProjects.get(3), spaceProjects.get(5),
                spaceProjects.get(7), spaceProjects.get(9), spaceProjects.get(11), spaceProjects.get(13), spaceProjects.get(15));
        List<String> members = Members.of(as(owner)).listForImage(imageId).stream().map(m -> m.memberId()).toList();
        assertThat(members).as("the writers alone left exactly the remaining links' projects as members, once each")
                .containsExactlyInAnyOrderElementsOf(keptProjects);
        ReconcileReport reconcile = reader.reconcile(imageId);
        System.out.println("availability: " + writers + " concurrent writers on one image took " + millis + " ms; a reconcile"
                + " afterwards: " + reconcile.changes());
        assertThat(reconcile.isEmpty()).as("a reconcile afterwards finds nothing: " + reconcile.changes()).isTrue();
        assertThat(Images.of(as(owner)).get(imageId).visibility()).isEqualTo(Visibility.SHARED);
        for (int i = 0; i < writers; i++) {
            String p = spaceProjects.get(i);
            if (keptProjects.contains(p)) {
                assertThat(download(p, imageId)).as("s" + i + " is linked").isEqualTo(DATA);
            } else {
                assertInvisibleTo(p, imageId);
            }
        }
    }
}
