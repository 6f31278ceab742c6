package dev.imagesdk.images;

import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.CreatedImage;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.model.ListOpts;
import dev.imagesdk.images.model.UpdateOpts;
import dev.imagesdk.images.internal.json.CreateOptsJson;
import dev.imagesdk.images.internal.json.ListOptsQuery;
import dev.imagesdk.images.internal.json.UpdateOptsJson;

import dev.imagesdk.core.internal.http.Calls;
import dev.imagesdk.core.internal.http.ApiFeature;
import dev.imagesdk.core.internal.Poller;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ImageInUseException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.internal.paging.PagedListing;
import dev.imagesdk.core.paging.Paged;
import dev.imagesdk.images.data.DownloadOpts;
import dev.imagesdk.images.data.DownloadResult;
import dev.imagesdk.images.data.UploadOpts;
import dev.imagesdk.images.importing.ImportOpts;
import dev.imagesdk.images.internal.data.ImageDownloads;
import dev.imagesdk.images.internal.data.ImageUploads;
import dev.imagesdk.images.internal.importing.ImageImport;
import dev.imagesdk.images.importing.QuotaUsage;
import dev.imagesdk.images.importing.StoreInfo;
import dev.imagesdk.images.internal.json.ImageJsonAdapter;
import dev.imagesdk.images.internal.json.ImagePageReader;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Image API v2 images: records, tags, lifecycle actions, data, import. A thin, thread-safe view
 * over a {@link ServiceClient}; create as many as convenient.
 *
 * <pre>{@code
 * Images images = Images.of(client);
 * Image image = images.create(CreateOpts.builder().name("ubuntu").diskFormat(DiskFormat.QCOW2)
 *         .containerFormat(ContainerFormat.BARE).build());
 * images.upload(image.id(), Path.of("ubuntu.qcow2"));
 * }</pre>
 *
 * <p>Server errors arrive as the typed exceptions of {@code dev.imagesdk.core.error}: a missing or
 * invisible image is {@code NotFoundException} (Glance answers 404, not 403, for other projects'
 * private images), a forbidden action {@code ForbiddenException}, a state conflict
 * {@code ConflictException}.
 */
public final class Images {
    private final ServiceClient client;

    private Images(ServiceClient client) {
        this.client = Arguments.notNull(client, "client");
    }

    /** The images API of {@code client}. */
    public static Images of(ServiceClient client) {
        return new Images(client);
    }

    /** The client requests go through. */
    public ServiceClient client() {
        return client;
    }

    /**
     * {@code GET /v2/images/{id}}: the image, if the caller may see it.
     *
     * @throws dev.imagesdk.core.error.NotFoundException when it does not exist or is not visible
     */
    public Image get(String id) {
        return Calls.of(client).executeJson(ApiRequest.get("images", Arguments.uuid(id, "image id")).build(), ImageJsonAdapter::readSingle);
    }

    /**
     * The image named by {@code nameOrId}, as a command line takes it: a UUID is an id
     * ({@link #get(String)}); anything else is an exact name, looked up among every image the caller
     * can list, hidden ({@code os_hidden}) and community images included ({@code GET /v2/images?name=...}
     * with {@code visibility=all}, once without and once with {@code os_hidden=true}).
     *
     * @throws dev.imagesdk.core.error.NotFoundException when no visible image has this id or name
     * @throws AmbiguousNameException when several images have this name (never a silent first pick)
     * @throws dev.imagesdk.core.error.ValidationException when {@code nameOrId} is null or blank
     */
    public Image find(String nameOrId) {
        Arguments.notBlank(nameOrId, "image name or id");
        if (UUID_FORM.matcher(nameOrId).matches()) {
            return get(nameOrId);
        }
        Map<String, Image> found = new java.util.LinkedHashMap<>();
        for (Boolean hidden : new Boolean[] {null, Boolean.TRUE}) {
            ListOpts.Builder opts = ListOpts.builder().name(nameOrId).anyVisibility();
            if (hidden != null) {
                opts.hidden(hidden);
            }
            for (Image image : list(opts.build())) {
                if (image.id() != null && nameOrId.equals(image.name())) {
                    found.putIfAbsent(image.id(), image);
                }
            }
        }
        if (found.isEmpty()) {
            throw new dev.imagesdk.core.error.NotFoundException("no image named \"" + nameOrId + "\" that the caller can see",
                    null, null, null, Map.of());
        }
        if (found.size() > 1) {
            throw new AmbiguousNameException(nameOrId, List.copyOf(found.values()));
        }
        return found.values().iterator().next();
    }

