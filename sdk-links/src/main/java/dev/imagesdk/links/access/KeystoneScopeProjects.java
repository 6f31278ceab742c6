package dev.imagesdk.links.access;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.KeystoneAuth;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.internal.http.Calls;
import dev.imagesdk.links.internal.keystone.KeystoneProject;
import dev.imagesdk.links.internal.keystone.KeystoneClients;
import dev.imagesdk.links.internal.keystone.OrgConvention;
import dev.imagesdk.links.internal.keystone.TaggedProjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The projects of organizations and spaces looked up in Keystone by the naming convention of {@link KeystoneRoles}:
 * organization {@code <org>} is the one project tagged {@code imagesdk-org:<org>}, space {@code <org>/<space>} the one
 * child project of that organization's project tagged {@code imagesdk-space:<org>:<space>}. Plug it into
 * {@code ImageLinks.inGlance(client, KeystoneRoles.of(client), KeystoneScopeProjects.of(adminClient))}.
 *
 * <p>One lookup is one Keystone request, {@code GET /v3/projects?tags=<tag>} (a space also looks up its organization,
 * to check the parent), sent through the client's transport (its token, renewed after a 401; retry; typed errors).
 * Keystone's default policy lets only a token allowed {@code identity:list_projects} list projects: an
 * administrator's, a system-scoped reader's, or a reader's scoped to the projects' domain. A token of a member or
 * reader scoped to a project is refused with 403, which arrives as a {@link dev.imagesdk.core.error.ForbiddenException}
 * saying so, never as "no project". Use a client of such a service or administrator account here (the caller's own
 * client for {@link KeystoneRoles}).
 *
 * <p>No project with the tag: empty ("no project known"; the SDK then shares with nobody for that scope). Several:
 * {@link AmbiguousScopeProjectException} naming them. A slug that the convention cannot carry in a tag (not
 * lowercase letters, digits, {@code . _ -}), a space project that is not a child of its organization's project, or a
 * project with more than one organization/space tag: empty, with a warning in the log (what cannot be read safely
 * shares with nobody). A disabled project is returned: nobody can act for it while it is disabled, and its
 * organization's roles are inactive ({@link KeystoneRoles}). Answers, found or not, are cached per scope for a short
 * time (default 30 s): project changes in Keystone show after at most that long; errors are not cached.
 * Thread-safe.
 */
public final class KeystoneScopeProjects implements ScopeProjects {
    private static final Logger LOG = LoggerFactory.getLogger("dev.imagesdk.links.keystone");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    /** How long an answer is reused by default before Keystone is asked again. */
    public static final Duration DEFAULT_CACHE_TIME = Duration.ofSeconds(30);

    private record Cached(Optional<KeystoneProject> project, Instant at) {
    }

    private final ServiceClient client;
    private final KeystoneAuth auth;
    private final Duration cacheTime;
    private final Clock clock;
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, Cached> cache = new HashMap<>();

    private KeystoneScopeProjects(ServiceClient client, KeystoneAuth auth, Duration cacheTime, Clock clock) {
        this.client = client;
        this.auth = auth;
        this.cacheTime = cacheTime;
        this.clock = clock;
    }

    /**
     * Projects looked up in Keystone with {@code client}'s token (one allowed to list projects), cached for
     * {@link #DEFAULT_CACHE_TIME}.
     *
     * @throws ValidationException when the client does not authenticate with Keystone ({@code Auth.keystone})
     */
    public static KeystoneScopeProjects of(ServiceClient client) {
        return of(client, DEFAULT_CACHE_TIME);
    }

    /**
     * Projects looked up in Keystone with {@code client}'s token, cached for {@code cacheTime} ({@link Duration#ZERO}:
     * Keystone is asked on every {@link #projectOf}).
     *
     * @throws ValidationException when the client does not authenticate with Keystone, or the time is negative
     */
    public static KeystoneScopeProjects of(ServiceClient client, Duration cacheTime) {
        return of(client, cacheTime, Clock.systemUTC());
    }

    static KeystoneScopeProjects of(ServiceClient client, Duration cacheTime, Clock clock) {
        KeystoneAuth auth = KeystoneClients.keystoneAuth(client, cacheTime, "KeystoneScopeProjects");
        return new KeystoneScopeProjects(client, auth, cacheTime, clock);
    }

    /**
     * The id of the project tagged for organization {@code orgSlug} ({@code spaceSlug} {@code null}) or for space
     * {@code spaceSlug} of it; empty when Keystone has none (or none that can be read safely, see the class).
     *
     * @throws ValidationException when {@code orgSlug} is {@code null} or blank, or {@code spaceSlug} is blank
     * @throws dev.imagesdk.core.error.ForbiddenException (403) when the client's token may not list projects
     * @throws AmbiguousScopeProjectException when more than one project carries the tag
     * @throws dev.imagesdk.core.error.TransportException when Keystone cannot be reached
     */
    @Override
    public Optional<String> projectOf(String orgSlug, String spaceSlug) {
        Arguments.notBlank(orgSlug, "organization slug");
        if (spaceSlug != null) {
            Arguments.notBlank(spaceSlug, "space slug");
        }
        return lookUp(orgSlug, spaceSlug).map(KeystoneProject::id);
    }

    private synchronized Optional<KeystoneProject> lookUp(String org, String space) {
        String tag = space == null ? OrgConvention.ORG_TAG + org : OrgConvention.SPACE_TAG + org + ":" + space;
        if (!SLUG.matcher(org).matches() || (space != null && !SLUG.matcher(space).matches())) {
            return Optional.empty();                               // no project can carry such a tag
        }
        Instant now = clock.instant();
        Cached c = cache.get(tag);
        if (c != null && now.isBefore(c.at().plus(cacheTime))) {
            return c.project();
        }
        Optional<KeystoneProject> found = read(tag);
        if (found.isPresent() && space != null) {
            KeystoneProject p = found.get();
            Optional<KeystoneProject> parent = lookUp(org, null);
            if (!p.hasParentProject() || parent.isEmpty() || !parent.get().id().equals(p.parentId())) {
                LOG.warn("Keystone project {} tagged {} is not a child project of organization {}'s project ({}): "
                        + "no project for space {}/{}", p.id(), tag, org, parent.map(KeystoneProject::id).orElse("none"),
                        org, space);
                found = Optional.empty();
            }
        }
        cache.put(tag, new Cached(found, clock.instant()));
        return found;
    }

    private Optional<KeystoneProject> read(String tag) {
        requests.incrementAndGet();
        List<KeystoneProject> projects = TaggedProjects.read(Calls.of(client), auth, tag).stream()
                .filter(p -> p.tags().contains(tag)).toList();
        if (projects.size() > 1) {
            throw new AmbiguousScopeProjectException(tag, projects.stream().map(KeystoneProject::id).toList());
        }
        if (projects.isEmpty()) {
            return Optional.empty();
        }
        KeystoneProject p = projects.get(0);
        long conventionTags = p.tags().stream()
                .filter(t -> t.startsWith(OrgConvention.ORG_TAG) || t.startsWith(OrgConvention.SPACE_TAG)).count();
        if (conventionTags > 1) {
            LOG.warn("Keystone project {} has more than one organization/space tag {}: no project for {}", p.id(), p.tags(), tag);
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /** How many times Keystone was asked for projects (for monitoring and tests). */
    public long keystoneRequests() {
        return requests.get();
    }

    @Override
    public String toString() {
        return "KeystoneScopeProjects(" + auth.identityUrl() + ", cache " + cacheTime + ")";
    }
}
