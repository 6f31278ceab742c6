package dev.imagesdk.images.internal.json;

import dev.imagesdk.images.model.ListOpts;
import dev.imagesdk.images.model.SortKey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Encodes {@link ListOpts} as the query of {@code GET /v2/images} (the wire encoding stays out of the API type). */
public final class ListOptsQuery {
    private ListOptsQuery() {
    }

    /** The query parameters in the order they are sent; names may repeat ({@code tag}, {@code sort_key}). */
    public static List<Map.Entry<String, String>> of(ListOpts opts) {
        List<Map.Entry<String, String>> q = new ArrayList<>();
        add(q, "limit", opts.limit());
        add(q, "marker", opts.marker());
        add(q, "id", opts.idFilter());
        add(q, "name", opts.nameFilter());
        add(q, "owner", opts.owner());
        add(q, "status", opts.statusFilter());
        add(q, "visibility", opts.visibilityFilter());
        add(q, "member_status", opts.memberStatusFilter());
        add(q, "os_hidden", opts.hidden());
        add(q, "protected", opts.isProtected());
        for (String t : opts.tags()) {
            add(q, "tag", t);
        }
        add(q, "size_min", opts.sizeMin());
        add(q, "size_max", opts.sizeMax());
        add(q, "container_format", opts.containerFormatFilter());
        add(q, "disk_format", opts.diskFormatFilter());
        add(q, "created_at", opts.createdAt() == null ? null : opts.createdAt().toQueryValue());
        add(q, "updated_at", opts.updatedAt() == null ? null : opts.updatedAt().toQueryValue());
        add(q, "checksum", opts.checksum());
        add(q, "os_hash_value", opts.osHashValue());
        opts.propertyFilters().forEach((k, v) -> add(q, k, v));
        if (!opts.sortKeys().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (SortKey k : opts.sortKeys()) {
                sb.append(sb.length() == 0 ? "" : ",").append(k);
            }
            add(q, "sort", sb.toString());
        }
        for (SortKey k : opts.classicSortKeys()) {
            add(q, "sort_key", k.attribute());
            add(q, "sort_dir", k.direction() == null ? null : k.direction().value());
        }
        return Collections.unmodifiableList(q);
    }

    private static void add(List<Map.Entry<String, String>> q, String name, Object value) {
        if (value != null) {
            q.add(Map.entry(name, String.valueOf(value)));
        }
    }
}
