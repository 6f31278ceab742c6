package dev.imagesdk.images.cache;

/** What {@link ImageCache#clear(CacheClearTarget)} empties (Glance's {@code x-image-cache-clear-target}). */
public enum CacheClearTarget {
    /** The cached copies and the queue. */
    ALL,
    /** The cached copies only. */
    CACHED,
    /** The queue only. */
    QUEUED
}
