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
 * <p>The rules are openstacksdk's ({@code openstack/config/loader.py}), so a configuration that works with
 * {@code openstack.connect()} works here:
 * <ul>
 * <li><b>Files.</b> {@code clouds.yaml}: {@code $OS_CLIENT_CONFIG_FILE}, then {@code ./}, {@code ~/.config/openstack/},
 * {@code /etc/openstack/}, first match wins ({@code clouds.yaml}, {@code .yml} or {@code .json} in each;
 * {@code ~} is {@code $HOME} when set, as for the OpenStack tools, else Java's {@code user.home}). A
 * {@code $OS_CLIENT_CONFIG_FILE} that does not exist is an error here (openstacksdk skips it).
 * {@code secure.yaml}: {@code $OS_CLIENT_SECURE_FILE}, then the same directories; it is <em>not</em> looked for
 * next to {@code $OS_CLIENT_CONFIG_FILE} (openstacksdk does not either: one lying there unused is logged with a
 * hint to set {@code OS_CLIENT_SECURE_FILE}). The cloud's entry of {@code secure.yaml} is merged over its
 * entry of {@code clouds.yaml}.</li>
 * <li><b>Which cloud.</b> The one named ({@link #fromCloud(String)}), else {@code $OS_CLOUD}. The {@code OS_*}
 * setting variables ({@code OS_AUTH_URL}, {@code OS_USERNAME}, {@code OS_PASSWORD}, ...) form a cloud of their own,
 * named {@code envvars} ({@code $OS_CLOUD_NAME} renames it), which is the default when {@code OS_CLOUD} is unset;
 * {@code fromCloud("envvars")} selects it explicitly. Without a name, {@code OS_CLOUD} or variables, a
 * {@code clouds.yaml} that defines exactly one cloud means that cloud.</li>
 * <li><b>No mixing.</b> A named cloud (explicitly or by {@code OS_CLOUD}) is read from its files alone: {@code OS_*}
 * variables never override its settings (the {@code openstack} CLI differs only because it turns them into
 * {@code --os-*} option defaults). When such variables are set they are named (never their values) in an INFO line
 * of the {@code dev.imagesdk.config} logger. {@code OS_REGION_NAME} alone forms no cloud.</li>
 * </ul>
 * Not supported: vendor profiles ({@code profile:}), {@code clouds-public.yaml}, the XDG directories other than
 * {@code ~/.config/openstack}, and {@code OS_*} variables this SDK does not read (they form no cloud).
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
     * The configuration selected by the environment: the cloud named by {@code OS_CLOUD}, else the cloud the
     * {@code OS_*} variables form, else the only cloud of {@code clouds.yaml} (see the class description).
     *
     * @throws ValidationException when nothing is configured or the configuration is incomplete
     */
    public static CloudConfig fromEnvironment() {
        return CloudConfigLoader.load(null);
    }

    /**
     * The named cloud from {@code clouds.yaml} with {@code secure.yaml} merged over it; {@code OS_*} variables
     * are not applied ({@code "envvars"}, or {@code $OS_CLOUD_NAME}, names the cloud they form).
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

    /**
     * A setting of the cloud entry that the SDK itself does not interpret (for example {@code imagesdk_links_backend}
     * read by imagectl): a scalar as text, a list as its items joined by {@code ,}; empty when absent, blank or a
     * mapping. Secrets ({@code auth}) are not reachable through it.
     */
    public Optional<String> setting(String name) {
        if (name == null || name.equals("auth")) {
            return Optional.empty();
        }
        Object v = settings.get(name);
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (Object item : list) {
                if (item != null && !(item instanceof Map) && !(item instanceof List)) {
                    sb.append(sb.length() == 0 ? "" : ",").append(String.valueOf(item).trim());
                }
            }
            return sb.length() == 0 ? Optional.empty() : Optional.of(sb.toString());
        }
        return Optional.ofNullable(string(name));
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