    private static final java.util.regex.Pattern UUID_FORM = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * {@code POST /v2/images}: creates an image record (status {@code queued}, no data).
     *
     * @throws dev.imagesdk.core.error.ConflictException when the requested id exists
     * @throws dev.imagesdk.core.error.ForbiddenException for {@code public} visibility without admin rights
     */
    public Image create(CreateOpts opts) {
        return createWithServerInfo(opts).image();
    }

    /**
     * Like {@link #create(CreateOpts)}, also returning the import methods and store ids the server
     * announced in its response headers.
     */
    public CreatedImage createWithServerInfo(CreateOpts opts) {
        Arguments.notNull(opts, "opts");
        // POST is not retried: a lost response would otherwise create a second image.
        ApiRequest request = ApiRequest.post("images").jsonBody(CreateOptsJson.write(opts)).build();
        try (ApiResponse response = Calls.of(client).execute(request)) {
            List<String> methods = splitHeader(response.header("OpenStack-image-import-methods").orElse(null));
            // Glance also lists its internal os_glance_* stores, which no import may target: left out
            List<String> stores = splitHeader(response.header("OpenStack-image-store-ids").orElse(null)).stream()
                    .filter(id -> !id.startsWith("os_glance_")).collect(java.util.stream.Collectors.toList());
            String location = response.header("Location").orElse(null);
            String requestId = response.requestId().orElse(null);
            Image image = response.readJson(ImageJsonAdapter::readSingle);
            return new CreatedImage(image, methods, stores, location, requestId);
        }
    }

    /**
     * {@code PATCH /v2/images/{id}} with the JSON-patch operations of {@code opts}; returns the updated image.
     *
     * @throws dev.imagesdk.core.error.ConflictException replacing or removing a property that does not exist
     * @throws dev.imagesdk.core.error.ForbiddenException changing a read-only attribute, or not the owner
     * @throws dev.imagesdk.core.error.BadRequestException a value the image schema rejects
     */
    public Image update(String id, UpdateOpts opts) {
        Arguments.notNull(opts, "opts");
        ApiRequest request = ApiRequest.patch("images", Arguments.uuid(id, "image id")).jsonBody(UpdateOptsJson.write(opts), UpdateOptsJson.MEDIA_TYPE).build();
        return Calls.of(client).executeJson(request, ImageJsonAdapter::readSingle);
    }

    /**
     * {@code DELETE /v2/images/{id}}: deletes the record and its data.
     *
     * @throws dev.imagesdk.core.error.ForbiddenException when the image is protected or not the caller's
     * @throws dev.imagesdk.core.error.ImageInUseException (409) when the image is still in use (Glance's store
     *         refuses to drop its data); the one place a 409 of an image delete is typed
     * @throws dev.imagesdk.core.error.NotFoundException when it does not exist (already deleted)
     */
    public void delete(String id) {
        Arguments.uuid(id, "image id");
        try {
            Calls.of(client).executeNoContent(ApiRequest.delete("images", id).build());
        } catch (ConflictException e) {
            String server = e.serverMessage().orElse("");
            throw new ImageInUseException(id, "image " + id + " is still in use and cannot be deleted"
                    + (server.isBlank() ? "" : " (server: " + server + ")"),
                    e.method().orElse(null), e.url().orElse(null), e.requestId().orElse(null), e.headers(), e);
        }
    }

    /**
     * {@code DELETE /v2/stores/{store}/{id}} (204; several stores, API 2.10): removes an active image's
     * data from one store; the image and its data in its other stores stay. Glance's legacy policy lets
     * the owner do it, as well as an administrator.
     *
     * @throws dev.imagesdk.core.error.ForbiddenException when that store holds the image's only copy
     *         (delete the image instead) or the image is not the caller's
     * @throws ConflictException for a store the service does not have, or an image that is not active
     * @throws dev.imagesdk.core.error.NotFoundException when the image is not visible or the store does not
     *         hold its data
     * @throws dev.imagesdk.core.error.UnsupportedFeatureException when the service has a single store
     */
    public void deleteFromStore(String id, String storeId) {
        Calls.of(client).executeNoContent(ApiRequest.delete("stores", Arguments.notBlank(storeId, "store id"),
                Arguments.uuid(id, "image id")).requires(ApiFeature.STORE_DELETION).build());
    }

