package dev.imagesdk.testing.contract;

import dev.imagesdk.core.it.RealGlance;

/**
 * {@link GlanceLimitsContract} on the real Glance that {@code scripts/it-env.sh} starts with small limits
 * ({@code IMAGESDK_GLANCE_LIMITS_URL}). Skipped without it, failed instead when {@code IMAGESDK_IT_REQUIRED=true}.
 */
class GlanceLimitsContractIT implements GlanceLimitsContract {
    @Override
    public String limitsEndpoint() {
        return RealGlance.require("IMAGESDK_GLANCE_LIMITS_URL");
    }
}
