package dev.imagesdk.images.importing;

import dev.imagesdk.core.internal.Arguments;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One store of a multi-store Glance ({@code GET /v2/info/stores}; {@code /detail} adds type and
 * properties for admins). Glance marks the default store with the string {@code "true"}.
 */
public final class StoreInfo {
    private final String id;
    private final String description;
    private final boolean isDefault;
    private final boolean readOnly;
    private final String type;
    private final Map<String, Object> properties;

    /**
     * @param id store id
     * @param description operator's description, or {@code null}
     * @param isDefault whether it is the default store
     * @param readOnly whether the store is read-only
     * @param type store driver type (detail only), or {@code null}
     * @param properties driver properties (detail only), may be empty
     */
    public StoreInfo(String id, String description, boolean isDefault, boolean readOnly, String type,
                     Map<String, Object> properties) {
        this.id = Arguments.notNull(id, "id");
        this.description = description;
        this.isDefault = isDefault;
        this.readOnly = readOnly;
        this.type = type;
        this.properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The store id, as used in {@code stores} and {@code X-Image-Meta-Store}. */
    public String id() {
        return id;
    }

    /** The operator's description. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** Whether data goes here when no store is named. */
    public boolean isDefault() {
        return isDefault;
    }

    /** Whether the store refuses new data. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** The driver type ({@code file}, {@code rbd}, ...), from the admin-only detail listing. */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** Driver properties from the admin-only detail listing. */
    public Map<String, Object> properties() {
        return properties;
    }

    @Override
    public String toString() {
        return "StoreInfo{" + id + (isDefault ? ", default" : "") + "}";
    }
}
