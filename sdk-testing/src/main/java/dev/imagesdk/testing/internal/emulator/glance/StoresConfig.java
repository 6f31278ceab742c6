package dev.imagesdk.testing.internal.emulator.glance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulated multi-store setup, as the reference Glance runs it: stores {@code fast} (default) and
 * {@code cheap}, import methods {@code glance-direct} and {@code copy-image}, and each store's
 * {@code store_description}.
 */
public record StoresConfig(List<String> ids, String defaultStore, List<String> importMethods,
                           Map<String, String> descriptions) {
    /** Glance's internal stores, announced in {@code OpenStack-image-store-ids} once data went through them. */
    public static final List<String> INTERNAL = List.of("os_glance_staging_store", "os_glance_tasks_store");

    public StoresConfig {
        ids = List.copyOf(ids);
        importMethods = List.copyOf(importMethods);
        descriptions = Map.copyOf(descriptions);
    }

    /** The reference configuration (descriptions as in the reference Glance's {@code glance-api.conf}). */
    public static StoresConfig reference() {
        return reference(Map.of());
    }

    /** The reference configuration with some store descriptions replaced. */
    public static StoresConfig reference(Map<String, String> descriptions) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("fast", "Fast store (local file system)");
        d.put("cheap", "Cheap store (local file system)");
        d.putAll(descriptions);
        return new StoresConfig(List.of("fast", "cheap"), "fast", List.of("glance-direct", "copy-image"), d);
    }

    /** The description Glance shows for store {@code id} ({@code store_description}). */
    public String description(String id) {
        return descriptions.getOrDefault(id, id + " store");
    }
}
