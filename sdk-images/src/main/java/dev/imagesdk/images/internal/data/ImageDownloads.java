package dev.imagesdk.images.internal.data;

import dev.imagesdk.core.internal.http.Calls;
import dev.imagesdk.core.internal.http.OperationScope;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.ChecksumMismatchException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.data.*;
import dev.imagesdk.images.internal.json.ImageJsonAdapter;
import okio.BufferedSource;
import okio.Okio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
/**
 * Verified, streaming downloads of image data ({@code GET /v2/images/{id}/file}). Memory use is constant
 * for any image size: the bytes move through a ring of four 512 KiB buffers while a second thread hashes
 * them.
 *
 * <p>A whole-image download whose connection breaks is resumed where it stopped with a {@code Range}
 * request (three times by default, see {@link DownloadOpts.Builder#resumeAttempts(int)}); the
 * running hash covers every byte exactly once.
 *
 * <p>The data has no total deadline but a progress rule ({@link DownloadOpts#progressTimeout()}); an
 * interrupt of the calling thread cancels the download ({@code CancelledException}), and the
 * temporary file is deleted as after any failure.
 */
public final class ImageDownloads {
    private final ServiceClient client;
    private final Durability durability;

    ImageDownloads(ServiceClient client, Durability durability) {
        this.client = Arguments.notNull(client, "client");
        this.durability = durability;
    }

    /** Downloads through {@code client}. */
    public static ImageDownloads of(ServiceClient client) {
        return new ImageDownloads(client, Durability.SYSTEM);
    }