    /**
     * Polls {@code GET /v2/images/{id}} until Glance answers 404 (the image is gone), backing off from
     * 250 ms to 5 s. Glance deletes at once when asked; this is for deletions others started or that a
     * deployment delays.
     *
     * @throws dev.imagesdk.images.importing.ImageWaitException when {@code timeout} passes first (with the
     *         image as last seen) or the thread is interrupted
     */
    public void waitForDeletion(String id, Duration timeout) {
        Arguments.uuid(id, "image id");
        Arguments.notNegative(timeout, "timeout");
        Poller.Outcome<java.util.Optional<Image>> outcome;
        try {
            outcome = DELETION.await(() -> {
                try {
                    return java.util.Optional.of(get(id));
                } catch (dev.imagesdk.core.error.NotFoundException gone) {
                    return java.util.Optional.empty();
                }
            }, java.util.Optional::isEmpty, timeout);
        } catch (dev.imagesdk.core.error.CancelledException e) {
            throw new dev.imagesdk.images.importing.ImageWaitException("interrupted while waiting for image " + id
                    + " to be deleted", null, false, e);
        }
        switch (outcome.ending()) {
            case REACHED:
                return;
            case TIMED_OUT:
                throw new dev.imagesdk.images.importing.ImageWaitException("image " + id + " still exists ("
                        + outcome.last().map(i -> String.valueOf(i.status())).orElse("?") + ") after " + timeout,
                        outcome.last().orElse(null), true);
            default:
                throw new dev.imagesdk.images.importing.ImageWaitException("interrupted while waiting for image "
                        + id + " to be deleted", outcome.last().orElse(null), false, outcome.interruption().orElse(null));
        }
    }

    private static final Poller DELETION = new Poller(Duration.ofMillis(250), Duration.ofSeconds(5), 1.5);

    /** All images the caller sees by default (own, public, accepted shared), newest first, lazily paged. */
    public Paged<Image> list() {
        return list(ListOpts.defaults());
    }

    /**
     * {@code GET /v2/images} with filters and sorting, lazily following {@code next} links (one page in
     * memory at a time).
     *
     * <p>Items are decoded one by one and tolerantly: an image with a wrong-typed attribute is still
     * returned, with the attribute left empty and the problem in {@link Image#decodingProblems()}
     * ({@link Image#isWellFormed()} {@code false}); an array element that is not an object becomes an
     * image without id carrying only its problem. Only JSON that is syntactically broken fails the page
     * ({@code ResponseFormatException}).
     */
    public Paged<Image> list(ListOpts opts) {
        Arguments.notNull(opts, "opts");
        ApiRequest.Builder b = ApiRequest.get("images");
        for (Map.Entry<String, String> q : ListOptsQuery.of(opts)) {
            b.query(q.getKey(), q.getValue());
        }
        return PagedListing.of(client, b.build(), ImagePageReader.INSTANCE, Image::id);
    }

    /**
     * {@code POST /v2/images/{id}/actions/deactivate}: blocks data download for non-admins (204).
     *
     * @throws dev.imagesdk.core.error.ForbiddenException for an image that is not active (e.g. queued)
     */
    public void deactivate(String id) {
        Calls.of(client).executeNoContent(ApiRequest.post("images", Arguments.uuid(id, "image id"), "actions", "deactivate").retryable(true).build());
    }

    /** {@code POST /v2/images/{id}/actions/reactivate}: makes a deactivated image usable again (204). */
    public void reactivate(String id) {
        Calls.of(client).executeNoContent(ApiRequest.post("images", Arguments.uuid(id, "image id"), "actions", "reactivate").retryable(true).build());
    }

    /**
     * {@code PUT /v2/images/{id}/tags/{tag}}: adds a tag (idempotent, 204).
     *
     * @throws ValidationException for a tag with non-ASCII characters: Glance decodes the URL path as
     *         Latin-1 and would store {@code wörld} as {@code wÃ¶rld}; set such tags with
     *         {@link UpdateOpts.Builder#tags(String...)} (a JSON body) instead
     */
    public void addTag(String id, String tag) {
        Calls.of(client).executeNoContent(ApiRequest.put("images", Arguments.uuid(id, "image id"), "tags", Arguments.tagInPath(tag)).build());
    }

