package dev.imagesdk.images;

import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.CreatedImage;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.model.ListOpts;
import dev.imagesdk.images.model.SortDirection;
import dev.imagesdk.images.model.UpdateOpts;

import dev.imagesdk.images.tasks.Tasks;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.ResponseFormatException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.paging.Page;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImagesTest {
    private static final String ID = "b8fd9546-45a4-476f-93df-a13b5f7c2269";
    private final MockGlance glance = new MockGlance();
    private final Images images = glance.images();

    @AfterEach
    void close() {
        glance.close();
    }

    @Test
    void getReadsOneImageById() {
        glance.json(200, MockGlance.ACTIVE_IMAGE);

        Image image = images.get(ID);

        assertThat(image.id()).isEqualTo(ID);
        RecordedRequest r = glance.take();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v2/images/" + ID);
    }

    @Test
    void aSingleImageAnswerThatIsNotAnImageIsAFormatError() {
        glance.json(200, "[1, 2]");
        glance.json(200, "{\"name\": \"no id\"}");

        assertThatThrownBy(() -> images.get(ID)).isInstanceOf(ResponseFormatException.class).hasMessageContaining("not an image");
        assertThatThrownBy(() -> images.get(ID)).isInstanceOf(ResponseFormatException.class).hasMessageContaining("id: missing");
    }

    @Test
    void getOfAMissingImageIsNotFound() {
        glance.error(404, "Not Found", "No image found with ID " + ID);

        assertThatThrownBy(() -> images.get(ID)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("No image found with ID");
    }

    @Test
    void createPostsTheBodyAndExposesTheAnnouncedHeaders() {
        glance.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                .addHeader("Location", "http://127.0.0.1:9292/v2/images/" + ID)
                .addHeader("Openstack-Image-Import-Methods", "glance-direct,copy-image")
                .addHeader("Openstack-Image-Store-Ids", "fast,cheap")
                .body(MockGlance.ACTIVE_IMAGE).build());

        CreatedImage created = images.createWithServerInfo(CreateOpts.builder().name("alpha").build());

        RecordedRequest r = glance.take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v2/images");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(MockGlance.body(r)).isEqualTo("{\"name\":\"alpha\"}");
        assertThat(created.image().id()).isEqualTo(ID);
        assertThat(created.importMethods()).containsExactly("glance-direct", "copy-image");
        assertThat(created.storeIds()).containsExactly("fast", "cheap");
        assertThat(created.location()).contains("http://127.0.0.1:9292/v2/images/" + ID);
    }

    @Test
    void storeIdsLeaveOutGlancesInternalStores() {
        // what Glance 25 sends once it has handled an upload or an import (recorded)
        glance.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                .addHeader("Openstack-Image-Store-Ids", "fast,cheap,os_glance_staging_store,os_glance_tasks_store")
                .body(MockGlance.ACTIVE_IMAGE).build());

        CreatedImage created = images.createWithServerInfo(CreateOpts.builder().name("alpha").build());

        assertThat(created.storeIds()).containsExactly("fast", "cheap");
    }

    @Test
    void deleteConflictSaysTheImageIsStillInUse() {
        glance.error(409, "Conflict", "Image is in use by instance abc");

        assertThatThrownBy(() -> images.delete(ID)).isInstanceOf(dev.imagesdk.core.error.ImageInUseException.class)
                .satisfies(e -> assertThat(((dev.imagesdk.core.error.ImageInUseException) e).imageId()).isEqualTo(ID))
                .hasMessageContaining("still in use").hasMessageContaining(ID).hasMessageContaining("in use by instance abc")
                .satisfies(e -> assertThat(((ConflictException) e).status()).isEqualTo(409))
                .cause().isInstanceOf(ConflictException.class).hasMessageContaining("in use by instance abc")
                .hasMessageNotContaining("still in use");
    }

    @Test
    void deleteOfAProtectedImageIsForbidden() {
        glance.error(403, "Forbidden", "Image " + ID + " is protected and cannot be deleted.");

        assertThatThrownBy(() -> images.delete(ID)).isInstanceOf(ForbiddenException.class).hasMessageContaining("protected");
        assertThat(glance.take().getMethod()).isEqualTo("DELETE");
    }

    @Test
    void oneMalformedImageDoesNotBreakTheListing() {
        glance.json(200, "{\"images\": [" + MockGlance.ACTIVE_IMAGE + ", {\"id\": \"bad\", \"size\": \"huge\", \"name\": \"b\"}, 17],"
                + " \"first\": \"/v2/images\", \"schema\": \"/v2/schemas/images\"}");

        List<Image> all = images.list().stream().toList();

        assertThat(all).hasSize(3);
        assertThat(all.get(0).isWellFormed()).isTrue();
        assertThat(all.get(1).id()).isEqualTo("bad");
        assertThat(all.get(1).name()).isEqualTo("b");
        assertThat(all.get(1).decodingProblems()).singleElement().asString().startsWith("size:");
        assertThat(all.get(2).id()).isNull();
        assertThat(all.get(2).isWellFormed()).isFalse();
    }

    @Test
    void listFollowsNextLinks() {
        glance.json(200, "{\"images\": [" + MockGlance.ACTIVE_IMAGE + "], \"next\": \"/v2/images?limit=1&marker=" + ID + "\"}");
        glance.json(200, "{\"images\": []}");

        List<Page<Image>> pages = new java.util.ArrayList<>();
        images.list(ListOpts.builder().limit(1).build()).pages().forEach(pages::add);

        assertThat(pages).hasSize(2);
        assertThat(glance.take().getTarget()).isEqualTo("/v2/images?limit=1");
        assertThat(glance.take().getTarget()).isEqualTo("/v2/images?limit=1&marker=" + ID);
    }

    @Test
    void multiKeyClassicSortKeepsEveryPairOnLaterPages() {
        // Glance's next link keeps only the last sort_key/sort_dir pair
        glance.json(200, "{\"images\": [" + MockGlance.ACTIVE_IMAGE + "], "
                + "\"next\": \"/v2/images?sort_key=name&sort_dir=desc&limit=1&marker=" + ID + "\"}");
        glance.json(200, "{\"images\": []}");

        images.list(ListOpts.builder().tag("t").limit(1).sortKey("status", SortDirection.ASC).sortKey("name", SortDirection.DESC)
                .build()).stream().count();

        assertThat(glance.take().getTarget()).isEqualTo("/v2/images?limit=1&tag=t&sort_key=status&sort_dir=asc&sort_key=name&sort_dir=desc");
        assertThat(glance.take().getTarget())
                .isEqualTo("/v2/images?limit=1&tag=t&sort_key=status&sort_dir=asc&sort_key=name&sort_dir=desc&marker=" + ID);
    }

    @Test
    void tagsAndActionsUseTheirPaths() {
        glance.empty(204).empty(204).empty(204).empty(204);

        images.addTag(ID, "hello world");
        images.removeTag(ID, "web");
        images.deactivate(ID);
        images.reactivate(ID);

        RecordedRequest add = glance.take();
        assertThat(add.getMethod()).isEqualTo("PUT");
        assertThat(add.getUrl().encodedPath()).isEqualTo("/v2/images/" + ID + "/tags/hello%20world");
        RecordedRequest remove = glance.take();
        assertThat(remove.getMethod()).isEqualTo("DELETE");
        assertThat(remove.getUrl().encodedPath()).isEqualTo("/v2/images/" + ID + "/tags/web");
        RecordedRequest deactivate = glance.take();
        assertThat(deactivate.getMethod()).isEqualTo("POST");
        assertThat(deactivate.getUrl().encodedPath()).isEqualTo("/v2/images/" + ID + "/actions/deactivate");
        assertThat(glance.take().getUrl().encodedPath()).isEqualTo("/v2/images/" + ID + "/actions/reactivate");
    }

    @Test
    void anIdThatIsNotAUuidIsRefusedBeforeAnyRequest() {
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
        java.nio.file.Path file = java.nio.file.Path.of("disk.raw");
        for (String bad : List.of("../tasks", "x", "b8fd9546-45a4-476f-93df-a13b5f7c226", "b8fd954645a4476f93dfa13b5f7c2269")) {
            List<org.junit.jupiter.api.function.Executable> calls = List.of(
                    () -> images.get(bad),
                    () -> images.update(bad, UpdateOpts.builder().name("n").build()),
                    () -> images.delete(bad),
                    () -> images.deactivate(bad),
                    () -> images.reactivate(bad),
                    () -> images.addTag(bad, "t"),
                    () -> images.removeTag(bad, "t"),
                    () -> images.upload(bad, new java.io.ByteArrayInputStream(new byte[1]), 1),
                    () -> images.upload(bad, file),
                    () -> images.download(bad, sink),
                    () -> images.download(bad, file),
                    () -> images.stage(bad, file),
                    () -> images.importImage(bad, dev.imagesdk.images.importing.ImportOpts.glanceDirect().build()),
                    () -> images.waitFor(bad, ImageStatus.ACTIVE, java.time.Duration.ofSeconds(1)),
                    () -> Tasks.of(images.client()).listForImage(bad));
            for (org.junit.jupiter.api.function.Executable call : calls) {
                assertThatThrownBy(call::execute).as(bad).isInstanceOf(ValidationException.class)
                        .hasMessageContaining("image id must be a UUID");
            }
        }
        assertThat(glance.server.getRequestCount()).isZero();
    }

    @Test
    void anUpperCaseUuidIsAnIdGlanceAccepts() {
        glance.json(200, MockGlance.ACTIVE_IMAGE);

        images.get(ID.toUpperCase(java.util.Locale.ROOT));

        assertThat(glance.take().getUrl().encodedPath()).isEqualTo("/v2/images/" + ID.toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void blankArgumentsAreRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> images.get(" ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> images.addTag(ID, "")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> images.addTag(ID, "wörld")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Latin-1");
        // "." and ".." are printable ASCII tags, but as a path segment they would change the URL
        assertThatThrownBy(() -> images.addTag(ID, "..")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> images.removeTag(ID, ".")).isInstanceOf(ValidationException.class);
        assertThat(glance.server.getRequestCount()).isZero();
    }

    @Test
    void schemasAreReadAsJsonObjects() {
        glance.json(200, "{\"name\": \"image\", \"properties\": {\"id\": {\"type\": \"string\"}}, \"additionalProperties\": {\"type\": \"string\"}}");

        assertThat(Schemas.of(images.client()).image()).containsEntry("name", "image").containsKey("properties");
        assertThat(glance.take().getUrl().encodedPath()).isEqualTo("/v2/schemas/image");
    }
}
