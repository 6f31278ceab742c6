package dev.imagesdk.testing.internal.emulator.store;

import java.time.Instant;
import java.util.Map;

/** A task: an import's {@code api_image_import}, or a legacy {@code import} task. Mutable; guarded by {@link EmulatorState}'s lock. */
public final class TaskRecord {
    public final String id;
    public final String type;
    public String status = "pending";
    public final String owner;
    public final String imageId;
    public final String requestId;
    public final String userId;
    public final Map<String, Object> input;
    public Map<String, Object> result;
    public String message = "";
    public final Instant createdAt;
    public Instant updatedAt;
    public Instant expiresAt;

    /** A stored task, created {@code now}. */
    public TaskRecord(String id, String owner, String imageId, String requestId, String userId,
                      Map<String, Object> input, Instant now) {
        this("api_image_import", id, owner, imageId, requestId, userId, input, now);
    }

    /** A stored task of {@code type} ({@code import}: created by {@code POST /v2/tasks}), created {@code now}. */
    public TaskRecord(String type, String id, String owner, String imageId, String requestId, String userId,
                      Map<String, Object> input, Instant now) {
        this.type = type;
        this.id = id;
        this.owner = owner;
        this.imageId = imageId;
        this.requestId = requestId;
        this.userId = userId;
        this.input = input;
        this.createdAt = now;
        this.updatedAt = now;
    }
}
