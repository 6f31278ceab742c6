package dev.imagesdk.links.internal.glance;

import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.TransportException;
import dev.imagesdk.core.internal.http.Retry;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.Visibility;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The write lock of one image's links: every change of an image's links or of the availability that follows them
 * happens while this SDK holds it, so that Glance's read-modify-write {@code PATCH} cannot make one imagesdk writer
 * undo another's change.
 *
 * <p>Glance has no conditional update; the one atomic step it gives any project member is <b>creating an image with
 * a chosen id</b>: a second create of that id is 409, also after the first image was deleted (Glance keeps deleted
 * rows). So holding generation {@code g} of the lock of image {@code X} means having created the lock image with the
 * id {@link #lockId(String, long) lockId(X, g)} (a name-based UUID). Generations are taken in order: a writer starts
 * at the generation the image's {@link #HINT_KEY} property names (written by each holder with its link write; 0 when
 * absent) and moves to {@code g + 1} only when the create of {@code g} is 409 <i>and</i> the lock image {@code g} is
 * gone (released); while it exists, the writer waits, reading it (a growing random pause between reads) until it is
 * gone. The lock image is {@code private}, hidden from listings
 * ({@code os_hidden}), owned by the image's owner (so that the owner's project and an administrator see each other's
 * locks), has no data, and is deleted on release.
 *
 * <p>A holder that crashed leaves its lock image behind: a waiter takes it over (deletes it and moves on) once it has
 * seen the same holder for {@link #LEASE}, or at once when the lock image is older than {@link #LEASE} plus
 * {@link #CLOCK_SKEW} by the client's clock. A holder therefore writes only within {@link #HOLD_LIMIT} of taking the
 * lock ({@link Held#remaining()}, the deadline of its requests: {@link LinkWrites}). A waiter gives up after
 * {@link #MAX_WAIT} with {@link ConflictException}.
 */
public final class ImageWriteLock {
    /** The image property naming the lock generation last held (a hint where to start; never ahead of the truth). */
    public static final String HINT_KEY = LinkEncoding.RESERVED_PREFIX + "lock";
    /** Property of a lock image: the id of the image it locks. */
    public static final String LOCK_OF_KEY = LinkEncoding.RESERVED_PREFIX + "lock-of";
    /** Property of a lock image: its holder's random token. */
    public static final String HOLDER_KEY = LinkEncoding.RESERVED_PREFIX + "lock-holder";
    /** Name of every lock image. */
    public static final String LOCK_NAME = "imagesdk link-write lock";
    /** How long a waiter watches one holder before taking the lock over. */
    public static final Duration LEASE = Duration.ofSeconds(30);
    /** How long after taking the lock a holder still writes (half the lease: the other half is the margin). */
    public static final Duration HOLD_LIMIT = LEASE.dividedBy(2);
    /** How far the client's clock may be from Glance's for a lock image's age to count. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** How long a writer waits for the lock in all. */
    public static final Duration MAX_WAIT = Duration.ofMinutes(2);
    private static final Duration BACKOFF_INITIAL = Duration.ofMillis(20);
    private static final Duration BACKOFF_MAX = Duration.ofMillis(400);
    private static final Logger LOG = LoggerFactory.getLogger(ImageWriteLock.class);

    private final Images images;
    private final Clock clock;
    private final Duration lease;
    private final Duration maxWait;

    /** @param images the Glance client the lock images are created and deleted through */
    public ImageWriteLock(Images images) {
        this(images, Clock.systemUTC(), LEASE, MAX_WAIT);
    }

    /** For tests: another clock (a lock image's age), lease and longest wait. */
    ImageWriteLock(Images images, Clock clock, Duration lease, Duration maxWait) {
        this.images = images;
        this.clock = clock;
        this.lease = lease;
        this.maxWait = maxWait;
    }

    /** The id of lock image {@code generation} of image {@code imageId}. */
    public static String lockId(String imageId, long generation) {
        return UUID.nameUUIDFromBytes(("imagesdk:lock:" + imageId + ":" + generation).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The generation {@code image}'s hint names (0 when it has none, or one this SDK cannot read). */
    public static long hint(Image image) {
        Object v = image.properties().get(HINT_KEY);
        if (v instanceof String && ((String) v).matches("[0-9]{1,18}")) {
            return Long.parseLong((String) v);
        }
        return 0;
    }

    /**
     * Takes the write lock of {@code image} (as read by the caller: its owner and hint are used).
     *
     * @throws ConflictException when another writer held it for {@link #MAX_WAIT}
     * @throws ForbiddenException when the caller may not create images for the image's owner (only the owner's
     *         project and an administrator change an image's links)
     */
    public Held acquire(Image image) {
        String imageId = image.id();
        String token = LinkEncoding.newRevision() + LinkEncoding.newRevision();
        long started = System.nanoTime();
        long g = hint(image);
        int attempt = 0;
        String watchedHolder = null;
        long watchedSince = 0;
        boolean create = true;      // false while watching a held generation: it is only read until it is gone
        long firstCreate = 0;       // when this generation's first create was sent: a waiter may start watching from then
        long generationOfFirstCreate = -1;
        while (true) {
            attempt++;
            if (System.nanoTime() - started > maxWait.toNanos()) {
                throw new ConflictException("image " + imageId + ": other writers kept its link-write lock (lock image "
                        + lockId(imageId, g) + ") for " + maxWait.toMillis() + " ms; nothing was written, try again", "POST",
                        "/v2/images", null, Map.of());
            }
            String id = lockId(imageId, g);
            boolean maybeOurs = false;
            if (create) {
                if (generationOfFirstCreate != g) {
                    generationOfFirstCreate = g;
                    firstCreate = System.nanoTime();
                }
                try {
                    images.create(lockImage(image, id, token));
                    return new Held(imageId, g, id, firstCreate);
                } catch (ConflictException exists) {
                    // created before: held now, or released
                } catch (ForbiddenException notAllowed) {
                    throw new ForbiddenException("image " + imageId + ": only its owner's project or an administrator can"
                            + " change its links (the link-write lock is an image owned by "
                            + (image.owner() == null ? "no project" : image.owner()) + ")",
                            notAllowed.method().orElse("POST"), notAllowed.url().orElse(null), notAllowed.requestId().orElse(null),
                            notAllowed.headers(), notAllowed);
                } catch (TransportException | ServerException unknown) {
                    maybeOurs = true;   // the lock image may have been created: its token tells
                    LOG.debug("creating lock image {} of image {}: outcome unknown ({}); reading it", id, imageId, unknown.toString());
                }
            }
            Image lock;
            try {
                lock = images.get(id);
            } catch (NotFoundException released) {
                create = true;
                if (!maybeOurs) {
                    g++;        // created, then deleted: released; the next generation is the one to take
                    watchedHolder = null;
                    continue;
                }
                lock = null;    // our create may not have happened: create this generation again
            }
            if (lock != null) {
                String holder = lock.stringProperty(HOLDER_KEY).orElse("");
                if (holder.equals(token)) {
                    return new Held(imageId, g, id, firstCreate);
                }
                long now = System.nanoTime();
                if (!holder.equals(watchedHolder)) {
                    watchedHolder = holder;
                    watchedSince = now;
                }
                boolean old = lock.createdAt() != null
                        && lock.createdAt().plus(lease).plus(CLOCK_SKEW).isBefore(Instant.now(clock));
                if (old || now - watchedSince >= lease.toNanos()) {
                    LOG.warn("image {}: taking over the link-write lock {} (generation {}) held since {} by a writer that did"
                            + " not release it", imageId, id, g, lock.createdAt());
                    release(imageId, id);
                    g++;
                    watchedHolder = null;
                    create = true;
                    continue;
                }
                create = false;
            }
            Retry.pause(Retry.backoff(Math.min(attempt, 8), BACKOFF_INITIAL, BACKOFF_MAX, 1.0),
                    "waiting for the link-write lock of image " + imageId, "POST", "/v2/images");
        }
    }

    private static CreateOpts lockImage(Image image, String id, String token) {
        CreateOpts.Builder b = CreateOpts.builder().id(id).name(LOCK_NAME).visibility(Visibility.PRIVATE).hidden(true)
                .property(LOCK_OF_KEY, image.id()).property(HOLDER_KEY, token);
        if (image.owner() != null) {
            b.owner(image.owner());
        }
        return b.build();
    }

    private void release(String imageId, String lockId) {
        try {
            images.delete(lockId);
        } catch (NotFoundException alreadyGone) {
            // taken over by a waiter, or released by an earlier attempt whose answer was lost
        }
    }

    /** The lock, held: release it with {@link #close()}. */
    public final class Held implements AutoCloseable {
        private final String imageId;
        private final long generation;
        private final String lockImageId;
        private final long since;
        private boolean released;

        Held(String imageId, long generation, String lockImageId, long since) {
            this.imageId = imageId;
            this.generation = generation;
            this.lockImageId = lockImageId;
            this.since = since;
        }

        /**
         * How long this holder may still write: {@link #HOLD_LIMIT} (half the lease) counted from when the create that
         * took the lock was sent (a waiter may have seen the lock image from then on); zero or negative once passed.
         */
        public Duration remaining() {
            return Duration.ofNanos(lease.toNanos() / 2 - (System.nanoTime() - since));
        }

        /** The generation held (written to the image's {@link #HINT_KEY} with the next link write). */
        public long generation() {
            return generation;
        }

        /** The id of the lock image. */
        public String lockImageId() {
            return lockImageId;
        }

        /**
         * Deletes the lock image. A failure to do so is logged, not thrown (the write itself is done; a waiter takes
         * the lock over after {@link #LEASE}).
         */
        @Override
        public void close() {
            if (released) {
                return;
            }
            released = true;
            try {
                release(imageId, lockImageId);
            } catch (RuntimeException e) {
                LOG.warn("image {}: could not release its link-write lock {} ({}); other writers take it over after {} ms",
                        imageId, lockImageId, e.toString(), lease.toMillis());
            }
        }
    }
}
