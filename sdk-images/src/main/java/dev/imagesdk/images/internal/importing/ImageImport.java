package dev.imagesdk.images.internal.importing;

import dev.imagesdk.core.internal.Poller;
import dev.imagesdk.core.internal.http.Calls;

import dev.imagesdk.core.internal.Arguments;
import com.squareup.moshi.JsonReader;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.http.ApiFeature;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.importing.*;
import dev.imagesdk.images.data.RawImageValidator;
import dev.imagesdk.images.internal.json.ImageJsonAdapter;
import dev.imagesdk.core.internal.json.JsonValues;


import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interoperable image import: discovery ({@code /v2/info/import}, {@code /v2/info/stores},
 * {@code /v2/info/usage}), the import call, and a waiter for the outcome.
 */
public final class ImageImport {
    private static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(5);

    private final ServiceClient client;

    private ImageImport(ServiceClient client) {
        this.client = Arguments.notNull(client, "client");
    }

    /** Import calls through {@code client}. */
    public static ImageImport of(ServiceClient client) {
        return new ImageImport(client);
    }

    /**
     * {@code POST /v2/images/{id}/import}: starts an import (202, empty body). Not retried (a repeated
     * import of a running one is a 409).
     *
     * @throws dev.imagesdk.core.error.ConflictException glance-direct before anything was staged, or an import already running
     * @throws dev.imagesdk.core.error.BadRequestException a method the server does not offer, an unknown store
     * @throws dev.imagesdk.core.error.ForbiddenException copy-image without admin rights (default policy)
     * @throws ValidationException when {@link ImportOpts#requiresBootableRaw()} and the remote data is not a bootable raw disk
     */
    public void importImage(String imageId, ImportOpts request) {
        Arguments.uuid(imageId, "image id");
        Arguments.notNull(request, "request");
        if (request.requiresBootableRaw()) {
            RawImageValidator.requireBootable(client, request.uri());
        }
        Calls.of(client).executeNoContent(ApiRequest.post("images", imageId, "import").requires(ApiFeature.IMPORT).jsonBody(dev.imagesdk.images.internal.json.ImportOptsJson.write(request)).build());
    }

    /** {@code GET /v2/info/import}: the import methods this server accepts (e.g. {@code glance-direct}, {@code copy-image}). */
    public List<String> importMethods() {
        return Calls.of(client).executeJson(ApiRequest.get("info", "import").requires(ApiFeature.IMPORT).build(), (JsonReader r, dev.imagesdk.core.internal.http.ApiResponse resp) -> {
            Object doc = JsonValues.read(r);
            List<String> out = new ArrayList<>();
            if (doc instanceof Map) {
                Object methods = ((Map<?, ?>) doc).get("import-methods");
                Object value = methods instanceof Map ? ((Map<?, ?>) methods).get("value") : null;
                if (value instanceof List) {
                    for (Object o : (List<?>) value) {
                        if (o != null) {
                            out.add(String.valueOf(o));
                        }
                    }
                }
            }
            return out;
        });
    }

    /**
     * {@code GET /v2/info/stores}: the stores of a multi-store Glance.
     *
     * @throws dev.imagesdk.core.error.NotFoundException on a single-store deployment (Glance answers 404)
     */
    public List<StoreInfo> stores() {
        return readStores(ApiRequest.get("info", "stores").requires(ApiFeature.MULTIPLE_STORES).build());
    }

    /**
     * {@code GET /v2/info/stores/detail}: stores with driver type and properties.
     *
     * @throws dev.imagesdk.core.error.ForbiddenException for non-admins (default policy)
     */
    public List<StoreInfo> storesDetail() {
        return readStores(ApiRequest.get("info", "stores", "detail").requires(ApiFeature.MULTIPLE_STORES)
                .requires(ApiFeature.STORES_DETAIL).build());
    }

    private List<StoreInfo> readStores(ApiRequest request) {
        return Calls.of(client).executeJson(request, (JsonReader r, dev.imagesdk.core.internal.http.ApiResponse resp) -> {
            Object doc = JsonValues.read(r);
            List<StoreInfo> out = new ArrayList<>();
            Object stores = doc instanceof Map ? ((Map<?, ?>) doc).get("stores") : null;
            if (!(stores instanceof List)) {
                throw resp.malformed("no \"stores\" array", null, null);
            }
            for (Object o : (List<?>) stores) {
                if (!(o instanceof Map) || ((Map<?, ?>) o).get("id") == null) {
                    continue;
                }
                Map<?, ?> m = (Map<?, ?>) o;
                Object props = m.get("properties");
                Map<String, Object> properties = new LinkedHashMap<>();
                if (props instanceof Map) {
                    ((Map<?, ?>) props).forEach((k, v) -> properties.put(String.valueOf(k), v));
                }
                out.add(new StoreInfo(String.valueOf(m.get("id")), m.get("description") == null ? null
                        : String.valueOf(m.get("description")), truthy(m.get("default")), truthy(m.get("read-only")),
                        m.get("type") == null ? null : String.valueOf(m.get("type")), properties));
            }
            return out;
        });
    }

