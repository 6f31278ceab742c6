package dev.imagesdk.testing.contract;

/** A server that shows image locations, as the location contracts ({@link GlanceLocationsWireContract}, {@link ImageLocationsContract}) need it. */
public interface LocationsTarget {
    /** The service root of a server that shows locations. */
    String locationsEndpoint();

    /** Its release (the emulator: 25.1). */
    default GlanceRelease locationsRelease() {
        return GlanceRelease.GLANCE_25;
    }
}
