package dev.imagesdk.images.internal.data;

import dev.imagesdk.core.internal.Poller;
import dev.imagesdk.core.internal.http.Calls;
import dev.imagesdk.core.internal.http.OperationScope;
import dev.imagesdk.core.internal.http.Retry;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.CancelledException;
import dev.imagesdk.core.error.ImageServiceException;
import dev.imagesdk.core.error.RateLimitedException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.ServiceResponseException;
import dev.imagesdk.core.error.TransportException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.data.*;
import dev.imagesdk.images.internal.json.ImageJsonAdapter;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
/**
 * Uploads image data: {@code PUT /v2/images/{id}/file} (the image becomes {@code active}) and staging for
 * interoperable import ({@code PUT /v2/images/{id}/stage}). Memory use is constant for any image size: the
 * bytes move through one 256 KiB buffer.
 *
 * <p>Glance accepts data once per image (a second {@code PUT} is answered with 409), so uploads are not
 * retried blindly. When the connection breaks during an upload, the SDK reads the image back: a file
 * upload is sent once more only if the image is still {@code queued} (Glance put it back after the
 * failed attempt); otherwise, and always for a stream, {@link UploadInterruptedException} reports the
 * state the image was left in. When the server <em>answers</em> 502, 503, 504 or 429 (it refused the
 * data), a file upload is sent again from its start by the transport's retry loop, within the client's
 * {@code RetryPolicy} and honouring {@code Retry-After}, but only after the image was read back as still
 * {@code queued} ({@link ApiRequest.Builder#resendAfterRefusal}): a gateway's 502/504 does not prove that
 * Glance did not take the data behind it, the {@code queued} status does. A stream is never sent twice.
 *
 * <p>Unless {@link UploadOpts#verify()} is off, the bytes are hashed in the copy loop as they are sent
 * (with {@link Hashing}, the digests downloads verify with; the algorithm of
 * {@link UploadOpts#hashAlgorithm()}, Glance's default {@code sha512} unless set), and after the success
 * answer the image is read back once and compared: see {@link #verify}.
 *
 * <p>The data has no total deadline but a progress rule ({@link UploadOpts#progressTimeout()}; a
 * stalled upload is handled like a broken one); an interrupt of the calling thread cancels the upload
 * at once ({@code CancelledException}, neither re-sent nor followed by a status read).
 */
public final class ImageUploads {
    /** {@code application/octet-stream}, the only type Glance accepts for data (415 otherwise). */
    public static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    /** Transfer buffer size. */
    static final int BUFFER_SIZE = 256 * 1024;
    /**
     * Bytes handed to the connection's buffer at a time. okio keeps only a few free segments per thread
     * (64 KiB): handing it more at once makes it allocate (and zero) new ones for every step.
     */
    static final int SINK_STEP = 32 * 1024;

    private final ServiceClient client;

    private ImageUploads(ServiceClient client) {
        this.client = Arguments.notNull(client, "client");
    }

    /** Uploads through {@code client}. */
    public static ImageUploads of(ServiceClient client) {
        return new ImageUploads(client);
    }

    // ---------------------------------------------------------------- upload / stage

    /**
     * Uploads a file as the image's data. Sent with {@code Content-Length} and
     * {@code x-openstack-image-size}; the image becomes {@code active} (204).
     *
     * @throws dev.imagesdk.core.error.ConflictException when the image already has data
     * @throws dev.imagesdk.core.error.BadRequestException when the image lacks disk/container format, or the store is unknown
     * @throws LocalFileException when the file cannot be read
     */
    public void upload(String imageId, Path file, UploadOpts options) {
        Arguments.uuid(imageId, "image id");
        Arguments.notNull(options, "options");
        put(imageId, "file", fileBody(file, options), options);
    }

