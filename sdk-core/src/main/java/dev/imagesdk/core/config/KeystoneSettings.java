package dev.imagesdk.core.config;

import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.auth.KeystoneAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Maps clouds.yaml {@code auth} settings onto {@link KeystoneAuth}'s builder the way keystoneauth's
 * plugins read them: user by id or name (with its domain), project by id or name (with its domain),
 * else a domain scope; {@code default_domain_*} fills missing domains; application credentials are
 * never scoped.
 */
final class KeystoneSettings {
    private static final Logger LOG = LoggerFactory.getLogger("dev.imagesdk.config");

    private KeystoneSettings() {
    }

    /**
     * The Keystone authentication of {@code config}'s {@code auth} settings for the password,
     * application-credential and token methods ({@code type}).
     */
    static KeystoneAuth auth(CloudConfig config, String type, Map<String, String> auth) {
        KeystoneAuth.Builder b = Auth.keystone(config.required("auth_url", "OS_AUTH_URL"));
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
                b.applicationCredentialName(config.required("application_credential_name", "OS_APPLICATION_CREDENTIAL_NAME"));
            }
            b.applicationCredentialSecret(config.required("application_credential_secret", "OS_APPLICATION_CREDENTIAL_SECRET"));
            if (auth.containsKey("project_name") || auth.containsKey("project_id")) {
                LOG.debug("{}: the application credential is bound to its project; project settings are ignored", config.describe());
            }
        } else {
            if (token) {
                b.token(config.required("token", "OS_TOKEN"));
            } else {
                b.password(config.required("password", "OS_PASSWORD"));
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
        b.region(config.region().orElse(null)).endpointInterface(config.endpointInterface())
                .imageEndpointOverride(config.imageEndpointOverride().orElse(null));
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
}
