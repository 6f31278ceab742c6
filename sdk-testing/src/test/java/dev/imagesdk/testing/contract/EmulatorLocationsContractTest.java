package dev.imagesdk.testing.contract;

import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link GlanceLocationsWireContract} on an emulator that shows locations, with the limits of the limits Glance
 * of {@code scripts/it-env.sh} (which shows them too).
 */
class EmulatorLocationsContractTest implements GlanceLocationsWireContract, ImageLocationsContract {
    private static ImageServiceEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = ImageServiceEmulator.builder().showMultipleLocations(true)
                .imageSizeCap(1_048_576).userStorageQuota(3_145_728)
                .imagePropertyQuota(4).imageTagQuota(3).imageMemberQuota(2).imageLocationQuota(2).start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Override
    public String locationsEndpoint() {
        return emulator.endpoint().toString();
    }
}
