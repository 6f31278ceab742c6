package dev.imagesdk.benchmarks.canned;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Glance-shaped image records and listing pages for the canned server and the decode benchmark.
 *
 * <p>One record is the active image recorded from the real Glance 25 in
 * {@code shared/glance/transcript.md} (the one with the custom properties {@code os_distro} and
 * {@code new_prop}), extended by a few more custom properties that clouds commonly set, serialized
 * the way Glance does it (Python {@code json.dumps}: {@code ", "} and {@code ": "} separators,
 * custom properties before the core attributes). About 1 KB per image.
 */
public final class CannedImages {
    /** Owner (project id) written into every record. */
    public static final String OWNER = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    /** Custom properties every record carries, in order (besides the ones derived from the index). */
    public static final String[][] CUSTOM_PROPERTIES = {
        {"os_distro", "ubuntu"}, {"os_version", "24.04"}, {"hw_disk_bus", "virtio"},
        {"hw_scsi_model", "virtio-scsi"}, {"owner_team", "platform-images"}, {"new_prop", "v2"},
    };
    private static final String MD5 = "1b4f32fec01099dc12297c451826146f";
    private static final String SHA512 = "9f94a117a6c6998fb8ae83af02e380f4c38af3a9550a2668bd4ff5721a3d6b14"
            + "1a97951886046279b2792d449a99b67bf5c73375d64ec25a9fbf36081e5b6c98";

    private CannedImages() {
    }

    /** The id of listing image {@code index} in data set {@code set} (a stable, well-formed UUID). */
    public static String id(String set, int index) {
        return UUID.nameUUIDFromBytes((set + "/" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** One listing record, as Glance writes it. */
    public static String record(String set, int index) {
        return record(id(set, index), String.format("bench-%s-%06d", set, index), 1_073_741_824L, MD5, SHA512, index);
    }

    /**
     * One record with the given data: used for the images the canned server serves files of.
     *
     * @param id image id
     * @param name image name
     * @param size size in bytes
     * @param md5 hex MD5 of the data (Glance's {@code checksum})
     * @param sha512 hex SHA-512 of the data ({@code os_hash_value})
     * @param serial varies the build id and timestamps
     */
    public static String record(String id, String name, long size, String md5, String sha512, int serial) {
        StringBuilder b = new StringBuilder(1100);
        b.append('{');
        for (String[] p : CUSTOM_PROPERTIES) {
            b.append('"').append(p[0]).append("\": \"").append(p[1]).append("\", ");
        }
        b.append("\"build_id\": \"build-").append(String.format("%08d", serial)).append("\", ");
        b.append("\"name\": \"").append(name).append("\", ");
        b.append("\"disk_format\": \"qcow2\", \"container_format\": \"bare\", \"visibility\": \"private\", ");
        b.append("\"size\": ").append(size).append(", \"virtual_size\": ").append(size * 10).append(", ");
        b.append("\"status\": \"active\", \"checksum\": \"").append(md5).append("\", \"protected\": false, ");
        b.append("\"min_ram\": 1024, \"min_disk\": 10, \"owner\": \"").append(OWNER).append("\", \"os_hidden\": false, ");
        b.append("\"os_hash_algo\": \"sha512\", \"os_hash_value\": \"").append(sha512).append("\", ");
        b.append("\"id\": \"").append(id).append("\", ");
        String created = String.format("2026-11-%02dT%02d:%02d:%02dZ", 1 + (serial / 86400) % 28, (serial / 3600) % 24,
                (serial / 60) % 60, serial % 60);
        b.append("\"created_at\": \"").append(created).append("\", \"updated_at\": \"").append(created).append("\", ");
        b.append("\"tags\": [\"bench\", \"linux\"], ");
        b.append("\"self\": \"/v2/images/").append(id).append("\", ");
        b.append("\"file\": \"/v2/images/").append(id).append("/file\", ");
        b.append("\"schema\": \"/v2/schemas/image\", \"stores\": \"fast\"}");
        return b.toString();
    }

    /**
     * Page {@code pageIndex} of a listing of {@code total} images in pages of {@code limit}, with the
     * {@code next} link Glance would write ({@code /v2/images?limit=L&marker=<last id>}) unless it is the
     * last page.
     */
    public static String page(String set, int total, int limit, int pageIndex) {
        int from = pageIndex * limit;
        int to = Math.min(total, from + limit);
        StringBuilder b = new StringBuilder((to - from) * 1100 + 200);
        b.append("{\"images\": [");
        for (int i = from; i < to; i++) {
            if (i > from) {
                b.append(", ");
            }
            b.append(record(set, i));
        }
        b.append("], \"first\": \"/v2/images?limit=").append(limit).append("\", \"schema\": \"/v2/schemas/images\"");
        if (to < total) {
            b.append(", \"next\": \"").append(nextLink(set, limit, to - 1)).append('"');
        }
        b.append('}');
        return b.toString();
    }

    /** Number of pages of a listing of {@code total} images in pages of {@code limit} (at least one). */
    public static int pageCount(int total, int limit) {
        return Math.max(1, (total + limit - 1) / limit);
    }

    /** The next link after the page whose last image has index {@code lastIndex}. */
    public static String nextLink(String set, int limit, int lastIndex) {
        return "/v2/images?limit=" + limit + "&marker=" + id(set, lastIndex);
    }
}
