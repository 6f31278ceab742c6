package dev.imagesdk.testing.contract;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.it.RealGlance;

/**
 * The contract against the real Glance started by {@code scripts/glance.sh} (headers mode; failsafe,
 * CI). Skipped without {@code IMAGESDK_GLANCE_URL}, failed instead when {@code IMAGESDK_IT_REQUIRED=true}.
 * Runs on Glance 25.1 and, in a second run of {@code scripts/test-all.sh}, on Glance 30.0
 * ({@code IMAGESDK_GLANCE_RELEASE=30}; {@link GlanceRelease} lists where they differ).
 * Image links are not run here: Glance has no such resource.
 */
class GlanceContractIT extends ImageServiceContract implements GlanceWireContract, MetadefsWireContract {
    @Override
    protected ServiceClient projectA() {
        return RealGlance.projectA();
    }

    @Override
    protected ServiceClient projectB() {
        return RealGlance.projectB();
    }

    @Override
    protected ServiceClient administrator() {
        return RealGlance.admin();
    }

    @Override
    protected String projectAId() {
        return RealGlance.PROJECT_A;
    }

    @Override
    protected String projectBId() {
        return RealGlance.PROJECT_B;
    }

    @Override
    protected GlanceRelease release() {
        return GlanceRelease.underTest();
    }

    @Override
    public GlanceRelease wireRelease() {
        return GlanceRelease.underTest();
    }

    @Override
    public String wireEndpoint() {
        return RealGlance.endpoint();
    }
}
