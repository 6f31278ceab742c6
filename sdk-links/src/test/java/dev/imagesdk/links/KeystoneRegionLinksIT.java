package dev.imagesdk.links;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.it.RealGlance;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.links.access.KeystoneRoles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each region's Glance keeps its own links: carol (organization acme) publishes an image with an acme link in
 * RegionOne and one in RegionTwo, the client's region (catalog) picking the Glance; each region lists only its own.
 * Needs RegionTwo's keystone-mode Glance ({@code scripts/keystone.sh} registers {@code GLANCE_REGION2_PORT}), which the
 * second stage of {@code scripts/test-all.sh} starts and announces with {@code IMAGESDK_REGION2_GLANCE=up}; skipped
 * without it. The regions are RegionOne and {@code IMAGESDK_KEYSTONE_REGION2} (default RegionTwo), whatever
 * {@code IMAGESDK_KEYSTONE_REGION} says.
 */
class KeystoneRegionLinksIT {

    @Test
    void linksCreatedInOneRegionAreNotListedInTheOther() {
        RealGlance.require("IMAGESDK_KEYSTONE_URL");
        Assumptions.assumeTrue("up".equals(RealGlance.setting("IMAGESDK_REGION2_GLANCE")),
                "IMAGESDK_REGION2_GLANCE=up is not set: RegionTwo's Glance is started by the second stage of scripts/test-all.sh");
        String password = KeystoneScopeMatrixIT.setting("IMAGESDK_KEYSTONE_ALICE_PASSWORD", "demo-secret");
        String run = "kroles-region-" + UUID.randomUUID().toString().substring(0, 8);
        List<Runnable> cleanUp = new ArrayList<>();
        try (ServiceClient one = KeystoneScopeMatrixIT.client("carol", password, "acme",
                "RegionOne");
             ServiceClient two = KeystoneScopeMatrixIT.client("carol", password, "acme",
                     KeystoneScopeMatrixIT.setting("IMAGESDK_KEYSTONE_REGION2", "RegionTwo"))) {
            try {
                assertThat(one.serviceRoot()).isNotEqualTo(two.serviceRoot());
                ImageLinks linksOne = ImageLinks.inGlance(one, KeystoneRoles.of(one));
                ImageLinks linksTwo = ImageLinks.inGlance(two, KeystoneRoles.of(two));
                PublishedImage inOne = linksOne.publish(CreateOpts.builder().name(run + "-one").build(), Scope.organization("acme"));
                cleanUp.add(() -> Images.of(one).delete(inOne.image().id()));
                PublishedImage inTwo = linksTwo.publish(CreateOpts.builder().name(run + "-two").build(), Scope.organization("acme"));
                cleanUp.add(() -> Images.of(two).delete(inTwo.image().id()));
                String linkOne = inOne.links().get(0).linkId();
                String linkTwo = inTwo.links().get(0).linkId();

                List<String> listedOne = new ArrayList<>();
                linksOne.list(LinkListOpts.builder().orgSlug("acme").build()).forEach(l -> listedOne.add(l.linkId()));
                List<String> listedTwo = new ArrayList<>();
                linksTwo.list(LinkListOpts.builder().orgSlug("acme").build()).forEach(l -> listedTwo.add(l.linkId()));

                assertThat(listedOne).contains(linkOne).doesNotContain(linkTwo);
                assertThat(listedTwo).contains(linkTwo).doesNotContain(linkOne);
                assertThatThrownBy(() -> linksOne.listForImage(inTwo.image().id())).isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> linksTwo.get(linkOne)).isInstanceOf(NotFoundException.class);
            } finally {
                for (Runnable r : cleanUp) {
                    try {
                        r.run();
                    } catch (RuntimeException e) {
                        System.err.println("could not delete a test image: " + e.getMessage());
                    }
                }
            }
        }
    }
}
