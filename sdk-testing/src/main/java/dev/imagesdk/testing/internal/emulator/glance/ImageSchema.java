package dev.imagesdk.testing.internal.emulator.glance;

import dev.imagesdk.testing.internal.emulator.http.Caller;
import dev.imagesdk.testing.internal.emulator.http.GlanceError;
import dev.imagesdk.testing.internal.emulator.http.Json;
import dev.imagesdk.testing.internal.emulator.store.ImageRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Glance's image schema rules: which attributes are read-only or reserved, the type and enum of each
 * writable core attribute, and string-only custom properties, with Glance's error messages.
 */
public final class ImageSchema {
    static final Set<String> READ_ONLY = Set.of("status", "checksum", "os_hash_algo", "os_hash_value", "size",
            "virtual_size", "created_at", "updated_at", "self", "file", "schema", "direct_url", "stores", "locations");
    static final Set<String> WRITABLE_CORE = Set.of("id", "name", "visibility", "protected", "os_hidden", "min_ram",
            "min_disk", "disk_format", "container_format", "tags", "owner");
    static final List<String> DISK_FORMATS =
            Arrays.asList(null, "ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop");
    static final List<String> CONTAINER_FORMATS =
            Arrays.asList(null, "ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed");
    static final List<String> VISIBILITIES = List.of("community", "public", "private", "shared");
    static final Pattern UUID = Pattern.compile(
            "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$");

    private ImageSchema() {
    }

    /** 403 for read-only attributes and reserved {@code os_glance_*} properties, worded as on create. */
    static void checkWritable(String attribute) {
        checkWritable(attribute, false);
    }

    /**
     * 403 for read-only attributes and reserved {@code os_glance_*} properties; Glance words a reserved
     * one differently in a patch ({@code "Attribute 'x' is reserved."}) than on create (a generic
     * "Access was denied" with that line as detail).
     */
    static void checkWritable(String attribute, boolean patch) {
        if (READ_ONLY.contains(attribute)) {
            throw GlanceError.forbidden("Attribute '" + attribute + "' is read-only.");
        }
        if (attribute.startsWith("os_glance")) {
            throw patch ? GlanceError.forbidden("Attribute '" + attribute + "' is reserved.")
                    : GlanceError.withDetail(403, "Access was denied to this resource.",
                    "Attribute '" + attribute + "' is reserved.");
        }
    }

    private static GlanceError schemaError(String what, String validator, String where, String schema,
                                           String attribute, Object value) {
        return GlanceError.badRequest("Provided object does not match schema 'image': " + what
                + "\n\nFailed validating '" + validator + "' in schema" + where + ":\n    " + schema
                + "\n\nOn instance['" + attribute + "']:\n    " + Json.repr(value));
    }

