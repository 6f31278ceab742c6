package dev.imagesdk.links.internal.glance;

import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.internal.http.OperationScope;
import dev.imagesdk.core.internal.http.Retry;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.PatchOp;
import dev.imagesdk.images.model.UpdateOpts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Link writes that survive Glance's read-modify-write {@code PATCH}. Glance applies a patch to the image as it
 * read it at the start of the request and then stores the whole property set, deleting what it did not read
 * ({@code purge_props}): of two patches that overlap in time, the later one undoes the earlier one even when they
 * touch different properties (measured on Glance 25.1 and 30.0: of 16 simultaneous single-property patches, 15
 * were lost), and Glance has no conditional update. So every write happens while this SDK holds the image's
 * {@link ImageWriteLock} ({@link #lock}): no two imagesdk writers patch one image at once. Under the lock the image is
 * read again, patched, and read back; a write that is not there any more was undone by a patch from outside the
 * lock (another program, or {@code Images.update}) and is applied again, after a growing random pause
 * ({@link Retry#backoff}), at most {@link #MAX_ATTEMPTS} times.
 *
 * <p>What counts as "still there" uses the value's revision ({@code r=}): a create holds when the link exists (its
 * own revision, or another writer's); an update when the value carries its revision, or another one that is not the
 * one it replaced; a delete when the link is gone, or carries another writer's revision. An update whose link is gone
 * fails with {@link NotFoundException}.
 */
public final class LinkWrites {
    /** Attempts of one write in all (the first included), when patches from outside the lock undo it. */
    public static final int MAX_ATTEMPTS = 4;
    private static final Duration BACKOFF_INITIAL = Duration.ofMillis(40);
    private static final Duration BACKOFF_MAX = Duration.ofMillis(1000);
    private static final AtomicLong REPAIRS = new AtomicLong();
    private static final Logger LOG = LoggerFactory.getLogger(LinkWrites.class);

    private final Images images;
    private final ImageWriteLock locks;

    /** @param images the Glance client the writes go through */
    public LinkWrites(Images images) {
        this(images, new ImageWriteLock(images));
    }

    /** For tests: another lock (a shorter lease). */
    LinkWrites(Images images, ImageWriteLock locks) {
        this.images = images;
        this.locks = locks;
    }

    /** How many writes were found undone and applied again in this JVM (for tests and measurements). */
    public static long repairs() {
        return REPAIRS.get();
    }

    /** What a write does. */
    public enum Kind {
        /** Adds the link's data and index and the image's marker. */
        CREATE,
        /** Replaces the link's data. */
        UPDATE,
        /** Removes the link's data and index. */
        DELETE,
        /** Sets the image's visibility to {@link Intent#value()} (availability following the links); no scope key. */
        VISIBILITY
    }

    /**
     * One write.
     *
     * @param kind what it does
     * @param scopeKey the link's scope key ({@code null} for {@link Kind#VISIBILITY})
     * @param value the new data value (create, update) or visibility, else {@code null}
     * @param revision the new value's revision (create, update), else {@code null}
     * @param previousRevision the revision of the value replaced or deleted (update, delete), else {@code null}
     */
    public record Intent(Kind kind, String scopeKey, String value, String revision, String previousRevision) {
    }

    private enum Check { HOLDS, UNDONE, GONE }

    /**
     * Takes the write lock of {@code image} (as read by the caller) and reads the image again, as it is once the lock
     * is held. Close the result to release the lock.
     *
     * @throws ConflictException when other writers kept the lock for {@link ImageWriteLock#MAX_WAIT}
     * @throws NotFoundException when the image is gone meanwhile
     */
    public Locked lock(Image image) {
        Image hintFrom = image;
        for (int round = 1; ; round++) {
            ImageWriteLock.Held held = locks.acquire(hintFrom);
            OperationScope scope = OperationScope.enter(positive(held.remaining()));
            try {
                Image fresh = images.get(image.id());
                if (ImageWriteLock.hint(fresh) > held.generation()) {
                    // a holder wrote a later generation: this one was taken again after Glance's images table was
                    // purged of its deleted row; start over from the image's hint
                    if (round == 3) {
                        throw new ConflictException("image " + image.id() + ": its link-write lock could not be taken at"
                                + " the generation the image names (" + ImageWriteLock.hint(fresh) + "); nothing was written,"
                                + " try again", "POST", "/v2/images", null, Map.of());
                    }
                    LOG.warn("image {}: link-write lock generation {} was free although the image names {}; taking the"
                            + " lock again from there", image.id(), held.generation(), ImageWriteLock.hint(fresh));
                    scope.close();
                    held.close();
                    hintFrom = fresh;
                    continue;
                }
                return new Locked(held, scope, fresh);
            } catch (RuntimeException e) {
                scope.close();
                held.close();
                throw e;
            }
        }
    }

    private static Duration positive(Duration d) {
        return d.isNegative() || d.isZero() ? Duration.ofMillis(1) : d;
    }

    /**
     * An image whose write lock this SDK holds, with its state as last read. Every request made while it is open ends
     * by the holder's time limit ({@link ImageWriteLock.Held#remaining()}; later: {@code DeadlineExceededException}),
     * so that no write of this holder lands once a waiter may take the lock over.
     */
    public final class Locked implements AutoCloseable {
        private final ImageWriteLock.Held held;
        private final OperationScope scope;
        private Image image;
        private boolean hintWritten;

        Locked(ImageWriteLock.Held held, OperationScope scope, Image image) {
            this.held = held;
            this.scope = scope;
            this.image = image;
            this.hintWritten = ImageWriteLock.hint(image) == held.generation();
        }

        /** The image as last read under the lock. */
        public Image image() {
            return image;
        }

        /** Reads the image again. */
        public Image refresh() {
            image = images.get(image.id());
            return image;
        }

        /**
         * Applies {@code intent} to the image and makes sure it holds.
         *
         * @return the image as read back once the write held
         * @throws NotFoundException when the link to update is gone (deleted from outside the lock)
         * @throws ConflictException when patches from outside the lock undid it {@link #MAX_ATTEMPTS} times
         * @throws dev.imagesdk.core.error.DeadlineExceededException when a request would end after the holder's time
         *         ({@link ImageWriteLock.Held#remaining()})
         */
        public Image apply(Intent intent) {
            String id = image.id();
            String dataKey = LinkEncoding.DATA_PREFIX + intent.scopeKey();
            String indexKey = LinkEncoding.INDEX_PREFIX + intent.scopeKey();
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                List<PatchOp> ops = ops(intent, image, dataKey, indexKey);
                if (!ops.isEmpty()) {
                    if (ImageWriteLock.hint(image) != held.generation()) {
                        ops.add(PatchOp.add(ImageWriteLock.HINT_KEY, Long.toString(held.generation())));
                        hintWritten = true;
                    }
                    try {
                        images.update(id, UpdateOpts.of(ops.toArray(PatchOp[]::new)));
                    } catch (ConflictException missing) {
                        // Glance: replace or remove of a property that is not there (any more)
                        if (intent.kind() != Kind.UPDATE) {
                            refresh();
                            continue;
                        }
                        throw new NotFoundException(what(id, intent) + " not found (deleted meanwhile)",
                                missing.method().orElse("PATCH"), missing.url().orElse(null), missing.requestId().orElse(null),
                                Map.of(), missing);
                    }
                }
                Image state = refresh();
                Check check = check(intent, state, dataKey, indexKey);
                if (check == Check.HOLDS) {
                    return state;
                }
                if (check == Check.GONE) {
                    throw new NotFoundException(what(id, intent) + " not found (deleted meanwhile)",
                            "PATCH", "/v2/images/" + id, null, Map.of());
                }
                REPAIRS.incrementAndGet();
                LOG.debug("{}: a patch of image {} from outside the link-write lock undid this {} (attempt {} of {});"
                        + " applying it again", what(id, intent), id, intent.kind(), attempt, MAX_ATTEMPTS);
                if (attempt < MAX_ATTEMPTS) {
                    Retry.pause(Retry.backoff(attempt, BACKOFF_INITIAL, BACKOFF_MAX, 1.0), "checking a link write of image " + id,
                            "PATCH", "/v2/images/" + id);
                }
            }
            throw new ConflictException(what(id, intent) + ": patches of image " + id + " from outside the link-write lock"
                    + " undid this write " + MAX_ATTEMPTS + " times; nothing else is known to have failed, try again",
                    "PATCH", "/v2/images/" + id, null, Map.of());
        }

        /**
         * Releases the lock. A holder that wrote nothing first writes the generation it held to the image's hint (so
         * that the next writer does not walk through the generations of holders that wrote nothing); a failure to do so
         * is logged: the hint only saves requests.
         */
        @Override
        public void close() {
            try {
                if (!hintWritten && ImageWriteLock.hint(image) < held.generation()) {
                    images.update(image.id(), UpdateOpts.of(PatchOp.add(ImageWriteLock.HINT_KEY, Long.toString(held.generation()))));
                    hintWritten = true;
                }
            } catch (RuntimeException e) {
                LOG.debug("image {}: could not write the link-write lock's hint ({})", image.id(), e.toString());
            } finally {
                scope.close();
                held.close();
            }
        }
    }

    private static String what(String imageId, Intent intent) {
        return intent.kind() == Kind.VISIBILITY ? "visibility of image " + imageId
                : "image link " + LinkEncoding.linkId(imageId, intent.scopeKey());
    }

    private static List<PatchOp> ops(Intent intent, Image state, String dataKey, String indexKey) {
        Map<String, Object> p = state.properties();
        List<PatchOp> ops = new ArrayList<>();
        switch (intent.kind()) {
            case VISIBILITY:
                if (state.visibility() == null || !intent.value().equals(state.visibility().value())) {
                    ops.add(PatchOp.replace("visibility", intent.value()));
                }
                break;
            case CREATE:
                ops.add(PatchOp.add(dataKey, intent.value()));
                ops.add(PatchOp.add(indexKey, LinkEncoding.INDEX_VALUE));
                ops.add(PatchOp.add(LinkEncoding.ANY_KEY, LinkEncoding.INDEX_VALUE));
                break;
            case UPDATE:
                ops.add(PatchOp.replace(dataKey, intent.value()));
                ops.add(PatchOp.add(indexKey, LinkEncoding.INDEX_VALUE));
                break;
            default:
                if (p.containsKey(dataKey)) {
                    ops.add(PatchOp.remove(dataKey));
                }
                if (p.containsKey(indexKey)) {
                    ops.add(PatchOp.remove(indexKey));
                }
        }
        return ops;
    }

    private static Check check(Intent intent, Image state, String dataKey, String indexKey) {
        Map<String, Object> p = state.properties();
        Object data = p.get(dataKey);
        String revision = data instanceof String ? LinkEncoding.readValue((String) data).revision() : null;
        boolean indexed = LinkEncoding.INDEX_VALUE.equals(p.get(indexKey));
        switch (intent.kind()) {
            case VISIBILITY:
                return state.visibility() != null && intent.value().equals(state.visibility().value()) ? Check.HOLDS : Check.UNDONE;
            case CREATE:
                if (data == null) {
                    return Check.UNDONE;
                }
                if (intent.revision().equals(revision)) {
                    return indexed && p.containsKey(LinkEncoding.ANY_KEY) ? Check.HOLDS : Check.UNDONE;
                }
                return Check.HOLDS;
            case UPDATE:
                if (data == null) {
                    return Check.GONE;
                }
                if (intent.revision().equals(revision)) {
                    return indexed ? Check.HOLDS : Check.UNDONE;
                }
                return revision != null && revision.equals(intent.previousRevision()) ? Check.UNDONE : Check.HOLDS;
            default:
                if (data == null) {
                    return p.containsKey(indexKey) ? Check.UNDONE : Check.HOLDS;
                }
                return revision == null || revision.equals(intent.previousRevision()) ? Check.UNDONE : Check.HOLDS;
        }
    }

}