    /**
     * {@code DELETE /v2/images/{id}/tags/{tag}}: removes a tag (ASCII only, as for {@link #addTag}).
     *
     * @throws dev.imagesdk.core.error.NotFoundException when the image does not carry the tag
     */
    public void removeTag(String id, String tag) {
        Calls.of(client).executeNoContent(ApiRequest.delete("images", Arguments.uuid(id, "image id"), "tags", Arguments.tagInPath(tag)).build());
    }

    // ---------------------------------------------------------------- data

    /**
     * {@code PUT /v2/images/{id}/file}: uploads a file as the image's data (the image becomes
     * {@code active}). Glance accepts data once per image, so an upload is not retried blindly: when the
     * connection breaks, the image is read back and the file is sent once more only if the image is
     * still {@code queued}; otherwise {@link dev.imagesdk.images.data.UploadInterruptedException} reports
     * the state the image was left in. When the server answers 502, 503, 504 or 429, the file is sent
     * again from its start within the client's {@code RetryPolicy}, after the server's
     * {@code Retry-After}, if the image is still {@code queued}.
     *
     * <p>Verified by default ({@link UploadOpts.Builder#verify(boolean)}): the bytes are hashed (SHA-512)
     * as they are sent, and after the success answer the image is read back once; unless it is
     * {@code active} with the size and {@code os_hash_value} sent,
     * {@link dev.imagesdk.images.data.UploadVerificationException} says what was sent and what the
     * server holds.
     *
     * @throws dev.imagesdk.images.data.LocalFileException when the file cannot be read
     * @throws dev.imagesdk.core.error.ConflictException when the image already has data
     * @throws dev.imagesdk.images.data.UploadVerificationException when the server answered success but does not hold the data sent
     */
    public void upload(String id, Path file) {
        upload(id, file, UploadOpts.defaults());
    }

    /** Uploads a file with options (target store, progress); see {@link #upload(String, Path)}. */
    public void upload(String id, Path file, UploadOpts opts) {
        ImageUploads.of(client).upload(id, file, opts);
    }

    /**
     * Uploads {@code size} bytes from a stream ({@code size < 0}: unknown, sent chunked). The stream is
     * read once and not closed, so a stream upload is never re-sent: a broken one fails with
     * {@link dev.imagesdk.images.data.UploadInterruptedException}, a refused one (503, 429, ...) with the
     * server's error, whose message says it was not sent again. Verified like
     * {@link #upload(String, Path)}.
     */
    public void upload(String id, InputStream data, long size) {
        upload(id, data, size < 0 ? UploadOpts.defaults() : UploadOpts.builder().size(size).build());
    }

    /** Uploads a stream with options (size, target store, progress); see {@link #upload(String, InputStream, long)}. */
    public void upload(String id, InputStream data, UploadOpts opts) {
        ImageUploads.of(client).upload(id, data, opts);
    }

    /**
     * {@code GET /v2/images/{id}/file}: downloads the image's data to a file, verified against the
     * image's recorded hash and size, the target appearing only when complete and correct, and flushed
     * to the storage device before this returns (see {@link DownloadOpts.Builder#durable(boolean)}). A broken
     * whole-image download is resumed with {@code Range} requests (see
     * {@link DownloadOpts.Builder#resumeAttempts(int)}). A hash the caller expects (from a manifest) is
     * checked as well with {@link DownloadOpts.Builder#expectedHash(String, String)}.
     *
     * @throws dev.imagesdk.images.data.NoImageDataException when the image has no data (204)
     * @throws dev.imagesdk.core.error.ChecksumMismatchException when the data does not match the recorded hash or
     *         size, or the caller's expected hash ({@code expectedBy()} says which)
     */
    public DownloadResult download(String id, Path target) {
        return download(id, target, DownloadOpts.defaults());
    }

    /**
     * Downloads to a file with options (byte range, verification, expected hash, durability, progress); see
     * {@link #download(String, Path)}.
     */
    public DownloadResult download(String id, Path target, DownloadOpts opts) {
        return ImageDownloads.of(client).download(id, target, opts);
    }

