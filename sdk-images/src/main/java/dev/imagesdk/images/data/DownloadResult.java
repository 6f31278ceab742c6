package dev.imagesdk.images.data;


import java.nio.file.Path;
import java.util.Optional;

/** What a download delivered and how it was checked. */
public final class DownloadResult {
    private final long bytes;
    private final int status;
    private final String contentMd5;
    private final ContentRange contentRange;
    private final String verifiedAlgorithm;
    private final String digest;
    private final Path target;
    private final String requestId;

    /**
     * @param bytes bytes received
     * @param status HTTP status (200, or 206 for a range)
     * @param contentMd5 the {@code Content-MD5} header (hex md5 of the whole image), or {@code null}
     * @param contentRange the parsed {@code Content-Range}, or {@code null}
     * @param verifiedAlgorithm the algorithm the data was verified with, or {@code null} when unverified
     * @param digest the hex digest computed over the data, or {@code null}
     * @param target the file written, or {@code null} for a stream
     * @param requestId the server's request id, or {@code null}
     */
    public DownloadResult(long bytes, int status, String contentMd5, ContentRange contentRange, String verifiedAlgorithm,
                          String digest, Path target, String requestId) {
        this.bytes = bytes;
        this.status = status;
        this.contentMd5 = contentMd5;
        this.contentRange = contentRange;
        this.verifiedAlgorithm = verifiedAlgorithm;
        this.digest = digest;
        this.target = target;
        this.requestId = requestId;
    }

    /** Number of bytes received and written. */
    public long bytes() {
        return bytes;
    }

    /** HTTP status: 200 for the whole image, 206 for a range. */
    public int status() {
        return status;
    }

    /**
     * {@code Content-MD5} as Glance sends it: the hex md5 of the whole image (not base64 as RFC 1864
     * would have it, and not of a range).
     */
    public Optional<String> contentMd5() {
        return Optional.ofNullable(contentMd5);
    }

    /** {@code Content-Range} of a partial download. */
    public Optional<ContentRange> contentRange() {
        return Optional.ofNullable(contentRange);
    }

    /**
     * The hash algorithm the data was verified with ({@code sha512}, {@code md5}): the server's when it
     * recorded a hash, else the caller's {@link DownloadOpts.Builder#expectedHash(String, String) expected
     * hash}; empty when not verified. A caller's hash given as well was checked too.
     */
    public Optional<String> verifiedAlgorithm() {
        return Optional.ofNullable(verifiedAlgorithm);
    }

    /** The hex digest of {@link #verifiedAlgorithm()} computed over the received bytes, when one was computed. */
    public Optional<String> digest() {
        return Optional.ofNullable(digest);
    }

    /** The file written, for downloads to a path. */
    public Optional<Path> target() {
        return Optional.ofNullable(target);
    }

    /** The request id of the data request. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    @Override
    public String toString() {
        return "DownloadResult{" + bytes + " bytes, status " + status
                + (verifiedAlgorithm == null ? ", unverified" : ", verified " + verifiedAlgorithm)
                + (contentRange == null ? "" : ", " + contentRange) + "}";
    }
}
