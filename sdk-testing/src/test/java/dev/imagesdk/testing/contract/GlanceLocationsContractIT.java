package dev.imagesdk.testing.contract;

import dev.imagesdk.core.it.RealGlance;

/**
 * {@link ImageLocationsContract} on the real Glance that shows locations: {@code scripts/it-env.sh}'s limits
 * Glance ({@code IMAGESDK_GLANCE_LOCATIONS_URL}), Glance 30.0 in {@code scripts/test-all.sh}'s second run.
 * Skipped without it, failed instead when {@code IMAGESDK_IT_REQUIRED=true}.
 */
class GlanceLocationsContractIT implements ImageLocationsContract {
    @Override
    public String locationsEndpoint() {
        return RealGlance.require("IMAGESDK_GLANCE_LOCATIONS_URL");
    }

    @Override
    public GlanceRelease locationsRelease() {
        return GlanceRelease.underTest();
    }
}
