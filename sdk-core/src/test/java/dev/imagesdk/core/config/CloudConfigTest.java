package dev.imagesdk.core.config;

import dev.imagesdk.core.internal.http.Calls;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.auth.EndpointInterface;
import dev.imagesdk.core.auth.FakeCloud;
import dev.imagesdk.core.auth.KeystoneAuth;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.http.ApiRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudConfigTest {
    @TempDir
    Path root;
    private Path cwd;
    private Path home;
    private Path etc;
    private final Map<String, String> env = new HashMap<>();
    private FakeCloud cloud;

    @BeforeEach
    void setUp() throws IOException {
        cwd = Files.createDirectories(root.resolve("work"));
        home = Files.createDirectories(root.resolve("home"));
        etc = Files.createDirectories(root.resolve("etc-openstack"));
        cloud = new FakeCloud();
    }

    @AfterEach
    void tearDown() {
        cloud.close();
    }

    private CloudConfig load(String name) {
        return CloudConfigLoader.load(name, env, cwd, home, etc);
    }

    private Path write(Path file, String yaml) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, yaml);
    }

    private String aliceCloud(String name, boolean withPassword) {
        return "clouds:\n"
                + "  " + name + ":\n"
                + "    auth:\n"
                + "      auth_url: " + cloud.authUrl() + "\n"
                + "      username: alice\n"
                + (withPassword ? "      password: " + FakeCloud.PASSWORD + "\n" : "")
                + "      project_name: demo-a\n"
                + "      user_domain_name: Default\n"
                + "      project_domain_id: default\n"
                + "    region_name: RegionOne\n"
                + "    interface: public\n"
                + "    identity_api_version: 3\n";
    }

    /** Sends one request through a client built from the configuration and returns Keystone's request body. */
    private Map<String, Object> tokenRequestOf(CloudConfig config) throws IOException {
        try (ServiceClient client = ServiceClient.builder().config(config).build()) {
            Calls.of(client).execute(ApiRequest.get("images").build()).close();
            assertThat(client.serviceRoot().toString()).isEqualTo("http://127.0.0.1:" + cloud.server.getPort() + "/");
        }
        return FakeCloud.parse(cloud.tokenRequestBodies.get(cloud.tokenRequestBodies.size() - 1));
    }

    private static Map<String, Object> passwordBody(String password) {
        return Map.of("auth", Map.of(
                "identity", Map.of("methods", List.of("password"), "password", Map.of("user", Map.of(
                        "name", "alice", "domain", Map.of("name", "Default"), "password", password))),
                "scope", Map.of("project", Map.of("name", "demo-a", "domain", Map.of("id", "default")))));
    }

    @Test
    void osCloudSelectsTheCloudAndSecureYamlSuppliesThePassword() throws IOException {
        write(cwd.resolve("clouds.yaml"), aliceCloud("mine", false));
        write(cwd.resolve("secure.yaml"), "clouds:\n  mine:\n    auth:\n      password: " + FakeCloud.PASSWORD + "\n");
        env.put("OS_CLOUD", "mine");
        CloudConfig config = load(null);
        assertThat(config.cloudName()).contains("mine");
        assertThat(config.source()).contains("clouds.yaml").contains("secure.yaml");
        assertThat(config.region()).contains("RegionOne");
        assertThat(tokenRequestOf(config)).isEqualTo(passwordBody(FakeCloud.PASSWORD));
    }

    @Test
    void environmentAloneProducesTheSameRequest() throws IOException {
        env.putAll(Map.of("OS_AUTH_URL", cloud.authUrl(), "OS_USERNAME", "alice", "OS_PASSWORD", FakeCloud.PASSWORD,
                "OS_PROJECT_NAME", "demo-a", "OS_USER_DOMAIN_NAME", "Default", "OS_PROJECT_DOMAIN_ID", "default",
                "OS_REGION_NAME", "RegionOne", "OS_INTERFACE", "public"));
        CloudConfig config = load(null);
        assertThat(config.cloudName()).isEmpty();
        assertThat(config.source()).isEqualTo("environment");
        assertThat(tokenRequestOf(config)).isEqualTo(passwordBody(FakeCloud.PASSWORD));
    }

    /**
     * Issue 14, openstacksdk's rule: the OS_* variables form a cloud of their own ("envvars"); a cloud named
     * explicitly or by OS_CLOUD is read from clouds.yaml (+ secure.yaml) alone, and the log says which variables
     * were left aside (names only).
     */
    @Test
    void aNamedCloudIsNotOverriddenByOsVariables() throws IOException {
        write(cwd.resolve("clouds.yaml"), aliceCloud("mine", true));
        env.put("OS_PASSWORD", "from-env-Secret");
        env.put("OS_ENDPOINT_TYPE", "internalURL");
        CloudConfig config;
        try (LogCapture logs = LogCapture.start()) {
            config = load("mine");
            assertThat(logs.text()).contains("OS_PASSWORD").contains("OS_ENDPOINT_TYPE").contains("envvars")
                    .doesNotContain("from-env-Secret");
        }
        assertThat(config.endpointInterface()).isEqualTo(EndpointInterface.PUBLIC);
        assertThat(config.source()).isEqualTo(cwd.resolve("clouds.yaml").toString());
        assertThat(tokenRequestOf(config)).isEqualTo(passwordBody(FakeCloud.PASSWORD));

        env.put("OS_CLOUD", "mine");
        assertThat(load(null).source()).isEqualTo(cwd.resolve("clouds.yaml").toString());
        assertThat(load(null).endpointInterface()).isEqualTo(EndpointInterface.PUBLIC);
    }

    @Test
    void osVariablesFormTheEnvvarsCloudUsedWhenNoCloudIsNamed() throws IOException {
        write(cwd.resolve("clouds.yaml"), aliceCloud("mine", true) + "  other:\n    auth_type: none\n"
                + "    image_endpoint_override: http://127.0.0.1:7/\n");
        env.putAll(Map.of("OS_AUTH_TYPE", "none", "OS_IMAGE_ENDPOINT_OVERRIDE", "http://127.0.0.1:8/"));
        assertThat(load(null).source()).isEqualTo("environment");
        assertThat(load(null).endpoint()).contains("http://127.0.0.1:8/");
        assertThat(load("envvars").endpoint()).contains("http://127.0.0.1:8/");
        assertThat(load("envvars").cloudName()).contains("envvars");
        env.put("OS_CLOUD_NAME", "from-env");
        assertThat(load("from-env").endpoint()).contains("http://127.0.0.1:8/");
        assertThatThrownBy(() -> load("envvars")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("\"envvars\" is not defined");
        env.put("OS_CLOUD", "other");
        assertThat(load(null).endpoint()).contains("http://127.0.0.1:7/");

        env.remove("OS_CLOUD");
        env.remove("OS_CLOUD_NAME");
        write(cwd.resolve("clouds.yaml"), aliceCloud("envvars", true));
        assertThatThrownBy(() -> load(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("defines a cloud named \"envvars\"");
    }

    @Test
    void withoutOsCloudAndVariablesTheOnlyCloudOfTheFileIsUsed() throws IOException {
        write(cwd.resolve("clouds.yaml"), "clouds:\n  solo:\n    auth_type: none\n    image_endpoint_override: http://127.0.0.1:7/\n");
        env.put("OS_REGION_NAME", "RegionOne");  // a selector, not a setting: forms no cloud
        CloudConfig config = load(null);
        assertThat(config.cloudName()).contains("solo");
        assertThat(config.endpoint()).contains("http://127.0.0.1:7/");
        write(cwd.resolve("clouds.yaml"), "clouds:\n  one: {auth_type: none}\n  two: {auth_type: none}\n");
        assertThatThrownBy(() -> load(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("no cloud configured").hasMessageContaining("[one, two]");
    }

    /**
     * Issue 14: openstacksdk looks for secure.yaml in the search path (and $OS_CLIENT_SECURE_FILE), never next to
     * $OS_CLIENT_CONFIG_FILE; neither does the SDK, but it says so in the log instead of failing silently.
     */
    @Test
    void secureYamlIsLookedForInTheSearchPathNotNextToTheConfigFile() throws IOException {
        Path explicit = write(root.resolve("elsewhere/clouds.yaml"), aliceCloud("mine", false));
        Path beside = write(root.resolve("elsewhere/secure.yaml"), "clouds:\n  mine:\n    auth:\n      password: beside-Secret\n");
        env.put("OS_CLIENT_CONFIG_FILE", explicit.toString());
        try (LogCapture logs = LogCapture.start()) {
            CloudConfig config = load("mine");
            assertThat(config.source()).isEqualTo(explicit.toString());
            assertThatThrownBy(config::auth).isInstanceOf(ValidationException.class).hasMessageContaining("has no password");
            assertThat(logs.text()).contains(beside.toString()).contains("OS_CLIENT_SECURE_FILE").doesNotContain("beside-Secret");
        }
        write(home.resolve(".config/openstack/secure.yaml"), "clouds:\n  mine:\n    auth:\n      password: " + FakeCloud.PASSWORD + "\n");
        CloudConfig fromSearchPath = load("mine");
        assertThat(fromSearchPath.source()).isEqualTo(explicit + " + " + home.resolve(".config/openstack/secure.yaml"));
        assertThat(tokenRequestOf(fromSearchPath)).isEqualTo(passwordBody(FakeCloud.PASSWORD));
        env.put("OS_CLIENT_SECURE_FILE", beside.toString());
        assertThat(load("mine").source()).isEqualTo(explicit + " + " + beside);
    }

    @Test
    void jsonFilesAreFoundLikeYaml() throws IOException {
        write(home.resolve(".config/openstack/clouds.json"),
                "{\"clouds\": {\"j\": {\"auth_type\": \"none\", \"image_endpoint_override\": \"http://127.0.0.1:6/\"}}}");
        assertThat(load("j").endpoint()).contains("http://127.0.0.1:6/");
    }

    @Test
    void searchPathOrderIsConfigFileThenWorkingDirThenHomeThenEtc() throws IOException {
        write(etc.resolve("clouds.yaml"), aliceCloud("etc", true));
        assertThat(load("etc").source()).isEqualTo(etc.resolve("clouds.yaml").toString());
        write(home.resolve(".config/openstack/clouds.yaml"), aliceCloud("home", true));
        assertThat(load("home").source()).isEqualTo(home.resolve(".config/openstack/clouds.yaml").toString());
        assertThatThrownBy(() -> load("etc")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("not defined in " + home.resolve(".config/openstack/clouds.yaml"))
                .hasMessageContaining("[home]");
        write(cwd.resolve("clouds.yml"), aliceCloud("cwd", true));
        assertThat(load("cwd").source()).isEqualTo(cwd.resolve("clouds.yml").toString());
        Path explicit = write(root.resolve("elsewhere/my-clouds.yaml"), aliceCloud("explicit", true));
        env.put("OS_CLIENT_CONFIG_FILE", explicit.toString());
        assertThat(load("explicit").source()).isEqualTo(explicit.toString());
    }

    @Test
    void secureFileCanBeNamedExplicitly() throws IOException {
        write(home.resolve(".config/openstack/clouds.yaml"), aliceCloud("mine", false));
        Path secure = write(root.resolve("vault/secure.yaml"), "clouds:\n  mine:\n    auth:\n      password: vault-Secret\n");
        env.put("OS_CLIENT_SECURE_FILE", secure.toString());
        assertThat(tokenRequestOf(load("mine"))).isEqualTo(passwordBody("vault-Secret"));
    }

    @Test
    void applicationCredentialIsNeverSentWithAScope() throws IOException {
        write(cwd.resolve("clouds.yaml"), "clouds:\n  ci:\n    auth_type: v3applicationcredential\n    auth:\n"
                + "      auth_url: " + cloud.authUrl() + "\n      application_credential_id: ac-1\n"
                + "      application_credential_secret: ac-Secret\n      project_name: ignored\n"
                + "      username: ignored-too\n    region_name: RegionOne\n");
        assertThat(tokenRequestOf(load("ci"))).isEqualTo(Map.of("auth", Map.of("identity", Map.of(
                "methods", List.of("application_credential"),
                "application_credential", Map.of("id", "ac-1", "secret", "ac-Secret")))));
    }

    @Test
    void applicationCredentialByNameFromVariablesIsInferred() throws IOException {
        env.putAll(Map.of("OS_AUTH_URL", cloud.authUrl(), "OS_APPLICATION_CREDENTIAL_NAME", "ci",
                "OS_APPLICATION_CREDENTIAL_SECRET", "ac-Secret", "OS_USER_ID", "u-1", "OS_REGION_NAME", "RegionOne"));
        CloudConfig config = load(null);
        assertThat(config.authType()).isEqualTo("v3applicationcredential");
        assertThat(tokenRequestOf(config)).isEqualTo(Map.of("auth", Map.of("identity", Map.of(
                "methods", List.of("application_credential"),
                "application_credential", Map.of("name", "ci", "user", Map.of("id", "u-1"), "secret", "ac-Secret")))));
    }

    @Test
    void existingTokenIsRescopedWithTheTokenMethod() throws IOException {
        env.putAll(Map.of("OS_AUTH_URL", cloud.authUrl(), "OS_TOKEN", "gAAAAAold", "OS_PROJECT_ID", "p-1",
                "OS_REGION_NAME", "RegionOne"));
        assertThat(tokenRequestOf(load(null))).isEqualTo(Map.of("auth", Map.of(
                "identity", Map.of("methods", List.of("token"), "token", Map.of("id", "gAAAAAold")),
                "scope", Map.of("project", Map.of("id", "p-1")))));
    }

    @Test
    void defaultDomainFillsMissingUserAndProjectDomains() throws IOException {
        env.putAll(Map.of("OS_AUTH_URL", cloud.authUrl(), "OS_USERNAME", "alice", "OS_PASSWORD", "pw",
                "OS_PROJECT_NAME", "demo-a", "OS_DEFAULT_DOMAIN", "default", "OS_REGION_NAME", "RegionOne"));
        Map<String, Object> body = tokenRequestOf(load(null));
        assertThat(body.toString()).contains("user={name=alice, domain={id=default}")
                .contains("project={name=demo-a, domain={id=default}}");
    }

    @Test
    void tokenEndpointUsesTheTokenAndTheOverrideWithoutKeystone() {
        env.putAll(Map.of("OS_AUTH_TYPE", "token_endpoint", "OS_TOKEN", "gAAAAAfixed",
                "OS_IMAGE_ENDPOINT_OVERRIDE", "http://127.0.0.1:9/image"));
        try (ServiceClient client = ServiceClient.builder().config(load(null)).build()) {
            assertThat(client.serviceRoot().toString()).isEqualTo("http://127.0.0.1:9/image/");
            assertThat(client.auth().toString()).isEqualTo("Auth.token(<redacted>)");
        }
        env.remove("OS_IMAGE_ENDPOINT_OVERRIDE");
        assertThatThrownBy(() -> ServiceClient.builder().config(load(null))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("image_endpoint_override");
    }

    @Test
    void imageEndpointOverrideIsHonouredForKeystoneToo() {
        env.putAll(Map.of("OS_AUTH_URL", cloud.authUrl(), "OS_USER_ID", "u-1", "OS_PASSWORD", "pw",
                "OS_IMAGE_ENDPOINT_OVERRIDE", "http://127.0.0.1:9/v2"));
        try (ServiceClient client = ServiceClient.builder().config(load(null)).build()) {
            assertThat(client.serviceRoot().toString()).isEqualTo("http://127.0.0.1:9/");
        }
        assertThat(cloud.server.getRequestCount()).isZero();
    }

    @Test
    void tlsSettingsAreRead() throws IOException {
        write(cwd.resolve("clouds.yaml"), "clouds:\n  a:\n    auth_type: none\n    image_endpoint_override: https://h\n"
                + "    verify: false\n  b:\n    auth_type: none\n    image_endpoint_override: https://h\n"
                + "    cacert: " + TlsOptionsTest.fixture("ca.pem") + "\n    cert: " + TlsOptionsTest.fixture("client.pem")
                + "\n    key: " + TlsOptionsTest.fixture("client-key.pem") + "\n");
        assertThat(load("a").tls().isInsecure()).isTrue();
        TlsOptions b = load("b").tls();
        assertThat(b.isInsecure()).isFalse();
        assertThat(b.toString()).contains("ca.pem").contains("client.pem");
        assertThat(load("a").auth()).isSameAs(Auth.none());
        env.put("OS_INSECURE", "true");
        assertThat(load("b").tls().isInsecure()).as("a named cloud is read from clouds.yaml alone").isFalse();
        env.putAll(Map.of("OS_AUTH_TYPE", "none", "OS_IMAGE_ENDPOINT_OVERRIDE", "https://h"));
        assertThat(load(null).tls().isInsecure()).isTrue();
        env.put("OS_INSECURE", "maybe");
        assertThatThrownBy(() -> load(null).tls()).isInstanceOf(ValidationException.class).hasMessageContaining("insecure");
    }

    @Test
    void verifyMayNameTheCaBundle() throws IOException {
        write(cwd.resolve("clouds.yaml"), "clouds:\n  c:\n    auth_type: none\n    image_endpoint_override: https://h\n"
                + "    verify: " + TlsOptionsTest.fixture("ca.pem") + "\n");
        TlsOptions tls = load("c").tls();
        assertThat(tls.isInsecure()).isFalse();
        assertThat(tls.toString()).contains("cacert=").contains("ca.pem");
    }

    @Test
    void nothingConfiguredSaysWhereItLooked() {
        assertThatThrownBy(() -> load(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("no cloud configured").hasMessageContaining(home.resolve(".config/openstack/clouds.yaml").toString());
        env.put("OS_CLOUD", "nowhere");
        assertThatThrownBy(() -> load(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("cloud \"nowhere\" was requested but no clouds.yaml exists");
        env.put("OS_CLIENT_CONFIG_FILE", root.resolve("missing.yaml").toString());
        assertThatThrownBy(() -> load(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("OS_CLIENT_CONFIG_FILE");
    }

    @Test
    void incompleteSettingsNameTheMissingKeyWithoutSecrets() throws IOException {
        write(cwd.resolve("clouds.yaml"), aliceCloud("mine", false));
        assertThatThrownBy(() -> load("mine").auth()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("has no password").hasMessageContaining("OS_PASSWORD");
        write(cwd.resolve("clouds.yaml"), "clouds:\n  x:\n    auth_type: v3oidcpassword\n    auth: {auth_url: http://k}\n");
        assertThatThrownBy(() -> load("x").auth()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("v3oidcpassword");
        write(cwd.resolve("clouds.yaml"), "clouds:\n  v:\n    profile: vexxhost\n");
        assertThatThrownBy(() -> load("v")).isInstanceOf(ValidationException.class).hasMessageContaining("profile");
    }

    @Test
    void brokenYamlIsReportedByPositionWithoutQuotingTheFile() throws IOException {
        write(cwd.resolve("clouds.yaml"), "clouds:\n  mine:\n    auth:\n      password: \"" + FakeCloud.PASSWORD + "\n"
                + "   bad: [\n");
        assertThatThrownBy(() -> load("mine")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("is not valid YAML").hasMessageContaining("line ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(FakeCloud.PASSWORD));
        write(cwd.resolve("clouds.yaml"), "just: text\n");
        assertThatThrownBy(() -> load("mine")).isInstanceOf(ValidationException.class).hasMessageContaining("clouds:");
    }

    @Test
    void secretsStayOutOfToStringAndLogs() throws IOException {
        write(cwd.resolve("clouds.yaml"), aliceCloud("mine", true));
        try (LogCapture logs = LogCapture.start()) {
            CloudConfig config = load("mine");
            KeystoneAuth auth = (KeystoneAuth) config.auth();
            try (ServiceClient client = ServiceClient.builder().config(config).build()) {
                Calls.of(client).execute(ApiRequest.get("images").build()).close();
                assertThat(config + " " + auth + " " + client + " " + auth.token(Calls.of(client).transport()))
                        .doesNotContain(FakeCloud.PASSWORD).doesNotContain("gAAAAAtok1x").contains("<redacted>");
            }
            assertThat(logs.text()).contains("authenticating with Keystone").contains("Keystone issued a token")
                    .doesNotContain(FakeCloud.PASSWORD).doesNotContain("gAAAAAtok1x");
        }
    }

    @Test
    void regionsListWithOneEntryIsTheRegion() throws IOException {
        write(cwd.resolve("clouds.yaml"), "clouds:\n  r:\n    regions: [RegionOne]\n    auth:\n      auth_url: "
                + cloud.authUrl() + "\n      user_id: u-1\n      password: pw\n");
        assertThat(load("r").region()).contains("RegionOne");
    }

    @Test
    void homeVariableIsWhereTheUsersCloudsYamlIsFound() throws IOException {
        // The OpenStack tools look in $HOME/.config/openstack; Java's user.home ignores $HOME.
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere-home"));
        write(elsewhere.resolve(".config/openstack/clouds.yaml"), "clouds:\n  h:\n    auth_type: none\n"
                + "    image_endpoint_override: https://h\n    cacert: ~/certs/ca.pem\n");
        env.put("HOME", elsewhere.toString());
        assertThat(CloudConfigLoader.home(env)).isEqualTo(elsewhere);
        CloudConfig config = CloudConfigLoader.load("h", env, cwd, CloudConfigLoader.home(env), etc);
        assertThat(config.source()).isEqualTo(elsewhere.resolve(".config/openstack/clouds.yaml").toString());
        assertThat(config.tls().toString()).contains("cacert=" + elsewhere.resolve("certs/ca.pem"));
        env.put("HOME", " ");
        assertThat(CloudConfigLoader.home(env)).isEqualTo(Path.of(System.getProperty("user.home")));
        env.remove("HOME");
        assertThat(CloudConfigLoader.home(env)).isEqualTo(Path.of(System.getProperty("user.home")));
    }

    @Test
    void endpointIsTheOverrideOrTheTokenEndpointsOwnOrEmptyForTheCatalog() {
        env.putAll(Map.of("OS_AUTH_URL", cloud.authUrl(), "OS_USER_ID", "u-1", "OS_PASSWORD", "pw"));
        assertThat(load(null).endpoint()).isEmpty();
        env.clear();
        env.putAll(Map.of("OS_AUTH_TYPE", "admin_token", "OS_TOKEN", "t", "OS_ENDPOINT", "http://127.0.0.1:9/"));
        assertThat(load(null).endpoint()).contains("http://127.0.0.1:9/");
        env.put("OS_IMAGE_ENDPOINT_OVERRIDE", "http://127.0.0.1:8/");
        assertThat(load(null).endpoint()).contains("http://127.0.0.1:8/");
    }

    @Test
    void publicEntryPointsReachTheSameLoader() {
        assertThatThrownBy(() -> CloudConfig.fromCloud(" ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ServiceClient.builder().config(null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("config");
        assertThatThrownBy(() -> ServiceClient.fromCloud("imagesdk-no-such-cloud-" + System.nanoTime()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("imagesdk-no-such-cloud-");
    }
}
