package dev.imagesdk.images.model;

import dev.imagesdk.core.error.ValidationException;

import java.util.Set;

/** The property names a client may not set as custom properties (checked before any request). */
final class ReservedNames {
    /** Attributes only the server sets; Glance answers 403 "Attribute 'x' is read-only". */
    static final Set<String> READ_ONLY = Set.of("status", "checksum", "os_hash_algo", "os_hash_value", "size",
            "virtual_size", "created_at", "updated_at", "file", "self", "schema", "direct_url", "stores",
            "deleted", "deleted_at");

    private ReservedNames() {
    }

    /**
     * Checks that {@code name} may be used as a custom property.
     *
     * @throws ValidationException for blank names, core attributes (which have typed setters),
     *         read-only attributes and Glance's reserved {@code os_glance_} prefix
     */
    static void checkCustomProperty(String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("property name must not be blank");
        }
        if (name.length() > 255) {
            throw new ValidationException("property name longer than 255 characters: " + name.substring(0, 40) + "…");
        }
        if (name.startsWith("os_glance")) {
            throw new ValidationException("property \"" + name + "\" is reserved: Glance keeps os_glance_* properties "
                    + "for itself and answers 403");
        }
        if (READ_ONLY.contains(name)) {
            throw new ValidationException("\"" + name + "\" is read-only: the server sets it");
        }
        if (Image.CORE_ATTRIBUTES.contains(name)) {
            throw new ValidationException("\"" + name + "\" is a core attribute: use its typed setter instead of a custom property");
        }
    }
}
