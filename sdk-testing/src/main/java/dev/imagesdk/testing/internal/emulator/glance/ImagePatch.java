package dev.imagesdk.testing.internal.emulator.glance;

import dev.imagesdk.testing.internal.emulator.http.Caller;
import dev.imagesdk.testing.internal.emulator.http.GlanceError;
import dev.imagesdk.testing.internal.emulator.store.ImageRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Glance's JSON-patch dialect: ops {@code add} (an upsert), {@code remove}, {@code replace} on
 * top-level paths; {@code replace}/{@code remove} of a missing property → 409; read-only → 403;
 * anything else → 400. All ops apply or none do.
 */
final class ImagePatch {
    private static final Set<String> OPS = Set.of("add", "remove", "replace");
    private static final Set<String> NOT_REMOVABLE = Set.of("id", "name", "visibility", "protected", "os_hidden",
            "min_ram", "min_disk", "disk_format", "container_format", "owner");

    private ImagePatch() {
    }

    /**
     * One operation; {@code position} is the second segment of a {@code /locations/N} pointer (the
     * attribute is then {@code locations}), else {@code null}.
     */
    record Op(String op, String attribute, Object value, boolean hasValue, String position) {
        boolean onLocations() {
            return attribute.equals("locations");
        }
    }

    static List<Op> parse(Object body, boolean draft10) {
        return parse(body, draft10, false);
    }

    /** The operations of a patch body; location ops are served only when {@code showLocations}. */
    static List<Op> parse(Object body, boolean draft10, boolean showLocations) {
        if (!(body instanceof List)) {
            throw GlanceError.badRequest("Request body must be a JSON array of operation objects.");
        }
        List<Op> ops = new ArrayList<>();
        for (Object o : (List<?>) body) {
            if (!(o instanceof Map)) {
                throw GlanceError.badRequest("Operations must be JSON objects.");
            }
            Map<?, ?> m = (Map<?, ?>) o;
            String op;
            Object path;
            if (draft10) {
                List<String> present = new ArrayList<>();
                for (String name : List.of("add", "remove", "replace")) {
                    if (m.containsKey(name)) {
                        present.add(name);
                    }
                }
                if (present.size() != 1) {
                    throw GlanceError.badRequest("Operation objects must contain exactly one member named "
                            + "\"add\", \"remove\", or \"replace\".");
                }
                op = present.get(0);
                path = m.get(op);
            } else {
                Object name = m.get("op");
                if (!(name instanceof String)) {
                    throw GlanceError.badRequest("Unable to find 'op' in JSON Schema change");
                }
                op = (String) name;
                if (!OPS.contains(op)) {
                    throw GlanceError.badRequest("Invalid operation: `" + op
                            + "`. It must be one of the following: add, remove, replace.");
                }
                path = m.get("path");
            }
            if (!(path instanceof String)) {
                throw GlanceError.badRequest("Unable to find 'path' in JSON Schema change");
            }
            boolean hasValue = m.containsKey("value");
            if (!op.equals("remove") && !hasValue) {
                throw GlanceError.badRequest("Unable to find 'value' in JSON Schema change");
            }
            if (((String) path).equals("/locations") || ((String) path).startsWith("/locations/")) {
                if (!showLocations) {
                    throw hiddenLocations(op, (String) path, m.get("value"));
                }
                String[] parts = ((String) path).split("/", -1);
                if (parts.length - 1 != (op.equals("replace") ? 1 : 2)) {
                    throw GlanceError.badRequest("Invalid JSON pointer for this resource: '" + path + "'");
                }
                LocationPatch.checkSchema(op, m.get("value"));
                ops.add(new Op(op, "locations", m.get("value"), hasValue, parts.length > 2 ? parts[2] : null));
                continue;
            }
            String attribute = attribute((String) path);
            ImageSchema.checkWritable(attribute, true);
            if (attribute.equals("id")) {
                throw GlanceError.forbidden("Attribute 'id' is read-only.");
            }
            ops.add(new Op(op, attribute, m.get("value"), hasValue, null));
        }
        return ops;
    }

    /**
     * Glance's answer to a location operation while it hides locations ({@code show_multiple_locations =
     * false}, its default, and the emulator's default): a pointer of the wrong depth for the op (add and
     * remove take {@code /locations/N}, replace takes {@code /locations}) is 400, replacing with an empty
     * list 403 "Cannot set locations to empty list.", anything else 403. So Glance's location quota
     * ({@code image_location_quota}) cannot be reached either.
     */
    private static GlanceError hiddenLocations(String op, String pointer, Object value) {
        int depth = pointer.split("/", -1).length - 1;
        if (depth != (op.equals("replace") ? 1 : 2)) {
            return GlanceError.badRequest("Invalid JSON pointer for this resource: '" + pointer + "'");
        }
        switch (op) {
            case "add":
                return GlanceError.forbidden("It's not allowed to add locations if locations are invisible.");
            case "remove":
                return GlanceError.forbidden("It's not allowed to remove locations if locations are invisible.");
            default:
                if (value instanceof List && ((List<?>) value).isEmpty()) {
                    return GlanceError.withDetail(403, "Access was denied to this resource.",
                            "Cannot set locations to empty list.");
                }
                return GlanceError.forbidden("It's not allowed to update locations if locations are invisible.");
        }
    }

