package dev.imagesdk.links;

import dev.imagesdk.links.access.CallerRoles;
import dev.imagesdk.core.internal.Arguments;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The image-link scope rules: which links apply to a caller, and the order in which the server lists
 * them. Pure functions of their arguments — no I/O, no clock — usable offline, in tests and by
 * servers or emulators that implement the contract.
 *
 * <p>A link applies to a caller exactly when:
 * <ul>
 *   <li><b>global</b> (no organization, no space): the caller is authenticated;</li>
 *   <li><b>organization</b> ({@code org_slug} only): the caller has an <em>active</em> role in that
 *       organization (a role in one of its spaces is not enough);</li>
 *   <li><b>space</b> ({@code space_slug}, with its {@code org_slug}): the caller has an <em>active</em>
 *       role in that space of that organization (an organization role alone is not enough). A space
 *       link without organization — not allowed by the contract, tolerated on read — matches an
 *       active role in any space of that slug.</li>
 * </ul>
 * Inactive roles never grant anything. There is no administrator override for availability.
 *
 * <p>What a server <em>lists</em> to a caller adds one management rule ({@link #listedFor}): the project
 * owning a link's image and administrators also see every link of that image, so they can change and
 * delete links that do not apply to them.
 *
 * <p>Listing order ({@link #DISPLAY_ORDER}): global links, then organization links, then space
 * links; within a scope type by ascending {@code priority} (links without priority last), then by
 * {@code org_slug}, {@code space_slug} and {@code linkid} so that the order is total and markers are
 * stable.
 */
public final class ScopeRules {
    /** The order in which the server lists links (see the class description). */
    public static final Comparator<ImageLink> DISPLAY_ORDER = Comparator
            .comparing(ImageLink::scopeType)
            .thenComparing(ImageLink::priority, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ImageLink::orgSlug, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ImageLink::spaceSlug, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ImageLink::linkId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private ScopeRules() {
    }

    /** {@code true} when {@code link} applies to (is visible to) the caller. */
    public static boolean applies(ImageLink link, CallerRoles roles) {
        Arguments.notNull(link, "link");
        return applies(link.scope(), roles);
    }

    /** {@code true} when a link in {@code scope} applies to the caller. */
    public static boolean applies(Scope scope, CallerRoles roles) {
        Arguments.notNull(scope, "scope");
        Arguments.notNull(roles, "roles");
        if (!roles.isAuthenticated()) {
            return false;
        }
        switch (scope.type()) {
            case GLOBAL:
                return true;
            case ORGANIZATION:
                return roles.isActiveInOrganization(scope.orgSlug());
            case SPACE:
                return roles.isActiveInSpace(scope.orgSlug(), scope.spaceSlug());
            default:
                return false;
        }
    }

    /**
     * Whether a server lists (and answers GET for) {@code link} to the caller: it applies to the caller,
     * or the caller manages the link's image (its owner project, or an administrator).
     *
     * @param callerManagesImage {@code true} when the caller's project owns the image or it is an administrator
     */
    public static boolean listedFor(ImageLink link, CallerRoles roles, boolean callerManagesImage) {
        return callerManagesImage || applies(link, roles);
    }

    /** The links that apply to the caller, as a predicate (for streams and server-side filters). */
    public static Predicate<ImageLink> visibleTo(CallerRoles roles) {
        Arguments.notNull(roles, "roles");
        return link -> applies(link, roles);
    }

    /** The links of {@code links} that apply to the caller, in {@link #DISPLAY_ORDER}. */
    public static List<ImageLink> visible(Collection<ImageLink> links, CallerRoles roles) {
        return links.stream().filter(visibleTo(roles)).sorted(DISPLAY_ORDER).collect(Collectors.toUnmodifiableList());
    }

    /**
     * Why a link does or does not apply, in one sentence (for logs, CLI output and test failures); no
     * secrets are involved, only slugs and role states.
     */
    public static String explain(ImageLink link, CallerRoles roles) {
        Scope scope = link.scope();
        boolean applies = applies(scope, roles);
        if (!roles.isAuthenticated()) {
            return "no link applies to an unauthenticated caller";
        }
        switch (scope.type()) {
            case GLOBAL:
                return "global link: applies to every authenticated user";
            case ORGANIZATION:
                return applies ? "applies: active role in organization " + scope.orgSlug()
                        : "does not apply: no active role in organization " + scope.orgSlug();
            default:
                String where = (scope.orgSlug() == null ? "" : scope.orgSlug() + "/") + scope.spaceSlug();
                return applies ? "applies: active role in space " + where : "does not apply: no active role in space " + where;
        }
    }
}
