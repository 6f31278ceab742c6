package dev.imagesdk.images.cache;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.it.RealGlance;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.data.DownloadResult;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Downloads through Glance's image-cache middleware ({@code GLANCE_CACHE=on}: it-env.sh's limits Glance,
 * {@code IMAGESDK_GLANCE_CACHE_URL}; Glance 30.0 in test-all's second run). The first download of an image
 * is streamed from the store and copied into the cache at the same time (Glance sends it chunked, without
 * {@code Content-Length}); later ones come from the cache, counted in {@code hits}, with
 * {@code Content-Length}. Both are verified against {@code os_hash_value} like any download. The emulator has
 * no cache middleware (its cache fills only from the queue, as Glance's without the middleware).
 */
class ImageCacheMiddlewareIT {
    private static final byte[] DATA = new byte[5000];

    static {
        for (int i = 0; i < DATA.length; i++) {
            DATA[i] = (byte) (i % 239);
        }
    }

    private static ServiceClient as(String project, String... roles) {
        return ServiceClient.builder().endpoint(RealGlance.require("IMAGESDK_GLANCE_CACHE_URL"))
                .retryPolicy(RetryPolicy.none()).build().withAuth(Auth.trustedHeaders(project, "cache-it", roles));
    }

    private static Optional<CachedImage> cached(ImageCache cache, String id) {
        return cache.list().cached().stream().filter(c -> c.imageId().equals(id)).findFirst();
    }

    @Test
    void theFirstDownloadFillsTheCacheAndTheNextAreServedFromItVerified() {
        ServiceClient member = as(UUID.randomUUID().toString().replace("-", ""), "member", "reader");
        ImageCache cache = ImageCache.of(as("cache-it-admin", "admin", "member", "reader"));
        Images images = Images.of(member);
        String id = images.create(CreateOpts.builder().name("cache-middleware").diskFormat(DiskFormat.RAW)
                .containerFormat(ContainerFormat.BARE).build()).id();
        try {
            images.upload(id, new ByteArrayInputStream(DATA), DATA.length);
            assertThat(cached(cache, id)).isEmpty();

            for (int download = 1; download <= 3; download++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                DownloadResult result = images.download(id, out);
                assertThat(out.toByteArray()).as("download %d", download).isEqualTo(DATA);
                assertThat(result.verifiedAlgorithm()).as("download %d", download).contains("sha512");
                CachedImage copy = cached(cache, id).orElseThrow();
                assertThat(copy.size()).isEqualTo(5000L);
                assertThat(copy.hits()).as("hits after download %d", download).isEqualTo(download - 1);
            }

            cache.remove(id);
            assertThat(cached(cache, id)).isEmpty();
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            images.download(id, again);
            assertThat(again.toByteArray()).isEqualTo(DATA);
            assertThat(cached(cache, id).orElseThrow().hits()).isZero();
        } finally {
            cache.remove(id);
            images.delete(id);
        }
    }
}
