package dev.imagesdk.images.data;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.internal.http.OperationScope;

import java.time.Duration;

/** How image data is fetched: optional byte range, verification, progress listener. */
public final class DownloadOpts {
    private static final DownloadOpts DEFAULTS = builder().build();

    private final ByteRange range;
    private final boolean verify;
    private final TransferListener listener;
    private final Duration progressTimeout;
    private final int resumeAttempts;

    private DownloadOpts(Builder b) {
        this.range = b.range;
        this.verify = b.verify;
        this.listener = b.listener;
        this.progressTimeout = b.progressTimeout;
        this.resumeAttempts = b.resumeAttempts;
    }

    /** Whole image, verified, no progress. */
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

    /** Builds {@link DownloadOpts}. */
    public static final class Builder {
        private ByteRange range;
        private boolean verify = true;
        private TransferListener listener = TransferListener.NONE;
        private Duration progressTimeout = OperationScope.DEFAULT_PROGRESS_TIMEOUT;
        private int resumeAttempts = 3;

        private Builder() {
        }

        /**
         * Fetches only this range ({@code Range} header, answered with 206). A partial download cannot
         * be checked against the image's hash; its length is checked against {@code Content-Range}.
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
            Arguments.notNull(window, "progressTimeout");
            if (window.isNegative()) {
                throw new dev.imagesdk.core.error.ValidationException("progressTimeout must be zero or positive, was " + window);
            }
            this.progressTimeout = window;
            return this;
        }

        /** The options. */
        public DownloadOpts build() {
            return new DownloadOpts(this);
        }
    }
}
