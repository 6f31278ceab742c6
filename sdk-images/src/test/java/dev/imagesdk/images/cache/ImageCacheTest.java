package dev.imagesdk.images.cache;

import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.UnsupportedFeatureException;
import dev.imagesdk.images.MockGlance;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cache API's requests and Glance 25's recorded answers (shapes from the real Glance). */
class ImageCacheTest {
    private static final String ID = "e8ce70f5-c189-4738-8567-bc664824579f";
    private final MockGlance glance = new MockGlance();
    private final ImageCache cache = ImageCache.of(glance.client);

    @AfterEach
    void close() {
        glance.close();
    }

    @Test
    void listReadsCopiesWithFloatEpochTimesAndTheQueue() {
        glance.versions().json(200, "{\"cached_images\": [{\"image_id\": \"" + ID + "\", \"hits\": 3, "
                + "\"last_accessed\": 1796514145.25, \"last_modified\": 1796514000.5, \"size\": 1787}], "
                + "\"queued_images\": [\"0b0c84aa-2098-4d60-a39b-84a6d059fab5\"]}");

        CacheContents contents = cache.list();

        assertThat(glance.take().getUrl().encodedPath()).isEqualTo("/");
        assertThat(glance.take().getUrl().encodedPath()).isEqualTo("/v2/cache");
        assertThat(contents.cached()).containsExactly(new CachedImage(ID, 3,
                Instant.parse("2026-12-05T23:42:25.250Z"), Instant.parse("2026-12-05T23:40:00.500Z"), 1787));
        assertThat(contents.queued()).containsExactly("0b0c84aa-2098-4d60-a39b-84a6d059fab5");
        assertThat(contents.contains(ID)).isTrue();
        assertThat(contents.contains("0b0c84aa-2098-4d60-a39b-84a6d059fab5")).isTrue();
        assertThat(contents.contains("00000000-0000-0000-0000-000000000000")).isFalse();
    }

    @Test
    void queueRemoveAndClearSendGlancesRequests() {
        glance.versions().empty(202).empty(204).empty(204).empty(204).empty(204);

        cache.queue(ID);
        cache.remove(ID);
        cache.clear(CacheClearTarget.ALL);
        cache.clear(CacheClearTarget.CACHED);
        cache.clear(CacheClearTarget.QUEUED);

        glance.take();
        RecordedRequest queue = glance.take();
        assertThat(queue.getMethod() + " " + queue.getUrl().encodedPath()).isEqualTo("PUT /v2/cache/" + ID);
        RecordedRequest remove = glance.take();
        assertThat(remove.getMethod() + " " + remove.getUrl().encodedPath()).isEqualTo("DELETE /v2/cache/" + ID);
        RecordedRequest all = glance.take();
        assertThat(all.getMethod() + " " + all.getUrl().encodedPath()).isEqualTo("DELETE /v2/cache");
        assertThat(all.getHeaders().get("x-image-cache-clear-target")).isNull();
        assertThat(glance.take().getHeaders().get("x-image-cache-clear-target")).isEqualTo("cache");
        assertThat(glance.take().getHeaders().get("x-image-cache-clear-target")).isEqualTo("queue");
    }

    @Test
    void aGlanceWithoutImageCacheIsRefusedBeforeSending() {
        // Glance 25.1 without image_cache_dir: 2.15 CURRENT, no 2.14 or 2.16
        StringBuilder v = new StringBuilder("{\"versions\": [{\"id\": \"v2.15\", \"status\": \"CURRENT\"}");
        for (int minor = 13; minor >= 0; minor--) {
            v.append(", {\"id\": \"v2.").append(minor).append("\", \"status\": \"SUPPORTED\"}");
        }
        glance.json(300, v.append("]}").toString());

        assertThatThrownBy(cache::list).isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
            assertThat(e.feature()).isEqualTo("the image cache API");
            assertThat(e.requiredVersion()).isEqualTo("2.14");
        });
        assertThatThrownBy(() -> cache.queue(ID)).isInstanceOf(UnsupportedFeatureException.class);
        assertThat(glance.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aMemberGetsForbidden() {
        glance.versions().error(403, "Forbidden", "You are not authorized to complete cache_list action.");

        assertThatThrownBy(cache::list).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("You are not authorized to complete cache_list action.");
    }
}
