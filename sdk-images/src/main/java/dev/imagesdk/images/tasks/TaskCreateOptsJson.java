package dev.imagesdk.images.tasks;

import com.squareup.moshi.JsonWriter;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.json.JsonValues;
import okio.Buffer;

import java.io.IOException;

/** Writes {@link TaskCreateOpts} as Glance's task request body (the wire encoding stays out of the API type). */
final class TaskCreateOptsJson {
    private TaskCreateOptsJson() {
    }

    /**
     * The JSON body of {@code POST /v2/tasks} for {@code opts}: {@code type} and {@code input}, nulls kept.
     *
     * @throws ValidationException when an input value is not a JSON value
     */
    static String write(TaskCreateOpts opts) {
        Buffer buffer = new Buffer();
        try (JsonWriter w = JsonWriter.of(buffer)) {
            w.setSerializeNulls(true);
            w.beginObject();
            w.name("type").value(opts.type());
            w.name("input");
            JsonValues.write(w, opts.input());
            w.endObject();
        } catch (IOException | IllegalArgumentException e) {
            throw new ValidationException("task input is not JSON: " + e.getMessage());
        }
        return buffer.readUtf8();
    }
}
