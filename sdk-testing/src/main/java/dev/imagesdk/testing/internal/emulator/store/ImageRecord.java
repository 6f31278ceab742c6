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
    /** Stores holding the data, in order. */
    public final List<String> stores = new ArrayList<>();
    /** The image data, once uploaded or imported. */
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

    /** Data staged by {@code PUT /stage}, with the digests computed while it streamed in. */
    public record StagedData(Path file, long size, String md5, String sha512) {
    }
}
