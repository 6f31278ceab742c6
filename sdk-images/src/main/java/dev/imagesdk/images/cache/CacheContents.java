package dev.imagesdk.images.cache;

import dev.imagesdk.core.internal.Arguments;

import java.util.List;

/** What {@code GET /v2/cache} reports: the cached images and the ids queued for caching. */
public final class CacheContents {
    private final List<CachedImage> cached;
    private final List<String> queued;

    /**
     * @param cached the images with a cached copy
     * @param queued the ids of images queued for caching
     */
    public CacheContents(List<CachedImage> cached, List<String> queued) {
        this.cached = List.copyOf(Arguments.notNull(cached, "cached"));
        this.queued = List.copyOf(Arguments.notNull(queued, "queued"));
    }

    /** The images the node holds a cached copy of. */
    public List<CachedImage> cached() {
        return cached;
    }

    /** The ids of images queued for caching (Glance's prefetcher caches them later). */
    public List<String> queued() {
        return queued;
    }

    /** Whether {@code imageId} is cached or queued ({@code false} for {@code null}). */
    public boolean contains(String imageId) {
        if (imageId == null) {
            return false;
        }
        return queued.contains(imageId) || cached.stream().anyMatch(c -> c.imageId().equals(imageId));
    }

    @Override
    public String toString() {
        return "CacheContents{cached=" + cached + ", queued=" + queued + '}';
    }
}
