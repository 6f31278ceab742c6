package dev.imagesdk.testing.internal.emulator.store;

import java.time.Instant;

/** A project an image is shared with. Mutable; guarded by {@link EmulatorState}'s lock. */
public final class MemberRecord {
    public final String imageId;
    public final String memberId;
    public String status = "pending";
    public final Instant createdAt;
    public Instant updatedAt;

    /** A pending membership created {@code now}. */
    public MemberRecord(String imageId, String memberId, Instant now) {
        this.imageId = imageId;
        this.memberId = memberId;
        this.createdAt = now;
        this.updatedAt = now;
    }
}
