package dev.imagesdk.testing.internal.emulator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Everything the emulator remembers: images (metadata in memory, data in temporary files), members,
 * tasks, image links and the image cache list. One lock guards the metadata; image data is streamed
 * outside of it.
 */
public final class EmulatorState {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, ImageRecord> images = new LinkedHashMap<>();
    private final Set<String> deletedImageIds = new HashSet<>();
    private final Map<String, TaskRecord> tasks = new LinkedHashMap<>();
    private final Map<String, LinkRecord> links = new LinkedHashMap<>();
    private final Set<String> cached = new LinkedHashSet<>();
    private final Set<String> cacheQueue = new LinkedHashSet<>();
    private final Path dataDir;
    private Instant lastTimestamp = Instant.EPOCH;
    private long linkSequence;
    private long locationSequence;
    private Random unordered;
    private volatile boolean dataHandled;
    private volatile boolean showsLocations;

    /** Empty state keeping image data under {@code dataDir}. */
    public EmulatorState(Path dataDir) {
        this.dataDir = dataDir;
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code action} holding the metadata lock. */
    public <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} holding the metadata lock. */
    public void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A strictly increasing timestamp (microsecond precision), so that creation order is also
     * {@code created_at} order, as in Glance's database.
     */
    public Instant now() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!t.isAfter(lastTimestamp)) {
            t = lastTimestamp.plus(1, ChronoUnit.MICROS);
        }
        lastTimestamp = t;
        return t;
    }

    /**
     * Ids of deleted images: Glance keeps a deleted image's row, so its id cannot be created again (409), while
     * {@code GET} answers 404.
     */
    public Set<String> deletedImageIds() {
        return deletedImageIds;
    }

    /** Images by id. */
    public Map<String, ImageRecord> images() {
        return images;
    }

    /** Tasks by id. */
    public Map<String, TaskRecord> tasks() {
        return tasks;
    }

    /** Image links by link id. */
    public Map<String, LinkRecord> links() {
        return links;
    }

    /** Ids of images in the image cache. */
    public Set<String> cached() {
        return cached;
    }

    /** Ids of images queued for caching. */
    public Set<String> cacheQueue() {
        return cacheQueue;
    }

    /** The next link sequence number (link listing order). */
    public long nextLinkSequence() {
        return ++linkSequence;
    }

    /** The next location id (Glance's database gives every location of every image one sequence). Lock held. */
    public long nextLocationId() {
        return ++locationSequence;
    }

    /**
     * A location for {@code imageId}'s data in the emulator's store {@code store}, with the url a file
     * store shows ({@code file:///<data_dir>/<image id>}, the data_dir of {@code /v2/info/stores/detail}).
     * Lock held.
     */
    public ImageRecord.Location storeLocation(String imageId, String store) {
        return new ImageRecord.Location(nextLocationId(), "file:///emulator/stores/" + store + "/" + imageId,
                Map.of("store", store), true);
    }

    /** A new temporary file for image data. */
    public Path newDataFile(String kind) {
        try {
            return Files.createTempFile(dataDir, kind + "-", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a data file, ignoring failures. */
    public static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }

    /**
     * Deletes {@code r}'s data file once no location keeps a copy in an emulator store (the data then
     * lives only at external locations, or nowhere). Lock held.
     */
    public static void releaseUnheldData(ImageRecord r) {
        if (r.dataFile != null && !r.holdsStoreCopy() && !r.transferring) {
            deleteQuietly(r.dataFile);
            r.dataFile = null;
        }
    }

    /** Shows image locations from now on (Glance's {@code show_multiple_locations = true}). */
    public void showLocations() {
        showsLocations = true;
    }

    /** {@code true} when images show their {@code locations} and the location operations are served. */
    public boolean showsLocations() {
        return showsLocations;
    }

    /** Removes every image and its data, and all other records. */
    public void clear() {
        locked(() -> {
            for (ImageRecord r : images.values()) {
                deleteQuietly(r.dataFile);
                if (r.staged != null) {
                    deleteQuietly(r.staged.file());
                }
            }
            images.clear();
            deletedImageIds.clear();
            tasks.clear();
            links.clear();
            cached.clear();
            cacheQueue.clear();
        });
    }

    /**
     * From now on, {@link #unorderedView} shuffles what Glance leaves unordered, from {@code seed}
     * (deterministic for a given sequence of requests).
     */
    public void shuffleUnordered(long seed) {
        locked(() -> {
            unordered = new Random(seed);
        });
    }

    /**
     * {@code items} in the order a client sees a collection Glance keeps unordered (a set): insertion
     * order, or shuffled in shuffle mode. Lock held.
     */
    public <T> List<T> unorderedView(java.util.Collection<T> items) {
        List<T> out = new ArrayList<>(items);
        if (unordered != null) {
            java.util.Collections.shuffle(out, unordered);
        }
        return out;
    }

    /**
     * Remembers that the server handled image data (an upload, a stage or an import): from then on
     * Glance also announces its internal stores. Lasts as long as the emulator (like Glance's process).
     */
    public void markDataHandled() {
        dataHandled = true;
    }

    /** {@code true} once image data was handled (see {@link #markDataHandled()}). */
    public boolean dataHandled() {
        return dataHandled;
    }

    /** Bytes of image data {@code owner}'s images hold, {@code except} one image (Glance's storage usage). Lock held. */
    public long storageUsage(String owner, String except) {
        long total = 0;
        for (ImageRecord r : images.values()) {
            // as Glance: size times locations, so staged data (no location yet) counts nothing
            if (java.util.Objects.equals(owner, r.owner) && !r.id.equals(except) && r.size != null) {
                total += r.size * r.locations.size();
            }
        }
        return total;
    }

    /** Deletes the data directory (when the emulator stops). */
    public void deleteDataDir() {
        clear();
        try (Stream<Path> files = Files.walk(dataDir)) {
            List<Path> all = new ArrayList<>();
            files.forEach(all::add);
            for (int i = all.size() - 1; i >= 0; i--) {
                deleteQuietly(all.get(i));
            }
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** A new random UUID, as Glance makes ids. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
