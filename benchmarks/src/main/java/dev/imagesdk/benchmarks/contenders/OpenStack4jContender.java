package dev.imagesdk.benchmarks.contenders;

import dev.imagesdk.benchmarks.run.BenchConfig;
import dev.imagesdk.benchmarks.run.Hashing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openstack4j.api.OSClient;
import org.openstack4j.api.identity.EndpointURLResolver;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.common.Payloads;
import org.openstack4j.model.identity.URLResolverParams;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.openstack.OSFactory;
import org.openstack4j.openstack.identity.internal.DefaultEndpointURLResolver;

/**
 * openstack4j 3.12 with its OkHttp connector, used the way its documentation shows: a Keystone v3 login
 * (outside the timed region), then {@code imagesV2().download/upload/list}.
 *
 * <ul>
 *   <li>download: {@code download(id, File)} cannot verify, so the contender hashes the file in a second
 *       pass (SHA-512, the JVM's MessageDigest);</li>
 *   <li>upload: {@code upload(id, Payloads.create(File), null)} (the OkHttp connector reads the payload into
 *       a byte array first: the worker JVM needs several GiB of heap);</li>
 *   <li>list: {@code list(Map)} returns a single page, so listing everything is a hand-written marker loop.</li>
 * </ul>
 * Against the canned nginx, the catalog's image endpoint is overridden with an {@link EndpointURLResolver}.
 */
public final class OpenStack4jContender implements JavaContender {
    private final OSClient.OSClientV3 os;

    /**
     * Logs in to Keystone as the benchmark user.
     *
     * @param imageEndpoint endpoint to use for the image service instead of the catalog's, or null
     */
    public OpenStack4jContender(BenchConfig config, String imageEndpoint) {
        Config osConfig = Config.newConfig();
        if (imageEndpoint != null) {
            osConfig = osConfig.withEndpointURLResolver(new ImageEndpointOverride(imageEndpoint));
        }
        os = OSFactory.builderV3()
                .withConfig(osConfig)
                .endpoint(config.get("keystone.url") + "/v3")
                .credentials(config.get("keystone.user"), config.get("keystone.password"), Identifier.byId("default"))
                .scopeToProject(Identifier.byId(config.get("keystone.project.id")))
                .authenticate();
    }

    @Override
    public void downloadVerified(String id, Path dest, String expectedSha512) throws Exception {
        ActionResponse r = os.imagesV2().download(id, dest.toFile());
        if (r == null || !r.isSuccess()) {
            throw new IllegalStateException("openstack4j download failed: " + (r == null ? "no response" : r.getFault()));
        }
        String actual = Hashing.sha512Hex(dest);
        if (!actual.equals(expectedSha512)) {
            throw new IllegalStateException("SHA-512 mismatch after openstack4j download");
        }
    }

    @Override
    public void upload(String id, Path source) throws Exception {
        ActionResponse r = os.imagesV2().upload(id, Payloads.create(source.toFile()), null);
        if (r == null || !r.isSuccess()) {
            throw new IllegalStateException("openstack4j upload failed: " + (r == null ? "no response" : r.getFault()));
        }
    }

    @Override
    public long listAll(int pageSize) throws Exception {
        long count = 0;
        String marker = null;
        while (true) {
            Map<String, String> params = new HashMap<>();
            params.put("limit", Integer.toString(pageSize));
            if (marker != null) {
                params.put("marker", marker);
            }
            List<? extends Image> page = os.imagesV2().list(params);
            count += page.size();
            if (page.size() < pageSize) {
                return count;
            }
            marker = page.get(page.size() - 1).getId();
        }
    }

    /** Resolves the image service to a fixed endpoint (the canned nginx), everything else from the catalog. */
    static final class ImageEndpointOverride implements EndpointURLResolver {
        private final DefaultEndpointURLResolver catalog = new DefaultEndpointURLResolver();
        private final String imageEndpoint;

        ImageEndpointOverride(String imageEndpoint) {
            this.imageEndpoint = imageEndpoint;
        }

        @Override
        public String findURLV2(URLResolverParams p) {
            return p.type == ServiceType.IMAGE ? imageEndpoint : catalog.findURLV2(p);
        }

        @Override
        public String findURLV3(URLResolverParams p) {
            return p.type == ServiceType.IMAGE ? imageEndpoint : catalog.findURLV3(p);
        }
    }
}
