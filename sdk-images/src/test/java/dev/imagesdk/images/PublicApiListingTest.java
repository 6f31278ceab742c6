package dev.imagesdk.images;


import dev.imagesdk.core.contract.ApiListing;

import org.junit.jupiter.api.Test;

/**
 * The public API of sdk-images (the packages its module-info exports) equals the committed {@code api/sdk-images.api}.
 * After an intended API change regenerate it with {@code mvn -o test -Dimagesdk.api.update=true} and commit it.
 */
class PublicApiListingTest {
    @Test
    void publicApiEqualsTheCommittedListing() {
        ApiListing.verify(ApiListing.currentModule());
    }
}
