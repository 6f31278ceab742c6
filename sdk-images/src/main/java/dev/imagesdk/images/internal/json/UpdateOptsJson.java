package dev.imagesdk.images.internal.json;

import com.squareup.moshi.JsonWriter;
import dev.imagesdk.core.internal.json.JsonValues;
import dev.imagesdk.images.model.PatchOp;
import dev.imagesdk.images.model.UpdateOpts;
import okhttp3.MediaType;
import okio.Buffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;

/** Writes {@link UpdateOpts} as the JSON-patch body of {@code PATCH /v2/images/{id}}. */
public final class UpdateOptsJson {
    /** Glance's JSON-patch media type (RFC 6902 syntax). */
    public static final MediaType MEDIA_TYPE = MediaType.get("application/openstack-images-v2.1-json-patch");

    private UpdateOptsJson() {
    }

    /** The JSON-patch document: one object per operation, in order; values keep their JSON types. */
    public static String write(UpdateOpts opts) {
        Buffer buffer = new Buffer();
        try (JsonWriter w = JsonWriter.of(buffer)) {
            w.beginArray();
            for (PatchOp op : opts.operations()) {
                write(w, op);
            }
            w.endArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.readUtf8();
    }

    private static void write(JsonWriter w, PatchOp op) throws IOException {
        w.beginObject();
        w.name("op").value(op.kind().value());
        w.name("path").value(op.path());
        if (op.kind() != PatchOp.Kind.REMOVE) {
            w.name("value");
            boolean nulls = w.getSerializeNulls();
            w.setSerializeNulls(true);
            Object value = op.value();
            JsonValues.write(w, value instanceof Collection && !(value instanceof List)
                    ? List.copyOf((Collection<?>) value) : value);
            w.setSerializeNulls(nulls);
        }
        w.endObject();
    }
}
