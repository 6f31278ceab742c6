package dev.imagesdk.testing.internal.emulator.glance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulated multi-store setup, as the reference Glance runs it: stores {@code fast} (default) and
 * {@code cheap}, import methods {@code glance-direct} and {@code copy-image}, each store's
 * {@code store_description}, and, with locations shown, the read-only http store {@code web}
 * ({@code readOnly}: stores that hold no data of their own, only external locations).
 */
public record StoresConfig(List<String> ids, String defaultStore, List<String> importMethods,
                           Map<String, String> descriptions, List<String> readOnly) {
    /** The read-only http store of a Glance that shows locations ({@code enabled_backends = ..., web:http}). */
    public static final String WEB = "web";

    /** Glance's internal stores, announced in {@code OpenStack-image-store-ids} once data went through them. */
    public static final List<String> INTERNAL = List.of("os_glance_staging_store", "os_glance_tasks_store");

    public StoresConfig {
        ids = List.copyOf(ids);
        importMethods = List.copyOf(importMethods);
        descriptions = Map.copyOf(descriptions);
        readOnly = List.copyOf(readOnly);
    }

    /** The reference configuration (descriptions as in the reference Glance's {@code glance-api.conf}). */
    public static StoresConfig reference() {
        return reference(Map.of());
    }

    /** The reference configuration with some store descriptions replaced. */
    public static StoresConfig reference(Map<String, String> descriptions) {
        return reference(descriptions, false);
    }

    /** The reference configuration, with the read-only http store {@code web} when {@code showLocations}. */
    public static StoresConfig reference(Map<String, String> descriptions, boolean showLocations) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("fast", "Fast store (local file system)");
        d.put("cheap", "Cheap store (local file system)");
        if (showLocations) {
            d.put(WEB, "Web store (read-only http locations)");
        }
        d.putAll(descriptions);
        return new StoresConfig(List.of("fast", "cheap"), "fast", List.of("glance-direct", "copy-image"), d,
                showLocations ? List.of(WEB) : List.of());
    }

    /** Every configured store, as {@code enabled_backends} lists them: the file stores, then the read-only ones. */
    public List<String> announced() {
        List<String> all = new java.util.ArrayList<>(ids);
        all.addAll(readOnly);
        return all;
    }

    /** The description Glance shows for store {@code id} ({@code store_description}). */
    public String description(String id) {
        return descriptions.getOrDefault(id, id + " store");
    }
}
