package dev.imagesdk.images.tasks;

import java.time.Duration;
import dev.imagesdk.core.internal.Poller;
import dev.imagesdk.core.internal.http.Calls;


import dev.imagesdk.core.internal.Arguments;
import com.squareup.moshi.JsonReader;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.internal.http.ApiFeature;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.internal.paging.JsonPages;
import dev.imagesdk.core.internal.paging.PagedListing;
import dev.imagesdk.core.paging.Paged;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Glance's tasks: {@code GET /v2/tasks} (admin-only under the default policy: 403
 * otherwise), {@code GET /v2/tasks/{id}} and an image's tasks {@code GET /v2/images/{id}/tasks}
 * (API 2.12, visible to the image's owner), creating one ({@code POST /v2/tasks}) and waiting for it.
 */
public final class Tasks {
    private final ServiceClient client;

    private Tasks(ServiceClient client) {
        this.client = Arguments.notNull(client, "client");
    }

    /** The tasks API of {@code client}. */
    public static Tasks of(ServiceClient client) {
        return new Tasks(client);
    }

    /** {@code GET /v2/tasks}: every task the caller may see, lazily paged. */
    public Paged<Task> list() {
        return list(TaskListOpts.defaults());
    }

    /** {@code GET /v2/tasks} with filters and sorting, lazily paged. */
    public Paged<Task> list(TaskListOpts opts) {
        ApiRequest.Builder b = ApiRequest.get("tasks");
        for (Map.Entry<String, String> q : Arguments.notNull(opts, "opts").toQuery()) {
            b.query(q.getKey(), q.getValue());
        }
        return PagedListing.of(client, b.build(), JsonPages.reader("tasks", TaskJsonAdapter.INSTANCE), Task::id);
    }

    /**
     * {@code POST /v2/tasks} (201): creates a task, which Glance then runs in the background; see
     * {@link #waitFor(String, Duration)}. Administrators only under Glance's default policy
     * ({@code tasks_api_access}: 403 otherwise).
     *
     * @throws dev.imagesdk.core.error.BadRequestException for a type or input Glance refuses
     */
    public Task create(TaskCreateOpts opts) {
        String json = TaskCreateOptsJson.write(Arguments.notNull(opts, "opts"));
        return Calls.of(client).executeJson(ApiRequest.post("tasks").jsonBody(json).build(), TaskJsonAdapter.INSTANCE);
    }

    /**
     * Polls {@code GET /v2/tasks/{id}} until the task is {@code success} or {@code failure} and returns
     * it (a failed task is returned, not thrown: {@link Task#message()} says why), backing off from
     * 250 ms to 5 s between polls.
     *
     * @throws TaskWaitException when {@code timeout} passes first or the thread is interrupted
     */
    public Task waitFor(String taskId, Duration timeout) {
        String id = Arguments.uuid(taskId, "task id");
        Duration limit = Arguments.notNegative(timeout, "timeout");
        Poller.Outcome<Task> outcome;
        try {
            outcome = WAIT.await(() -> get(id), t -> "success".equals(t.status()) || "failure".equals(t.status()), limit);
        } catch (dev.imagesdk.core.error.CancelledException e) {
            throw new TaskWaitException("interrupted while waiting for task " + id, null, false, e);
        }
        switch (outcome.ending()) {
            case REACHED:
                return outcome.last();
            case TIMED_OUT:
                throw new TaskWaitException("task " + id + " is still " + outcome.last().status() + " after " + limit,
                        outcome.last(), true, null);
            default:
                throw new TaskWaitException("interrupted while waiting for task " + id, outcome.last(), false,
                        outcome.interruption().orElse(null));
        }
    }

    private static final Poller WAIT = new Poller(Duration.ofMillis(250), Duration.ofSeconds(5), 1.5);

    /** One task ({@code GET /v2/tasks/{id}}); the id must be a UUID, as Glance gives tasks no other ids. */
    public Task get(String taskId) {
        return Calls.of(client).executeJson(ApiRequest.get("tasks", Arguments.uuid(taskId, "task id")).build(), TaskJsonAdapter.INSTANCE);
    }

    /**
     * {@code GET /v2/images/{id}/tasks} (API 2.12): the tasks that worked on an image (e.g. its
     * imports), newest first; visible to the image's owner.
     *
     * @throws dev.imagesdk.core.error.NotFoundException when the image does not exist or is not visible
     */
    public List<Task> listForImage(String imageId) {
        return Calls.of(client).executeJson(ApiRequest.get("images", Arguments.uuid(imageId, "image id"), "tasks").requires(ApiFeature.IMAGE_TASKS).build(), (JsonReader r, ApiResponse resp) -> {
            List<Task> out = new ArrayList<>();
            r.beginObject();
            while (r.hasNext()) {
                if (r.nextName().equals("tasks") && r.peek() == JsonReader.Token.BEGIN_ARRAY) {
                    r.beginArray();
                    while (r.hasNext()) {
                        out.add(TaskJsonAdapter.INSTANCE.fromJson(r));
                    }
                    r.endArray();
                } else {
                    r.skipValue();
                }
            }
            r.endObject();
            return out;
        });
    }
}
