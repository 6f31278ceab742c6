package dev.imagesdk.links;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.it.RealGlance;
import dev.imagesdk.links.access.KeystoneScopeProjects;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link KeystoneScopeProjects} against the real Keystone, organizations and spaces as {@code scripts/keystone.sh}
 * provisions them (expected ids: the ones the script exports, {@code IMAGESDK_KEYSTONE_*_PROJECT_ID}). The admin
 * (project admin, role admin) may list projects; carol (member of acme) may not: Keystone's default policy for
 * {@code identity:list_projects}. Skipped without {@code IMAGESDK_KEYSTONE_URL}, failed instead when
 * {@code IMAGESDK_IT_REQUIRED=true}.
 */
class KeystoneScopeProjectsIT {

    private static ServiceClient admin() {
        return KeystoneScopeMatrixIT.client("admin", KeystoneScopeMatrixIT.setting("IMAGESDK_KEYSTONE_ADMIN_PASSWORD", "admin-secret"),
                "admin", KeystoneScopeMatrixIT.setting("IMAGESDK_KEYSTONE_REGION", "RegionOne"));
    }

    @Test
    void theAdministratorResolvesOrganizationsAndSpacesByTag() {
        RealGlance.require("IMAGESDK_KEYSTONE_URL");
        String acme = RealGlance.require("IMAGESDK_KEYSTONE_ACME_PROJECT_ID");
        String mlLab = RealGlance.require("IMAGESDK_KEYSTONE_ACME_ML_LAB_PROJECT_ID");
        String globexResearch = RealGlance.require("IMAGESDK_KEYSTONE_GLOBEX_RESEARCH_PROJECT_ID");
        String initech = RealGlance.require("IMAGESDK_KEYSTONE_INITECH_PROJECT_ID");
        try (ServiceClient admin = admin()) {
            KeystoneScopeProjects projects = KeystoneScopeProjects.of(admin);
            long t0 = System.nanoTime();
            assertThat(projects.projectOf("acme", null)).contains(acme);
            long first = System.nanoTime() - t0;
            assertThat(projects.projectOf("acme", "ml-lab")).contains(mlLab);
            assertThat(projects.projectOf("globex", "research")).contains(globexResearch);
            assertThat(projects.projectOf("initech", null)).contains(initech);          // disabled, still its project
            assertThat(projects.projectOf("acme", "research")).isEmpty();               // globex's space, not acme's
            assertThat(projects.projectOf("no-such-org", null)).isEmpty();
            assertThat(projects.projectOf("acme", "no-such-space")).isEmpty();
            long requests = projects.keystoneRequests();
            long t1 = System.nanoTime();
            assertThat(projects.projectOf("acme", "ml-lab")).contains(mlLab);          // cached
            long cached = System.nanoTime() - t1;
            assertThat(projects.keystoneRequests()).isEqualTo(requests);

            KeystoneScopeProjects uncached = KeystoneScopeProjects.of(admin, Duration.ZERO);
            long[] millis = new long[5];
            for (int i = 0; i < millis.length; i++) {
                long s = System.nanoTime();
                assertThat(uncached.projectOf("acme", null)).contains(acme);
                millis[i] = (System.nanoTime() - s) / 1_000_000;
            }
            System.out.printf("KeystoneScopeProjects: first lookup (with login) %d ms, cached %d us, uncached org lookups ms %s%n",
                    first / 1_000_000, cached / 1_000, java.util.Arrays.toString(millis));
        }
    }

    @Test
    void aProjectMemberMayNotListProjectsAndIsToldSo() {
        RealGlance.require("IMAGESDK_KEYSTONE_URL");
        String password = KeystoneScopeMatrixIT.setting("IMAGESDK_KEYSTONE_ALICE_PASSWORD", "demo-secret");
        try (ServiceClient carol = KeystoneScopeMatrixIT.client("carol", password, "acme",
                KeystoneScopeMatrixIT.setting("IMAGESDK_KEYSTONE_REGION", "RegionOne"))) {
            KeystoneScopeProjects projects = KeystoneScopeProjects.of(carol);
            assertThatThrownBy(() -> projects.projectOf("acme", null))
                    .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.status()).isEqualTo(403))
                    .hasMessageContaining("identity:list_projects")
                    .hasMessageContaining("a token scoped to a project as member or reader is refused");
        }
    }
}
