package dev.imagesdk.core.internal.auth.keystone;

import dev.imagesdk.core.auth.AuthHeaders;
import dev.imagesdk.core.error.ImageServiceException;
import org.slf4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Keeps one token and renews it: before it expires (a margin before {@code expires_at}, at most half
 * its lifetime), and once after the service rejected it. Concurrent callers share one renewal: while
 * one thread obtains a token the others wait for it, or, during a proactive renewal of a still valid
 * token, keep using the current one. Thread-safe.
 *
 * @param <T> the description of a token (user, scope, expiry, catalog)
 */
public final class TokenCache<T> {
    /**
     * A token as the identity service issued it.
     *
     * @param <T> its description
     */
    public static final class Issued<T> {
        final String headerName;
        final String value;
        final T description;
        final Optional<Instant> issuedAt;
        final Optional<Instant> expiresAt;

        /**
         * @param headerName the header that carries the token ({@code X-Auth-Token})
         * @param value the secret token
         * @param description what the service said about it
         * @param issuedAt when it was issued, if said
         * @param expiresAt when it expires, if said
         */
        public Issued(String headerName, String value, T description, Optional<Instant> issuedAt, Optional<Instant> expiresAt) {
            this.headerName = headerName;
            this.value = value;
            this.description = description;
            this.issuedAt = issuedAt;
            this.expiresAt = expiresAt;
        }
    }

    /** A token with its headers and renewal time. */
    private final class Session {
        final AuthHeaders headers;
        final Issued<T> issued;
        final Instant refreshAt;

        Session(AuthHeaders headers, Issued<T> issued) {
            this.headers = headers;
            this.issued = issued;
            this.refreshAt = refreshAt(issued);
        }

        boolean needsRefresh(Instant now) {
            return refreshAt != null && !now.isBefore(refreshAt);
        }

        boolean expired(Instant now) {
            return issued.expiresAt.map(e -> !now.isBefore(e)).orElse(false);
        }
    }

    private final Duration refreshMargin;
    private final Clock clock;
    private final Logger log;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong generations = new AtomicLong();
    private final AtomicLong authentications = new AtomicLong();
    private volatile Session session;

    /**
     * @param refreshMargin how long before expiry to renew
     * @param clock decides when a token is due
     * @param log where renewals are reported (never with the token)
     */
    public TokenCache(Duration refreshMargin, Clock clock, Logger log) {
        this.refreshMargin = refreshMargin;
        this.clock = clock;
        this.log = log;
    }

    /** The headers of the current token, obtaining one through {@code obtain} when needed (argument: the reason). */
    public AuthHeaders headers(Function<String, Issued<T>> obtain) {
        return current(obtain).headers;
    }

    /** The description of the current token, obtaining one when needed. */
    public T description(Function<String, Issued<T>> obtain) {
        return current(obtain).issued.description;
    }

    /** The description of the token held now, without contacting anyone. */
    public Optional<T> held() {
        Session s = session;
        return s == null ? Optional.empty() : Optional.of(s.issued.description);
    }

    /** How many tokens were obtained. */
    public long obtained() {
        return authentications.get();
    }

    /**
     * After the service rejected {@code rejected}: renews unless a newer token was obtained since.
     *
     * @return {@code true}: newer credentials are available
     */
    public boolean renewAfterRejection(AuthHeaders rejected, Function<String, Issued<T>> obtain) {
        lock.lock();
        try {
            Session s = session;
            if (s != null && s.headers.generation() > rejected.generation()) {
                return true; // another request renewed the token after this one was sent
            }
            renew(obtain, "the image service rejected the token (401)");
            return true;
        } finally {
            lock.unlock();
        }
    }

    private Session current(Function<String, Issued<T>> obtain) {
        Session s = session;
        Instant now = clock.instant();
        if (s != null && !s.needsRefresh(now)) {
            return s;
        }
        if (s != null && !s.expired(now)) {
            // Proactive renewal of a still valid token: one thread renews, the others keep using it.
            if (!lock.tryLock()) {
                return s;
            }
            try {
                Session again = session;
                if (again != s && !again.needsRefresh(clock.instant())) {
                    return again;
                }
                try {
                    return renew(obtain, "the token expires at " + s.issued.expiresAt.orElse(null));
                } catch (ImageServiceException e) {
                    log.warn("renewing the token before it expires failed, still using the current one: {}",
                            e.getMessage());
                    return s;
                }
            } finally {
                lock.unlock();
            }
        }
        lock.lock();
        try {
            Session again = session;
            if (again != null && !again.needsRefresh(clock.instant())) {
                return again;
            }
            return renew(obtain, again == null ? "first use" : "the token expired");
        } finally {
            lock.unlock();
        }
    }

    /** Called with {@link #lock} held. */
    private Session renew(Function<String, Issued<T>> obtain, String why) {
        Issued<T> issued = obtain.apply(why);
        long generation = generations.incrementAndGet();
        Session fresh = new Session(AuthHeaders.of(Map.of(issued.headerName, issued.value), generation), issued);
        session = fresh;
        authentications.incrementAndGet();
        return fresh;
    }

    private Instant refreshAt(Issued<T> issued) {
        if (issued.expiresAt.isEmpty()) {
            return null;
        }
        Instant expires = issued.expiresAt.get();
        Duration margin = refreshMargin;
        if (issued.issuedAt.isPresent()) {
            Duration lifetime = Duration.between(issued.issuedAt.get(), expires);
            if (!lifetime.isNegative() && margin.compareTo(lifetime.dividedBy(2)) > 0) {
                margin = lifetime.dividedBy(2); // short-lived tokens: do not renew on every request
            }
        }
        return expires.minus(margin);
    }
}
