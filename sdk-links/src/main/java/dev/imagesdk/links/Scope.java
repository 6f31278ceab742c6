package dev.imagesdk.links;

import dev.imagesdk.core.error.ValidationException;

import java.util.Objects;

/**
 * Where an image link makes its image available: {@link #global()} (every authenticated user),
 * {@link #organization(String)} (users with an active role in the organization) or
 * {@link #space(String, String)} (users with an active role in the space; a space always belongs to an
 * organization). Immutable; two scopes are equal when type and slugs are equal.
 *
 * <p>Impossible combinations are rejected when the scope is built, before any request: a space
 * without its organization, and blank slugs, throw {@link ValidationException}.
 */
public final class Scope {
    private static final Scope GLOBAL = new Scope(ScopeType.GLOBAL, null, null);

    private final ScopeType type;
    private final String orgSlug;
    private final String spaceSlug;

    private Scope(ScopeType type, String orgSlug, String spaceSlug) {
        this.type = type;
        this.orgSlug = orgSlug;
        this.spaceSlug = spaceSlug;
    }

    /** Every authenticated user ({@code org_slug} and {@code space_slug} both null). */
    public static Scope global() {
        return GLOBAL;
    }

    /**
     * Users with an active role in organization {@code orgSlug}.
     *
     * @throws ValidationException when the slug is null or blank
     */
    public static Scope organization(String orgSlug) {
        return new Scope(ScopeType.ORGANIZATION, requireSlug("organization", orgSlug), null);
    }

    /**
     * Users with an active role in space {@code spaceSlug} of organization {@code orgSlug}.
     *
     * @throws ValidationException when either slug is null or blank (a space without its organization
     *         is not a scope)
     */
    public static Scope space(String orgSlug, String spaceSlug) {
        if (orgSlug == null && spaceSlug != null && !spaceSlug.isBlank()) {
            throw new ValidationException("space \"" + spaceSlug + "\" needs its organization: use Scope.space(org, space)");
        }
        return new Scope(ScopeType.SPACE, requireSlug("organization", orgSlug), requireSlug("space", spaceSlug));
    }

    /**
     * The scope for a pair of optional slugs, as the command-line flags {@code --org} / {@code --space}
     * give them: neither → global, organization only → organization, both → space.
     *
     * @throws ValidationException for a space without organization or a blank slug
     */
    public static Scope of(String orgSlug, String spaceSlug) {
        if (spaceSlug != null) {
            return space(orgSlug, spaceSlug);
        }
        return orgSlug == null ? global() : organization(orgSlug);
    }

    /**
     * The scope of a link as a server sent it, without validation: a space link without organization
     * (the seed's older wording allowed it) is kept as a space scope whose {@link #orgSlug()} is
     * {@code null}.
     */
    static Scope fromWire(String orgSlug, String spaceSlug) {
        if (spaceSlug != null) {
            return new Scope(ScopeType.SPACE, orgSlug, spaceSlug);
        }
        return orgSlug == null ? GLOBAL : new Scope(ScopeType.ORGANIZATION, orgSlug, null);
    }

    private static String requireSlug(String what, String slug) {
        if (slug == null || slug.isBlank()) {
            throw new ValidationException(what + " slug must not be blank, was " + (slug == null ? "null" : "\"" + slug + "\""));
        }
        if (!slug.equals(slug.strip())) {
            throw new ValidationException(what + " slug must not start or end with whitespace, was \"" + slug + "\"");
        }
        return slug;
    }

    /** Global, organization or space. */
    public ScopeType type() {
        return type;
    }

    /** The organization's slug; {@code null} for a global scope. */
    public String orgSlug() {
        return orgSlug;
    }

    /** The space's slug; {@code null} unless this is a space scope. */
    public String spaceSlug() {
        return spaceSlug;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Scope)) {
            return false;
        }
        Scope s = (Scope) o;
        return type == s.type && Objects.equals(orgSlug, s.orgSlug) && Objects.equals(spaceSlug, s.spaceSlug);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, orgSlug, spaceSlug);
    }

    /** {@code global}, {@code org:acme} or {@code space:acme/ml-lab}. */
    @Override
    public String toString() {
        switch (type) {
            case GLOBAL:
                return "global";
            case ORGANIZATION:
                return "org:" + orgSlug;
            default:
                return "space:" + (orgSlug == null ? "?" : orgSlug) + "/" + spaceSlug;
        }
    }
}
