package dev.imagesdk.testing.contract;

import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;

/** {@link GlanceLimitsContract} on an emulator configured with the limits of the limits Glance of {@code scripts/it-env.sh}. */
class EmulatorLimitsContractTest implements GlanceLimitsContract {
    private static ImageServiceEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = ImageServiceEmulator.builder().importDelay(Duration.ofMillis(50))
                .imageSizeCap(1_048_576).userStorageQuota(3_145_728)
                .imagePropertyQuota(4).imageTagQuota(3).imageMemberQuota(2).start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Override
    public String limitsEndpoint() {
        return emulator.endpoint().toString();
    }
}