    private static String pyList(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.add(v == null ? "None" : "'" + v + "'");
        }
        return "[" + String.join(", ", out) + "]";
    }

    /**
     * Validates {@code value} for {@code attribute} and stores it on {@code r}. Core attributes are
     * typed; anything else is a custom property whose value must be a string.
     */
    static void apply(Caller who, ImageRecord r, String attribute, Object value) {
        String where = "['properties']['" + attribute + "']";
        switch (attribute) {
            case "id":
                if (!(value instanceof String) || !UUID.matcher((String) value).matches()) {
                    throw schemaError(Json.repr(value) + " does not match '" + UUID.pattern() + "'", "pattern",
                            where, "{'type': 'string'}", attribute, value);
                }
                return; // set by the caller
            case "name":
                r.name = nullableString(attribute, value, 255, where);
                return;
            case "visibility":
                if (!VISIBILITIES.contains(value)) {
                    throw schemaError(Json.repr(value) + " is not one of " + pyList(VISIBILITIES), "enum", where,
                            "{'type': 'string', 'enum': " + pyList(VISIBILITIES) + "}", attribute, value);
                }
                if (value.equals("public") && !who.isAdmin()) {
                    throw GlanceError.policy("publicize_image");
                }
                r.visibility = (String) value;
                return;
            case "protected":
                r.isProtected = bool(attribute, value, where);
                return;
            case "os_hidden":
                r.osHidden = bool(attribute, value, where);
                return;
            case "min_ram":
                r.minRam = integer(attribute, value, where);
                return;
            case "min_disk":
                r.minDisk = integer(attribute, value, where);
                return;
            case "disk_format":
                r.diskFormat = format(attribute, value, DISK_FORMATS, where);
                return;
            case "container_format":
                r.containerFormat = format(attribute, value, CONTAINER_FORMATS, where);
                return;
            case "tags":
                r.tags.clear();
                r.tags.addAll(tags(value));
                return;
            case "owner":
                String owner = nullableString(attribute, value, 255, where);
                if (!who.isAdmin() && !who.projectId().equals(owner)) {
                    throw GlanceError.forbidden("You are not permitted to modify 'owner' on this image.");
                }
                r.owner = owner;
                return;
            default:
                if (attribute.length() > 255) {
                    throw GlanceError.badRequest("Provided object does not match schema 'image': property name "
                            + "too long");
                }
                if (!(value instanceof String)) {
                    throw schemaError(Json.repr(value) + " is not of type 'string'", "type", "['additionalProperties']",
                            "{'type': 'string'}", attribute, value);
                }
                r.properties.put(attribute, (String) value);
        }
    }

    private static String nullableString(String attribute, Object value, int maxLength, String where) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String)) {
            throw schemaError(Json.repr(value) + " is not of type 'null', 'string'", "type", where,
                    "{'type': ['null', 'string'], 'maxLength': " + maxLength + "}", attribute, value);
        }
        if (((String) value).length() > maxLength) {
            throw schemaError(Json.repr(value) + " is too long", "maxLength", where,
                    "{'type': ['null', 'string'], 'maxLength': " + maxLength + "}", attribute, value);
        }
        return (String) value;
    }

    private static boolean bool(String attribute, Object value, String where) {
        if (!(value instanceof Boolean)) {
            throw schemaError(Json.repr(value) + " is not of type 'boolean'", "type", where,
                    "{'type': 'boolean'}", attribute, value);
        }
        return (Boolean) value;
    }

    private static long integer(String attribute, Object value, String where) {
        if (!Json.isInteger(value)) {
            String description = attribute.equals("min_ram") ? "Amount of ram (in MB) required to boot image."
                    : "Amount of disk space (in GB) required to boot image.";
            throw schemaError(Json.repr(value) + " is not of type 'integer'", "type", where,
                    "{'description': '" + description + "',\n     'type': 'integer'}", attribute, value);
        }
        long v = ((Number) value).longValue();
        if (v < 0) {
            throw GlanceError.badRequest("Cannot set " + attribute + " to a negative value.");
        }
        return v;
    }

    private static String format(String attribute, Object value, List<String> allowed, String where) {
        if (!allowed.contains(value)) {
            throw schemaError(Json.repr(value) + " is not one of " + pyList(allowed), "enum", where,
                    "{'type': ['null', 'string'], 'enum': " + pyList(allowed) + "}", attribute, value);
        }
        return (String) value;
    }

    static Set<String> tags(Object value) {
        if (!(value instanceof List)) {
            throw schemaError(Json.repr(value) + " is not of type 'array'", "type", "['properties']['tags']",
                    "{'type': 'array'}", "tags", value);
        }
        Set<String> out = new LinkedHashSet<>();
        for (Object t : (List<?>) value) {
            if (!(t instanceof String)) {
                throw schemaError(Json.repr(t) + " is not of type 'string'", "type",
                        "['properties']['tags']['items']", "{'type': 'string', 'maxLength': 255}", "tags", t);
            }
            if (((String) t).length() > 255) {
                throw schemaError(Json.repr(t) + " is too long", "maxLength", "['properties']['tags']['items']",
                        "{'type': 'string', 'maxLength': 255}", "tags", t);
            }
            out.add((String) t);
        }
        return out;
    }
}
