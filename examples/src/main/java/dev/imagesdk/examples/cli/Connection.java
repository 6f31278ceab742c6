package dev.imagesdk.examples.cli;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;

import java.util.List;

/**
 * Turns imagectl's global options into a {@link ServiceClient}.
 *
 * <ol>
 *   <li>{@code --endpoint URL}: that service; credentials from {@code --token} (else {@code $OS_TOKEN}),
 *       or the trusted identity headers {@code --project}/{@code --user}/{@code --roles}, else none.</li>
 *   <li>otherwise {@code --os-cloud NAME} / {@code $OS_CLOUD} (a clouds.yaml entry) or the
 *       {@code OS_*} variables ({@code OS_AUTH_URL}, ...): Keystone authentication and the catalog's
 *       image endpoint.</li>
 * </ol>
 */
final class Connection implements AutoCloseable {
    static final String DEFAULT_USER = "imagectl";
    static final List<String> DEFAULT_ROLES = List.of("member", "reader");

    private final ServiceClient client;

    private Connection(ServiceClient client) {
        this.client = client;
    }

    static Connection open(Imagectl o) {
        if (o.endpoint != null && !o.endpoint.isBlank()) {
            return new Connection(ServiceClient.builder().endpoint(o.endpoint.trim()).auth(explicitAuth(o)).build());
        }
        String cloud = o.osCloud != null ? o.osCloud : o.env().get("OS_CLOUD");
        if (cloud != null && !cloud.isBlank() || o.env().containsKey("OS_AUTH_URL")) {
            return new Connection(CloudConfig.open(o, cloud));
        }
        throw new CommandException(ExitCodes.USAGE, "no image service configured",
                "Pass --endpoint URL (with --token or --project), --os-cloud NAME, or set OS_CLOUD or OS_AUTH_URL. "
                        + "To try imagectl without a cloud: imagectl demo");
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

    @Override
    public void close() {
        client.close();
    }
}
