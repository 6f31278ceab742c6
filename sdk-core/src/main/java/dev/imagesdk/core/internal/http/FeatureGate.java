package dev.imagesdk.core.internal.http;

/** Decides before sending whether the server serves an {@link ApiFeature}; implemented by the client. */
@FunctionalInterface
public interface FeatureGate {
    /**
     * Returns when the server serves {@code feature}.
     *
     * @throws dev.imagesdk.core.error.UnsupportedFeatureException when it does not
     */
    void check(ApiFeature feature);
}