    private static boolean truthy(Object v) {
        return Boolean.TRUE.equals(v) || (v instanceof String && "true".equalsIgnoreCase((String) v));
    }

    /**
     * {@code GET /v2/info/usage} (API 2.16): quota name → limit and usage (e.g. {@code image_size_total}).
     * Empty when the server does not enforce Keystone limits.
     */
    public Map<String, QuotaUsage> usage() {
        return Calls.of(client).executeJson(ApiRequest.get("info", "usage").build(), (JsonReader r, dev.imagesdk.core.internal.http.ApiResponse resp) -> {
            Object doc = JsonValues.read(r);
            Map<String, QuotaUsage> out = new LinkedHashMap<>();
            Object usage = doc instanceof Map ? ((Map<?, ?>) doc).get("usage") : null;
            if (usage instanceof Map) {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) usage).entrySet()) {
                    if (e.getValue() instanceof Map) {
                        Map<?, ?> q = (Map<?, ?>) e.getValue();
                        out.put(String.valueOf(e.getKey()), new QuotaUsage(asLong(q.get("limit")), asLong(q.get("usage"))));
                    }
                }
            }
            return out;
        });
    }

    private static Long asLong(Object v) {
        return v instanceof Number ? Long.valueOf(((Number) v).longValue()) : null;
    }

    /**
     * Polls {@code GET /v2/images/{id}} until the image reaches {@code status}, backing off from 250 ms
     * to 5 s between polls.
     *
     * @throws ImageWaitException at once when the image is {@code killed}, deleted or reports a failed
     *         import ({@code os_glance_failed_import}); after {@code timeout} otherwise
     * @throws dev.imagesdk.core.error.NotFoundException when the image disappears
     */
    public Image waitFor(String imageId, ImageStatus status, Duration timeout) {
        return waitFor(imageId, status, timeout, Duration.ofMillis(250));
    }

    /**
     * Waits for a started import to finish: the image is {@code active}, carries no
     * {@code os_glance_import_task} (the import lock Glance sets when it accepts an import and clears
     * when the task ends) and nothing is left in {@code os_glance_importing_to_stores}. Unlike waiting
     * for {@code active} alone, this also covers {@code copy-image}, where the image stays active throughout.
     *
     * @throws ImageWaitException at once when a store failed ({@code os_glance_failed_import}) or the
     *         image is killed or deleted; after {@code timeout} otherwise
     */
    public Image waitForImport(String imageId, Duration timeout) {
        return poll(imageId, ImageStatus.ACTIVE, timeout, Duration.ofMillis(250), true);
    }

    /** Like {@link #waitFor(String, ImageStatus, Duration)} with a chosen first poll interval. */
    public Image waitFor(String imageId, ImageStatus status, Duration timeout, Duration firstInterval) {
        return poll(imageId, status, timeout, firstInterval, false);
    }

    private Image poll(String imageId, ImageStatus status, Duration timeout, Duration firstInterval, boolean importDone) {
        Arguments.uuid(imageId, "image id");
        Arguments.notNull(status, "status");
        if (timeout == null || timeout.isNegative()) {
            throw new ValidationException("timeout must be >= 0");
        }
        if (firstInterval == null || firstInterval.isNegative() || firstInterval.isZero()) {
            throw new ValidationException("poll interval must be > 0");
        }
        Poller.Outcome<Image> outcome = new Poller(firstInterval, MAX_POLL_INTERVAL, 1.5).await(
                () -> Calls.of(client).executeJson(ApiRequest.get("images", imageId).build(), ImageJsonAdapter::readSingle),
                image -> {
                    if (image.hasFailedImport()) {
                        throw new ImageWaitException("import of image " + imageId + " failed for store(s) "
                                + image.stringProperty("os_glance_failed_import").orElse("") + " (status "
                                + image.status() + ")", image, false);
                    }
                    if (status.equals(image.status()) && !(importDone && pending(image))) {
                        return true;
                    }
                    if (ImageStatus.KILLED.equals(image.status()) || ImageStatus.DELETED.equals(image.status())
                            || ImageStatus.PENDING_DELETE.equals(image.status())) {
                        throw new ImageWaitException("image " + imageId + " is " + image.status()
                                + " and will not become " + status, image, false);
                    }
                    return false;
                }, timeout);
        Image image = outcome.last();
        switch (outcome.ending()) {
            case REACHED:
                return image;
            case INTERRUPTED:
                throw new ImageWaitException("interrupted while waiting for image " + imageId + " to become " + status,
                        image, false, outcome.interruption().orElse(null));
            default:
                boolean pending = importDone && pending(image);
                throw new ImageWaitException("image " + imageId + " is still " + image.status()
                        + (pending ? " importing to " + image.stringProperty("os_glance_importing_to_stores").orElse("") : "")
                        + " after " + timeout + " (waiting for " + status + ")", image, true);
        }
    }

    private static boolean pending(Image image) {
        return nonBlank(image, "os_glance_import_task") || nonBlank(image, "os_glance_importing_to_stores");
    }

    private static boolean nonBlank(Image image, String property) {
        return image.stringProperty(property).filter(v -> !v.isBlank()).isPresent();
    }


}
