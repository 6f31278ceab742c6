package dev.imagesdk.testing.contract;

import dev.imagesdk.core.it.RealGlance;

/**
 * {@link GlanceLocationsWireContract} (raw HTTP) and {@link ImageLocationsContract} (the SDK) on the real Glance that shows locations ({@code IMAGESDK_GLANCE_LOCATIONS_URL}:
 * {@code scripts/it-env.sh}'s limits Glance). Skipped without it, failed instead when
 * {@code IMAGESDK_IT_REQUIRED=true}. {@code IMAGESDK_GLANCE_RELEASE} names its release (25 or 30); against a
 * Glance that shows locations with Glance's default limits ({@code scripts/glance.sh} with
 * {@code GLANCE_LOCATIONS=shown} and no {@code GLANCE_LIMITS}), set {@code IMAGESDK_GLANCE_LOCATIONS_LIMITS=default};
 * whether it runs the caching middleware: see {@link #cachingMiddleware()}.
 */
class GlanceLocationsContractIT implements GlanceLocationsWireContract, ImageLocationsContract {
    private static boolean defaultLimits() {
        return "default".equals(RealGlance.setting("IMAGESDK_GLANCE_LOCATIONS_LIMITS"));
    }

    @Override
    public String locationsEndpoint() {
        return RealGlance.require("IMAGESDK_GLANCE_LOCATIONS_URL");
    }

    @Override
    public GlanceRelease locationsRelease() {
        return GlanceRelease.underTest();
    }

    @Override
    public int locationQuota() {
        return defaultLimits() ? 10 : 2;
    }

    /**
     * The Glance runs its caching middleware ({@code GLANCE_CACHE=on}) when it is also the cache Glance of
     * {@code scripts/it-env.sh} ({@code IMAGESDK_GLANCE_CACHE_URL}, as the limits Glance is), or when
     * {@code IMAGESDK_GLANCE_LOCATIONS_CACHING=on|off} says so.
     */
    @Override
    public boolean cachingMiddleware() {
        String said = RealGlance.setting("IMAGESDK_GLANCE_LOCATIONS_CACHING");
        if (said != null) {
            return said.equals("on");
        }
        return locationsEndpoint().equals(RealGlance.setting("IMAGESDK_GLANCE_CACHE_URL"));
    }

    @Override
    public long storageQuota() {
        return defaultLimits() ? 0 : 3_145_728;
    }

    @Override
    public long sizeCap() {
        return defaultLimits() ? 1L << 40 : 1_048_576;
    }
}
