package dev.imagesdk.links;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.UnauthorizedException;
import dev.imagesdk.core.it.RealGlance;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.MemberStatus;
import dev.imagesdk.images.model.Visibility;
import dev.imagesdk.links.access.KeystoneRoles;
import dev.imagesdk.links.access.KeystoneScopeProjects;
import dev.imagesdk.links.access.ScopeProjects;
import dev.imagesdk.members.Members;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Availability follows the links (issue 15), checked as real Keystone users against the real keystone-mode Glance:
 * every request below carries a Keystone token of the user named (password login through the SDK's Keystone auth,
 * the image endpoint from the catalog of {@code IMAGESDK_KEYSTONE_REGION}, default RegionOne: Glance 25.1 in the
 * first stage of {@code scripts/test-all.sh}, RegionTwo's Glance 30.0 in the second). No trusted headers.
 *
 * <p>Users and projects as {@code scripts/keystone.sh} provisions them: carol (member of acme, organization
 * {@code acme}) owns the image; dave (member of acme-ml-lab only, space {@code acme/ml-lab}); erin (member of globex,
 * organization {@code globex}); frank (member of the disabled initech and of guests). The projects of the scopes come
 * from the ids the script exports ({@code IMAGESDK_KEYSTONE_*_PROJECT_ID}), or, for the globex and initech links, from
 * Keystone by tag ({@link KeystoneScopeProjects} with the administrator's token). Expected outcomes are written by
 * hand from that provisioning. Skipped without {@code IMAGESDK_KEYSTONE_URL}, failed instead when
 * {@code IMAGESDK_IT_REQUIRED=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeystoneAvailabilityIT {
    private static final byte[] DATA = ("an image of acme, downloaded by a user of the space acme/ml-lab with his own "
            + "Keystone token").getBytes(StandardCharsets.UTF_8);

    private final String run = "kavail-" + UUID.randomUUID().toString().substring(0, 8);
    private ServiceClient carol;
    private ServiceClient dave;
    private ServiceClient erin;
    private ServiceClient admin;
    private String acmeProject;
    private String mlLabProject;
    private String globexProject;
    private ImageLinks carolLinks;
    private String imageId;

    @BeforeAll
    void logIn() {
        RealGlance.require("IMAGESDK_KEYSTONE_URL");
        acmeProject = RealGlance.require("IMAGESDK_KEYSTONE_ACME_PROJECT_ID");
        mlLabProject = RealGlance.require("IMAGESDK_KEYSTONE_ACME_ML_LAB_PROJECT_ID");
        globexProject = RealGlance.require("IMAGESDK_KEYSTONE_GLOBEX_PROJECT_ID");
        String password = KeystoneScopeMatrixIT.setting("IMAGESDK_KEYSTONE_ALICE_PASSWORD", "demo-secret");
        String region = KeystoneScopeMatrixIT.setting("IMAGESDK_KEYSTONE_REGION", "RegionOne");
        carol = KeystoneScopeMatrixIT.client("carol", password, "acme", region);
        dave = KeystoneScopeMatrixIT.client("dave", password, "acme-ml-lab", region);
        erin = KeystoneScopeMatrixIT.client("erin", password, "globex", region);
        admin = KeystoneScopeMatrixIT.client("admin", KeystoneScopeMatrixIT.setting("IMAGESDK_KEYSTONE_ADMIN_PASSWORD",
                "admin-secret"), "admin", region);
        ScopeProjects projects = ScopeProjects.builder()
                .organization("acme", acmeProject)
                .space("acme", "ml-lab", mlLabProject)
                .organization("globex", globexProject)
                .build();
        carolLinks = ImageLinks.inGlance(carol, KeystoneRoles.of(carol), projects);
    }

    @AfterAll
    void logOut() {
        for (ServiceClient c : new ServiceClient[] {carol, dave, erin, admin}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @BeforeEach
    void image() {
        Images images = Images.of(carol);
        Image image = images.create(CreateOpts.builder().name(run).diskFormat(DiskFormat.RAW)
                .containerFormat(ContainerFormat.BARE).build());
        imageId = image.id();
        images.upload(imageId, new ByteArrayInputStream(DATA), DATA.length);
        // the token of carol acts for acme: Glance made acme the owner
        assertThat(images.get(imageId).owner()).isEqualTo(acmeProject);
    }

    @AfterEach
    void deleteImage() {
        if (imageId != null) {
            try {
                Images.of(carol).delete(imageId);
            } catch (RuntimeException e) {
                System.err.println("could not delete test image " + imageId + ": " + e.getMessage());
            }
        }
    }

    private byte[] download(ServiceClient as) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Images.of(as).download(imageId, out);
        return out.toByteArray();
    }

    private void assertInvisibleTo(ServiceClient as) {
        assertThatThrownBy(() -> Images.of(as).get(imageId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> download(as)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void daveOfTheSpaceProjectReadsAndDownloadsThroughASpaceLinkAndLosesItWhenTheLinkGoes() {
        long t0 = System.nanoTime();
        assertInvisibleTo(dave);
        assertInvisibleTo(erin);

        long c0 = System.nanoTime();
        ImageLink link = carolLinks.create(LinkCreateOpts.of(imageId, Scope.space("acme", "ml-lab")));
        long created = System.nanoTime();

        assertThat(Images.of(dave).get(imageId).id()).isEqualTo(imageId);
        assertThat(download(dave)).isEqualTo(DATA);
        assertInvisibleTo(erin);
        assertThat(Members.of(carol).listForImage(imageId)).extracting(m -> m.memberId() + ":" + m.status().value())
                .containsExactly(mlLabProject + ":pending");
        // dave accepts for his project with his own token: then the image is in his default list as well
        Members.of(dave).update(imageId, mlLabProject, MemberStatus.ACCEPTED);
        assertThat(Images.of(dave).list()).extracting(Image::id).contains(imageId);

        long t1 = System.nanoTime();
        carolLinks.delete(link.linkId());
        long deleted = System.nanoTime();

        assertInvisibleTo(dave);
        assertInvisibleTo(erin);
        assertThat(Members.of(carol).listForImage(imageId)).isEmpty();
        assertThat(Images.of(carol).get(imageId).visibility()).isEqualTo(Visibility.SHARED);
        System.out.printf("KeystoneAvailabilityIT (%s): space link create %d ms, delete %d ms, whole check %d ms%n",
                KeystoneScopeMatrixIT.setting("IMAGESDK_KEYSTONE_REGION", "RegionOne"),
                (created - c0) / 1_000_000, (deleted - t1) / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    void anOrganizationLinkToAnotherOrganizationSharesWithItsProjectOnlyUntilItGoes() {
        assertInvisibleTo(erin);

        // the projects looked up in Keystone by tag this time (with the administrator's token, which may list
        // projects), not the hand table; carol owns the image, so she may link it to an organization she has no role
        // in (the owner manages links)
        KeystoneScopeProjects fromKeystone = KeystoneScopeProjects.of(admin);
        ImageLinks links = ImageLinks.inGlance(carol, KeystoneRoles.of(carol), fromKeystone);
        ImageLink link = links.create(LinkCreateOpts.of(imageId, Scope.organization("globex")));
        assertThat(fromKeystone.keystoneRequests()).isEqualTo(1);

        assertThat(Images.of(erin).get(imageId).id()).isEqualTo(imageId);
        assertThat(download(erin)).isEqualTo(DATA);
        assertInvisibleTo(dave);
        assertThat(Members.of(carol).listForImage(imageId)).extracting(m -> m.memberId() + ":" + m.status().value())
                .containsExactly(globexProject + ":pending");

        links.delete(link.linkId());

        assertInvisibleTo(erin);
        assertThat(Members.of(carol).listForImage(imageId)).isEmpty();
    }

    @Test
    void anOrganizationLinkToADisabledOrganizationGrantsNobodyAnything() {
        String initech = RealGlance.require("IMAGESDK_KEYSTONE_INITECH_PROJECT_ID");
        String password = KeystoneScopeMatrixIT.setting("IMAGESDK_KEYSTONE_ALICE_PASSWORD", "demo-secret");
        String region = KeystoneScopeMatrixIT.setting("IMAGESDK_KEYSTONE_REGION", "RegionOne");
        KeystoneScopeProjects fromKeystone = KeystoneScopeProjects.of(admin);
        ImageLinks links = ImageLinks.inGlance(carol, KeystoneRoles.of(carol), fromKeystone);

        links.create(LinkCreateOpts.of(imageId, Scope.organization("initech")));

        // the disabled organization's project is still its project, and becomes a member ...
        assertThat(Members.of(carol).listForImage(imageId)).extracting(m -> m.memberId() + ":" + m.status().value())
                .containsExactly(initech + ":pending");
        // ... but nobody can act for it: frank, who has a role on initech, gets no token scoped to it
        try (ServiceClient frankAtInitech = KeystoneScopeMatrixIT.client("frank", password, "initech", region);
             ServiceClient frankAtGuests = KeystoneScopeMatrixIT.client("frank", password, "guests", region)) {
            assertThatThrownBy(() -> Images.of(frankAtInitech).get(imageId)).isInstanceOf(UnauthorizedException.class);
            assertInvisibleTo(frankAtGuests);
        }
    }

    @Test
    void anOrganizationLinkOfTheOwnersOwnOrganizationSharesWithNobodyElse() {
        carolLinks.create(LinkCreateOpts.of(imageId, Scope.organization("acme")));

        // acme owns the image already: no member is added, the space's project gets nothing from an org link
        assertThat(Members.of(carol).listForImage(imageId)).isEmpty();
        assertInvisibleTo(dave);
        assertInvisibleTo(erin);
        assertThat(download(carol)).isEqualTo(DATA);
    }
}
