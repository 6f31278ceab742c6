package dev.imagesdk.images.tasks;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An asynchronous Glance task ({@code /v2/tasks}, {@code /v2/images/{id}/tasks}), e.g. the
 * {@code api_image_import} task behind an import. Read-only. Timestamps parse in both shapes Glance
 * uses ({@code …Z} on {@code /v2/tasks}, microseconds without zone on {@code /v2/images/{id}/tasks}).
 */
public final class Task implements dev.imagesdk.core.types.Decoded {
    private final String id;
    private final String type;
    private final String status;
    private final String owner;
    private final String message;
    private final Map<String, Object> input;
    private final Map<String, Object> result;
    private final String imageId;
    private final String requestId;
    private final String userId;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant expiresAt;
    private final List<String> decodingProblems;

    /** Builder-free constructor for decoders; use the accessors' documentation for meanings. */
    Task(String id, String type, String status, String owner, String message, Map<String, Object> input,
         Map<String, Object> result, String imageId, String requestId, String userId, Instant createdAt,
         Instant updatedAt, Instant expiresAt, List<String> decodingProblems) {
        this.id = id;
        this.type = type;
        this.status = status;
        this.owner = owner;
        this.message = message;
        this.input = input == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(input));
        this.result = result == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(result));
        this.imageId = imageId;
        this.requestId = requestId;
        this.userId = userId;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.expiresAt = expiresAt;
        this.decodingProblems = List.copyOf(decodingProblems);
    }

    /** Task id. */
    public String id() {
        return id;
    }

    /** Task type, e.g. {@code api_image_import}. */
    public String type() {
        return type;
    }

    /** {@code pending}, {@code processing}, {@code success} or {@code failure}. */
    public String status() {
        return status;
    }

    /** Owning project. */
    public String owner() {
        return owner;
    }

    /** The server's progress or failure message. */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /** The task's input (for imports: image id, import request, backends). */
    public Map<String, Object> input() {
        return input;
    }

    /** The task's result. */
    public Map<String, Object> result() {
        return result;
    }

    /** The image the task works on, when reported. */
    public Optional<String> imageId() {
        return Optional.ofNullable(imageId);
    }

    /** The request id of the call that started the task. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The user who started it. */
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    /** Creation time. */
    public Instant createdAt() {
        return createdAt;
    }

    /** Last update. */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** When the server forgets the task. */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** Values that could not be decoded; empty when all was fine. */
    @Override
    public List<String> decodingProblems() {
        return decodingProblems;
    }

    @Override
    public String toString() {
        return "Task{" + id + ", " + type + ", " + status + "}";
    }
}
