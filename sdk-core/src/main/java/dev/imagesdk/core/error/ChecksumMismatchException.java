package dev.imagesdk.core.error;

/**
 * Image data did not match the hash the server recorded for it (or the length it announced). The
 * partial data was discarded; nothing was left at the target path.
 */
public class ChecksumMismatchException extends ImageServiceException {
    private static final long serialVersionUID = 1L;

    private final String algorithm;
    private final String expected;
    private final String actual;

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
        super("Image data failed verification: " + algorithm + " expected " + expected + " but got " + actual
                + where(method, url, requestId), method, url, requestId, null);
        this.algorithm = algorithm;
        this.expected = expected;
        this.actual = actual;
    }

    /** The algorithm whose value did not match. */
    public String algorithm() {
        return algorithm;
    }

    /** The value the server recorded for the image. */
    public String expected() {
        return expected;
    }

    /** The value computed over the bytes actually received. */
    public String actual() {
        return actual;
    }
}
