package dev.imagesdk.core.error;

import java.util.List;

/**
 * The image service does not serve a part of the Image API that an operation needs: its version
 * document lists no version that has it (the server is older, or its configuration switched the feature
 * off, such as the image cache or several stores), and nothing was sent for the operation; or the server
 * refused the operation with the answer its configuration gives when the feature is switched off (such as
 * Glance's 403 for location changes without {@code show_multiple_locations}), which is then the
 * {@linkplain #getCause() cause}.
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

    /**
     * The server refused the operation because its configuration switched the feature off.
     *
     * @param feature what the operation needs, e.g. {@code "image locations (show_multiple_locations)"}
     * @param requiredVersion the version that introduced it, e.g. {@code "2.0"}
     * @param refusal the server's answer (its status, message and request id)
     */
    public UnsupportedFeatureException(String feature, String requiredVersion, ServiceResponseException refusal) {
        super("The image service has switched off " + feature + ": " + refusal.serverMessage().orElse(
                "HTTP " + refusal.status()), refusal.method().orElse(null), refusal.url().orElse(null),
                refusal.requestId().orElse(null), refusal);
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
