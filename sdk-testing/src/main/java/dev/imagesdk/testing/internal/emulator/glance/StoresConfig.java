package dev.imagesdk.testing.internal.emulator.glance;

import java.util.List;

/**
 * The emulated multi-store setup, as the reference Glance runs it: stores {@code fast} (default) and
 * {@code cheap}, import methods {@code glance-direct} and {@code copy-image}.
 */
public record StoresConfig(List<String> ids, String defaultStore, List<String> importMethods) {
    /** The reference configuration. */
    public static StoresConfig reference() {
        return new StoresConfig(List.of("fast", "cheap"), "fast", List.of("glance-direct", "copy-image"));
    }

    /** The description Glance shows for store {@code id}. */
    public String description(String id) {
        switch (id) {
            case "fast": return "Fast local filesystem store";
            case "cheap": return "Cheap local filesystem store";
            default: return id + " store";
        }
    }
}
