package dev.imagesdk.images.tasks;

import dev.imagesdk.core.error.ImageServiceException;

import java.util.Optional;

/** A wait for a task ended before the task did: the time was up or the thread was interrupted. */
public class TaskWaitException extends ImageServiceException {
    private static final long serialVersionUID = 1L;

    private final transient Task lastSeen;
    private final boolean timedOut;

    /**
     * @param message what happened
     * @param lastSeen the task as last read, or {@code null}
     * @param timedOut {@code true} when the time was up, {@code false} when interrupted
     * @param cause the interruption, or {@code null}
     */
    public TaskWaitException(String message, Task lastSeen, boolean timedOut, Throwable cause) {
        super(message, null, null, null, cause);
        this.lastSeen = lastSeen;
        this.timedOut = timedOut;
    }

    /** The task as last read. */
    public Optional<Task> lastSeen() {
        return Optional.ofNullable(lastSeen);
    }

    /** {@code true} when the time was up (not interrupted). */
    public boolean isTimeout() {
        return timedOut;
    }
}
