package dev.imagesdk.core.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What Keystone said about an issued token: who it is for, its scope, roles, lifetime and service
 * catalog. Deliberately does not contain the token itself, so it can be logged and shown freely.
 */
public final class KeystoneToken {
    private final String userId;
    private final String userName;
    private final String userDomainId;
    private final String projectId;
    private final String projectName;
    private final String projectDomainId;
    private final String domainId;
    private final String domainName;
    private final List<String> roles;
    private final List<String> methods;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final ServiceCatalog catalog;

    KeystoneToken(String userId, String userName, String userDomainId, String projectId, String projectName,
                  String projectDomainId, String domainId, String domainName, List<String> roles, List<String> methods,
                  Instant issuedAt, Instant expiresAt, ServiceCatalog catalog) {
        this.userId = userId;
        this.userName = userName;
        this.userDomainId = userDomainId;
        this.projectId = projectId;
        this.projectName = projectName;
        this.projectDomainId = projectDomainId;
        this.domainId = domainId;
        this.domainName = domainName;
        this.roles = List.copyOf(roles);
        this.methods = List.copyOf(methods);
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.catalog = catalog;
    }

    /** The authenticated user's id. */
    public String userId() {
        return userId;
    }

    /** The authenticated user's name, when Keystone sent it. */
    public Optional<String> userName() {
        return Optional.ofNullable(userName);
    }

    /** The id of the user's domain, when Keystone sent it. */
    public Optional<String> userDomainId() {
        return Optional.ofNullable(userDomainId);
    }

    /** The project the token is scoped to; empty for domain-scoped and unscoped tokens. */
    public Optional<String> projectId() {
        return Optional.ofNullable(projectId);
    }

    /** The name of the project the token is scoped to. */
    public Optional<String> projectName() {
        return Optional.ofNullable(projectName);
    }

    /** The id of the scoped project's domain. */
    public Optional<String> projectDomainId() {
        return Optional.ofNullable(projectDomainId);
    }

    /** The domain a domain-scoped token is scoped to; empty otherwise. */
    public Optional<String> domainId() {
        return Optional.ofNullable(domainId);
    }

    /** The name of the domain a domain-scoped token is scoped to. */
    public Optional<String> domainName() {
        return Optional.ofNullable(domainName);
    }

    /** Role names granted on the scope, for example {@code member}, {@code reader}. */
    public List<String> roles() {
        return roles;
    }

    /** The authentication methods that produced the token ({@code password}, {@code application_credential}, {@code token}). */
    public List<String> methods() {
        return methods;
    }

    /** When Keystone issued the token, when it said so. */
    public Optional<Instant> issuedAt() {
        return Optional.ofNullable(issuedAt);
    }

    /** When the token stops being accepted, when Keystone said so. */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** The service catalog that came with the token (empty for unscoped tokens). */
    public ServiceCatalog catalog() {
        return catalog;
    }

    @Override
    public String toString() {
        String scope = projectId != null ? "project=" + projectId + (projectName == null ? "" : "(" + projectName + ")")
                : domainId != null ? "domain=" + domainId : "unscoped";
        return "KeystoneToken{user=" + userId + (userName == null ? "" : "(" + userName + ")") + ", " + scope
                + ", roles=" + roles + ", expiresAt=" + expiresAt + "}";
    }
}