    /** The top-level attribute of a JSON pointer ({@code /name}); deeper pointers are refused. */
    private static String attribute(String pointer) {
        if (!pointer.startsWith("/") || pointer.length() < 2) {
            throw GlanceError.badRequest("Pointer `" + pointer + "` does not start with \"/\".");
        }
        String rest = pointer.substring(1);
        if (rest.contains("/")) {
            throw GlanceError.badRequest("Nested paths are not allowed");
        }
        return rest.replace("~1", "/").replace("~0", "~");
    }

    /** Applies every op to a copy of {@code r}'s attributes and commits only if all succeed (lock held). */
    static void apply(Caller who, ImageRecord r, List<Op> ops, Quotas quotas) {
        apply(who, r, ops, quotas, null);
    }

    /**
     * Like {@link #apply(Caller, ImageRecord, List, Quotas)}, the location ops going to {@code locations}
     * (which the caller commits after this, when it returns normally).
     */
    static void apply(Caller who, ImageRecord r, List<Op> ops, Quotas quotas, LocationPatch locations) {
        ImageRecord draft = copy(r);
        boolean tagsSet = false;
        for (Op op : ops) {
            if (op.onLocations()) {
                switch (op.op()) {
                    case "add":
                        locations.add(op.position(), (Map<?, ?>) op.value());
                        break;
                    case "remove":
                        locations.remove(op.position());
                        break;
                    default:
                        locations.replace((List<?>) op.value());
                }
                continue;
            }
            boolean core = ImageSchema.WRITABLE_CORE.contains(op.attribute());
            switch (op.op()) {
                case "remove":
                    if (core) {
                        if (op.attribute().equals("tags")) {
                            draft.tags.clear();
                            break;
                        }
                        if (NOT_REMOVABLE.contains(op.attribute())) {
                            throw GlanceError.forbidden("Attribute '" + op.attribute() + "' cannot be removed.");
                        }
                    }
                    if (draft.properties.remove(op.attribute()) == null) {
                        throw missing(op.attribute());
                    }
                    break;
                case "replace":
                    if (!core && !draft.properties.containsKey(op.attribute())) {
                        throw missing(op.attribute());
                    }
                    set(who, draft, op);
                    break;
                default: // add = upsert
                    set(who, draft, op);
            }
            tagsSet |= op.attribute().equals("tags") && !op.op().equals("remove");
        }
        if (tagsSet) {
            quotas.checkTags(draft.tags.size());
        }
        if (!r.properties.keySet().containsAll(draft.properties.keySet())) {
            // Glance checks the property quota only when a save adds a new property
            quotas.checkProperties(ImagesApi.countedProperties(draft));
        }
        if (locations != null && locations.size() != null && locations.size() > quotas.imageSizeCap()) {
            // Glance 25 checks image_size_cap when saving the image and does not catch its own exception
            throw GlanceError.of(500, "The server has either erred or is incapable of performing the requested "
                    + "operation.");
        }
        commit(draft, r);
    }

    private static void set(Caller who, ImageRecord draft, Op op) {
        String a = op.attribute();
        if ((a.equals("disk_format") || a.equals("container_format")) && !draft.status.equals("queued")
                && !java.util.Objects.equals(op.value(), a.equals("disk_format") ? draft.diskFormat
                : draft.containerFormat)) {
            throw GlanceError.forbidden("Attribute " + a + " can be only replaced for a queued image.");
        }
        ImageSchema.apply(who, draft, a, op.value());
    }

    private static GlanceError missing(String attribute) {
        return GlanceError.withDetail(409, "There was a conflict when trying to complete your request.",
                "Property " + attribute + " does not exist.");
    }

    private static ImageRecord copy(ImageRecord r) {
        ImageRecord d = new ImageRecord(r.id);
        commit(r, d);
        d.status = r.status;
        return d;
    }

    private static void commit(ImageRecord from, ImageRecord to) {
        to.name = from.name;
        to.diskFormat = from.diskFormat;
        to.containerFormat = from.containerFormat;
        to.visibility = from.visibility;
        to.isProtected = from.isProtected;
        to.osHidden = from.osHidden;
        to.minRam = from.minRam;
        to.minDisk = from.minDisk;
        to.owner = from.owner;
        to.tags.clear();
        to.tags.addAll(from.tags);
        to.properties.clear();
        to.properties.putAll(from.properties);
    }
}
