package dev.imagesdk.images.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.imagesdk.core.http.ApiResponse;
import dev.imagesdk.core.json.Timestamps;
import dev.imagesdk.images.ContainerFormat;
import dev.imagesdk.images.DiskFormat;
import dev.imagesdk.images.Image;
import dev.imagesdk.images.ImageStatus;
import dev.imagesdk.images.Visibility;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hand-written, tolerant JSON adapter for {@link Image}. Reading never fails on a wrong-typed value
 * (see {@link Image#decodingProblems()}); a JSON value that is not an object at all yields an image
 * without id whose only content is the problem. Writing produces Glance's shape: custom properties
 * first, then the core attributes, {@code stores} as a comma-separated string.
 */
public final class ImageJsonAdapter extends JsonAdapter<Image> {
    /** The shared instance (stateless, thread-safe). */
    public static final ImageJsonAdapter INSTANCE = new ImageJsonAdapter();

    private ImageJsonAdapter() {
    }

    @Override
    public Image fromJson(JsonReader reader) throws IOException {
        List<String> problems = new ArrayList<>();
        Image.Builder b = Image.builder();
        if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
            JsonReader.Token token = reader.peek();
            reader.skipValue();
            return b.decodingProblem("expected an image object but got " + JsonValues.describe(token)).build();
        }
        Lenient in = new Lenient(reader, problems);
        boolean sawId = false;
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            switch (name) {
                case "id": {
                    String id = in.string(name);
                    b.id(id);
                    sawId = id != null;
                    break;
                }
                case "name":
                    b.name(in.string(name));
                    break;
                case "status":
                    b.status(ImageStatus.of(in.string(name)));
                    break;
                case "visibility":
                    b.visibility(Visibility.of(in.string(name)));
                    break;
                case "protected":
                    b.isProtected(in.bool(name));
                    break;
                case "os_hidden":
                    b.hidden(in.bool(name));
                    break;
                case "checksum":
                    b.checksum(in.string(name));
                    break;
                case "os_hash_algo":
                    b.osHashAlgo(in.string(name));
                    break;
                case "os_hash_value":
                    b.osHashValue(in.string(name));
                    break;
                case "size":
                    b.size(in.integer(name));
                    break;
                case "virtual_size":
                    b.virtualSize(in.integer(name));
                    break;
                case "disk_format":
                    b.diskFormat(DiskFormat.of(in.string(name)));
                    break;
                case "container_format":
                    b.containerFormat(ContainerFormat.of(in.string(name)));
                    break;
                case "min_disk":
                    b.minDisk(in.int32(name));
                    break;
                case "min_ram":
                    b.minRam(in.int32(name));
                    break;
                case "owner":
                    b.owner(in.string(name));
                    break;
                case "tags":
                    b.tags(in.stringList(name));
                    break;
                case "created_at":
                    b.createdAt(in.instant(name));
                    break;
                case "updated_at":
                    b.updatedAt(in.instant(name));
                    break;
                case "file":
                    b.file(in.string(name));
                    break;
                case "self":
                    b.self(in.string(name));
                    break;
                case "schema":
                    b.schema(in.string(name));
                    break;
                case "direct_url":
                    b.directUrl(in.string(name));
                    break;
                case "locations":
                    b.locations(readLocations(reader, in, problems));
                    break;
                case "stores":
                    b.stores(in.stringList(name));
                    break;
                default:
                    b.property(name, in.any());
            }
        }
        reader.endObject();
        if (!sawId) {
            problems.add(0, "id: missing");
        }
        problems.forEach(b::decodingProblem);
        return b.build();
    }

    private static List<Image.Location> readLocations(JsonReader reader, Lenient in, List<String> problems) throws IOException {
        if (reader.peek() == JsonReader.Token.NULL) {
            return reader.nextNull();
        }
        if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
            problems.add("locations: expected an array");
            reader.skipValue();
            return null;
        }
        List<Image.Location> out = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            Map<String, Object> m = in.object("locations[" + out.size() + "]");
            if (m != null) {
                Object meta = m.get("metadata");
                @SuppressWarnings("unchecked")
                Map<String, Object> metadata = meta instanceof Map ? (Map<String, Object>) meta : null;
                Object url = m.get("url");
                out.add(new Image.Location(url == null ? null : String.valueOf(url), metadata));
            }
        }
        reader.endArray();
        return out;
    }

    /**
     * Reads a response that must be one image (get, create, update). Unlike a list item, an answer
     * that is not an image object at all (no id) is unusable and raises {@code ResponseFormatException}.
     */
    public static Image readSingle(JsonReader reader, ApiResponse response) throws IOException {
        Image image = INSTANCE.fromJson(reader);
        if (image.id() == null) {
            throw response.malformed("not an image: " + String.join("; ", image.decodingProblems()), null, null);
        }
        return image;
    }

    @Override
    public void toJson(JsonWriter writer, Image image) throws IOException {
        if (image == null) {
            writer.nullValue();
            return;
        }
        boolean serializeNulls = writer.getSerializeNulls();
        writer.setSerializeNulls(true);
        writer.beginObject();
        for (Map.Entry<String, Object> p : image.properties().entrySet()) {
            writer.name(p.getKey());
            JsonValues.write(writer, p.getValue());
        }
        writer.name("name").value(image.name());
        writer.name("disk_format").value(image.diskFormat() == null ? null : image.diskFormat().value());
        writer.name("container_format").value(image.containerFormat() == null ? null : image.containerFormat().value());
        writer.name("visibility").value(image.visibility() == null ? null : image.visibility().value());
        writer.name("size").value(image.size());
        writer.name("virtual_size").value(image.virtualSize());
        writer.name("status").value(image.status() == null ? null : image.status().value());
        writer.name("checksum").value(image.checksum());
        writer.name("protected").value(image.isProtected());
        writer.name("min_ram").value(image.minRam());
        writer.name("min_disk").value(image.minDisk());
        writer.name("owner").value(image.owner());
        writer.name("os_hidden").value(image.isHidden());
        writer.name("os_hash_algo").value(image.osHashAlgo());
        writer.name("os_hash_value").value(image.osHashValue());
        writer.name("id").value(image.id());
        writer.name("created_at").value(image.createdAt() == null ? null : Timestamps.format(image.createdAt()));
        writer.name("updated_at").value(image.updatedAt() == null ? null : Timestamps.format(image.updatedAt()));
        writer.name("tags");
        JsonValues.write(writer, image.tags());
        optional(writer, "self", image.self());
        optional(writer, "file", image.file());
        optional(writer, "schema", image.schema());
        if (image.directUrl().isPresent()) {
            writer.name("direct_url").value(image.directUrl().get());
        }
        if (image.locations().isPresent()) {
            writer.name("locations").beginArray();
            for (Image.Location l : image.locations().get()) {
                writer.beginObject().name("url").value(l.url()).name("metadata");
                JsonValues.write(writer, l.metadata());
                writer.endObject();
            }
            writer.endArray();
        }
        if (!image.stores().isEmpty()) {
            writer.name("stores").value(String.join(",", image.stores()));
        }
        writer.endObject();
        writer.setSerializeNulls(serializeNulls);
    }

    private static void optional(JsonWriter writer, String name, String value) throws IOException {
        if (value != null) {
            writer.name(name).value(value);
        }
    }

    @Override
    public String toString() {
        return "JsonAdapter(Image, tolerant)";
    }
}
