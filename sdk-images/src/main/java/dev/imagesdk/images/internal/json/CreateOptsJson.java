package dev.imagesdk.images.internal.json;

import com.squareup.moshi.JsonWriter;
import dev.imagesdk.images.model.CreateOpts;
import okio.Buffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes {@link CreateOpts} as the body of {@code POST /v2/images} (the wire encoding stays out of the API type). */
public final class CreateOptsJson {
    private CreateOptsJson() {
    }

    /** The JSON body for {@code opts}: only the attributes that are set, custom properties last. */
    public static String write(CreateOpts opts) {
        Buffer buffer = new Buffer();
        try (JsonWriter w = JsonWriter.of(buffer)) {
            w.beginObject();
            if (opts.id() != null) {
                w.name("id").value(opts.id());
            }
            if (opts.name() != null) {
                w.name("name").value(opts.name());
            }
            if (opts.visibility() != null) {
                w.name("visibility").value(opts.visibility().value());
            }
            if (opts.tags() != null) {
                w.name("tags").beginArray();
                for (String t : opts.tags()) {
                    w.value(t);
                }
                w.endArray();
            }
            if (opts.diskFormat() != null) {
                w.name("disk_format").value(opts.diskFormat().value());
            }
            if (opts.containerFormat() != null) {
                w.name("container_format").value(opts.containerFormat().value());
            }
            if (opts.minDisk() != null) {
                w.name("min_disk").value(opts.minDisk().longValue());
            }
            if (opts.minRam() != null) {
                w.name("min_ram").value(opts.minRam().longValue());
            }
            if (opts.isProtected() != null) {
                w.name("protected").value(opts.isProtected());
            }
            if (opts.hidden() != null) {
                w.name("os_hidden").value(opts.hidden());
            }
            if (opts.owner() != null) {
                w.name("owner").value(opts.owner());
            }
            for (Map.Entry<String, String> p : opts.properties().entrySet()) {
                w.name(p.getKey()).value(p.getValue());
            }
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.readUtf8();
    }
}
