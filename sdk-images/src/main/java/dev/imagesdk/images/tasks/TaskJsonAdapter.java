package dev.imagesdk.images.tasks;

import dev.imagesdk.images.tasks.Task;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.imagesdk.core.internal.json.Timestamps;
import dev.imagesdk.core.internal.json.JsonValues;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Tolerant reader of a task object (never fails on a wrong-typed value; see {@link Task#decodingProblems()}). */
final class TaskJsonAdapter extends JsonAdapter<Task> {
    static final TaskJsonAdapter INSTANCE = new TaskJsonAdapter();

    @Override
    @SuppressWarnings("unchecked")
    public Task fromJson(JsonReader reader) throws IOException {
        List<String> problems = new ArrayList<>();
        boolean[] tooDeep = {false};
        Object raw = JsonValues.read(reader, () -> tooDeep[0] = true);
        if (tooDeep[0]) {
            problems.add("a value nested deeper than " + JsonValues.MAX_DEPTH + " levels was left out");
        }
        if (!(raw instanceof Map)) {
            problems.add("expected a task object");
            return new Task(null, null, null, null, null, null, null, null, null, null, null, null, null, problems);
        }
        Map<String, Object> m = (Map<String, Object>) raw;
        return new Task(str(m, "id"), str(m, "type"), str(m, "status"), str(m, "owner"), str(m, "message"),
                map(m, "input", problems), map(m, "result", problems), str(m, "image_id"), str(m, "request_id"),
                str(m, "user_id"), time(m, "created_at", problems), time(m, "updated_at", problems),
                time(m, "expires_at", problems), problems);
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null || v instanceof Map || v instanceof List ? null : String.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key, List<String> problems) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map) {
            return (Map<String, Object>) v;
        }
        problems.add(key + ": expected an object");
        return null;
    }

    private static Instant time(Map<String, Object> m, String key, List<String> problems) {
        String s = str(m, key);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Timestamps.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(key + ": unparseable timestamp " + s);
            return null;
        }
    }

    @Override
    public void toJson(JsonWriter writer, Task value) {
        throw new UnsupportedOperationException("tasks are read-only");
    }
}
