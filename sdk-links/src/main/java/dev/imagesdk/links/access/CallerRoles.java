package dev.imagesdk.links.access;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.error.ValidationException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A caller as the image-link scope rules see it: whether it is authenticated, and its roles in
 * organizations and spaces, each either active or not (an inactive role — suspended, expired,
 * not yet started — grants nothing). Immutable.
 *
 * <p>For the links kept in Glance ({@code ImageLinks.inGlance}) it may also say which project the caller
 * acts for ({@link #projectId()}) and whether it administers the cloud ({@link #isAdministrator()}): the
 * project owning an image, and administrators, manage (see, change, delete) every link of that image
 * ({@link #manages(String)}). Built by the application (its statement; the SDK does not check it) or read from
 * Keystone by {@link KeystoneRoles}, whose roles also carry their project ({@link OrgRole#projectId()},
 * {@link SpaceRole#projectId()}, {@link #orgProjectId(String)}, {@link #spaceProjectId(String, String)}).
 *
 * <pre>{@code
 * CallerRoles alice = CallerRoles.builder()
 *         .orgRole("acme", "member")                        // active
 *         .spaceRole("acme", "ml-lab", "editor")            // active
 *         .inactiveOrgRole("globex", "member")              // grants nothing
 *         .build();
 * }</pre>
 */
public final class CallerRoles {
    private static final CallerRoles ANONYMOUS = new CallerRoles(false, List.of(), List.of(), null, false);
    private static final CallerRoles NO_ROLES = new CallerRoles(true, List.of(), List.of(), null, false);

    private final boolean authenticated;
    private final List<OrgRole> orgRoles;
    private final List<SpaceRole> spaceRoles;
    private final String projectId;
    private final boolean administrator;

    private CallerRoles(boolean authenticated, List<OrgRole> orgRoles, List<SpaceRole> spaceRoles, String projectId,
                        boolean administrator) {
        this.authenticated = authenticated;
        this.orgRoles = orgRoles;
        this.spaceRoles = spaceRoles;
        this.projectId = projectId;
        this.administrator = administrator;
    }

    /** A builder for an authenticated caller without roles yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** An authenticated caller without any organization or space role: sees global links only. */
    public static CallerRoles authenticatedWithoutRoles() {
        return NO_ROLES;
    }

    /** A caller that is not authenticated: no link applies (the server answers 401 anyway). */
    public static CallerRoles anonymous() {
        return ANONYMOUS;
    }

    /** {@code false} only for {@link #anonymous()}. */
    public boolean isAuthenticated() {
        return authenticated;
    }

    /** All organization roles, active and inactive, in the order added. */
    public List<OrgRole> orgRoles() {
        return orgRoles;
    }

    /** All space roles, active and inactive, in the order added. */
    public List<SpaceRole> spaceRoles() {
        return spaceRoles;
    }

    /** The project the caller acts for (the owner of the images it creates), when the application said so. */
    public Optional<String> projectId() {
        return Optional.ofNullable(projectId);
    }

    /** {@code true} when the caller administers the cloud (it then manages every image's links). */
    public boolean isAdministrator() {
        return administrator;
    }

    /**
     * {@code true} when the caller manages the links of an image owned by project {@code imageOwner}: it is an
     * administrator, or it acts for that project. Managing grants seeing, changing and deleting the image's
     * links, not availability ({@code ScopeRules.applies} decides that).
     */
    public boolean manages(String imageOwner) {
        return authenticated && (administrator || (projectId != null && projectId.equals(imageOwner)));
    }

    /** {@code true} when the caller holds at least one active role in organization {@code orgSlug}. */
    public boolean isActiveInOrganization(String orgSlug) {
        if (orgSlug == null) {
            return false;
        }
        for (OrgRole r : orgRoles) {
            if (r.active() && r.orgSlug().equals(orgSlug)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code true} when the caller holds at least one active role in space {@code spaceSlug} of
     * organization {@code orgSlug}; with {@code orgSlug == null} (a link that names no organization)
     * an active role in any space of that slug counts.
     */
    public boolean isActiveInSpace(String orgSlug, String spaceSlug) {
        if (spaceSlug == null) {
            return false;
        }
        for (SpaceRole r : spaceRoles) {
            if (r.active() && r.spaceSlug().equals(spaceSlug) && (orgSlug == null || r.orgSlug().equals(orgSlug))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The project of organization {@code orgSlug} as the roles know it (from an organization role that carries its
     * project, active or not); empty when no role names it. Keystone's roles carry it ({@code KeystoneRoles}).
     */
    public Optional<String> orgProjectId(String orgSlug) {
        requireText("organization slug", orgSlug);
        for (OrgRole r : orgRoles) {
            if (r.orgSlug().equals(orgSlug) && r.projectId().isPresent()) {
                return r.projectId();
            }
        }
        return Optional.empty();
    }

    /** The project of space {@code spaceSlug} of organization {@code orgSlug} as the roles know it; see {@link #orgProjectId(String)}. */
    public Optional<String> spaceProjectId(String orgSlug, String spaceSlug) {
        requireText("organization slug", orgSlug);
        requireText("space slug", spaceSlug);
        for (SpaceRole r : spaceRoles) {
            if (r.orgSlug().equals(orgSlug) && r.spaceSlug().equals(spaceSlug) && r.projectId().isPresent()) {
                return r.projectId();
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CallerRoles)) {
            return false;
        }
        CallerRoles c = (CallerRoles) o;
        return authenticated == c.authenticated && orgRoles.equals(c.orgRoles) && spaceRoles.equals(c.spaceRoles)
                && Objects.equals(projectId, c.projectId) && administrator == c.administrator;
    }

    @Override
    public int hashCode() {
        return Objects.hash(authenticated, orgRoles, spaceRoles, projectId, administrator);
    }

    @Override
    public String toString() {
        return authenticated ? "CallerRoles{" + (projectId == null ? "" : "project=" + projectId + ", ")
                + (administrator ? "administrator, " : "") + "orgs=" + orgRoles + ", spaces=" + spaceRoles + "}"
                : "CallerRoles{anonymous}";
    }

    /**
     * A role in an organization.
     *
     * @param orgSlug the organization
     * @param role the role's name (for example {@code member}, {@code admin}); the rules only look at {@link #active()}
     * @param active whether the role currently grants access
     * @param projectId the organization's project (Keystone project id), when known (roles read from Keystone)
     */
    public record OrgRole(String orgSlug, String role, boolean active, Optional<String> projectId) {
        /** Checks the slugs and role name (non-blank) and the project id (non-blank when present). */
        public OrgRole {
            requireText("organization slug", orgSlug);
            requireText("role", role);
            projectId = requireProject(projectId);
        }

        /** A role whose organization's project is not known. */
        public OrgRole(String orgSlug, String role, boolean active) {
            this(orgSlug, role, active, Optional.empty());
        }

        @Override
        public String toString() {
            return orgSlug + ":" + role + (active ? "" : "(inactive)") + projectId.map(p -> "@" + p).orElse("");
        }
    }

    /**
     * A role in a space of an organization.
     *
     * @param orgSlug the organization the space belongs to
     * @param spaceSlug the space
     * @param role the role's name; the rules only look at {@link #active()}
     * @param active whether the role currently grants access
     * @param projectId the space's project (Keystone project id), when known (roles read from Keystone)
     */
    public record SpaceRole(String orgSlug, String spaceSlug, String role, boolean active, Optional<String> projectId) {
        /** Checks the slugs and role name (non-blank) and the project id (non-blank when present). */
        public SpaceRole {
            requireText("organization slug", orgSlug);
            requireText("space slug", spaceSlug);
            requireText("role", role);
            projectId = requireProject(projectId);
        }

        /** A role whose space's project is not known. */
        public SpaceRole(String orgSlug, String spaceSlug, String role, boolean active) {
            this(orgSlug, spaceSlug, role, active, Optional.empty());
        }

        @Override
        public String toString() {
            return orgSlug + "/" + spaceSlug + ":" + role + (active ? "" : "(inactive)") + projectId.map(p -> "@" + p).orElse("");
        }
    }

    private static Optional<String> requireProject(Optional<String> projectId) {
        if (projectId == null) {
            throw new ValidationException("project id must not be null (Optional.empty() when unknown)");
        }
        projectId.ifPresent(p -> requireText("project id", p));
        return projectId.map(String::strip);
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(what + " must not be blank");
        }
    }

    /** Builds {@link CallerRoles} for an authenticated caller. */
    public static final class Builder {
        private final Set<OrgRole> orgRoles = new LinkedHashSet<>();
        private final Set<SpaceRole> spaceRoles = new LinkedHashSet<>();
        private String projectId;
        private boolean administrator;

        private Builder() {
        }

        /**
         * The project the caller acts for: it manages the links of the images this project owns.
         *
         * @throws ValidationException when blank
         */
        public Builder project(String projectId) {
            requireText("project id", projectId);
            this.projectId = projectId.strip();
            return this;
        }

        /** Whether the caller administers the cloud (manages the links of every image); default {@code false}. */
        public Builder administrator(boolean administrator) {
            this.administrator = administrator;
            return this;
        }

        /** An active role in an organization. */
        public Builder orgRole(String orgSlug, String role) {
            return orgRole(new OrgRole(orgSlug, role, true));
        }

        /** An inactive role in an organization (grants nothing, kept for completeness). */
        public Builder inactiveOrgRole(String orgSlug, String role) {
            return orgRole(new OrgRole(orgSlug, role, false));
        }

        /** A role in an organization. */
        public Builder orgRole(OrgRole role) {
            orgRoles.add(Arguments.notNull(role, "role"));
            return this;
        }

        /** An active role in a space. */
        public Builder spaceRole(String orgSlug, String spaceSlug, String role) {
            return spaceRole(new SpaceRole(orgSlug, spaceSlug, role, true));
        }

        /** An inactive role in a space (grants nothing). */
        public Builder inactiveSpaceRole(String orgSlug, String spaceSlug, String role) {
            return spaceRole(new SpaceRole(orgSlug, spaceSlug, role, false));
        }

        /** A role in a space. */
        public Builder spaceRole(SpaceRole role) {
            spaceRoles.add(Arguments.notNull(role, "role"));
            return this;
        }

        /** The immutable roles. */
        public CallerRoles build() {
            return new CallerRoles(true, Collections.unmodifiableList(new ArrayList<>(orgRoles)),
                    Collections.unmodifiableList(new ArrayList<>(spaceRoles)), projectId, administrator);
        }
    }
}
