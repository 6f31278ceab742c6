package dev.imagesdk.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who calls the emulator: a project, a user, the user's roles in the project (role {@code admin}
 * makes an administrator, as Glance's {@code context_is_admin} rule does) and, for image links,
 * the organizations and spaces the user holds a role in, each active or not.
 *
 * <p>Immutable; build it with {@link #builder()} or the {@link #member(String)} / {@link #admin(String)}
 * shortcuts. {@link #toString()} shows ids and roles only.
 */
public final class Identity {
    private final String projectId;
    private final String userId;
    private final List<String> roles;
    private final List<Grant> organizationRoles;
    private final List<Grant> spaceRoles;

    private Identity(Builder b) {
        this.projectId = requireText("projectId", b.projectId);
        this.userId = b.userId == null ? "user-" + projectId : requireText("userId", b.userId);
        if (b.roles.isEmpty()) {
            b.roles.add("member");
            b.roles.add("reader");
        }
        this.roles = List.copyOf(b.roles);
        this.organizationRoles = List.copyOf(b.organizationRoles);
        this.spaceRoles = List.copyOf(b.spaceRoles);
    }

    private static String requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.trim();
    }

    /** A project member (roles {@code member}, {@code reader}) of {@code projectId}. */
    public static Identity member(String projectId) {
        return builder().project(projectId).build();
    }

    /** An administrator (roles {@code admin}, {@code member}, {@code reader}) of {@code projectId}. */
    public static Identity admin(String projectId) {
        return builder().project(projectId).roles("admin", "member", "reader").build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this identity. */
    public Builder toBuilder() {
        Builder b = new Builder().project(projectId).user(userId).roles(roles.toArray(String[]::new));
        b.organizationRoles.addAll(organizationRoles);
        b.spaceRoles.addAll(spaceRoles);
        return b;
    }

    /** The project the caller acts for (the owner of the images it creates). */
    public String projectId() {
        return projectId;
    }

    /** The calling user. */
    public String userId() {
        return userId;
    }

    /** Role names in the project, lower case. */
    public List<String> roles() {
        return roles;
    }

    /** {@code true} when the caller holds role {@code admin}: it sees and may change every image. */
    public boolean isAdmin() {
        return roles.contains("admin");
    }

    /** Every organization role the user holds, active or not. */
    public List<Grant> organizationRoles() {
        return organizationRoles;
    }

    /** Every space role the user holds, active or not. */
    public List<Grant> spaceRoles() {
        return spaceRoles;
    }

    /** Slugs of the organizations in which the user holds an active role. */
    public Set<String> activeOrganizations() {
        Set<String> s = new LinkedHashSet<>();
        for (Grant g : organizationRoles) {
            if (g.active()) {
                s.add(g.organization());
            }
        }
        return Collections.unmodifiableSet(s);
    }

    /** The spaces (as {@code org/space}) in which the user holds an active role. */
    public Set<String> activeSpaces() {
        Set<String> s = new LinkedHashSet<>();
        for (Grant g : spaceRoles) {
            if (g.active()) {
                s.add(g.organization() + "/" + g.space());
            }
        }
        return Collections.unmodifiableSet(s);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Identity)) {
            return false;
        }
        Identity i = (Identity) o;
        return projectId.equals(i.projectId) && userId.equals(i.userId) && roles.equals(i.roles)
                && organizationRoles.equals(i.organizationRoles) && spaceRoles.equals(i.spaceRoles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(projectId, userId, roles, organizationRoles, spaceRoles);
    }

    @Override
    public String toString() {
        return "Identity(project=" + projectId + ", user=" + userId + ", roles=" + roles
                + ", organizations=" + organizationRoles + ", spaces=" + spaceRoles + ")";
    }

    /**
     * A role the user holds in an organization (space {@code null}) or in a space of an organization.
     *
     * @param organization organization slug
     * @param space space slug, {@code null} for an organization role
     * @param active whether the role is active (inactive roles grant nothing)
     */
    public record Grant(String organization, String space, boolean active) {
        /** Checks the slugs. */
        public Grant {
            requireText("organization", organization);
            if (space != null) {
                requireText("space", space);
            }
        }
    }

    /** Builds an {@link Identity}. */
    public static final class Builder {
        private String projectId;
        private String userId;
        private final List<String> roles = new ArrayList<>();
        private final List<Grant> organizationRoles = new ArrayList<>();
        private final List<Grant> spaceRoles = new ArrayList<>();

        private Builder() {
        }

        /** The project id (required). */
        public Builder project(String projectId) {
            this.projectId = projectId;
            return this;
        }

        /** The user id (default {@code user-<project>}). */
        public Builder user(String userId) {
            this.userId = userId;
            return this;
        }

        /** The roles in the project (default {@code member}, {@code reader}); replaces earlier ones. */
        public Builder roles(String... roles) {
            this.roles.clear();
            for (String r : roles) {
                this.roles.add(requireText("role", r).toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /** An active role in organization {@code org}. */
        public Builder organization(String org) {
            organizationRoles.add(new Grant(org, null, true));
            return this;
        }

        /** An inactive role in organization {@code org} (grants nothing). */
        public Builder inactiveOrganization(String org) {
            organizationRoles.add(new Grant(org, null, false));
            return this;
        }

        /** An active role in space {@code space} of organization {@code org}. */
        public Builder space(String org, String space) {
            spaceRoles.add(new Grant(org, space, true));
            return this;
        }

        /** An inactive role in space {@code space} of organization {@code org} (grants nothing). */
        public Builder inactiveSpace(String org, String space) {
            spaceRoles.add(new Grant(org, space, false));
            return this;
        }

        /** The identity. */
        public Identity build() {
            return new Identity(this);
        }
    }
}
