package dev.imagesdk.images.tasks;

import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.images.MockGlance;
import dev.imagesdk.images.model.SortDirection;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TasksTest {
    private final MockGlance glance = new MockGlance();
    private final Tasks tasks = Tasks.of(glance.client);

    @AfterEach
    void close() {
        glance.close();
    }

    @Test
    void imageTasksParseMicrosecondTimestampsWithoutZone() {
        glance.versions().json(200, "{\"tasks\": [{\"id\": \"7feb97f7-be32-43bb-a6dd-1a4f5f5d0484\", \"type\": \"api_image_import\", "
                + "\"status\": \"success\", \"owner\": \"aaaa\", \"expires_at\": \"2026-11-24T12:50:39.882172\", "
                + "\"created_at\": \"2026-11-22T12:50:39.716674\", \"updated_at\": \"2026-11-22T12:50:39.883010\", "
                + "\"deleted_at\": null, \"deleted\": false, \"input\": {\"image_id\": \"18b91150-e6df-4dba-8132-f4bc8c1e889f\", \"import_req\": "
                + "{\"method\": {\"name\": \"glance-direct\"}, \"stores\": [\"fast\"]}, \"backend\": [\"fast\"]}, "
                + "\"image_id\": \"18b91150-e6df-4dba-8132-f4bc8c1e889f\", \"request_id\": \"req-12dd\", \"user_id\": \"a11c\", \"message\": \"Copied 1 MiB\", "
                + "\"result\": {\"image_id\": \"18b91150-e6df-4dba-8132-f4bc8c1e889f\"}}]}");

        List<Task> list = Tasks.of(glance.client).listForImage("18b91150-e6df-4dba-8132-f4bc8c1e889f");

        assertThat(glance.take().getUrl().encodedPath()).as("version discovery").isEqualTo("/");
        assertThat(glance.take().getUrl().encodedPath()).isEqualTo("/v2/images/18b91150-e6df-4dba-8132-f4bc8c1e889f/tasks");
        Task task = list.get(0);
        assertThat(task.type()).isEqualTo("api_image_import");
        assertThat(task.status()).isEqualTo("success");
        assertThat(task.createdAt()).isEqualTo(Instant.parse("2026-11-22T12:50:39.716674Z"));
        assertThat(task.expiresAt()).contains(Instant.parse("2026-11-24T12:50:39.882172Z"));
        assertThat(task.message()).contains("Copied 1 MiB");
        assertThat(task.input()).containsKey("import_req");
        assertThat(task.result()).containsEntry("image_id", "18b91150-e6df-4dba-8132-f4bc8c1e889f");
        assertThat(task.imageId()).contains("18b91150-e6df-4dba-8132-f4bc8c1e889f");
        assertThat(task.requestId()).contains("req-12dd");
        assertThat(task.decodingProblems()).isEmpty();
    }

    @Test
    void listSendsFiltersAndGetReadsZuluTimestamps() {
        glance.json(200, "{\"tasks\": [{\"id\": \"7feb97f7-be32-43bb-a6dd-1a4f5f5d0484\", \"type\": \"import\", \"status\": \"success\", "
                + "\"created_at\": \"2026-11-22T12:50:40Z\", \"updated_at\": \"not a time\"}], \"first\": \"/v2/tasks\"}");
        glance.json(200, "{\"id\": \"7feb97f7-be32-43bb-a6dd-1a4f5f5d0484\", \"type\": \"api_image_import\", \"status\": \"success\", \"expires_at\": \"2026-11-24T12:50:39Z\"}");

        List<Task> list = tasks.list(TaskListOpts.builder().type("import").status("success").sortDir(SortDirection.ASC).limit(1).build())
                .stream().toList();
        Task one = tasks.get("7feb97f7-be32-43bb-a6dd-1a4f5f5d0484");

        HttpUrl url = glance.take().getUrl();
        assertThat(url.encodedPath()).isEqualTo("/v2/tasks");
        assertThat(url.encodedQuery()).isEqualTo("type=import&status=success&sort_dir=asc&limit=1");
        assertThat(list).singleElement().satisfies(t -> {
            assertThat(t.createdAt()).isEqualTo(Instant.parse("2026-11-22T12:50:40Z"));
            assertThat(t.decodingProblems()).singleElement().asString().startsWith("updated_at");
        });
        assertThat(glance.take().getUrl().encodedPath()).isEqualTo("/v2/tasks/7feb97f7-be32-43bb-a6dd-1a4f5f5d0484");
        assertThat(one.expiresAt()).contains(Instant.parse("2026-11-24T12:50:39Z"));
    }

    @Test
    void tasksAreAdminOnlyByDefault() {
        glance.error(403, "Forbidden", "You are not authorized to complete tasks_api_access action.");

        assertThatThrownBy(() -> tasks.list(TaskListOpts.builder().build()).firstPage()).isInstanceOf(ForbiddenException.class);
    }

    private static final String PENDING = "{\"id\": \"36acafd6-fe1b-47a0-bff8-b704e5f2be21\", \"input\": {\"import_from\": "
            + "\"http://h/x.img\", \"import_from_format\": \"raw\", \"image_properties\": {\"name\": \"n\", \"tags\": [\"a\"]}}, "
            + "\"type\": \"import\", \"status\": \"%s\", \"owner\": \"padm\", \"message\": \"\", \"result\": %s, "
            + "\"created_at\": \"2026-12-05T23:41:48Z\", \"updated_at\": \"2026-12-05T23:41:48Z\", "
            + "\"self\": \"/v2/tasks/36acafd6-fe1b-47a0-bff8-b704e5f2be21\", \"schema\": \"/v2/schemas/task\"}";

    @Test
    void createPostsTypeAndInputAndWaitForPollsUntilTheTaskEnds() {
        glance.json(201, String.format(PENDING, "pending", "null"))
                .json(200, String.format(PENDING, "processing", "null"))
                .json(200, String.format(PENDING, "success", "{\"image_id\": \"e8ce70f5-c189-4738-8567-bc664824579f\"}"));
        Tasks tasks = Tasks.of(glance.client);

        Task created = tasks.create(TaskCreateOpts.importFrom(java.net.URI.create("http://h/x.img"), "raw")
                .imageProperty("name", "n").imageProperty("tags", List.of("a")).build());
        Task done = tasks.waitFor(created.id(), java.time.Duration.ofSeconds(10));

        mockwebserver3.RecordedRequest post = glance.take();
        assertThat(post.getMethod() + " " + post.getUrl().encodedPath()).isEqualTo("POST /v2/tasks");
        assertThat(dev.imagesdk.images.MockGlance.body(post)).isEqualTo("{\"type\":\"import\",\"input\":{\"import_from\":"
                + "\"http://h/x.img\",\"import_from_format\":\"raw\",\"image_properties\":{\"name\":\"n\",\"tags\":[\"a\"]}}}");
        assertThat(created.status()).isEqualTo("pending");
        assertThat(done.status()).isEqualTo("success");
        assertThat(done.result()).containsEntry("image_id", "e8ce70f5-c189-4738-8567-bc664824579f");
        assertThat(glance.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void waitForGivesUpAfterItsTimeoutWithTheLastTaskSeen() {
        for (int i = 0; i < 20; i++) {
            glance.json(200, String.format(PENDING, "processing", "null"));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tasks.of(glance.client)
                        .waitFor("36acafd6-fe1b-47a0-bff8-b704e5f2be21", java.time.Duration.ofMillis(600)))
                .isInstanceOfSatisfying(TaskWaitException.class, e -> {
                    assertThat(e.isTimeout()).isTrue();
                    assertThat(e.lastSeen()).map(Task::status).contains("processing");
                    assertThat(e.getMessage()).contains("still processing");
                });
    }

    @Test
    void importOptionsRefuseWhatGlanceCannotFetch() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TaskCreateOpts.importFrom(java.net.URI.create("ftp://h/x"), "raw"))
                .isInstanceOf(dev.imagesdk.core.error.ValidationException.class).hasMessageContaining("http");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TaskCreateOpts.importFrom(java.net.URI.create("/relative"), "raw"))
                .isInstanceOf(dev.imagesdk.core.error.ValidationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TaskCreateOpts.builder().build())
                .isInstanceOf(dev.imagesdk.core.error.ValidationException.class).hasMessageContaining("type");
        assertThat(glance.server.getRequestCount()).isZero();
    }
}
