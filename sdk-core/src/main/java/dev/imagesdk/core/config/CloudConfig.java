package dev.imagesdk.core.config;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.auth.keystone.EndpointInterface;
import dev.imagesdk.core.auth.keystone.KeystoneAuth;
import dev.imagesdk.core.error.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A client configuration read the way the OpenStack command-line tools read it: a cloud from
 * {@code clouds.yaml} (with {@code secure.yaml} merged over it) and/or {@code OS_*} environment
 * variables.
 *
 * <p>Where the files are looked for, first match wins: {@code $OS_CLIENT_CONFIG_FILE},
 * {@code ./clouds.yaml}, {@code ~/.config/openstack/clouds.yaml}, {@code /etc/openstack/clouds.yaml}
 * ({@code .yml} accepted too); {@code secure.yaml} likewise ({@code $OS_CLIENT_SECURE_FILE} first).
 * The cloud is the one named explicitly, else {@code $OS_CLOUD}; without one, only {@code OS_*}
 * variables are used. {@code OS_*} variables override single settings of a named cloud, as
 * {@code --os-*} options do for the {@code openstack} CLI.
 *
 * <p>Understood settings: {@code auth_type} ({@code password}, {@code v3password},
 * {@code v3applicationcredential}, {@code token}/{@code v3token}, {@code admin_token}/{@code token_endpoint},
 * {@code none}; inferred when absent), {@code auth: auth_url, username, user_id, password,
 * user_domain_name/_id, project_name/_id, project_domain_name/_id, domain_name/_id,
 * default_domain_name/_id, application_credential_id/_name/_secret, token}, {@code region_name},
 * {@code interface}, {@code image_endpoint_override}, {@code verify}, {@code insecure},
 * {@code cacert}, {@code cert}, {@code key}. Secrets never appear in messages or {@link #toString()}.
 */
public final class CloudConfig {
    private static final Logger LOG = LoggerFactory.getLogger("dev.imagesdk.config");
    private static final Set<String> SECRET_KEYS = Set.of("password", "application_credential_secret", "token");

    /** {@code OS_X} variable to clouds.yaml {@code auth} key. */
    private static final Map<String, String> AUTH_VARIABLES = new LinkedHashMap<>();
    /** {@code OS_X} variable to clouds.yaml top-level key. */
    private static final Map<String, String> CLOUD_VARIABLES = new LinkedHashMap<>();

    static {
        for (String key : List.of("auth_url", "username", "user_id", "password", "user_domain_name", "user_domain_id",
                "project_name", "project_id", "project_domain_name", "project_domain_id", "domain_name", "domain_id",
                "default_domain_name", "default_domain_id", "application_credential_id", "application_credential_name",
                "application_credential_secret", "token", "endpoint")) {
            AUTH_VARIABLES.put("OS_" + key.toUpperCase(Locale.ROOT), key);
        }
        AUTH_VARIABLES.put("OS_TENANT_NAME", "project_name");
        AUTH_VARIABLES.put("OS_TENANT_ID", "project_id");
        AUTH_VARIABLES.put("OS_DEFAULT_DOMAIN", "default_domain_id");
        for (String key : List.of("auth_type", "region_name", "interface", "cacert", "cert", "key", "insecure",
                "verify", "image_endpoint_override")) {
            CLOUD_VARIABLES.put("OS_" + key.toUpperCase(Locale.ROOT), key);
        }
        CLOUD_VARIABLES.put("OS_ENDPOINT_TYPE", "interface");
    }

    private final String cloudName;
    private final String source;
    private final Map<String, Object> settings;
    private final Map<String, String> auth;

    private CloudConfig(String cloudName, String source, Map<String, Object> settings, Map<String, String> auth) {
        this.cloudName = cloudName;
        this.source = source;
        this.settings = settings;
        this.auth = auth;
    }

    /**
     * The configuration selected by the environment: the cloud named by {@code OS_CLOUD} (with
     * {@code OS_*} overrides), or the {@code OS_*} variables alone.
     *
     * @throws ValidationException when nothing is configured or the configuration is incomplete
     */
    public static CloudConfig fromEnvironment() {
        return load(null, System.getenv(), Paths.get("").toAbsolutePath(), Paths.get(System.getProperty("user.home")),
                Paths.get("/etc/openstack"));
    }

    /**
     * The named cloud from {@code clouds.yaml} (with {@code secure.yaml} and {@code OS_*} overrides).
     *
     * @throws ValidationException when no clouds.yaml defines it
     */
    public static CloudConfig fromCloud(String cloudName) {
        if (cloudName == null || cloudName.isBlank()) {
            throw new ValidationException("cloud name must not be blank");
        }
        return load(cloudName.trim(), System.getenv(), Paths.get("").toAbsolutePath(),
                Paths.get(System.getProperty("user.home")), Paths.get("/etc/openstack"));
    }

    /**
     * Loads with an explicit environment and file system locations (tests).
     *
     * @param cloudName the cloud to use, or {@code null} for {@code OS_CLOUD} / variables only
     * @param env the environment variables
     * @param workingDir where {@code ./clouds.yaml} is looked for
     * @param home the user's home ({@code ~/.config/openstack/})
     * @param systemDir the system directory ({@code /etc/openstack})
     */
    static CloudConfig load(String cloudName, Map<String, String> env, Path workingDir, Path home, Path systemDir) {
        String name = cloudName != null ? cloudName : blankToNull(env.get("OS_CLOUD"));
        Map<String, Object> cloud = new LinkedHashMap<>();
        String source;
        if (name != null) {
            Path cloudsFile = find(env, "OS_CLIENT_CONFIG_FILE", "clouds", workingDir, home, systemDir);
            if (cloudsFile == null) {
                throw new ValidationException("cloud \"" + name + "\" was requested but no clouds.yaml exists in "
                        + searchPath("clouds", workingDir, home, systemDir));
            }
            Map<String, Object> clouds = clouds(cloudsFile);
            Object entry = clouds.get(name);
            if (!(entry instanceof Map)) {
                throw new ValidationException("cloud \"" + name + "\" is not defined in " + cloudsFile
                        + "; it defines: " + new TreeSet<>(clouds.keySet()));
            }
            deepMerge(cloud, asMap(entry));
            source = cloudsFile.toString();
            Path secureFile = find(env, "OS_CLIENT_SECURE_FILE", "secure", workingDir, home, systemDir);
            if (secureFile != null) {
                Object secure = clouds(secureFile).get(name);
                if (secure instanceof Map) {
                    deepMerge(cloud, asMap(secure));
                    source += " + " + secureFile;
                }
            }
        } else {
            source = "environment";
        }
        if (cloud.containsKey("profile")) {
            throw new ValidationException("cloud \"" + name + "\" uses a vendor profile (\"profile\"), which is not "
                    + "supported: write its auth_url and settings into the cloud entry");
        }
        Map<String, String> authSettings = new LinkedHashMap<>();
        Object authEntry = cloud.get("auth");
        if (authEntry instanceof Map) {
            ((Map<?, ?>) authEntry).forEach((k, v) -> {
                if (v != null && !(v instanceof Map) && !(v instanceof List)) {
                    authSettings.put(String.valueOf(k), String.valueOf(v));
                }
            });
        } else if (authEntry != null) {
            throw new ValidationException("\"auth\" of cloud \"" + name + "\" in " + source + " is not a mapping");
        }
        boolean fromVariables = false;
        for (Map.Entry<String, String> v : AUTH_VARIABLES.entrySet()) {
            String value = blankToNull(env.get(v.getKey()));
            if (value != null) {
                authSettings.put(v.getValue(), value);
                fromVariables = true;
            }
        }
        for (Map.Entry<String, String> v : CLOUD_VARIABLES.entrySet()) {
            String value = blankToNull(env.get(v.getKey()));
            if (value != null) {
                cloud.put(v.getValue(), value);
                fromVariables = true;
            }
        }
        if (name != null && fromVariables) {
            source += " + OS_* variables";
        }
        if (name == null && !fromVariables) {
            throw new ValidationException("no cloud configured: set OS_CLOUD to a cloud in clouds.yaml (looked in "
                    + searchPath("clouds", workingDir, home, systemDir) + ") or the OS_AUTH_URL, OS_USERNAME, ... variables");
        }
        cloud.remove("auth");
        return new CloudConfig(name, source, Collections.unmodifiableMap(cloud), Collections.unmodifiableMap(authSettings));
    }

    private static Path find(Map<String, String> env, String variable, String baseName, Path workingDir, Path home,
                             Path systemDir) {
        String explicit = blankToNull(env.get(variable));
        if (explicit != null) {
            Path p = Paths.get(explicit);
            if (!Files.isRegularFile(p)) {
                throw new ValidationException(variable + " names " + p + ", which is not a readable file");
            }
            return p;
        }
        for (Path candidate : candidates(baseName, workingDir, home, systemDir)) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<Path> candidates(String baseName, Path workingDir, Path home, Path systemDir) {
        List<Path> out = new ArrayList<>();
        for (Path dir : new Path[] {workingDir, home.resolve(".config").resolve("openstack"), systemDir}) {
            out.add(dir.resolve(baseName + ".yaml"));
            out.add(dir.resolve(baseName + ".yml"));
        }
        return out;
    }

    private static String searchPath(String baseName, Path workingDir, Path home, Path systemDir) {
        List<String> dirs = new ArrayList<>();
        for (Path p : candidates(baseName, workingDir, home, systemDir)) {
            if (p.toString().endsWith(".yaml")) {
                dirs.add(p.toString());
            }
        }
        return dirs.toString();
    }

    /** The {@code clouds:} mapping of a clouds.yaml or secure.yaml file. */
    private static Map<String, Object> clouds(Path file) {
        Object document;
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (MarkedYAMLException e) {
            // The exception's own message quotes the file, which may hold passwords: report the position only.
            Mark mark = e.getProblemMark();
            throw new ValidationException(file + " is not valid YAML" + (mark == null ? ""
                    : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")"));
        } catch (YAMLException e) {
            throw new ValidationException(file + " is not valid YAML");
        } catch (IOException e) {
            throw new ValidationException("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map) || !(((Map<?, ?>) document).get("clouds") instanceof Map)) {
            throw new ValidationException(file + " has no \"clouds:\" mapping at its top level");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) ((Map<?, ?>) document).get("clouds")).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static Map<String, Object> asMap(Object entry) {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) entry).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void deepMerge(Map<String, Object> target, Map<String, Object> overlay) {
        overlay.forEach((k, v) -> {
            Object existing = target.get(k);
            if (existing instanceof Map && v instanceof Map) {
                Map<String, Object> merged = new LinkedHashMap<>();
                ((Map<?, ?>) existing).forEach((ek, ev) -> merged.put(String.valueOf(ek), ev));
                Map<String, Object> over = new LinkedHashMap<>();
                ((Map<?, ?>) v).forEach((ok, ov) -> over.put(String.valueOf(ok), ov));
                deepMerge(merged, over);
                target.put(k, merged);
            } else if (v instanceof Map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                ((Map<?, ?>) v).forEach((ok, ov) -> copy.put(String.valueOf(ok), ov));
                target.put(k, copy);
            } else {
                target.put(k, v);
            }
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The cloud's name, when one was selected. */
    public Optional<String> cloudName() {
        return Optional.ofNullable(cloudName);
    }

    /** Where the settings came from, for example {@code /home/u/.config/openstack/clouds.yaml + OS_* variables}. */
    public String source() {
        return source;
    }

    /** The region ({@code region_name}, or the only entry of {@code regions}). */
    public Optional<String> region() {
        String region = string("region_name");
        if (region == null && settings.get("regions") instanceof List && ((List<?>) settings.get("regions")).size() == 1) {
            Object only = ((List<?>) settings.get("regions")).get(0);
            region = only instanceof Map ? String.valueOf(((Map<?, ?>) only).get("name")) : String.valueOf(only);
        }
        return Optional.ofNullable(region);
    }

    /** The catalog interface ({@code interface}, default {@code public}). */
    public EndpointInterface endpointInterface() {
        String i = string("interface");
        return i == null ? EndpointInterface.PUBLIC : EndpointInterface.of(i);
    }

    /** The image endpoint that replaces the catalog's ({@code image_endpoint_override}). */
    public Optional<String> imageEndpointOverride() {
        return Optional.ofNullable(string("image_endpoint_override"));
    }

    /** The authentication method in effect. */
    public String authType() {
        String type = string("auth_type");
        if (type != null) {
            return type.toLowerCase(Locale.ROOT).replace('-', '_');
        }
        if (auth.containsKey("application_credential_secret") || auth.containsKey("application_credential_id")
                || auth.containsKey("application_credential_name")) {
            return "v3applicationcredential";
        }
        if (!auth.containsKey("password") && auth.containsKey("token")) {
            return "v3token";
        }
        return "password";
    }

    /**
     * The authentication these settings describe.
     *
     * @throws ValidationException when settings are missing or the {@code auth_type} is not supported
     */
    public Auth auth() {
        String type = authType();
        switch (type) {
            case "none":
            case "noauth":
                return Auth.none();
            case "admin_token":
            case "token_endpoint":
            case "v3adminendpoint":
                return Auth.token(required("token", "OS_TOKEN"));
            case "password":
            case "v3password":
            case "v3applicationcredential":
            case "applicationcredential":
            case "v3token":
            case "token":
                return keystone(type);
            default:
                throw new ValidationException("auth_type \"" + type + "\" of " + describe() + " is not supported; use "
                        + "password, v3applicationcredential, v3token, token_endpoint or none");
        }
    }

    private KeystoneAuth keystone(String type) {
        KeystoneAuth.Builder b = Auth.keystone(required("auth_url", "OS_AUTH_URL"));
        String defaultDomainId = auth.get("default_domain_id");
        String defaultDomainName = auth.get("default_domain_name");
        boolean applicationCredential = type.contains("applicationcredential");
        boolean token = type.endsWith("token");
        boolean needsUser = !token && !(applicationCredential && auth.get("application_credential_id") != null);
        if (needsUser) {
            if (auth.get("user_id") != null) {
                b.userId(auth.get("user_id"));
            } else if (auth.get("username") != null) {
                b.username(auth.get("username"));
                domain(auth.get("user_domain_id"), auth.get("user_domain_name"), defaultDomainId, defaultDomainName,
                        b::userDomainId, b::userDomainName);
            }
        }
        if (applicationCredential) {
            if (auth.get("application_credential_id") != null) {
                b.applicationCredentialId(auth.get("application_credential_id"));
            } else {
                b.applicationCredentialName(required("application_credential_name", "OS_APPLICATION_CREDENTIAL_NAME"));
            }
            b.applicationCredentialSecret(required("application_credential_secret", "OS_APPLICATION_CREDENTIAL_SECRET"));
            if (auth.containsKey("project_name") || auth.containsKey("project_id")) {
                LOG.debug("{}: the application credential is bound to its project; project settings are ignored", describe());
            }
        } else {
            if (token) {
                b.token(required("token", "OS_TOKEN"));
            } else {
                b.password(required("password", "OS_PASSWORD"));
            }
            if (auth.get("project_id") != null) {
                b.projectId(auth.get("project_id"));
            } else if (auth.get("project_name") != null) {
                b.projectName(auth.get("project_name"));
                domain(auth.get("project_domain_id"), auth.get("project_domain_name"), defaultDomainId, defaultDomainName,
                        b::projectDomainId, b::projectDomainName);
            } else if (auth.get("domain_id") != null) {
                b.domainId(auth.get("domain_id"));
            } else if (auth.get("domain_name") != null) {
                b.domainName(auth.get("domain_name"));
            }
        }
        b.region(region().orElse(null)).endpointInterface(endpointInterface())
                .imageEndpointOverride(imageEndpointOverride().orElse(null));
        return b.build();
    }

    private static void domain(String id, String name, String defaultId, String defaultName,
                               java.util.function.Consumer<String> setId, java.util.function.Consumer<String> setName) {
        if (id != null) {
            setId.accept(id);
        } else if (name != null) {
            setName.accept(name);
        } else if (defaultId != null) {
            setId.accept(defaultId);
        } else if (defaultName != null) {
            setName.accept(defaultName);
        }
    }

    /**
     * TLS settings: {@code verify: false} or {@code insecure: true} switch verification off,
     * {@code cacert} is the CA bundle, {@code cert}/{@code key} the client certificate.
     */
    public TlsOptions tls() {
        TlsOptions.Builder b = TlsOptions.builder();
        Boolean verify = bool("verify");
        Boolean insecure = bool("insecure");
        if (Boolean.FALSE.equals(verify) || Boolean.TRUE.equals(insecure)) {
            b.insecure(true);
        }
        String cacert = string("cacert");
        if (cacert == null && verify == null && string("verify") != null) {
            cacert = string("verify"); // openstacksdk accepts a CA bundle path as verify
        }
        if (cacert != null) {
            b.caCertificates(Paths.get(expandHome(cacert)));
        }
        if (string("cert") != null) {
            String key = string("key");
            b.clientCertificate(Paths.get(expandHome(string("cert"))), key == null ? null : Paths.get(expandHome(key)));
        }
        return b.build();
    }

    private static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    /**
     * A client builder with these settings applied (authentication, endpoint, TLS); the caller may
     * adjust it (timeouts, retries) before building.
     */
    public ServiceClient.Builder toBuilder() {
        return configure(ServiceClient.builder());
    }

    /** Applies these settings (authentication, endpoint when known without a catalog, TLS) to {@code builder}. */
    public ServiceClient.Builder configure(ServiceClient.Builder builder) {
        Auth a = auth();
        builder.auth(a);
        String endpoint = imageEndpointOverride().orElse(null);
        if (endpoint == null && !(a instanceof KeystoneAuth)) {
            endpoint = auth.get("endpoint");
            if (endpoint == null) {
                throw new ValidationException(describe() + " uses auth_type " + authType() + ", which has no service "
                        + "catalog: set image_endpoint_override (OS_IMAGE_ENDPOINT_OVERRIDE)");
            }
        }
        if (endpoint != null) {
            builder.endpoint(endpoint);
        }
        builder.tls(tls());
        LOG.debug("configured client from {}: {}", source, a);
        return builder;
    }

    private String required(String key, String variable) {
        String v = auth.get(key);
        if (v == null || v.isBlank()) {
            throw new ValidationException(describe() + " has no " + key + " (clouds.yaml auth." + key + " or " + variable + ")");
        }
        return v;
    }

    private String string(String key) {
        Object v = settings.get(key);
        return v == null || v instanceof Map || v instanceof List || String.valueOf(v).isBlank() ? null : String.valueOf(v).trim();
    }

    private Boolean bool(String key) {
        String v = string(key);
        if (v == null) {
            return null;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "1": case "on":
                return Boolean.TRUE;
            case "false": case "no": case "0": case "off":
                return Boolean.FALSE;
            default:
                if ("verify".equals(key)) {
                    return null; // a CA bundle path (see tls())
                }
                throw new ValidationException(describe() + ": " + key + " must be true or false, was \"" + v + "\"");
        }
    }

    private String describe() {
        return cloudName != null ? "cloud \"" + cloudName + "\" (" + source + ")" : "the OS_* environment";
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        auth.forEach((k, v) -> shown.put(k, SECRET_KEYS.contains(k) || k.contains("secret") || k.contains("password")
                ? "<redacted>" : v));
        return "CloudConfig{" + (cloudName == null ? "" : cloudName + ", ") + "source=" + source + ", auth_type="
                + authType() + ", auth=" + shown + ", region=" + region().orElse(null) + ", interface="
                + string("interface") + "}";
    }
}
