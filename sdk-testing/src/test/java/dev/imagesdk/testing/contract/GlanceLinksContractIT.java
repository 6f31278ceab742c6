package dev.imagesdk.testing.contract;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.it.RealGlance;
import dev.imagesdk.links.ImageLinks;
import dev.imagesdk.testing.Identity;

/**
 * The image-links contract with the links kept in the real Glance ({@code ImageLinks.inGlance}; headers mode,
 * failsafe, CI), each identity acting through Glance's trusted identity headers with its own project. Runs on
 * Glance 25.1 and, in the second run of {@code scripts/test-all.sh}, on Glance 30.0. Skipped without
 * {@code IMAGESDK_GLANCE_URL}, failed instead when {@code IMAGESDK_IT_REQUIRED=true}.
 */
class GlanceLinksContractIT implements ImageLinksContract, GlanceKeptLinksContract {
    @Override
    public ServiceClient linkCaller(Identity identity) {
        return RealGlance.projectA().withAuth(Auth.trustedHeaders(identity.projectId(), identity.userId(),
                identity.roles().toArray(String[]::new)));
    }

    @Override
    public ImageLinks links(Identity identity) {
        return ImageLinks.inGlance(linkCaller(identity), ImageLinksContract.callerRoles(identity));
    }
}