    /**
     * Downloads the image's data to {@code target}. The bytes go to a temporary file next to the
     * target, are verified while they stream (see {@link DownloadOpts.Builder#verify(boolean)} and
     * {@link DownloadOpts.Builder#expectedHash(String, String)}), forced to the storage device and the
     * file is then moved into place atomically (replacing an existing file) and its directory synced
     * (see {@link DownloadOpts.Builder#durable(boolean)}). On any failure —
     * mismatch, broken connection, full disk — the temporary file is deleted and an existing target is
     * left untouched.
     *
     * @throws NoImageDataException when the image has no data (Glance answers 204)
     * @throws ChecksumMismatchException when the bytes do not match the recorded hash or size
     * @throws dev.imagesdk.core.error.ForbiddenException for a deactivated image (non-admins)
     * @throws dev.imagesdk.core.error.RangeNotSatisfiableException for a range beyond the data (416)
     */
    public DownloadResult download(String imageId, Path target, DownloadOpts options) {
        Arguments.uuid(imageId, "image id");
        Arguments.notNull(target, "target");
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ValidationException("target directory does not exist: " + dir);
        }
        if (Files.isDirectory(absolute)) {
            throw new ValidationException("target is a directory: " + absolute);
        }
        Expectation expectation = expectation(imageId, options);
        // created like any new file (default permissions), unlike createTempFile's owner-only mode
        Path temp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + ".part");
        FileChannel opened;
        try {
            opened = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new LocalFileException("cannot create a temporary file in " + dir, e);
        }
        boolean done = false;
        try {
            DownloadResult result;
            try (FileChannel channel = opened; OutputStream out = Channels.newOutputStream(channel)) {
                result = fetch(imageId, options, expectation, out, temp.toString(), absolute);
                if (options.durable()) {
                    try {
                        durability.forceFile(channel, temp);
                    } catch (IOException e) {
                        throw new LocalFileException("flushing " + temp + " to the storage device failed", e);
                    }
                }
            } catch (IOException closeFailure) {
                throw new LocalFileException("writing " + temp + " failed", closeFailure);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            if (options.durable()) {
                durability.syncDirectory(dir);
            }
            return result;
        } catch (IOException e) {
            throw new LocalFileException("moving the download into place at " + absolute + " failed", e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the failure being reported matters more
                }
            }
        }
    }

    /**
     * Downloads the image's data into {@code out} (not closed). Verification works as for files, but
     * bytes already written cannot be taken back: on {@link ChecksumMismatchException} the caller must
     * discard what the stream received.
     */
    public DownloadResult download(String imageId, OutputStream out, DownloadOpts options) {
        Arguments.uuid(imageId, "image id");
        Arguments.notNull(out, "out");
        Expectation expectation = expectation(imageId, options);
        return fetch(imageId, options, expectation, out, "the output stream", null);
    }

    /** One expected hash: whose it is, its algorithm (Glance's and the JDK's name) and its hex value. */
    private static final class Hash {
        final ChecksumMismatchException.ExpectedBy by;
        final String glanceAlgorithm;
        final String jdkAlgorithm;
        final String hex;

        Hash(ChecksumMismatchException.ExpectedBy by, String glanceAlgorithm, String jdkAlgorithm, String hex) {
            this.by = by;
            this.glanceAlgorithm = glanceAlgorithm;
            this.jdkAlgorithm = jdkAlgorithm;
            this.hex = hex;
        }
    }

    /**
     * What the whole image should look like: the server's hash and size from its metadata (only read when
     * verifying a whole download), and the caller's hash.
     */
    private static final class Expectation {
        final Hash server;
        final Hash caller;
        final Long size;

        Expectation(Hash server, Hash caller, Long size) {
            this.server = server;
            this.caller = caller;
            this.size = size;
        }
    }

    private Expectation expectation(String imageId, DownloadOpts options) {
        if (imageId == null || imageId.isBlank()) {
            throw new ValidationException("image id must not be blank");
        }
        Arguments.notNull(options, "options");
        Hash caller = options.expectedHash() == null ? null
                : new Hash(ChecksumMismatchException.ExpectedBy.CALLER, options.expectedHashAlgorithm(),
                        Hashing.jdkName(options.expectedHashAlgorithm()), options.expectedHash());
        if (options.range() != null) {
            return null; // DownloadOpts refuses a range with an expected hash
        }
        if (!options.verify()) {
            return caller == null ? null : new Expectation(null, caller, null);
        }
        Image image = Calls.of(client).executeJson(ApiRequest.get("images", imageId).build(), ImageJsonAdapter::readSingle);
        String jdk = Hashing.jdkName(image.osHashAlgo());
        Hash server = null;
        if (jdk != null && image.osHashValue() != null && !image.osHashValue().isBlank()) {
            server = new Hash(ChecksumMismatchException.ExpectedBy.SERVER, image.osHashAlgo().toLowerCase(Locale.ROOT),
                    jdk, image.osHashValue().toLowerCase(Locale.ROOT));
        } else if (image.checksum() != null && !image.checksum().isBlank()) {
            server = new Hash(ChecksumMismatchException.ExpectedBy.SERVER, "md5", "MD5",
                    image.checksum().toLowerCase(Locale.ROOT));
        }
        return new Expectation(server, caller, image.size());
    }

    private DownloadResult fetch(String imageId, DownloadOpts options, Expectation expectation, OutputStream out,
                                 String targetName, Path target) {
        ApiRequest.Builder request = ApiRequest.get("images", imageId, "file");
        if (options.range() != null) {
            request.header("Range", options.range().headerValue());
        }
        ApiRequest built = request.timeout(Duration.ZERO).build();
        try (OperationScope ignored = OperationScope.transfer(options.progressTimeout());
             ApiResponse response = Calls.of(client).execute(built)) {
            String requestId = response.requestId().orElse(null);
            if (response.status() == 204) {
                throw new NoImageDataException(imageId, response.method(), response.url(), requestId);
            }
            String contentMd5 = response.header("Content-MD5").orElse(null);
            ContentRange contentRange = ContentRange.parse(response.header("Content-Range").orElse(null)).orElse(null);
            if (options.range() != null && (response.status() != 206 || !options.range().isAnsweredBy(contentRange))) {
                // a documented choice: never trim a 200 to the range, never hand back bytes that were not asked for
                throw new RangeIgnoredException(options.range(), response.status(),
                        response.header("Content-Range").orElse(null), response.method(), response.url(), requestId);
            }
            long announced = response.contentLength().orElse(-1);
            Long expectedLength = expectation != null && expectation.size != null ? expectation.size
                    : contentRange != null ? Long.valueOf(contentRange.length())
                    : announced >= 0 ? Long.valueOf(announced) : null;
            // one digest per distinct algorithm, all fed in the same pass over the bytes
            Map<String, MessageDigest> digests = new LinkedHashMap<>();
            List<Hash> hashes = new ArrayList<>();
            if (expectation != null) { // a whole download: whatever the status, the bytes must match
                for (Hash h : new Hash[] {expectation.server, expectation.caller}) {
                    if (h != null) {
                        hashes.add(h);
                        digests.computeIfAbsent(h.jdkAlgorithm, Hashing::digest);
                    }
                }
            }
            BufferedSource body = response.bodySource();
            ResumingSource resuming = null;
            if (response.status() == 200 && expectation != null && expectation.size != null) {
                resuming = new ResumingSource(client, imageId, response, expectation.size, options.resumeAttempts());
                body = Okio.buffer(resuming);
            }
            long received;
            try {
                received = DownloadPipeline.run(body, out, List.copyOf(digests.values()),
                        expectedLength == null ? -1 : expectedLength,
                        options.listener(), targetName, response.method(), response.url());
            } finally {
                if (resuming != null) {
                    resuming.close();
                }
            }
            if (expectedLength != null && received != expectedLength) {
                throw new ChecksumMismatchException("length", Long.toString(expectedLength), Long.toString(received),
                        response.method(), response.url(), requestId);
            }
            Map<String, String> actual = new HashMap<>();
            digests.forEach((algorithm, digest) -> actual.put(algorithm, Hashing.hex(digest.digest())));
            for (Hash h : hashes) { // the server's first, then the caller's
                String actualHex = actual.get(h.jdkAlgorithm);
                if (!actualHex.equals(h.hex)) {
                    throw new ChecksumMismatchException(h.by, h.glanceAlgorithm, h.hex, actualHex,
                            response.method(), response.url(), requestId);
                }
            }
            Hash reported = hashes.isEmpty() ? null : hashes.get(0);
            return new DownloadResult(received, response.status(), contentMd5, contentRange,
                    reported == null ? null : reported.glanceAlgorithm,
                    reported == null ? null : actual.get(reported.jdkAlgorithm), target, requestId);
        }
    }
}
