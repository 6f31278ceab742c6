package dev.imagesdk.images.data;

import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.internal.HashAlgorithms;
import dev.imagesdk.core.internal.http.OperationScope;

import java.time.Duration;

import java.util.Locale;

/**
 * How image data is fetched: optional byte range, verification (against the server's metadata and an
 * optional hash the caller expects), durability of the written file, progress listener.
 */
public final class DownloadOpts {
    private static final DownloadOpts DEFAULTS = builder().build();

    private final ByteRange range;
    private final boolean verify;
    private final TransferListener listener;
    private final Duration progressTimeout;
    private final int resumeAttempts;
    private final String expectedHashAlgorithm;
    private final String expectedHash;
    private final boolean durable;

    private DownloadOpts(Builder b) {
        this.range = b.range;
        this.verify = b.verify;
        this.listener = b.listener;
        this.progressTimeout = b.progressTimeout;
        this.resumeAttempts = b.resumeAttempts;
        this.expectedHashAlgorithm = b.expectedHashAlgorithm;
        this.expectedHash = b.expectedHash;
        this.durable = b.durable;
    }

    /** Whole image, verified against the server's metadata, flushed to disk before success, no progress. */
    public static DownloadOpts defaults() {
        return DEFAULTS;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The byte range, or {@code null} for the whole image. */
    public ByteRange range() {
        return range;
    }

    /** Whether the data is checked against the image's recorded hash and size. */
    public boolean verify() {
        return verify;
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

    /** How often a broken whole-image download is resumed with a {@code Range} request. */
    public int resumeAttempts() {
        return resumeAttempts;
    }

    /**
     * The algorithm of the hash the caller expects, as Glance names it ({@code sha256}, {@code sha512},
     * {@code md5}, ...), or {@code null} when the caller gave none.
     */
    public String expectedHashAlgorithm() {
        return expectedHashAlgorithm;
    }

    /** The hash the caller expects, lower-case hex, or {@code null} when the caller gave none. */
    public String expectedHash() {
        return expectedHash;
    }

    /**
     * Whether a download to a file is flushed to stable storage before it is reported done (the file's
     * data before it is moved into place, its directory after).
     */
    public boolean durable() {
        return durable;
    }

    /** Builds {@link DownloadOpts}. */
    public static final class Builder {
        private ByteRange range;
        private boolean verify = true;
        private TransferListener listener = TransferListener.NONE;
        private Duration progressTimeout = OperationScope.DEFAULT_PROGRESS_TIMEOUT;
        private int resumeAttempts = 3;
        private String expectedHashAlgorithm;
        private String expectedHash;
        private boolean durable = true;

        private Builder() {
        }

        /**
         * Fetches only this range ({@code Range} header, answered with 206). A partial download cannot
         * be checked against the image's hash; its length is checked against {@code Content-Range}. Cannot
         * be combined with an {@link #expectedHash(String, String) expected hash}.
         */
        public Builder range(ByteRange range) {
            this.range = range;
            return this;
        }

        /**
         * Whether to verify (default {@code true}): the image's metadata is read first and the bytes are
         * hashed while they stream, with {@code os_hash_algo}/{@code os_hash_value} or, for images
         * without them, the md5 {@code checksum}; the length must equal {@code size}.
         */
        public Builder verify(boolean verify) {
            this.verify = verify;
            return this;
        }

        /** Receives progress callbacks (total = the image size when known). */
        public Builder listener(TransferListener listener) {
            this.listener = Arguments.notNull(listener, "listener");
            return this;
        }

        /**
         * How often a whole-image download whose connection breaks is resumed from the last byte
         * received, with a {@code Range} request (default 3; 0 = never). Each resumed part must come from
         * the same image data (Glance's {@code Content-MD5} of the whole image); the hash still covers
         * every byte exactly once.
         */
        public Builder resumeAttempts(int attempts) {
            if (attempts < 0) {
                throw new dev.imagesdk.core.error.ValidationException("resumeAttempts must not be negative, was " + attempts);
            }
            this.resumeAttempts = attempts;
            return this;
        }

        /**
         * The progress rule instead of a total deadline (image data may take hours to move): the
         * transfer fails with {@link dev.imagesdk.core.error.DeadlineExceededException} when fewer than
         * 64 KiB were downloaded within this window (default 60 s; zero: no rule, only the read and write
         * timeouts apply). A slow transfer that keeps moving is never cut; a server that trickles a few
         * bytes at a time, each within the read timeout, is. The client's {@code callTimeout} does not
         * apply to the data. The metadata read before a verified download has the client's {@code callTimeout}.
         */
        public Builder progressTimeout(Duration window) {
            this.progressTimeout = Arguments.notNegative(window, "progressTimeout");
            return this;
        }

        /**
         * A hash the caller expects for the whole image (from a manifest, say), checked in addition to
         * the server's metadata: the bytes are hashed while they stream, in the same single pass as the
         * server's algorithm when the two differ, and a mismatch fails the download with a
         * {@link dev.imagesdk.core.error.ChecksumMismatchException} whose
         * {@link dev.imagesdk.core.error.ChecksumMismatchException#expectedBy() expectedBy()} is
         * {@code CALLER}; a download to a file then leaves no file. It is checked even with
         * {@link #verify(boolean) verify(false)} (then without reading the image's metadata). It cannot
         * be combined with a {@link #range(ByteRange) range} (a hash covers the whole image):
         * {@link #build()} refuses that.
         *
         * @param algorithm {@code md5}, {@code sha1}, {@code sha224}, {@code sha256}, {@code sha384},
         *                  {@code sha512} or {@code sha3_224} to {@code sha3_512}, in any case, with or without
         *                  {@code -} ({@code SHA-256})
         * @param hex the digest in hexadecimal, either case, of exactly the algorithm's length
         * @throws ValidationException for an unknown algorithm or a value that is not such a hex digest
         */
        public Builder expectedHash(String algorithm, String hex) {
            Arguments.notBlank(algorithm, "expected hash algorithm");
            Arguments.notBlank(hex, "expected hash");
            String jdk = HashAlgorithms.jdkName(algorithm.strip());
            if (jdk == null) {
                throw new ValidationException("unknown hash algorithm '" + algorithm + "': use one of " + HashAlgorithms.NAMES);
            }
            String value = hex.strip().toLowerCase(Locale.ROOT);
            int digits = 2 * HashAlgorithms.digestLength(jdk);
            if (value.length() != digits || !value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new ValidationException("expected " + HashAlgorithms.glanceName(algorithm.strip()) + " hash must be "
                        + digits + " hexadecimal digits, was '" + hex + "'");
            }
            this.expectedHashAlgorithm = HashAlgorithms.glanceName(algorithm.strip());
            this.expectedHash = value;
            return this;
        }

        /**
         * Whether a download to a file is made durable before it is reported done (default {@code true}):
         * the temporary file's data is forced to the storage device ({@code fsync}) before it is renamed to
         * the target, and the directory is synced after the rename, so a crash or power loss right after
         * the download cannot leave the target with missing data. Where the platform cannot sync a
         * directory (Windows) that step is skipped. {@code false} skips both (faster on slow disks; the
         * rename is still atomic, but not durable). Downloads to a stream are never synced.
         */
        public Builder durable(boolean durable) {
            this.durable = durable;
            return this;
        }

        /**
         * The options.
         *
         * @throws ValidationException when an {@link #expectedHash(String, String) expected hash} is combined
         *                             with a {@link #range(ByteRange) range}
         */
        public DownloadOpts build() {
            if (range != null && expectedHash != null) {
                throw new ValidationException("an expected hash covers the whole image and cannot be checked for a "
                        + "byte range: give either a range or an expected hash");
            }
            return new DownloadOpts(this);
        }
    }
}
