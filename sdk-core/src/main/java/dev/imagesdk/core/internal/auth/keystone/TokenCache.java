package dev.imagesdk.core.internal.auth.keystone;

import dev.imagesdk.core.error.ImageServiceException;
import org.slf4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps one token and renews it: before it expires (a margin before {@code expires_at}, at most half
 * its lifetime), and once after the service rejected it. Concurrent callers share one renewal: while
 * one thread obtains a token the others wait for it, or, during a proactive renewal of a still valid
 * token, keep using the current one. Thread-safe.
 *
 * @param <T> an issued token with what the caller keeps about it (headers, description)
 */
public final class TokenCache<T extends TokenCache.Renewable> {

    /** What the cache needs to know about a token. */
    public interface Renewable {
        /** The generation the token was obtained as (see {@link Obtainer#obtain(String, long)}). */
        long generation();

        /** When it was issued, if known. */
        Optional<Instant> issuedAt();

        /** When it expires, if known. */
        Optional<Instant> expiresAt();
    }

    /**
     * Obtains a new token from the identity service.
     *
     * @param <T> the token
     */
    @FunctionalInterface
    public interface Obtainer<T> {
        /**
         * @param why the reason, for the log
         * @param generation the generation the new token must report
         */
        T obtain(String why, long generation);
    }

    private final class Session {
        final T token;
        final Instant refreshAt;

        Session(T token) {
            this.token = token;
            this.refreshAt = refreshAt(token);
        }

        boolean needsRefresh(Instant now) {
            return refreshAt != null && !now.isBefore(refreshAt);
        }

        boolean expired(Instant now) {
            return token.expiresAt().map(e -> !now.isBefore(e)).orElse(false);
        }
    }

    private final Duration refreshMargin;
    private final Clock clock;
    private final Logger log;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong generations = new AtomicLong();
    private final AtomicLong obtained = new AtomicLong();
    private volatile Session session;

    /**
     * @param refreshMargin how long before expiry to renew
     * @param clock decides when a token is due
     * @param log where failed proactive renewals are reported (never with the token)
     */
    public TokenCache(Duration refreshMargin, Clock clock, Logger log) {
        this.refreshMargin = refreshMargin;
        this.clock = clock;
        this.log = log;
    }

    /** The current token, obtaining one through {@code obtainer} when there is none or it is due. */
    public T current(Obtainer<T> obtainer) {
        return currentSession(obtainer).token;
    }

    /** The token held now, without contacting anyone. */
    public Optional<T> held() {
        Session s = session;
        return s == null ? Optional.empty() : Optional.of(s.token);
    }

    /** How many tokens were obtained. */
    public long obtained() {
        return obtained.get();
    }

    /**
     * After the service rejected the token of {@code rejectedGeneration}: renews unless a newer one
     * was obtained since.
     *
     * @return {@code true}: a newer token is available
     */
    public boolean renewAfterRejection(long rejectedGeneration, Obtainer<T> obtainer) {
        lock.lock();
        try {
            Session s = session;
            if (s != null && s.token.generation() > rejectedGeneration) {
                return true; // another request renewed the token after this one was sent
            }
            renew(obtainer, "the image service rejected the token (401)");
            return true;
        } finally {
            lock.unlock();
        }
    }

    private Session currentSession(Obtainer<T> obtainer) {
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
                    return renew(obtainer, "the token expires at " + s.token.expiresAt().orElse(null));
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
            return renew(obtainer, again == null ? "first use" : "the token expired");
        } finally {
            lock.unlock();
        }
    }

    /** Called with {@link #lock} held. */
    private Session renew(Obtainer<T> obtainer, String why) {
        Session fresh = new Session(obtainer.obtain(why, generations.incrementAndGet()));
        session = fresh;
        obtained.incrementAndGet();
        return fresh;
    }

    private Instant refreshAt(T token) {
        if (token.expiresAt().isEmpty()) {
            return null;
        }
        Instant expires = token.expiresAt().get();
        Duration margin = refreshMargin;
        if (token.issuedAt().isPresent()) {
            Duration lifetime = Duration.between(token.issuedAt().get(), expires);
            if (!lifetime.isNegative() && margin.compareTo(lifetime.dividedBy(2)) > 0) {
                margin = lifetime.dividedBy(2); // short-lived tokens: do not renew on every request
            }
        }
        return expires.minus(margin);
    }
}
