package dev.imagesdk.images.cache;

import com.squareup.moshi.JsonReader;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.internal.http.ApiFeature;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.internal.http.Calls;
import dev.imagesdk.core.internal.json.JsonValues;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Glance's image cache ({@code /v2/cache}, API 2.14): the API node's local copies of image data, which
 * serve downloads without reading the store. Administrators only under Glance's default policy (403
 * otherwise). A server without an image cache does not list API 2.14, and every call here then fails
 * before sending with {@link dev.imagesdk.core.error.UnsupportedFeatureException}.
 */
public final class ImageCache {
    private final ServiceClient client;

    private ImageCache(ServiceClient client) {
        this.client = Arguments.notNull(client, "client");
    }

    /** The cache API of {@code client}. */
    public static ImageCache of(ServiceClient client) {
        return new ImageCache(client);
    }

    /** {@code GET /v2/cache}: the cached images and the queue. */
    public CacheContents list() {
        return Calls.of(client).executeJson(ApiRequest.get("cache").requires(ApiFeature.CACHE).build(),
                (JsonReader r, ApiResponse response) -> contents(JsonValues.read(r)));
    }

    /**
     * {@code PUT /v2/cache/{id}} (202): queues an image for caching; Glance's prefetcher copies it
     * later (a queued image may show up as cached at once or after minutes).
     *
     * @throws dev.imagesdk.core.error.NotFoundException when there is no such image
     */
    public void queue(String imageId) {
        Calls.of(client).executeNoContent(ApiRequest.put("cache", Arguments.uuid(imageId, "image id"))
                .requires(ApiFeature.CACHE).build());
    }

    /**
     * {@code DELETE /v2/cache/{id}} (204): removes an image's cached copy and its queue entry; the
     * image itself stays. Glance answers 204 also when nothing was cached.
     */
    public void remove(String imageId) {
        Calls.of(client).executeNoContent(ApiRequest.delete("cache", Arguments.uuid(imageId, "image id"))
                .requires(ApiFeature.CACHE).build());
    }

    /** {@code DELETE /v2/cache} (204) with {@code x-image-cache-clear-target}: empties the cache, the queue or both. */
    public void clear(CacheClearTarget target) {
        ApiRequest.Builder b = ApiRequest.delete("cache").requires(ApiFeature.CACHE);
        switch (Arguments.notNull(target, "target")) {
            case CACHED:
                b.header("x-image-cache-clear-target", "cache");
                break;
            case QUEUED:
                b.header("x-image-cache-clear-target", "queue");
                break;
            default:
                // no header: both
        }
        Calls.of(client).executeNoContent(b.build());
    }

    private static CacheContents contents(Object doc) {
        List<CachedImage> cached = new ArrayList<>();
        List<String> queued = new ArrayList<>();
        if (doc instanceof Map) {
            Object c = ((Map<?, ?>) doc).get("cached_images");
            if (c instanceof List) {
                for (Object o : (List<?>) c) {
                    if (o instanceof Map && ((Map<?, ?>) o).get("image_id") instanceof String) {
                        Map<?, ?> m = (Map<?, ?>) o;
                        cached.add(new CachedImage((String) m.get("image_id"), asLong(m.get("hits")),
                                epoch(m.get("last_accessed")), epoch(m.get("last_modified")), asLong(m.get("size"))));
                    }
                }
            }
            Object q = ((Map<?, ?>) doc).get("queued_images");
            if (q instanceof List) {
                for (Object o : (List<?>) q) {
                    if (o instanceof String) {
                        queued.add((String) o);
                    }
                }
            }
        }
        return new CacheContents(cached, queued);
    }

    private static long asLong(Object v) {
        return v instanceof Number ? ((Number) v).longValue() : 0L;
    }

    /** Glance's float seconds since the epoch, to the microsecond. */
    private static Instant epoch(Object v) {
        if (!(v instanceof Number)) {
            return null;
        }
        double seconds = ((Number) v).doubleValue();
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return null;
        }
        long whole = (long) Math.floor(seconds);
        long micros = Math.round((seconds - whole) * 1_000_000d);
        return Instant.ofEpochSecond(whole, Math.min(micros, 999_999L) * 1000L);
    }
}