    /** Downloads the image's data into a stream (not closed), verified; see {@link #download(String, Path)}. */
    public DownloadResult download(String id, OutputStream out) {
        return download(id, out, DownloadOpts.defaults());
    }

    /** Downloads into a stream with options; see {@link #download(String, Path)}. */
    public DownloadResult download(String id, OutputStream out, DownloadOpts opts) {
        return ImageDownloads.of(client).download(id, out, opts);
    }

    /**
     * {@code PUT /v2/images/{id}/stage}: stages a file for a {@code glance-direct} import (the image
     * goes to {@code uploading}); follow with {@link #importImage(String, ImportOpts)}. Sent again like
     * {@link #upload(String, Path)} (refused or broken while the image stays {@code queued}). Verified
     * by default: the image must be {@code uploading} afterwards, with the size sent when the server
     * reports one (Glance computes no hash before the import); otherwise
     * {@link dev.imagesdk.images.data.UploadVerificationException}.
     */
    public void stage(String id, Path file) {
        stage(id, file, UploadOpts.defaults());
    }

    /** Stages a file with options; see {@link #stage(String, Path)}. */
    public void stage(String id, Path file, UploadOpts opts) {
        ImageUploads.of(client).stage(id, file, opts);
    }

    /** Stages a stream with options (size, progress); see {@link #stage(String, Path)}. */
    public void stage(String id, InputStream data, UploadOpts opts) {
        ImageUploads.of(client).stage(id, data, opts);
    }

    // ---------------------------------------------------------------- import and discovery

    /**
     * {@code POST /v2/images/{id}/import} (202): starts an interoperable import; Glance works in the
     * background, follow it with {@link #waitForImport(String, Duration)}. Not retried (a repeated
     * import of a running one is a 409).
     *
     * @throws dev.imagesdk.core.error.ConflictException glance-direct before anything was staged, or an import already running
     * @throws dev.imagesdk.core.error.BadRequestException a method the server does not offer, an unknown store
     * @throws dev.imagesdk.core.error.ForbiddenException copy-image without admin rights (default policy)
     * @throws ValidationException when {@link ImportOpts#requiresBootableRaw()} and the remote data is not a bootable raw disk
     */
    public void importImage(String id, ImportOpts opts) {
        ImageImport.of(client).importImage(id, opts);
    }

    /**
     * Polls {@code GET /v2/images/{id}} with back-off until the image has {@code status}.
     *
     * @throws dev.imagesdk.images.importing.ImageWaitException at once when the image is {@code killed},
     *         deleted or reports a failed import; after {@code timeout} otherwise
     * @throws dev.imagesdk.core.error.NotFoundException when the image disappears
     */
    public Image waitFor(String id, ImageStatus status, Duration timeout) {
        return ImageImport.of(client).waitFor(id, status, timeout);
    }

    /**
     * Waits until a started import has finished in every target store: the image is {@code active},
     * carries no import task lock ({@code os_glance_import_task}) and nothing is left in
     * {@code os_glance_importing_to_stores} (this also covers {@code copy-image}, where the image stays
     * active throughout).
     *
     * @throws dev.imagesdk.images.importing.ImageWaitException at once when a store failed or the image
     *         is killed or deleted; after {@code timeout} otherwise
     */
    public Image waitForImport(String id, Duration timeout) {
        return ImageImport.of(client).waitForImport(id, timeout);
    }

    /** {@code GET /v2/info/import}: the import methods the server accepts (e.g. {@code glance-direct}). */
    public List<String> importMethods() {
        return ImageImport.of(client).importMethods();
    }

    /**
     * {@code GET /v2/info/stores}: the stores of a multi-store server.
     *
     * @throws dev.imagesdk.core.error.NotFoundException on a single-store deployment (Glance answers 404)
     */
    public List<StoreInfo> stores() {
        return ImageImport.of(client).stores();
    }

    /**
     * {@code GET /v2/info/stores/detail}: the stores with driver type and properties.
     *
     * @throws dev.imagesdk.core.error.ForbiddenException for non-admins (default policy)
     */
    public List<StoreInfo> storesDetail() {
        return ImageImport.of(client).storesDetail();
    }

    /** {@code GET /v2/info/usage}: the caller's quota usage, by quota name. */
    public Map<String, QuotaUsage> usage() {
        return ImageImport.of(client).usage();
    }

    private static List<String> splitHeader(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}
