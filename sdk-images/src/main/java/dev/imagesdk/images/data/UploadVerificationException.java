package dev.imagesdk.images.data;

import dev.imagesdk.core.error.ImageServiceException;
import dev.imagesdk.images.model.ImageStatus;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The server answered an upload with success, but the image read back afterwards does not hold what
 * was sent: it is not {@code active} (for a staged upload, {@code uploading}), or it reports another
 * size, or another hash of the same algorithm. For example a server or proxy that answers 2xx with an
 * error body and stores nothing leaves the image {@code queued} with no size. Says what was sent (size
 * and hash), what the server reports, and the state the image was left in; {@link #imageId()} names
 * the image (a {@code queued} image can be uploaded to again, any other one is best deleted).
 */
public class UploadVerificationException extends ImageServiceException {
    private static final long serialVersionUID = 1L;

    private final String imageId;
    private final long sentBytes;
    private final String hashAlgorithm;
    private final String sentHash;
    private final transient ImageStatus imageStatus;
    private final Long reportedSize;
    private final String reportedHashAlgorithm;
    private final String reportedHash;

    /**
     * @param imageId the image the data was sent to
     * @param sentBytes how many bytes were sent
     * @param hashAlgorithm the algorithm computed while sending, as Glance names it
     * @param sentHash the hex hash of the bytes sent
     * @param imageStatus the image's status read back, or {@code null} when the server did not say
     * @param reportedSize the size the server reports, or {@code null} when it reports none
     * @param reportedHashAlgorithm the server's {@code os_hash_algo}, or {@code null}
     * @param reportedHash the server's {@code os_hash_value}, or {@code null}
     * @param method HTTP method of the upload
     * @param url URL of the upload (without credentials)
     * @param requestId the server's request id of the read back, or {@code null}
     */
    public UploadVerificationException(String imageId, long sentBytes, String hashAlgorithm, String sentHash,
                                       ImageStatus imageStatus, Long reportedSize, String reportedHashAlgorithm,
                                       String reportedHash, String method, String url, String requestId) {
        super("Upload to image " + imageId + " was answered with success, but the server does not hold the data sent: "
                        + "the image is " + (imageStatus == null ? "in an unknown state" : imageStatus.value())
                        + ", size " + (reportedSize == null ? "not recorded" : reportedSize) + " (sent " + sentBytes + " bytes), "
                        + (reportedHash == null ? "no hash recorded" : reportedHashAlgorithm + " " + reportedHash)
                        + " (sent " + hashAlgorithm + " " + sentHash + ")",
                method, url, requestId, null);
        this.imageId = imageId;
        this.sentBytes = sentBytes;
        this.hashAlgorithm = hashAlgorithm;
        this.sentHash = sentHash;
        this.imageStatus = imageStatus;
        this.reportedSize = reportedSize;
        this.reportedHashAlgorithm = reportedHashAlgorithm;
        this.reportedHash = reportedHash;
    }

    /** The image the data was sent to. */
    public String imageId() {
        return imageId;
    }

    /** How many bytes were sent. */
    public long sentBytes() {
        return sentBytes;
    }

    /** The algorithm computed while sending, as Glance names it (for example {@code sha512}). */
    public String hashAlgorithm() {
        return hashAlgorithm;
    }

    /** The lower-case hex hash of the bytes sent. */
    public String sentHash() {
        return sentHash;
    }

    /** The image's status read back after the upload; empty when the server did not say. */
    public Optional<ImageStatus> imageStatus() {
        return Optional.ofNullable(imageStatus);
    }

    /** The size the server reports for the image; empty when it reports none (nothing stored). */
    public OptionalLong reportedSize() {
        return reportedSize == null ? OptionalLong.empty() : OptionalLong.of(reportedSize);
    }

    /** The server's {@code os_hash_algo}, when it reports one. */
    public Optional<String> reportedHashAlgorithm() {
        return Optional.ofNullable(reportedHashAlgorithm);
    }

    /** The server's {@code os_hash_value}, when it reports one. */
    public Optional<String> reportedHash() {
        return Optional.ofNullable(reportedHash);
    }
}
