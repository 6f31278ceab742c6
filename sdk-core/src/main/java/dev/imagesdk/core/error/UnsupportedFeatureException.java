package dev.imagesdk.core.error;

import java.util.List;

/**
 * The image service does not serve a part of the Image API that an operation needs: its version
 * document lists no version that has it (the server is older, or its configuration switched the feature
 * off, such as the image cache or several stores). Nothing was sent for the operation.
 */
public class UnsupportedFeatureException extends ApiVersionException {
    private static final long serialVersionUID = 1L;

    private final String feature;
    private final String requiredVersion;

    /**
     * @param feature what the operation needs, e.g. {@code "the image cache API"}
     * @param requiredVersion the version that introduced it, e.g. {@code "2.14"}
     * @param offered versions the server listed, as {@code "<id> <status>"}
     * @param url the discovery URL
     * @param requestId the request id of the discovery answer, or {@code null}
     */
    public UnsupportedFeatureException(String feature, String requiredVersion, List<String> offered, String url,
                                       String requestId) {
        super("The image service does not serve " + feature + " (Image API " + requiredVersion
                + "); it offers " + (offered.isEmpty() ? "no versions" : String.join(", ", offered)), offered, url,
                requestId);
        this.feature = feature;
        this.requiredVersion = requiredVersion;
    }

    /** What the operation needs, e.g. {@code "the image cache API"}. */
    public String feature() {
        return feature;
    }

    /** The Image API version that introduced it, e.g. {@code "2.14"}. */
    public String requiredVersion() {
        return requiredVersion;
    }
}
