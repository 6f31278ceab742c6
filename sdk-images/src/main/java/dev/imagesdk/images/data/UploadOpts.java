package dev.imagesdk.images.data;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.internal.http.OperationScope;

import java.time.Duration;
import dev.imagesdk.core.error.ValidationException;


/**
 * How image data is sent: announced size, target store, progress listener, and whether the upload is
 * verified (on by default: the bytes are hashed while they are sent and compared, after the server's
 * success answer, with the size and hash the image reports).
 */
public final class UploadOpts {
    private static final UploadOpts DEFAULTS = builder().build();

    private final long size;
    private final String store;
    private final TransferListener listener;
    private final Duration progressTimeout;
    private final boolean verify;
    private final String hashAlgorithm;

    private UploadOpts(Builder b) {
        this.size = b.size;
        this.store = b.store;
        this.listener = b.listener;
        this.progressTimeout = b.progressTimeout;
        this.verify = b.verify;
        this.hashAlgorithm = b.hashAlgorithm;
    }

    /** Unknown size (for streams; files announce their own), default store, no progress, verified with sha512. */
    public static UploadOpts defaults() {
        return DEFAULTS;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The announced size in bytes, or {@code -1} when unknown (then the body is sent chunked). */
    public long size() {
        return size;
    }

    /** The target store ({@code X-Image-Meta-Store}), or {@code null} for the server's default store. */
    public String store() {
        return store;
    }

    /** The progress listener. */
    public TransferListener listener() {
        return listener;
    }

    /**
     * The progress rule of the transfer: it fails when fewer than 64 KiB moved within this window
     * (zero: no rule). See {@link Builder#progressTimeout(Duration)}.
     */
    public Duration progressTimeout() {
        return progressTimeout;
    }

    /** Whether the upload is verified after the server's success answer (see {@link Builder#verify(boolean)}). */
    public boolean verify() {
        return verify;
    }

    /** The hash computed while sending, as Glance names it ({@code os_hash_algo}); {@code sha512} by default. */
    public String hashAlgorithm() {
        return hashAlgorithm;
    }

    /** Builds {@link UploadOpts}. */
    public static final class Builder {
        private long size = -1;
        private String store;
        private TransferListener listener = TransferListener.NONE;
        private Duration progressTimeout = OperationScope.DEFAULT_PROGRESS_TIMEOUT;
        private boolean verify = true;
        private String hashAlgorithm = "sha512";

        private Builder() {
        }

        /**
         * The exact number of bytes a stream will deliver: sent as {@code Content-Length} and
         * {@code x-openstack-image-size}. A stream that ends early or delivers more fails the upload.
         */
        public Builder size(long bytes) {
            if (bytes < 0) {
                throw new ValidationException("size must be >= 0, was " + bytes);
            }
            this.size = bytes;
            return this;
        }

        /** Stores the data in this store ({@code X-Image-Meta-Store}); Glance answers 400 for an unknown store. */
        public Builder store(String store) {
            if (store != null && store.isBlank()) {
                throw new ValidationException("store must not be blank");
            }
            this.store = store;
            return this;
        }

        /** Receives progress callbacks. */
        public Builder listener(TransferListener listener) {
            this.listener = Arguments.notNull(listener, "listener");
            return this;
        }

        /**
         * The progress rule instead of a total deadline (image data may take hours to move): the
         * transfer fails with {@link dev.imagesdk.core.error.DeadlineExceededException} when fewer than
         * 64 KiB were sent within this window (default 60 s; zero: no rule, only the read and write
         * timeouts apply). A slow transfer that keeps moving is never cut; a server that trickles a few
         * bytes at a time, each within the read timeout, is. The client's {@code callTimeout} does not
         * apply to the data. Once the last byte is sent, the wait for Glance's answer is bounded by the client's read timeout.
         */
        public Builder progressTimeout(Duration window) {
            this.progressTimeout = Arguments.notNegative(window, "progressTimeout");
            return this;
        }

        /**
         * Whether to verify the upload; {@code true} by default. The bytes are hashed as they are sent
         * (in the copy loop; nothing is buffered or read twice), and after the server's success answer
         * the image is read back once: an upload must have left it {@code active} (a staged one
         * {@code uploading}) with the size sent and, when the server reports a hash of
         * {@link #hashAlgorithm(String) the algorithm computed}, that hash; otherwise
         * {@link UploadVerificationException}. The hashing runs beside the sending (on a helper thread
         * from 4 MiB on) and caps an upload at one core's SHA-512 rate (measured 540–680 MiB/s on a
         * loaded 2-vCPU machine). Turn it off only to save that one {@code GET} and that CPU when
         * something else checks the image, or when the endpoint is not a Glance that keeps an image
         * record (a plain PUT sink).
         */
        public Builder verify(boolean verify) {
            this.verify = verify;
            return this;
        }

        /**
         * The hash to compute while sending, as Glance names it ({@code os_hash_algo}: {@code sha512},
         * {@code sha256}, {@code sha384}, {@code sha3_512}, ... {@code md5}); {@code sha512}, Glance's
         * default {@code hashing_algorithm}, unless set. Set it to what a cloud configured otherwise
         * reports: when the server reports another algorithm than the one computed, the hash cannot be
         * compared (size and status still are) and the SDK logs that at WARN.
         *
         * <p>An upload with a name the SDK does not know (the known ones: {@code md5}, {@code sha1},
         * {@code sha224}, {@code sha256}, {@code sha384}, {@code sha512}, {@code sha3_224},
         * {@code sha3_256}, {@code sha3_384}, {@code sha3_512}) fails with {@link ValidationException}
         * before anything is sent.
         */
        public Builder hashAlgorithm(String glanceName) {
            Arguments.notBlank(glanceName, "hash algorithm");
            this.hashAlgorithm = glanceName.toLowerCase(java.util.Locale.ROOT);
            return this;
        }

        /** The options. */
        public UploadOpts build() {
            return new UploadOpts(this);
        }
    }
}