    /**
     * Uploads a stream as the image's data. With {@link UploadOpts.Builder#size(long)} exactly that
     * many bytes are read and sent (a stream that ends earlier fails the upload with
     * {@link LocalFileException}); without, the stream is read to its end and sent chunked. The stream
     * is read once and not closed.
     */
    public void upload(String imageId, InputStream data, UploadOpts options) {
        Arguments.uuid(imageId, "image id");
        Arguments.notNull(options, "options");
        put(imageId, "file", new StreamBody(Arguments.notNull(data, "data"), options), options);
    }

    /**
     * Stages a file for interoperable import ({@code PUT /v2/images/{id}/stage}, 204): the image goes to
     * {@code uploading}; {@code importImage} with {@code glance-direct} then moves the data to the stores.
     *
     * @throws dev.imagesdk.core.error.ConflictException when data was already staged or uploaded
     */
    public void stage(String imageId, Path file, UploadOpts options) {
        Arguments.uuid(imageId, "image id");
        Arguments.notNull(options, "options");
        put(imageId, "stage", fileBody(file, options), options);
    }

    /** Stages a stream for interoperable import (see {@link #stage(String, Path, UploadOpts)}). */
    public void stage(String imageId, InputStream data, UploadOpts options) {
        Arguments.uuid(imageId, "image id");
        Arguments.notNull(options, "options");
        put(imageId, "stage", new StreamBody(Arguments.notNull(data, "data"), options), options);
    }

