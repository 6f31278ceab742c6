package dev.imagesdk.testing.contract;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.it.RealGlance;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * {@code scripts/glance.sh} loads glance-common's metadata definitions ({@code GLANCE_METADEFS=on}, the
     * default): the standard public namespaces and resource types are there for any project.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theTestGlanceHasGlancesMetadataDefinitionsLoaded() {
        MetadefsWireContract.Md reader = new MetadefsWireContract.Md(wireEndpoint(), "defs-reader", "member,reader");
        HttpResponse<byte[]> signatures = reader.get("/v2/metadefs/namespaces/OS::Glance::Signatures");
        assertThat(signatures.statusCode()).as(GlanceWireContract.Caller.text(signatures)).isEqualTo(200);
        assertThat(GlanceWireContract.Caller.parse(signatures)).containsEntry("visibility", "public")
                .containsEntry("owner", "admin");
        List<String> types = new ArrayList<>();
        for (Object t : (List<Object>) GlanceWireContract.Caller.parse(reader.get("/v2/metadefs/resource_types"))
                .get("resource_types")) {
            types.add((String) ((Map<String, Object>) t).get("name"));
        }
        assertThat(types).contains("OS::Glance::Image", "OS::Cinder::Volume", "OS::Nova::Flavor",
                "OS::Nova::Server", "OS::Nova::Aggregate");
        Map<String, Object> page = GlanceWireContract.Caller.parse(reader.get("/v2/metadefs/namespaces?limit=1000"));
        assertThat((List<Object>) page.get("namespaces")).as("glance-common's public namespaces").hasSizeGreaterThan(20);
    }
}
