package dev.imagesdk.core.auth;

import java.net.URI;
import java.util.Optional;

/** Which image endpoint a Keystone-authenticated client uses: an override, or one picked from the catalog. */
final class ImageEndpointChoice {
    private final String region;
    private final EndpointInterface endpointInterface;
    private final URI override;

    ImageEndpointChoice(String region, EndpointInterface endpointInterface, URI override) {
        this.region = region;
        this.endpointInterface = endpointInterface;
        this.override = override;
    }

    /** The configured endpoint that replaces the catalog's. */
    Optional<URI> override() {
        return Optional.ofNullable(override);
    }

    /** The region asked for, or {@code null} when any (the catalog's only image endpoint). */
    String region() {
        return region;
    }

    /** The image endpoint of {@code catalog} for the region and interface. */
    URI pick(ServiceCatalog catalog) {
        return catalog.endpoint("image", region, endpointInterface);
    }

    @Override
    public String toString() {
        return (region != null ? "region=" + region + ", " : "") + "interface=" + endpointInterface.value()
                + (override != null ? ", imageEndpoint=" + override : "");
    }
}
