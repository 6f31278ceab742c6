package dev.imagesdk.core.error;

/**
 * Image data did not match what was expected of it: the hash or size the server recorded for it, or a
 * hash the caller passed (from a manifest, say); {@link #expectedBy()} says which. The partial data was
 * discarded; nothing was left at the target path.
 */
public class ChecksumMismatchException extends ImageServiceException {
    private static final long serialVersionUID = 1L;

    /** Whose expectation the data failed. */
    public enum ExpectedBy {
        /** The server's metadata: the image's {@code os_hash_value}, md5 {@code checksum} or {@code size}. */
        SERVER,
        /** The hash the caller passed with the request (e.g. from a manifest). */
        CALLER
    }

    private final String algorithm;
    private final String expected;
    private final String actual;
    private final ExpectedBy expectedBy;

    /**
     * @param algorithm hash algorithm ({@code sha512}, {@code md5}, ...) or {@code length}
     * @param expected the value the server recorded
     * @param actual the value computed over the received data
     * @param method HTTP method
     * @param url request URL
     * @param requestId the server's request id, or {@code null}
     */
    public ChecksumMismatchException(String algorithm, String expected, String actual, String method, String url,
                                     String requestId) {
        this(ExpectedBy.SERVER, algorithm, expected, actual, method, url, requestId);
    }

    /**
     * @param expectedBy whose expectation failed: the server's metadata or the caller's hash
     * @param algorithm hash algorithm ({@code sha512}, {@code md5}, ...) or {@code length}
     * @param expected the expected value
     * @param actual the value computed over the received data
     * @param method HTTP method
     * @param url request URL
     * @param requestId the server's request id, or {@code null}
     */
    public ChecksumMismatchException(ExpectedBy expectedBy, String algorithm, String expected, String actual,
                                     String method, String url, String requestId) {
        super("Image data failed verification against "
                + (expectedBy == ExpectedBy.CALLER ? "the caller's expected hash" : "the server's metadata") + ": "
                + algorithm + " expected " + expected + " but got " + actual
                + where(method, url, requestId), method, url, requestId, null);
        this.expectedBy = expectedBy == null ? ExpectedBy.SERVER : expectedBy;
        this.algorithm = algorithm;
        this.expected = expected;
        this.actual = actual;
    }

    /** Whose expectation failed: {@link ExpectedBy#SERVER} (the image's metadata) or {@link ExpectedBy#CALLER}. */
    public ExpectedBy expectedBy() {
        return expectedBy;
    }

    /** The algorithm whose value did not match. */
    public String algorithm() {
        return algorithm;
    }

    /** The expected value: the one the server recorded for the image, or the caller's (see {@link #expectedBy()}). */
    public String expected() {
        return expected;
    }

    /** The value computed over the bytes actually received. */
    public String actual() {
        return actual;
    }
}
