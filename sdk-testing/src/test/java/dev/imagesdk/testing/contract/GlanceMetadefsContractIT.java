package dev.imagesdk.testing.contract;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.it.RealGlance;

/**
 * {@link MetadefsContract} on the real Glance (headers mode, {@code IMAGESDK_GLANCE_URL}): 25.1, and 30.0 in
 * the second run of {@code scripts/test-all.sh}. Skipped without the variable, failed instead when
 * {@code IMAGESDK_IT_REQUIRED=true}.
 */
class GlanceMetadefsContractIT extends MetadefsContract {
    @Override
    protected ServiceClient administrator() {
        return RealGlance.admin();
    }

    @Override
    protected ServiceClient member() {
        return RealGlance.projectA();
    }

    @Override
    protected GlanceRelease release() {
        return GlanceRelease.underTest();
    }
}
