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
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
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

    private ImageDownloads(ServiceClient client) {
        this.client = Arguments.notNull(client, "client");
    }

    /** Downloads through {@code client}. */
    public static ImageDownloads of(ServiceClient client) {
        return new ImageDownloads(client);
    }


    /**
     * Downloads the image's data to {@code target}. The bytes go to a temporary file next to the
     * target, are verified while they stream (see {@link DownloadOpts.Builder#verify(boolean)}) and
     * the file is then moved into place atomically (replacing an existing file). On any failure —
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
        OutputStream opened;
        try {
            opened = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new LocalFileException("cannot create a temporary file in " + dir, e);
        }
        boolean done = false;
        try {
            DownloadResult result;
            try (OutputStream out = opened) {
                result = fetch(imageId, options, expectation, out, temp.toString(), absolute);
            } catch (IOException closeFailure) {
                throw new LocalFileException("writing " + temp + " failed", closeFailure);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
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

    /** What the whole image should look like, from its metadata (only read when verifying a whole download). */
    private static final class Expectation {
        final String glanceAlgorithm;
        final String jdkAlgorithm;
        final String expectedHex;
        final Long size;

        Expectation(String glanceAlgorithm, String jdkAlgorithm, String expectedHex, Long size) {
            this.glanceAlgorithm = glanceAlgorithm;
            this.jdkAlgorithm = jdkAlgorithm;
            this.expectedHex = expectedHex;
            this.size = size;
        }
    }

    private Expectation expectation(String imageId, DownloadOpts options) {
        if (imageId == null || imageId.isBlank()) {
            throw new ValidationException("image id must not be blank");
        }
        Arguments.notNull(options, "options");
        if (!options.verify() || options.range() != null) {
            return null;
        }
        Image image = Calls.of(client).executeJson(ApiRequest.get("images", imageId).build(), ImageJsonAdapter::readSingle);
        String jdk = Hashing.jdkName(image.osHashAlgo());
        if (jdk != null && image.osHashValue() != null && !image.osHashValue().isBlank()) {
            return new Expectation(image.osHashAlgo().toLowerCase(Locale.ROOT), jdk,
                    image.osHashValue().toLowerCase(Locale.ROOT), image.size());
        }
        if (image.checksum() != null && !image.checksum().isBlank()) {
            return new Expectation("md5", "MD5", image.checksum().toLowerCase(Locale.ROOT), image.size());
        }
        return new Expectation(null, null, null, image.size());
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
            MessageDigest digest = expectation != null && expectation.jdkAlgorithm != null
                    && response.status() == 200 ? Hashing.digest(expectation.jdkAlgorithm) : null;
            BufferedSource body = response.bodySource();
            ResumingSource resuming = null;
            if (response.status() == 200 && expectation != null && expectation.size != null) {
                resuming = new ResumingSource(client, imageId, response, expectation.size, options.resumeAttempts());
                body = Okio.buffer(resuming);
            }
            long received;
            try {
                received = DownloadPipeline.run(body, out, digest, expectedLength == null ? -1 : expectedLength,
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
            String actualHex = digest == null ? null : Hashing.hex(digest.digest());
            if (digest != null && !actualHex.equals(expectation.expectedHex)) {
                throw new ChecksumMismatchException(expectation.glanceAlgorithm, expectation.expectedHex, actualHex,
                        response.method(), response.url(), requestId);
            }
            return new DownloadResult(received, response.status(), contentMd5, contentRange,
                    digest == null ? null : expectation.glanceAlgorithm, actualHex, target, requestId);
        }
    }
}
