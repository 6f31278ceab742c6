package dev.imagesdk.core.config;

import dev.imagesdk.core.internal.http.Calls;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.KeystoneAuth;
import dev.imagesdk.core.auth.KeystoneToken;
import dev.imagesdk.core.auth.RealKeystone;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.it.RealGlance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * clouds.yaml (with secure.yaml) and OS_* variables against the real Keystone: every way of
 * configuring yields the same working client, and no secret reaches the log.
 */
class CloudConfigIT {
    @TempDir
    Path dir;

    private record Outcome(String serviceRoot, String userId, String projectId, String token) {
    }

    private Outcome use(CloudConfig config) {
        try (ServiceClient client = ServiceClient.builder().config(config).build()) {
            try (ApiResponse r = Calls.of(client).execute(ApiRequest.get("images").query("limit", 1).build())) {
                assertThat(r.status()).isEqualTo(200);
            }
            KeystoneAuth auth = (KeystoneAuth) client.auth();
            KeystoneToken token = auth.token(Calls.of(client).transport());
            return new Outcome(client.serviceRoot().toString(), token.userId(), token.projectId().orElse(null),
                    auth.headers(Calls.of(client).transport()).asMap().get("X-Auth-Token"));
        }
    }

    private CloudConfig load(String cloud, Map<String, String> env) throws IOException {
        return CloudConfigLoader.load(cloud, env, Files.createDirectories(dir.resolve("cwd")),
                Files.createDirectories(dir.resolve("home")), dir.resolve("etc"));
    }

    @Test
    void cloudsYamlWithSecureYamlAndOsVariablesYieldTheSameWorkingClient() throws IOException {
        RealKeystone.url();
        String authUrl = RealKeystone.setting("IMAGESDK_KEYSTONE_AUTH_URL", RealKeystone.url() + "/v3");
        String password = RealKeystone.alicePassword();
        Path clouds = Files.writeString(dir.resolve("clouds.yaml"), "clouds:\n"
                + "  sdk-alice:\n"
                + "    auth:\n"
                + "      auth_url: " + authUrl + "\n"
                + "      username: " + RealKeystone.aliceUser() + "\n"
                + "      project_name: " + RealKeystone.aliceProject() + "\n"
                + "      user_domain_name: " + RealKeystone.domainName() + "\n"
                + "      project_domain_name: " + RealKeystone.domainName() + "\n"
                + "    region_name: " + RealKeystone.region() + "\n"
                + "    interface: public\n"
                + "    identity_api_version: 3\n");
        Path secure = Files.writeString(dir.resolve("secure.yaml"),
                "clouds:\n  sdk-alice:\n    auth:\n      password: \"" + password + "\"\n");
        List<Outcome> outcomes = new ArrayList<>();
        try (LogCapture logs = LogCapture.start()) {
            outcomes.add(use(load(null, Map.of("OS_CLOUD", "sdk-alice", "OS_CLIENT_CONFIG_FILE", clouds.toString(),
                    "OS_CLIENT_SECURE_FILE", secure.toString()))));

            Map<String, String> env = new HashMap<>();
            env.put("OS_AUTH_URL", authUrl);
            env.put("OS_USERNAME", RealKeystone.aliceUser());
            env.put("OS_PASSWORD", password);
            env.put("OS_PROJECT_NAME", RealKeystone.aliceProject());
            env.put("OS_USER_DOMAIN_NAME", RealKeystone.domainName());
            env.put("OS_PROJECT_DOMAIN_NAME", RealKeystone.domainName());
            env.put("OS_REGION_NAME", RealKeystone.region());
            env.put("OS_INTERFACE", "public");
            env.put("OS_IDENTITY_API_VERSION", "3");
            outcomes.add(use(load(null, env)));

            String scriptClouds = RealGlance.setting("IMAGESDK_CLOUDS_YAML");
            if (scriptClouds != null) {
                // scripts/keystone.sh's entry for alice in the region under test (it-alice-region2 for RegionTwo)
                String cloud = RealKeystone.setting("IMAGESDK_KEYSTONE_ALICE_CLOUD", "it-alice");
                outcomes.add(use(load(cloud, Map.of("OS_CLIENT_CONFIG_FILE", scriptClouds))));
            }

            assertThat(outcomes).extracting(Outcome::serviceRoot).containsOnly(RealKeystone.catalogImageUrl() + "/");
            assertThat(outcomes).extracting(Outcome::userId).doesNotContainNull().hasSize(outcomes.size())
                    .containsOnly(outcomes.get(0).userId());
            assertThat(outcomes).extracting(Outcome::projectId).doesNotContainNull().containsOnly(outcomes.get(0).projectId());

            String log = logs.text();
            assertThat(log).contains("authenticating with Keystone").doesNotContain(password);
            for (Outcome o : outcomes) {
                assertThat(log).doesNotContain(o.token());
            }
        }
    }
}
