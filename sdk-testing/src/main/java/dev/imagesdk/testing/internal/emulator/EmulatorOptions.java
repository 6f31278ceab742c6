package dev.imagesdk.testing.internal.emulator;

import dev.imagesdk.testing.internal.emulator.glance.Quotas;

import java.time.Duration;
import java.util.Map;

/**
 * The emulator's Glance-side settings: how long an import takes, Glance's quotas, whether what Glance
 * leaves unordered is shuffled (seed, or {@code null} for insertion order), store descriptions, and
 * whether image locations are shown ({@code show_multiple_locations}, with the read-only http store).
 */
public record EmulatorOptions(Duration importDelay, Quotas quotas, Long shuffleSeed,
                              Map<String, String> storeDescriptions, boolean showMultipleLocations) {
    public EmulatorOptions {
        storeDescriptions = Map.copyOf(storeDescriptions);
    }

    /** Defaults with this import delay. */
    public static EmulatorOptions of(Duration importDelay) {
        return new EmulatorOptions(importDelay, Quotas.defaults(), null, Map.of(), false);
    }
}
