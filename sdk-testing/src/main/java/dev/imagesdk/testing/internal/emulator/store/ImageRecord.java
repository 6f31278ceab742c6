package dev.imagesdk.testing.internal.emulator.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One image as the emulator stores it. Mutable; guarded by {@link EmulatorState}'s lock. */
public final class ImageRecord {
    public final String id;
    public String name;
    public String diskFormat;
    public String containerFormat;
    public String visibility = "shared";
    public Long size;
    public Long virtualSize;
    public String status = "queued";
    public String checksum;
    public boolean isProtected;
    public long minRam;
    public long minDisk;
    public String owner;
    public boolean osHidden;
    public String osHashAlgo;
    public String osHashValue;
    /** Full precision (Glance's database keeps microseconds; the JSON shows seconds). */
    public Instant createdAt;
    public Instant updatedAt;
    public final Set<String> tags = new LinkedHashSet<>();
    /** Custom properties, in the order they were first set. */
    public final Map<String, String> properties = new LinkedHashMap<>();
    /**
     * The image's locations in stored order (by id, as Glance's database keeps them): copies of the data
     * in the emulator's stores ({@link #dataFile}) and external http locations added through the
     * location API.
     */
    public final List<Location> locations = new ArrayList<>();
    /** The image data, once uploaded or imported (shared by every store location). */
    public Path dataFile;
    /** Staged data (glance-direct), until imported. */
    public StagedData staged;
    /** Members by project id. */
    public final Map<String, MemberRecord> members = new LinkedHashMap<>();
    /** Upload or stage in progress (guards against a concurrent second one). */
    public boolean transferring;

    /** A new image record with this id. */
    public ImageRecord(String id) {
        this.id = id;
    }

    /** The stores holding the data, in location order (each location's {@code metadata.store}). */
    public List<String> stores() {
        List<String> out = new ArrayList<>();
        for (Location l : locations) {
            Object store = l.metadata.get("store");
            if (store instanceof String) {
                out.add((String) store);
            }
        }
        return out;
    }

    /** {@code true} while one of the locations is a copy of {@link #dataFile} in an emulator store. */
    public boolean holdsStoreCopy() {
        return locations.stream().anyMatch(l -> l.inStore);
    }

    /**
     * One image location as Glance keeps it: a database id (one sequence for all images), the url and
     * its metadata. {@code inStore}: a copy of the data in one of the emulator's own stores; otherwise
     * an external url whose data the emulator reads when the image is downloaded.
     */
    public static final class Location {
        public final long id;
        public final String url;
        public final Map<String, Object> metadata;
        public final boolean inStore;

        public Location(long id, String url, Map<String, Object> metadata, boolean inStore) {
            this.id = id;
            this.url = url;
            this.metadata = new LinkedHashMap<>(metadata);
            this.inStore = inStore;
        }
    }

    /** Data staged by {@code PUT /stage}, with the digests computed while it streamed in. */
    public record StagedData(Path file, long size, String md5, String sha512) {
    }
}
