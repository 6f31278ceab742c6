package dev.imagesdk.images.tasks;

import dev.imagesdk.core.it.HostileBodies;
import dev.imagesdk.core.it.JsonReplies;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@code GET /v2/images/{id}/tasks} answer of Glance 25 (transcript, "API 2.12"), mutated every
 * way {@link HostileBodies} knows, fed through every task read call: each call either succeeds or throws an
 * {@link dev.imagesdk.core.error.ImageServiceException} subtype, never a parser exception or an NPE.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasksHostileResponsesTest {
    private static final String IMAGE = "18b91150-e6df-4dba-8132-f4bc8c1e889f";
    private static final String TASK = "{\"id\": \"7feb97f7-be32-43bb-a6dd-1a4f5f5d0484\", \"type\": \"api_image_import\", "
            + "\"status\": \"success\", \"owner\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", \"expires_at\": \"2026-11-24T12:50:39.882172\", "
            + "\"created_at\": \"2026-11-22T12:50:39.716674\", \"updated_at\": \"2026-11-22T12:50:39.883010\", \"deleted_at\": null, "
            + "\"deleted\": false, \"image_id\": \"" + IMAGE + "\", \"request_id\": \"req-12dd4652-2f10-42cc-b7a6-86e27c6aa7d7\", "
            + "\"user_id\": \"a11ce000000000000000000000000000\", \"input\": {\"image_id\": \"" + IMAGE + "\", \"import_req\": "
            + "{\"method\": {\"name\": \"glance-direct\"}, \"stores\": [\"fast\"]}, \"backend\": [\"fast\"]}, "
            + "\"result\": {\"image_id\": \"" + IMAGE + "\"}, \"message\": \"Copied 1 MiB\"}";
    private static final String TASKS = "{\"tasks\": [" + TASK + "]}";

    private final JsonReplies replies = JsonReplies.start();
    private final Tasks tasks = Tasks.of(replies.client());

    @AfterAll
    void stop() {
        replies.close();
    }

    @Test
    void tasksOfAnImageSurviveEveryMutation() {
        assertThat(HostileBodies.of(TASKS)).hasSizeGreaterThan(50);
        assertThat(HostileBodies.untypedFailures(TASKS, m -> {
            replies.serve(m.body());
            assertThat(tasks.listForImage(IMAGE)).isNotNull();
        })).isEmpty();
    }

    @Test
    void taskListingSurvivesEveryMutation() {
        assertThat(HostileBodies.untypedFailures(TASKS, m -> {
            replies.serve(m.body());
            tasks.list(TaskListOpts.builder().build()).forEach(t -> assertThat(t).isNotNull());
        })).isEmpty();
    }

    @Test
    void oneTaskSurvivesEveryMutation() {
        assertThat(HostileBodies.untypedFailures(TASK, m -> {
            replies.serve(m.body());
            assertThat(tasks.get("7feb97f7-be32-43bb-a6dd-1a4f5f5d0484")).isNotNull();
        })).isEmpty();
    }
}
