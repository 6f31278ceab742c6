package dev.imagesdk.testing.internal.emulator.store;

import java.time.Instant;

/** An image link (scope record). Mutable; guarded by {@link EmulatorState}'s lock. */
public final class LinkRecord {
    public final String linkId;
    public final long sequence;
    public final String imageId;
    public final String orgSlug;
    public final String spaceSlug;
    public final String spaceType;
    public int priority;
    public String comment;
    public final String createdBy;
    public final Instant createdAt;

    /** A stored image link. */
    public LinkRecord(String linkId, long sequence, String imageId, String orgSlug, String spaceSlug,
                      String spaceType, int priority, String comment, String createdBy, Instant createdAt) {
        this.linkId = linkId;
        this.sequence = sequence;
        this.imageId = imageId;
        this.orgSlug = orgSlug;
        this.spaceSlug = spaceSlug;
        this.spaceType = spaceType;
        this.priority = priority;
        this.comment = comment;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** 0 global, 1 organization, 2 space: the order in which listings show scopes. */
    public int scopeRank() {
        return spaceSlug != null ? 2 : orgSlug != null ? 1 : 0;
    }
}
