package dev.imagesdk.examples.cli;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.config.CloudConfig;

import java.util.List;

/**
 * Turns imagectl's global options into a {@link ServiceClient}.
 *
 * <ol>
 *   <li>{@code --endpoint URL}: that service; credentials from {@code --token} (else {@code $OS_TOKEN}),
 *       or the trusted identity headers {@code --project}/{@code --user}/{@code --roles}, else none.</li>
 *   <li>{@code --os-cloud NAME} (a clouds.yaml entry, with secure.yaml and {@code OS_*} overrides):
 *       Keystone authentication and the catalog's image endpoint; {@code --endpoint} overrides the
 *       catalog, {@code --token}/{@code --project} the credentials. Takes precedence over 1.</li>
 *   <li>otherwise, with neither {@code --endpoint} nor explicit credentials, {@code $OS_CLOUD} or the
 *       {@code OS_*} variables ({@code OS_AUTH_URL}, ...), as the {@code openstack} CLI reads them.</li>
 * </ol>
 */
final class Connection implements AutoCloseable {
    static final String DEFAULT_USER = "imagectl";
    static final List<String> DEFAULT_ROLES = List.of("member", "reader");

    private final ServiceClient client;
    private final CloudConfig config;

    private Connection(ServiceClient client) {
        this(client, null);
    }

    private Connection(ServiceClient client, CloudConfig config) {
        this.client = client;
        this.config = config;
    }

    static Connection open(Imagectl o) {
        String endpoint = o.endpoint != null && !o.endpoint.isBlank() ? o.endpoint.trim() : null;
        boolean explicitIdentity = o.token != null || o.project != null;
        if (o.osCloud != null) {
            // The named cloud; --endpoint overrides its catalog, --token/--project its credentials.
            CloudConfig config = CloudConfig.fromCloud(o.osCloud);
            ServiceClient.Builder b = ServiceClient.builder().config(config);
            if (endpoint != null) {
                b.endpoint(endpoint);
            }
            if (explicitIdentity) {
                b.auth(explicitAuth(o));
            }
            return new Connection(b.build(), config);
        }
        if (endpoint != null) {
            return new Connection(ServiceClient.builder().endpoint(endpoint).auth(explicitAuth(o)).build());
        }
        if (!explicitIdentity && (notBlank(o.env().get("OS_CLOUD")) || notBlank(o.env().get("OS_AUTH_URL")))) {
            CloudConfig config = CloudConfig.fromEnvironment();
            return new Connection(ServiceClient.builder().config(config).build(), config);
        }
        throw new CommandException(ExitCodes.USAGE, "no image service configured",
                "Pass --endpoint URL (with --token or --project), --os-cloud NAME, or set OS_CLOUD or OS_AUTH_URL. "
                        + "To try imagectl without a cloud: imagectl demo");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Credentials given on the command line (or $OS_TOKEN) for an explicit endpoint. */
    static Auth explicitAuth(Imagectl o) {
        if (o.token != null) {
            return Auth.token(o.token);
        }
        if (o.project != null) {
            String user = o.user != null ? o.user : DEFAULT_USER;
            List<String> roles = o.roles != null && o.roles.length > 0 ? List.of(o.roles) : DEFAULT_ROLES;
            return Auth.trustedHeaders(o.project, user, roles.toArray(new String[0]));
        }
        String envToken = o.env().get("OS_TOKEN");
        if (envToken != null && !envToken.isBlank()) {
            return Auth.token(envToken);
        }
        return Auth.none();
    }

    ServiceClient client() {
        return client;
    }

    /** The clouds.yaml entry (or {@code OS_*} variables) the client was built from, when it was. */
    java.util.Optional<CloudConfig> config() {
        return java.util.Optional.ofNullable(config);
    }

    @Override
    public void close() {
        client.close();
    }
}
