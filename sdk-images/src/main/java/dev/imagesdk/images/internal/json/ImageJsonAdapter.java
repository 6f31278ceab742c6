package dev.imagesdk.images.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.internal.json.JsonValues;
import dev.imagesdk.core.internal.json.KnownValues;
import dev.imagesdk.core.internal.json.Lenient;
import dev.imagesdk.core.internal.json.Timestamps;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.model.Visibility;

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

    /**
     * The core attributes, in the order of the {@code switch} in {@link #fromJson(JsonReader)}: selected
     * by their encoded bytes, so a known key never becomes a {@code String}.
     */
    static final JsonReader.Options CORE_KEYS = JsonReader.Options.of(
            "id", "name", "status", "visibility", "protected", "os_hidden", "checksum", "os_hash_algo",
            "os_hash_value", "size", "virtual_size", "disk_format", "container_format", "min_disk", "min_ram",
            "owner", "tags", "created_at", "updated_at", "file", "self", "schema", "direct_url", "locations",
            "stores");

    static final String[] CORE_NAMES = CORE_KEYS.strings().toArray(new String[0]);

    static final KnownValues<ImageStatus> STATUSES =
            new KnownValues<>(ImageStatus.knownValues(), ImageStatus::value, ImageStatus::of);
    static final KnownValues<Visibility> VISIBILITIES =
            new KnownValues<>(Visibility.knownValues(), Visibility::value, Visibility::of);
    static final KnownValues<DiskFormat> DISK_FORMATS =
            new KnownValues<>(DiskFormat.knownValues(), DiskFormat::value, DiskFormat::of);
    static final KnownValues<ContainerFormat> CONTAINER_FORMATS =
            new KnownValues<>(ContainerFormat.knownValues(), ContainerFormat::value, ContainerFormat::of);

    private ImageJsonAdapter() {
    }

    @Override
    public Image fromJson(JsonReader reader) throws IOException {
        Image.Builder b = Image.builder();
        if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
            JsonReader.Token token = reader.peek();
            JsonValues.skip(reader);
            return b.decodingProblem("expected an image object but got " + JsonValues.describe(token)).build();
        }
        Lenient in = new Lenient(reader);
        boolean sawId = false;
        reader.beginObject();
        while (reader.hasNext()) {
            int key = reader.selectName(CORE_KEYS);
            if (key < 0) {
                String name = reader.nextName();
                Object value = in.any(name);
                if (value != Lenient.LEFT_OUT) {
                    b.property(name, value);
                }
                continue;
            }
            String name = CORE_NAMES[key];
            switch (key) {
                case 0: {
                    String id = in.string(name);
                    b.id(id);
                    sawId = id != null;
                    break;
                }
                case 1:
                    b.name(in.string(name));
                    break;
                case 2:
                    b.status(in.known(name, STATUSES));
                    break;
                case 3:
                    b.visibility(in.known(name, VISIBILITIES));
                    break;
                case 4:
                    b.isProtected(in.bool(name));
                    break;
                case 5:
                    b.hidden(in.bool(name));
                    break;
                case 6:
                    b.checksum(in.string(name));
                    break;
                case 7:
                    b.osHashAlgo(in.string(name));
                    break;
                case 8:
                    b.osHashValue(in.string(name));
                    break;
                case 9:
                    b.size(in.integer(name));
                    break;
                case 10:
                    b.virtualSize(in.integer(name));
                    break;
                case 11:
                    b.diskFormat(in.known(name, DISK_FORMATS));
                    break;
                case 12:
                    b.containerFormat(in.known(name, CONTAINER_FORMATS));
                    break;
                case 13:
                    b.minDisk(in.int32(name));
                    break;
                case 14:
                    b.minRam(in.int32(name));
                    break;
                case 15:
                    b.owner(in.string(name));
                    break;
                case 16:
                    b.tags(in.stringList(name));
                    break;
                case 17:
                    b.createdAt(in.instant(name));
                    break;
                case 18:
                    b.updatedAt(in.instant(name));
                    break;
                case 19:
                    b.file(in.string(name));
                    break;
                case 20:
                    b.self(in.string(name));
                    break;
                case 21:
                    b.schema(in.string(name));
                    break;
                case 22:
                    b.directUrl(in.string(name));
                    break;
                case 23:
                    b.locations(readLocations(reader, in));
                    break;
                case 24:
                    b.stores(in.stringList(name));
                    break;
                default:
                    throw new AssertionError(name);
            }
        }
        reader.endObject();
        if (!sawId) {
            b.decodingProblem("id: missing");
        }
        for (String problem : in.problems()) {
            b.decodingProblem(problem);
        }
        return b.build();
    }

    private static List<Image.Location> readLocations(JsonReader reader, Lenient in) throws IOException {
        if (reader.peek() == JsonReader.Token.NULL) {
            return reader.nextNull();
        }
        if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
            in.problem("locations: expected an array");
            JsonValues.skip(reader);
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
     * Reads the answer of {@code GET /v2/images/{id}/locations} (API 2.17): a JSON array of
     * {@code {url, metadata}}; anything else is a {@code ResponseFormatException}.
     */
    public static List<Image.Location> readLocationList(JsonReader reader, ApiResponse response) throws IOException {
        if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
            throw response.malformed("not a list of locations", null, null);
        }
        Lenient in = new Lenient(reader);
        List<Image.Location> locations = readLocations(reader, in);
        if (!in.problems().isEmpty()) {
            throw response.malformed("not a list of locations: " + String.join("; ", in.problems()), null, null);
        }
        return locations;
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
