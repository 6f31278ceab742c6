package dev.imagesdk.examples.cli;

import dev.imagesdk.examples.cli.output.Record;
import dev.imagesdk.images.model.Image;

import java.util.List;
import java.util.Map;

/** How images appear in imagectl's output: field names as Glance spells them. */
final class ImageViews {
    /** Columns of {@code images list -f tabulated}; JSON and YAML carry every field. */
    static final List<String> LIST_COLUMNS = List.of("id", "name", "status", "visibility", "size", "disk_format", "owner");

    private ImageViews() {
    }

    /** Every attribute of an image, core attributes first, then its custom properties. */
    static Record record(Image image) {
        Record r = Record.of()
                .put("id", image.id())
                .put("name", image.name())
                .put("status", image.status())
                .put("visibility", image.visibility())
                .put("protected", image.isProtected())
                .put("os_hidden", image.isHidden())
                .put("size", image.size())
                .put("virtual_size", image.virtualSize())
                .put("disk_format", image.diskFormat())
                .put("container_format", image.containerFormat())
                .put("min_disk", image.minDisk())
                .put("min_ram", image.minRam())
                .put("checksum", image.checksum())
                .put("os_hash_algo", image.osHashAlgo())
                .put("os_hash_value", image.osHashValue())
                .put("owner", image.owner())
                .put("tags", image.tags())
                .put("stores", image.stores())
                .put("created_at", image.createdAt())
                .put("updated_at", image.updatedAt());
        for (Map.Entry<String, Object> p : image.properties().entrySet()) {
            if (r.fields().containsKey(p.getKey())) {
                continue;
            }
            r.put(p.getKey(), p.getValue());
        }
        return r;
    }
}
