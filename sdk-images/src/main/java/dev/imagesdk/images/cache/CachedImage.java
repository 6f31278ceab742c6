package dev.imagesdk.images.cache;

import dev.imagesdk.core.internal.Arguments;

import java.time.Instant;
import java.util.Objects;

/** One image the API node holds a cached copy of, as {@code GET /v2/cache} lists it. */
public final class CachedImage {
    private final String imageId;
    private final long hits;
    private final Instant lastAccessed;
    private final Instant lastModified;
    private final long size;

    /**
     * @param imageId the image's id
     * @param hits how many downloads the copy served
     * @param lastAccessed when it last served one (Glance sends seconds since the epoch as a float)
     * @param lastModified when it was written
     * @param size its size in bytes
     */
    public CachedImage(String imageId, long hits, Instant lastAccessed, Instant lastModified, long size) {
        this.imageId = Arguments.notBlank(imageId, "image id");
        this.hits = hits;
        this.lastAccessed = lastAccessed;
        this.lastModified = lastModified;
        this.size = size;
    }

    /** The image's id. */
    public String imageId() {
        return imageId;
    }

    /** How many downloads the cached copy served. */
    public long hits() {
        return hits;
    }

    /** When the copy last served a download, or {@code null} when the server did not say. */
    public Instant lastAccessed() {
        return lastAccessed;
    }

    /** When the copy was written, or {@code null} when the server did not say. */
    public Instant lastModified() {
        return lastModified;
    }

    /** The size of the copy in bytes. */
    public long size() {
        return size;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CachedImage)) {
            return false;
        }
        CachedImage c = (CachedImage) o;
        return imageId.equals(c.imageId) && hits == c.hits && Objects.equals(lastAccessed, c.lastAccessed)
                && Objects.equals(lastModified, c.lastModified) && size == c.size;
    }

    @Override
    public int hashCode() {
        return Objects.hash(imageId, hits, lastAccessed, lastModified, size);
    }

    @Override
    public String toString() {
        return "CachedImage{" + imageId + ", hits=" + hits + ", size=" + size + ", lastAccessed=" + lastAccessed + '}';
    }
}
