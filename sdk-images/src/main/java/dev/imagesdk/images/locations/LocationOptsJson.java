package dev.imagesdk.images.locations;

import com.squareup.moshi.JsonWriter;
import dev.imagesdk.core.internal.json.JsonValues;
import okio.Buffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes location changes: the JSON-patch documents of {@code PATCH /v2/images/{id}} on {@code /locations}
 * (Glance's JSON-patch media type) and the body of {@code POST /v2/images/{id}/locations} (API 2.17).
 */
final class LocationOptsJson {
    private LocationOptsJson() {
    }

    /** {@code [{"op":"add","path":"/locations/-","value":{url, metadata, validation_data?}}]}. */
    static String add(LocationOpts location) {
        return write(w -> {
            w.beginArray().beginObject();
            w.name("op").value("add").name("path").value("/locations/-").name("value");
            location(w, location, true);
            w.endObject().endArray();
        });
    }

    /** {@code [{"op":"remove","path":"/locations/N"}]}. */
    static String remove(int index) {
        return write(w -> w.beginArray().beginObject().name("op").value("remove")
                .name("path").value("/locations/" + index).endObject().endArray());
    }

    /** {@code [{"op":"replace","path":"/locations","value":[...]}]}. */
    static String replace(List<LocationOpts> locations) {
        return write(w -> {
            w.beginArray().beginObject();
            w.name("op").value("replace").name("path").value("/locations").name("value").beginArray();
            for (LocationOpts l : locations) {
                location(w, l, true);
            }
            w.endArray().endObject().endArray();
        });
    }

    /** {@code {"url": ..., "validation_data": {...}}}: the 2.17 API takes no metadata. */
    static String create(LocationOpts location) {
        return write(w -> location(w, location, false));
    }

    private static void location(JsonWriter w, LocationOpts l, boolean withMetadata) throws IOException {
        w.beginObject();
        w.name("url").value(l.url());
        if (withMetadata) {
            w.name("metadata");
            boolean nulls = w.getSerializeNulls();
            w.setSerializeNulls(true);
            JsonValues.write(w, l.metadata());
            w.setSerializeNulls(nulls);
        }
        if (l.hasValidationData()) {
            w.name("validation_data").beginObject();
            if (l.checksum().isPresent()) {
                w.name("checksum").value(l.checksum().get());
            }
            if (l.hashValue().isPresent()) {
                w.name("os_hash_algo").value(l.hashAlgorithm().orElseThrow());
                w.name("os_hash_value").value(l.hashValue().get());
            }
            w.endObject();
        }
        w.endObject();
    }

    private interface Body {
        void write(JsonWriter w) throws IOException;
    }

    private static String write(Body body) {
        Buffer buffer = new Buffer();
        try (JsonWriter w = JsonWriter.of(buffer)) {
            body.write(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.readUtf8();
    }
}