    private static DataBody fileBody(Path file, UploadOpts options) {
        Arguments.notNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new ValidationException("not a readable regular file: " + file);
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new LocalFileException("cannot read the size of " + file, e);
        }
        if (options.size() >= 0 && options.size() != size) {
            throw new ValidationException("size " + options.size() + " given for " + file + ", which has " + size + " bytes");
        }
        return new FileBody(file, size, options);
    }

    private void put(String imageId, String what, DataBody body, UploadOpts options) {
        if (options.verify() && Hashing.jdkName(options.hashAlgorithm()) == null) {
            throw new ValidationException("unknown hash algorithm: " + options.hashAlgorithm()
                    + " (known: md5, sha1, sha224, sha256, sha384, sha512, sha3_224, sha3_256, sha3_384, sha3_512)");
        }
        ApiRequest.Builder request = ApiRequest.put("images", imageId, what).body(body).retryable(false)
                .timeout(Duration.ZERO).resendAfterRefusal(refusal -> ImageStatus.QUEUED.equals(statusAfterFailure(imageId)));
        long length = body.contentLength();
        if (length >= 0) {
            request.header("x-openstack-image-size", Long.toString(length));
        }
        request.header("X-Image-Meta-Store", options.store());
        ApiRequest built = request.build();
        for (int attempt = 1; ; attempt++) {
            String url;
            String requestId;
            try (OperationScope ignored = OperationScope.transfer(options.progressTimeout());
                 ApiResponse response = Calls.of(client).execute(built)) {
                url = response.url();
                requestId = response.requestId().orElse(null);
            } catch (CancelledException e) {
                throw e;
            } catch (ServiceResponseException e) {
                throw body.isOneShot() ? notSentAgain(e) : e;
            } catch (TransportException e) {
                LocalReadFailure local = localCause(e);
                if (local != null) {
                    throw new LocalFileException(local.getMessage(), local.getCause());
                }
                ImageStatus status = statusAfterFailure(imageId);
                boolean replayable = !body.isOneShot();
                if (Retry.mayResendUpload(attempt, replayable, ImageStatus.QUEUED.equals(status))) {
                    continue;
                }
                throw new UploadInterruptedException(imageId, status, attempt, replayable, e);
            }
            if (options.verify()) {
                verify(imageId, what, body, options, url, requestId);
            }
            return;
        }
    }

    /**
     * A refusal that would have been retried for a file, with the reason it was not: a stream cannot be
     * read twice. Same type and status as {@code e}, the note added to the server's message.
     */
    private ServiceResponseException notSentAgain(ServiceResponseException e) {
        Retry retry = Calls.of(client).transport().retry();
        if (retry.settings().maxAttempts() < 2 || !retry.isRetryableRefusal(e)) {
            return e;
        }
        String note = e.serverMessage().map(m -> m + "; ").orElse("")
                + "not sent again: the data came from a stream, which cannot be read twice (upload a file to have it retried)";
        String method = e.method().orElse("PUT");
        String url = e.url().orElse(null);
        String requestId = e.requestId().orElse(null);
        ServiceResponseException annotated = e instanceof RateLimitedException
                ? new RateLimitedException(note, method, url, requestId, e.headers(), ((RateLimitedException) e).retryAfter().orElse(null))
                : new ServerException(e.status(), note, method, url, requestId, e.headers());
        annotated.addSuppressed(e);
        return annotated;
    }

    /**
     * After the server's success answer: reads the image back once and checks that it holds what was
     * sent. A data upload ({@code file}) must have left the image {@code active} with the size sent
     * and, when the server reports a hash of the algorithm computed, that hash. A staged upload
     * ({@code stage}) must have left it {@code uploading}; Glance computes no hash until the import, so
     * only the size is compared, when the server reports one (Glance 25 does: a staged image shows its
     * size, no hash). When the server reports a hash of another algorithm than the one computed, the hash
     * cannot be compared: size and status are, and a WARN says so (set
     * {@link UploadOpts.Builder#hashAlgorithm} to the cloud's algorithm).
     *
     * @throws UploadVerificationException when the image does not hold what was sent
     */
    private void verify(String imageId, String what, DataBody body, UploadOpts options, String url, String requestId) {
        long sentBytes = body.sentBytes;
        // never null after a whole body was written; a success answer before that stored nothing of ours
        String sentHash = body.sentHash == null ? "(not computed: the body was not sent to its end)" : body.sentHash;
        Image image = Calls.of(client).executeJson(ApiRequest.get("images", imageId).build(), ImageJsonAdapter.INSTANCE);
        boolean staged = "stage".equals(what);
        ImageStatus expected = staged ? ImageStatus.UPLOADING : ImageStatus.ACTIVE;
        boolean ok = expected.equals(image.status()) && sentBytes >= 0;
        Long size = image.size();
        if (staged ? size != null && size != sentBytes : size == null || size != sentBytes) {
            ok = false;
        }
        String algo = image.osHashAlgo();
        String value = image.osHashValue();
        if (!staged && value != null && !value.isBlank() && algo != null) {
            if (options.hashAlgorithm().equalsIgnoreCase(algo)
                    || Objects.equals(Hashing.jdkName(algo), Hashing.jdkName(options.hashAlgorithm()))) {
                if (!value.equalsIgnoreCase(sentHash)) {
                    ok = false;
                }
            } else {
                LOG.warn("image {}: the server hashed the upload with {}, the SDK with {}: the hash was not compared "
                        + "(size and status were); set UploadOpts.hashAlgorithm(\"{}\") to compare it", imageId, algo,
                        options.hashAlgorithm(), algo);
            }
        }
        if (!ok) {
            throw new UploadVerificationException(imageId, Math.max(sentBytes, 0), options.hashAlgorithm(), sentHash,
                    image.status(), size, algo, value, "PUT", url, requestId);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ImageUploads.class);

    /** How long to wait, at most, for Glance to take an image out of {@code saving} after a broken upload. */
    static final long SETTLE_MILLIS = 10_000;

    /**
     * The image's status after a failed upload, or {@code null} when it cannot be read either. Glance
     * notices a broken upload a moment after the client does (seconds on a busy server) and then puts the
     * image back to {@code queued}; while it still says {@code saving}, ask again, with growing pauses,
     * for up to {@link #SETTLE_MILLIS}.
     */
    private ImageStatus statusAfterFailure(String imageId) {
        try {
            return SETTLE.await(
                    () -> Calls.of(client).executeJson(ApiRequest.get("images", imageId).build(), ImageJsonAdapter.INSTANCE).status(),
                    status -> !ImageStatus.SAVING.equals(status) && !ImageStatus.UPLOADING.equals(status),
                    Duration.ofMillis(SETTLE_MILLIS)).last();
        } catch (CancelledException cancelled) {
            throw cancelled;
        } catch (ImageServiceException unreadable) {
            return null;
        }
    }

    /** Pauses between the status reads after a broken upload: 100 ms doubling up to 2 s. */
    private static final Poller SETTLE = new Poller(Duration.ofMillis(100), Duration.ofSeconds(2), 2);

    private static LocalReadFailure localCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof LocalReadFailure) {
                return (LocalReadFailure) c;
            }
        }
        return null;
    }

    /** An I/O failure on the caller's side of an upload (file or stream), told apart from network errors. */
    static final class LocalReadFailure extends IOException {
        private static final long serialVersionUID = 1L;

        LocalReadFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Image data of a known or unknown ({@code -1}) size, sent as {@code application/octet-stream}. */
    abstract static class DataBody extends RequestBody {
        final long size;
        final TransferListener listener;
        /** JDK name of the digest computed while sending, or {@code null} when the upload is not verified. */
        private final String digestAlgorithm;
        /** Bytes sent by the last attempt that wrote the whole body, {@code -1} until one did. */
        volatile long sentBytes = -1;
        /** Hex hash of those bytes, or {@code null}. */
        volatile String sentHash;

        DataBody(long size, UploadOpts options) {
            this.size = size;
            this.listener = options.listener();
            this.digestAlgorithm = options.verify() ? Hashing.jdkName(options.hashAlgorithm()) : null;
        }

        /** A fresh digest for one attempt (each attempt sends the data from its start), or {@code null}. */
        final MessageDigest startAttempt() {
            OperationScope.bodyStarted();
            sentBytes = -1;
            sentHash = null;
            return digestAlgorithm == null ? null : Hashing.digest(digestAlgorithm);
        }

        /** Records what an attempt that wrote the whole body sent. */
        final void finishAttempt(long bytes, MessageDigest digest) {
            sentHash = digest == null ? null : Hashing.hex(digest.digest());
            sentBytes = bytes;
        }

        @Override
        public MediaType contentType() {
            return OCTET_STREAM;
        }

        @Override
        public long contentLength() {
            return size;
        }
    }

    /** A replayable body reading a file (sent again only if the transport must, e.g. renewed credentials). */
    static final class FileBody extends DataBody {
        private final Path file;

        FileBody(Path file, long size, UploadOpts options) {
            super(size, options);
            this.file = file;
        }

        /**
         * Sends exactly {@link #size} bytes of the file. The file is read with a {@link FileChannel} into
         * one direct buffer and handed to the connection's buffer in steps small enough for its segments
         * to be recycled (no byte array in between, no per-step allocation). A file that ends early, or
         * that has more bytes than announced once the last step has been read, fails before that last
         * step is sent: the server never receives the announced length from a file that changed.
         */
        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            FileChannel channel;
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new LocalReadFailure("cannot open " + file, e);
            }
            try (channel; WatchdogAnchor ignored = WatchdogAnchor.open();
                 UploadDigest digest = UploadDigest.start(startAttempt(), size)) {
                send(channel, sink, digest);
                finishAttempt(size, digest.finish());
            } finally {
                OperationScope.bodySent();
            }
        }

        private void send(FileChannel channel, BufferedSink sink, UploadDigest digest) throws IOException {
            String what = file.toString();
            int capacity = (int) Math.max(1, Math.min(BUFFER_SIZE, size));
            ByteBuffer[] buffers = new ByteBuffer[UploadDigest.SLOTS];
            long sent = 0;
            for (int slot = 0; sent < size; slot = (slot + 1) % buffers.length) {
                digest.acquire(slot);
                if (buffers[slot] == null) {
                    buffers[slot] = ByteBuffer.allocateDirect(capacity);
                }
                ByteBuffer buffer = buffers[slot];
                buffer.clear().limit((int) Math.min(buffer.capacity(), size - sent));
                while (buffer.hasRemaining()) {
                    int n;
                    try {
                        n = channel.read(buffer, sent + buffer.position());
                    } catch (IOException e) {
                        throw new LocalReadFailure("reading " + what + " failed after " + (sent + buffer.position()) + " bytes", e);
                    }
                    if (n < 0) {
                        throw new LocalReadFailure(what + " ended after " + (sent + buffer.position()) + " of the announced "
                                + size + " bytes (it changed during the upload)", null);
                    }
                }
                buffer.flip();
                if (sent + buffer.remaining() == size) {
                    requireNoMoreData(channel, what);
                }
                int chunk = buffer.remaining();
                sent += chunk;
                digest.update(slot, buffer.duplicate());
                while (buffer.hasRemaining()) {
                    int step = Math.min(buffer.remaining(), SINK_STEP);
                    ByteBuffer slice = buffer.slice().limit(step);
                    sink.getBuffer().write(slice);
                    buffer.position(buffer.position() + step);
                    sink.emitCompleteSegments();
                }
                OperationScope.progress(chunk);
                listener.onProgress(sent, size);
            }
            sink.flush();
            OperationScope.bodySent();
        }

        private void requireNoMoreData(FileChannel channel, String what) throws IOException {
            long now;
            try {
                now = channel.size();
            } catch (IOException e) {
                throw new LocalReadFailure("reading the size of " + what + " failed", e);
            }
            if (now > size) {
                throw new LocalReadFailure(what + " has " + now + " bytes, more than the announced " + size
                        + " (it changed during the upload)", null);
            }
        }
    }

    /** A one-shot body reading a caller's stream. */
    static final class StreamBody extends DataBody {
        private final InputStream in;

        StreamBody(InputStream in, UploadOpts options) {
            super(options.size(), options);
            this.in = in;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            try (WatchdogAnchor ignored = WatchdogAnchor.open(); UploadDigest digest = UploadDigest.start(startAttempt(), size)) {
                long sent = copy(in, sink, size, listener, digest, "the upload stream");
                finishAttempt(sent, digest.finish());
            } finally {
                OperationScope.bodySent();
            }
        }
    }

    /**
     * Copies exactly {@code size} bytes (or everything, when {@code size < 0}) from a local stream to
     * the network, updating {@code digest} (may be {@code null}) with each buffer; bytes after the first
     * {@code size} are left unread in the stream.
     *
     * @return the number of bytes sent
     */
    static long copy(InputStream in, BufferedSink sink, long size, TransferListener listener, UploadDigest digest,
                     String what) throws IOException {
        byte[][] buffers = new byte[UploadDigest.SLOTS][];
        long sent = 0;
        for (int slot = 0; size < 0 || sent < size; slot = (slot + 1) % buffers.length) {
            digest.acquire(slot);
            if (buffers[slot] == null) {
                buffers[slot] = new byte[BUFFER_SIZE];
            }
            byte[] buffer = buffers[slot];
            int want = size < 0 ? buffer.length : (int) Math.min(buffer.length, size - sent);
            int n;
            try {
                n = in.read(buffer, 0, want);
            } catch (IOException e) {
                throw new LocalReadFailure("reading " + what + " failed after " + sent + " bytes", e);
            }
            if (n < 0) {
                if (size >= 0) {
                    throw new LocalReadFailure(what + " ended after " + sent + " of the announced " + size + " bytes", null);
                }
                digest.release(slot);
                break;
            }
            digest.update(slot, ByteBuffer.wrap(buffer, 0, n));
            for (int off = 0; off < n; off += SINK_STEP) {
                sink.write(buffer, off, Math.min(SINK_STEP, n - off));
            }
            sent += n;
            OperationScope.progress(n);
            listener.onProgress(sent, size);
        }
        sink.flush();
        OperationScope.bodySent();
        return sent;
    }

}
