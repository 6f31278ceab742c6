package dev.imagesdk.testing.contract;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.RealKeystone;
import dev.imagesdk.core.it.RealGlance;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.links.ImageLinks;
import dev.imagesdk.links.ImageSource;
import dev.imagesdk.links.OrganizationImage;
import dev.imagesdk.links.OrganizationImages;
import dev.imagesdk.links.Provenance;
import dev.imagesdk.links.access.CallerRoles;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organization images through Keystone (the keystone-mode Glance of the test region, found in the catalog): the
 * region is the catalog's, and "by whom" is the token's user when the caller does not say.
 */
class OrganizationImagesKeystoneIT {
    @Test
    void theRegionComesFromTheCatalogAndTheCreatorFromTheToken() {
        String org = "it-korg-" + UUID.randomUUID().toString().substring(0, 8);
        try (ServiceClient alice = ServiceClient.builder().auth(RealKeystone.alice().build()).build()) {
            OrganizationImages images = ImageLinks.inGlance(alice, CallerRoles.builder().orgRole(org, "member").build())
                    .organization(org);

            assertThat(images.region()).contains(RealKeystone.region());
            assertThat(alice.endpoint().toString()).startsWith(RealKeystone.catalogImageUrl());

            OrganizationImage made = images.create(CreateOpts.builder().name("it-korg").build(), ImageSource.none());
            try {
                String aliceId = RealGlance.setting("IMAGESDK_KEYSTONE_ALICE_USER_ID");
                assertThat(made.provenance().flatMap(Provenance::by)).isPresent();
                if (aliceId != null) {
                    assertThat(made.provenance().flatMap(Provenance::by)).contains(aliceId);
                }
                assertThat(images.list().stream().map(OrganizationImage::id).collect(Collectors.toList()))
                        .containsExactly(made.id());
            } finally {
                Images.of(alice).delete(made.id());
            }
        }
    }
}
