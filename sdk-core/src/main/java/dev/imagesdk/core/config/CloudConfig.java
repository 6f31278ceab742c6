package dev.imagesdk.core.config;

import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.auth.EndpointInterface;
import dev.imagesdk.core.error.ValidationException;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A client configuration read the way the OpenStack command-line tools read it: a cloud from
 * {@code clouds.yaml} (with {@code secure.yaml} merged over it) and/or {@code OS_*} environment
 * variables.
 *
 * <pre>{@code
 * CloudConfig config = CloudConfig.fromCloud("mycloud");
 * ServiceClient client = ServiceClient.builder().config(config).build();
 * }</pre>
 *
 * <p>Where the files are looked for, first match wins: {@code $OS_CLIENT_CONFIG_FILE},
 * {@code ./clouds.yaml}, {@code ~/.config/openstack/clouds.yaml}, {@code /etc/openstack/clouds.yaml}
 * ({@code .yml} accepted too; {@code ~} is {@code $HOME} when set, as for the OpenStack tools, else
 * Java's {@code user.home}); {@code secure.yaml} likewise ({@code $OS_CLIENT_SECURE_FILE} first).
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
    private static final Set<String> SECRET_KEYS = Set.of("password", "application_credential_secret", "token");

    private final String cloudName;
    private final String source;
    private final Map<String, Object> settings;
    private final Map<String, String> auth;

    private final Path home;

    CloudConfig(String cloudName, String source, Map<String, Object> settings, Map<String, String> auth, Path home) {
        this.cloudName = cloudName;
        this.source = source;
        this.settings = settings;
        this.auth = auth;
        this.home = home;
    }

    /**
     * The configuration selected by the environment: the cloud named by {@code OS_CLOUD} (with
     * {@code OS_*} overrides), or the {@code OS_*} variables alone.
     *
     * @throws ValidationException when nothing is configured or the configuration is incomplete
     */
    public static CloudConfig fromEnvironment() {
        return CloudConfigLoader.load(null);
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
        return CloudConfigLoader.load(cloudName.trim());
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
                return KeystoneSettings.auth(this, type, auth);
            default:
                throw new ValidationException("auth_type \"" + type + "\" of " + describe() + " is not supported; use "
                        + "password, v3applicationcredential, v3token, token_endpoint or none");
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

    private String expandHome(String path) {
        return path.startsWith("~/") ? home.resolve(path.substring(2)).toString() : path;
    }

    /**
     * The image endpoint to use without asking a service catalog: {@code image_endpoint_override}
     * ({@code OS_IMAGE_ENDPOINT_OVERRIDE}), else, for authentication that has no catalog
     * ({@code token_endpoint}, {@code none}), {@code auth.endpoint} ({@code OS_ENDPOINT}). Empty when
     * Keystone's catalog names it.
     *
     * @throws ValidationException when the authentication has no catalog and no endpoint is set
     */
    public Optional<String> endpoint() {
        Optional<String> override = imageEndpointOverride();
        if (override.isPresent() || usesKeystone()) {
            return override;
        }
        String endpoint = auth.get("endpoint");
        if (endpoint == null || endpoint.isBlank()) {
            throw new ValidationException(describe() + " uses auth_type " + authType() + ", which has no service "
                    + "catalog: set image_endpoint_override (OS_IMAGE_ENDPOINT_OVERRIDE)");
        }
        return Optional.of(endpoint.trim());
    }

    private boolean usesKeystone() {
        switch (authType()) {
            case "none":
            case "noauth":
            case "admin_token":
            case "token_endpoint":
            case "v3adminendpoint":
                return false;
            default:
                return true;
        }
    }

    /** The auth setting {@code key}, or a message naming it and its {@code variable}. */
    String required(String key, String variable) {
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

    /** Which configuration this is, for messages. */
    String describe() {
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
