package dev.imagesdk.images.internal.json;

import com.squareup.moshi.JsonWriter;
import dev.imagesdk.images.importing.ImportOpts;
import okio.Buffer;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes {@link ImportOpts} as Glance's import request body (the wire encoding stays out of the API type). */
public final class ImportOptsJson {
    private ImportOptsJson() {
    }

    /** The JSON body of {@code POST /v2/images/{id}/import} for {@code opts}. */
    public static String write(ImportOpts opts) {
        Buffer buffer = new Buffer();
        try (JsonWriter w = JsonWriter.of(buffer)) {
            w.beginObject();
            w.name("method").beginObject().name("name").value(opts.method());
            if (opts.uri() != null) {
                w.name("uri").value(opts.uri().toString());
            }
            if (opts.remoteRegion() != null) {
                w.name("glance_region").value(opts.remoteRegion());
                w.name("glance_image_id").value(opts.remoteImageId());
                if (opts.remoteServiceInterface() != null) {
                    w.name("glance_service_interface").value(opts.remoteServiceInterface());
                }
            }
            w.endObject();
            if (!opts.stores().isEmpty()) {
                w.name("stores").beginArray();
                for (String s : opts.stores()) {
                    w.value(s);
                }
                w.endArray();
            }
            if (opts.isAllStores()) {
                w.name("all_stores").value(true);
            }
            if (opts.allStoresMustSucceed() != null) {
                w.name("all_stores_must_succeed").value(opts.allStoresMustSucceed());
            }
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.readUtf8();
    }

}
