package dev.imagesdk.testing.internal.emulator.glance;

import dev.imagesdk.testing.internal.emulator.store.EmulatorState;
import dev.imagesdk.testing.internal.emulator.store.ImageRecord;
import dev.imagesdk.testing.internal.emulator.store.MemberRecord;
import dev.imagesdk.testing.internal.emulator.store.TaskRecord;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON documents Glance answers with, key for key and in Glance's key order. */
public final class Views {
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private Views() {
    }

    /** {@code 2026-11-22T12:50:30Z}: the image/member timestamp format (seconds, zone Z). */
    public static String seconds(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code 2026-11-24T12:50:39.882172}: the format of {@code GET /v2/images/{id}/tasks} (no zone). */
    public static String micros(Instant t) {
        return t == null ? null : MICROS.format(t);
    }

    /**
     * An image: custom properties first, then the core attributes, then links; {@code stores} only with
     * data, and not while deactivated (Glance hides the locations it derives them from, except from an admin).
     */
    public static Map<String, Object> image(ImageRecord r) {
        return image(r, null);
    }

    /**
     * Like {@link #image(ImageRecord)}, with the tags in the order {@code state} hands out unordered sets,
     * and, when {@code state} shows locations ({@code show_multiple_locations}), the {@code locations}.
     */
    public static Map<String, Object> image(ImageRecord r, EmulatorState state) {
        return image(r, state, null, false);
    }

    /**
     * Like {@link #image(ImageRecord, EmulatorState)} with {@code locations} shown instead of the stored
     * ones (a PATCH answer shows the locations in the order the request left them, with the
     * {@code validation_data} just sent; {@code null}: the stored ones). Only an {@code admin} sees the
     * locations (and so the stores) of a deactivated image; Glance shows {@code []} to anyone else.
     */
    public static Map<String, Object> image(ImageRecord r, EmulatorState state, List<Map<String, Object>> locations,
                                            boolean admin) {
        Map<String, Object> m = new LinkedHashMap<>(r.properties);
        m.put("name", r.name);
        m.put("disk_format", r.diskFormat);
        m.put("container_format", r.containerFormat);
        m.put("visibility", r.visibility);
        m.put("size", r.size);
        m.put("virtual_size", r.virtualSize);
        m.put("status", r.status);
        m.put("checksum", r.checksum);
        m.put("protected", r.isProtected);
        m.put("min_ram", r.minRam);
        m.put("min_disk", r.minDisk);
        m.put("owner", r.owner);
        m.put("os_hidden", r.osHidden);
        m.put("os_hash_algo", r.osHashAlgo);
        m.put("os_hash_value", r.osHashValue);
        m.put("id", r.id);
        m.put("created_at", seconds(r.createdAt));
        m.put("updated_at", seconds(r.updatedAt));
        boolean hidden = r.status.equals("deactivated") && !admin; // Glance forbids reading them: shown as none
        if (state != null && state.showsLocations()) {
            if (hidden) {
                m.put("locations", new ArrayList<>());
            } else {
                m.put("locations", locations != null ? locations : locations(r));
            }
        }
        m.put("tags", state == null ? new ArrayList<>(r.tags) : state.unorderedView(r.tags));
        m.put("self", "/v2/images/" + r.id);
        m.put("file", "/v2/images/" + r.id + "/file");
        m.put("schema", "/v2/schemas/image");
        if (!r.stores().isEmpty() && !hidden) {
            m.put("stores", String.join(",", r.stores()));
        }
        return m;
    }

    /** An image's stored locations as Glance shows them: url and metadata (no id, no status). */
    public static List<Map<String, Object>> locations(ImageRecord r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ImageRecord.Location l : r.locations) {
            out.add(location(l, null));
        }
        return out;
    }

    /** One location as Glance shows it, with the {@code validation_data} sent with it ({@code null}: none). */
    public static Map<String, Object> location(ImageRecord.Location l, Object validationData) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", l.url);
        m.put("metadata", new LinkedHashMap<>(l.metadata));
        if (validationData != null) {
            m.put("validation_data", validationData);
        }
        return m;
    }

    /** A membership as Glance shows it. */
    public static Map<String, Object> member(MemberRecord m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("member_id", m.memberId);
        out.put("image_id", m.imageId);
        out.put("status", m.status);
        out.put("created_at", seconds(m.createdAt));
        out.put("updated_at", seconds(m.updatedAt));
        out.put("schema", "/v2/schemas/member");
        return out;
    }

    /** A task as {@code GET /v2/tasks/{id}} shows it. */
    public static Map<String, Object> task(TaskRecord t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id);
        m.put("input", t.input);
        m.put("type", t.type);
        m.put("status", t.status);
        m.put("owner", t.owner);
        m.put("message", t.message);
        m.put("result", t.result);
        m.put("created_at", seconds(t.createdAt));
        m.put("updated_at", seconds(t.updatedAt));
        m.put("self", "/v2/tasks/" + t.id);
        m.put("schema", "/v2/schemas/task");
        if (t.imageId != null) {
            m.put("image_id", t.imageId);
        }
        m.put("request_id", t.requestId);
        m.put("user_id", t.userId);
        if (t.expiresAt != null) {
            m.put("expires_at", seconds(t.expiresAt));
        }
        return m;
    }

    /** A task as {@code GET /v2/tasks} lists it (no input, result or message). */
    public static Map<String, Object> taskSummary(TaskRecord t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id);
        m.put("type", t.type);
        m.put("status", t.status);
        m.put("owner", t.owner);
        m.put("created_at", seconds(t.createdAt));
        m.put("updated_at", seconds(t.updatedAt));
        m.put("self", "/v2/tasks/" + t.id);
        m.put("schema", "/v2/schemas/task");
        if (t.expiresAt != null) {
            m.put("expires_at", seconds(t.expiresAt));
        }
        return m;
    }

    /** A task as {@code GET /v2/images/{id}/tasks} shows it (database row: microseconds, deleted flags). */
    public static Map<String, Object> imageTask(TaskRecord t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id);
        m.put("type", t.type);
        m.put("status", t.status);
        m.put("owner", t.owner);
        m.put("expires_at", micros(t.expiresAt));
        m.put("created_at", micros(t.createdAt));
        m.put("updated_at", micros(t.updatedAt));
        m.put("deleted_at", null);
        m.put("deleted", false);
        m.put("image_id", t.imageId);
        m.put("request_id", t.requestId);
        m.put("user_id", t.userId);
        m.put("input", t.input);
        m.put("result", t.result);
        m.put("message", t.message);
        return m;
    }
}
