package dev.imagesdk.testing.internal.emulator.http;

import java.util.List;

/**
 * The emulator's view of who made a request: project, user, project roles (lower case) and the
 * organization and space roles image links check. The public facade translates its {@code Identity}
 * into this; the trusted-headers path builds it from the request headers.
 *
 * @param projectId the project the caller acts for
 * @param userId the calling user
 * @param roles role names in the project, lower case
 * @param organizationRoles organization roles, active or not
 * @param spaceRoles space roles, active or not
 */
public record Caller(String projectId, String userId, List<String> roles, List<Grant> organizationRoles,
        List<Grant> spaceRoles) {

    /** Copies the lists. */
    public Caller {
        roles = List.copyOf(roles);
        organizationRoles = List.copyOf(organizationRoles);
        spaceRoles = List.copyOf(spaceRoles);
    }

    /** {@code true} when the caller holds role {@code admin}: it sees and may change every image. */
    public boolean isAdmin() {
        return roles.contains("admin");
    }

    /** The same caller with another project, user and roles (keeping its organization and space roles). */
    public Caller with(String projectId, String userId, List<String> roles) {
        return new Caller(projectId, userId, roles, organizationRoles, spaceRoles);
    }

    /**
     * A role in an organization ({@code space} {@code null}) or in a space of an organization.
     *
     * @param organization organization slug
     * @param space space slug, {@code null} for an organization role
     * @param active whether the role is active (inactive roles grant nothing)
     */
    public record Grant(String organization, String space, boolean active) {
    }
}
