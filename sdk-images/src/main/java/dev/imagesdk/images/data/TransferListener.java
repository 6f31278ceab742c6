package dev.imagesdk.images.data;

/**
 * Progress of an upload or download. Called from the transferring thread after each buffer
 * (every few hundred KiB, never per byte) and once at the end; keep it fast.
 */
@FunctionalInterface
public interface TransferListener {
    /** A listener that ignores progress. */
    TransferListener NONE = (bytes, total) -> { };

    /**
     * @param bytesTransferred bytes sent or received so far
     * @param totalBytes the expected total, or {@code -1} when unknown
     */
    void onProgress(long bytesTransferred, long totalBytes);
}
