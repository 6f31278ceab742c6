package dev.imagesdk.links.access;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.KeystoneAuth;
import dev.imagesdk.core.auth.KeystoneToken;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.http.Calls;
import dev.imagesdk.links.internal.keystone.AuthProjects;
import dev.imagesdk.links.internal.keystone.KeystoneClients;
import dev.imagesdk.links.internal.keystone.OrgConvention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The caller's roles read from Keystone, with the user's own token (no administrator token): plug it into
 * {@code ImageLinks.inGlance(client, KeystoneRoles.of(client))}. An organization is a project tagged
 * {@code imagesdk-org:<org>}; a space is a child project tagged {@code imagesdk-space:<org>:<space>} (the module's
 * README, "Roles from Keystone"). A role is active when the user has an effective role assignment on the project and
 * the project is enabled; a disabled project gives an inactive role (grants nothing), a project without assignment
 * gives none.
 *
 * <p>One refresh is one Keystone request, {@code GET /v3/auth/projects}, sent through the client's transport (its
 * token, renewed after a 401; retry; typed errors); the token's own description gives the project the caller acts
 * for and whether it administers the cloud (role {@code admin}). Keystone does not tell which role a project's
 * assignment is without a token per project, so the roles are named {@code assigned}; each carries its Keystone
 * project id. The answer is cached for a short time (default 30 s): role changes show after at most that long.
 * Thread-safe; concurrent callers of an expired cache wait for one refresh.
 *
 * <pre>{@code
 * ServiceClient client = ServiceClient.fromCloud("it-carol");           // Keystone auth
 * ImageLinks links = ImageLinks.inGlance(client, KeystoneRoles.of(client));
 * }</pre>
 */
public final class KeystoneRoles implements Supplier<CallerRoles> {
    private static final Logger LOG = LoggerFactory.getLogger("dev.imagesdk.links.keystone");
    /** How long roles are reused by default before Keystone is asked again. */
    public static final Duration DEFAULT_CACHE_TIME = Duration.ofSeconds(30);
    /** The role name given to every role read from Keystone (an effective assignment, role not read). */
    public static final String ASSIGNED = "assigned";

    private final ServiceClient client;
    private final KeystoneAuth auth;
    private final Duration cacheTime;
    private final Clock clock;
    private final AtomicLong requests = new AtomicLong();
    private CallerRoles cached;
    private Instant cachedAt;

    private KeystoneRoles(ServiceClient client, KeystoneAuth auth, Duration cacheTime, Clock clock) {
        this.client = client;
        this.auth = auth;
        this.cacheTime = cacheTime;
        this.clock = clock;
    }

    /**
     * The roles of the user {@code client} authenticates as, cached for {@link #DEFAULT_CACHE_TIME}.
     *
     * @throws ValidationException when the client does not authenticate with Keystone ({@code Auth.keystone})
     */
    public static KeystoneRoles of(ServiceClient client) {
        return of(client, DEFAULT_CACHE_TIME);
    }

    /**
     * The roles of the user {@code client} authenticates as, cached for {@code cacheTime} ({@link Duration#ZERO}:
     * Keystone is asked on every {@link #get()}).
     *
     * @throws ValidationException when the client does not authenticate with Keystone, or the time is negative
     */
    public static KeystoneRoles of(ServiceClient client, Duration cacheTime) {
        return of(client, cacheTime, Clock.systemUTC());
    }

    static KeystoneRoles of(ServiceClient client, Duration cacheTime, Clock clock) {
        KeystoneAuth auth = KeystoneClients.keystoneAuth(client, cacheTime, "KeystoneRoles");
        return new KeystoneRoles(client, auth, cacheTime, clock);
    }

    /**
     * The caller's roles: the cached ones while younger than the cache time, otherwise read from Keystone.
     *
     * @throws dev.imagesdk.core.error.ServiceResponseException (a subtype per status) when Keystone refuses
     * @throws dev.imagesdk.core.error.TransportException when Keystone cannot be reached
     */
    @Override
    public synchronized CallerRoles get() {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cachedAt.plus(cacheTime))) {
            return cached;
        }
        return refresh();
    }

    /** Reads the roles from Keystone now (one request) and caches them. */
    public synchronized CallerRoles refresh() {
        Calls calls = Calls.of(client);
        KeystoneToken token = auth.token(calls.transport());
        requests.incrementAndGet();
        OrgConvention.Result result = OrgConvention.grants(AuthProjects.read(calls, auth));
        for (String s : result.skipped()) {
            LOG.warn("Keystone project ignored for image-link roles: {}", s);
        }
        CallerRoles.Builder b = CallerRoles.builder();
        token.projectId().ifPresent(b::project);
        b.administrator(token.roles().stream().anyMatch("admin"::equalsIgnoreCase));
        for (OrgConvention.Grant g : result.grants()) {
            if (g.spaceSlug() == null) {
                b.orgRole(new CallerRoles.OrgRole(g.orgSlug(), ASSIGNED, g.active(), Optional.of(g.projectId())));
            } else {
                b.spaceRole(new CallerRoles.SpaceRole(g.orgSlug(), g.spaceSlug(), ASSIGNED, g.active(),
                        Optional.of(g.projectId())));
            }
        }
        cached = b.build();
        cachedAt = clock.instant();
        LOG.debug("roles from Keystone for user {}: {}", token.userId(), cached);
        return cached;
    }

    /** How many times Keystone was asked for the projects (for monitoring and tests). */
    public long keystoneRequests() {
        return requests.get();
    }

    @Override
    public String toString() {
        return "KeystoneRoles(" + auth.identityUrl() + ", cache " + cacheTime + ")";
    }
}
