package dev.imagesdk.images.internal.data;

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * Hashes an upload's buffers as they are sent (the digest comes from {@link Hashing}, as for downloads).
 * A large upload hashes on a helper thread, so that hashing buffer <i>n</i> overlaps handing it to the
 * connection and reading buffer <i>n + 1</i> (SHA-512, about one core's 300–400 MiB/s here, would
 * otherwise add its time to every buffer's); the sender alternates between {@link #SLOTS} buffers and
 * {@link #acquire(int) acquires} one before refilling it. Small uploads (below
 * {@link DownloadPipeline#INLINE_BELOW}, or of unknown size) are hashed inline. Nothing is copied: the
 * helper reads the sender's buffer, which the sender only reads too until the helper is done with it.
 */
final class UploadDigest implements AutoCloseable {
    /** Buffers the sender alternates between. */
    static final int SLOTS = 2;

    private static final Object END = new Object();

    private final MessageDigest digest;
    private final Semaphore[] free;
    private final BlockingQueue<Object> work;
    private final Thread helper;

    private UploadDigest(MessageDigest digest, boolean background) {
        this.digest = digest;
        if (!background) {
            free = null;
            work = null;
            helper = null;
            return;
        }
        free = new Semaphore[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            free[i] = new Semaphore(1);
        }
        work = new ArrayBlockingQueue<>(SLOTS + 1);
        helper = new Thread(this::run, "imagesdk-upload-digest");
        helper.setDaemon(true);
        helper.start();
    }

    /**
     * @param digest the digest to update, or {@code null} for none (then every call is a no-op)
     * @param size bytes expected, {@code -1} when unknown
     */
    static UploadDigest start(MessageDigest digest, long size) {
        return new UploadDigest(digest, digest != null && size >= DownloadPipeline.INLINE_BELOW);
    }

    private record Job(int slot, ByteBuffer data) {
    }

    private void run() {
        while (true) {
            Object next;
            try {
                next = work.take();
            } catch (InterruptedException e) {
                return;
            }
            if (next == END) {
                return;
            }
            Job job = (Job) next;
            digest.update(job.data);
            free[job.slot].release();
        }
    }

    /** Waits until the helper is done with {@code slot}'s buffer; call before refilling it. */
    void acquire(int slot) throws InterruptedIOException {
        if (free == null) {
            return;
        }
        try {
            free[slot].acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing the upload");
        }
    }

    /** Gives back {@code slot}, acquired but not filled (the data ended). */
    void release(int slot) {
        if (free != null) {
            free[slot].release();
        }
    }

    /** Hashes {@code data}'s remaining bytes (a view the sender does not move), held in {@code slot}'s buffer. */
    void update(int slot, ByteBuffer data) throws InterruptedIOException {
        if (digest == null) {
            return;
        }
        if (free == null) {
            digest.update(data);
            return;
        }
        try {
            work.put(new Job(slot, data));
        } catch (InterruptedException e) {
            free[slot].release();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing the upload");
        }
    }

    /** The digest once every buffer handed over is hashed ({@code null} when there is none). */
    MessageDigest finish() throws InterruptedIOException {
        if (free != null) {
            for (int i = 0; i < SLOTS; i++) {
                acquire(i);
                free[i].release();
            }
        }
        return digest;
    }

    /** Stops the helper (after a failure, without waiting for pending buffers to be hashed). */
    @Override
    public void close() {
        if (helper == null) {
            return;
        }
        work.clear();
        work.offer(END);
        boolean interrupted = false;
        while (true) {
            try {
                helper.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
