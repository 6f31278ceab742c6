package dev.imagesdk.links;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.BadRequestException;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.ResponseFormatException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.paging.Page;
import dev.imagesdk.images.model.CreateOpts;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static dev.imagesdk.links.LinkServerAnswers.IMAGE;
import static dev.imagesdk.links.LinkServerAnswers.created;
import static dev.imagesdk.links.LinkServerAnswers.error;
import static dev.imagesdk.links.LinkServerAnswers.image;
import static dev.imagesdk.links.LinkServerAnswers.json;
import static dev.imagesdk.links.LinkServerAnswers.link;
import static dev.imagesdk.links.LinkServerAnswers.noContent;
import static dev.imagesdk.links.LinkServerAnswers.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageLinksTest {
    private MockWebServer server;
    private ImageLinks links;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        ServiceClient client = ServiceClient.builder().endpoint(server.url("/").toString()).auth(Auth.token("t"))
                .retryPolicy(RetryPolicy.none()).build();
        links = ImageLinks.of(client);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String call(RecordedRequest r) {
        return r.getMethod() + " " + r.getTarget();
    }

    private List<String> calls() throws InterruptedException {
        List<String> out = new ArrayList<>();
        int n = server.getRequestCount();
        for (int i = 0; i < n; i++) {
            out.add(call(server.takeRequest()));
        }
        return out;
    }

    // ---- list

    @Test
    void listSendsTheFiltersAndFollowsNextLinksPageByPage() throws InterruptedException {
        server.enqueue(json(200, page("/v2/image-links?org_slug=acme&limit=2&marker=l2",
                link("l1", null, null, 0), link("l2", "acme", null, 1))));
        server.enqueue(json(200, page(null, link("l3", "acme", "lab", 0))));

        List<ImageLink> all = links.list(LinkListOpts.builder().orgSlug("acme").limit(2).build()).stream().collect(Collectors.toList());

        assertThat(all).extracting(ImageLink::linkId).containsExactly("l1", "l2", "l3");
        assertThat(all).extracting(ImageLink::scopeType).containsExactly(ScopeType.GLOBAL, ScopeType.ORGANIZATION, ScopeType.SPACE);
        assertThat(all.get(2).scope()).isEqualTo(Scope.space("acme", "lab"));
        assertThat(all.get(2).spaceType()).isEqualTo("research");
        assertThat(call(server.takeRequest())).isEqualTo("GET /v2/image-links?org_slug=acme&limit=2");
        assertThat(call(server.takeRequest())).isEqualTo("GET /v2/image-links?org_slug=acme&limit=2&marker=l2");
    }

    @Test
    void listWithoutFiltersAsksForEverythingVisible() throws InterruptedException {
        server.enqueue(json(200, page(null)));
        assertThat(links.list().stream()).isEmpty();
        assertThat(call(server.takeRequest())).isEqualTo("GET /v2/image-links");
    }

    @Test
    void listSendsEveryFilterName() throws InterruptedException {
        server.enqueue(json(200, page(null)));
        Page<ImageLink> first = links.list(LinkListOpts.builder().imageId(IMAGE).orgSlug("acme").spaceSlug("lab")
                .spaceType("research").marker("l0").build()).firstPage();
        assertThat(first.items()).isEmpty();
        assertThat(call(server.takeRequest()))
                .isEqualTo("GET /v2/image-links?imid=" + IMAGE + "&org_slug=acme&space_slug=lab&space_type=research&marker=l0");
    }

    @Test
    void anUnknownMarkerIsABadRequest() {
        server.enqueue(error(400, "Bad Request", "marker l404 not found"));
        assertThatThrownBy(() -> links.list(LinkListOpts.builder().marker("l404").build()).firstPage())
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.serverMessage()).hasValue("marker l404 not found"));
    }

    @Test
    void aListingWithoutTheLinkArrayIsAResponseFormatException() {
        server.enqueue(json(200, "{\"links\": []}"));
        assertThatThrownBy(() -> links.list().firstPage()).isInstanceOf(ResponseFormatException.class).hasMessageContaining("image_links");
    }

    /** Issue 14: a broken link in a listing is flagged (as images are), not a failure of the page. */
    @Test
    void aBrokenLinkInAListingIsFlagged() {
        server.enqueue(json(200, page(null, "{\"imid\": \"x\"}")));
        List<ImageLink> items = links.list().firstPage().items();
        assertThat(items).singleElement().satisfies(l -> {
            assertThat(l.linkId()).isNull();
            assertThat(l.imageId()).isEqualTo("x");
            assertThat(l.decodingProblems()).containsExactly("linkid: missing");
        });
    }

    // ---- get

    @Test
    void getReadsOneLink() throws InterruptedException {
        server.enqueue(json(200, link("l7", "acme", null, 4)));
        ImageLink l = links.get("l7");
        assertThat(call(server.takeRequest())).isEqualTo("GET /v2/image-links/l7");
        assertThat(l.linkId()).isEqualTo("l7");
        assertThat(l.imageId()).isEqualTo(IMAGE);
        assertThat(l.orgSlug()).isEqualTo("acme");
        assertThat(l.spaceSlug()).isNull();
        assertThat(l.priority()).isEqualTo(4);
        assertThat(l.comment()).isNull();
    }

    @Test
    void getOfAnInvisibleOrMissingLinkIsNotFound() {
        server.enqueue(error(404, "Not Found", "No image link found with ID l9"));
        assertThatThrownBy(() -> links.get("l9")).isInstanceOf(NotFoundException.class).hasMessageContaining("l9");
    }

    @Test
    void linkIdsAreEncodedAsOnePathSegment() throws InterruptedException {
        server.enqueue(json(200, link("a/b", null, null, 0)));
        links.get("a/b");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/v2/image-links/a%2Fb");
    }

    // ---- create

    @Test
    void createPostsTheLinkAndReadsThe201() throws InterruptedException {
        server.enqueue(created(link("l1", "acme", "lab", 10), "l1"));

        ImageLink l = links.create(LinkCreateOpts.builder(IMAGE, Scope.space("acme", "lab")).priority(10).spaceType("research").build());

        RecordedRequest r = server.takeRequest();
        assertThat(call(r)).isEqualTo("POST /v2/image-links");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(r.getBody().utf8()).isEqualTo("{\"imid\":\"" + IMAGE + "\",\"org_slug\":\"acme\",\"space_slug\":\"lab\","
                + "\"priority\":10,\"space_type\":\"research\"}");
        assertThat(l.linkId()).isEqualTo("l1");
        assertThat(l.scope()).isEqualTo(Scope.space("acme", "lab"));
    }

    @Test
    void createErrorsAreTyped() {
        server.enqueue(error(409, "Conflict", "image already linked in org:acme"));
        assertThatThrownBy(() -> links.create(LinkCreateOpts.of(IMAGE, Scope.organization("acme")))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already linked");
        server.enqueue(error(403, "Forbidden", "You do not own this image"));
        assertThatThrownBy(() -> links.create(LinkCreateOpts.of(IMAGE, Scope.global()))).isInstanceOf(ForbiddenException.class);
        server.enqueue(error(404, "Not Found", "No image found with ID " + IMAGE));
        assertThatThrownBy(() -> links.create(LinkCreateOpts.of(IMAGE, Scope.global()))).isInstanceOf(NotFoundException.class);
        server.enqueue(error(400, "Bad Request", "space_slug needs org_slug"));
        assertThatThrownBy(() -> links.create(LinkCreateOpts.of(IMAGE, Scope.global()))).isInstanceOf(BadRequestException.class);
    }

    @Test
    void createIsNotRetried() throws IOException {
        try (MockWebServer retrying = new MockWebServer()) {
            retrying.start();
            ImageLinks withRetries = ImageLinks.of(ServiceClient.builder().endpoint(retrying.url("/").toString()).build());
            retrying.enqueue(error(503, "Service Unavailable", "busy"));
            retrying.enqueue(created(link("l1", null, null, 0), "l1"));
            assertThatThrownBy(() -> withRetries.create(LinkCreateOpts.of(IMAGE, Scope.global()))).isInstanceOf(ServerException.class);
            assertThat(retrying.getRequestCount()).isEqualTo(1);
        }
    }

    // ---- update / delete / links of an image

    @Test
    void updatePatchesPriorityAndCommentAsAMergePatch() throws InterruptedException {
        server.enqueue(json(200, link("l1", "acme", null, 2)));

        ImageLink l = links.update("l1", LinkUpdateOpts.builder().priority(2).clearComment().build());

        RecordedRequest r = server.takeRequest();
        assertThat(call(r)).isEqualTo("PATCH /v2/image-links/l1");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/merge-patch+json");
        assertThat(r.getBody().utf8()).isEqualTo("{\"priority\":2,\"comment\":null}");
        assertThat(l.priority()).isEqualTo(2);
    }

    @Test
    void updateOfAMissingLinkIsNotFoundAndOfAForeignOneForbidden() {
        server.enqueue(error(404, "Not Found", "No image link found with ID l9"));
        assertThatThrownBy(() -> links.update("l9", LinkUpdateOpts.builder().priority(1).build())).isInstanceOf(NotFoundException.class);
        server.enqueue(error(403, "Forbidden", "You do not own this image"));
        assertThatThrownBy(() -> links.update("l1", LinkUpdateOpts.builder().comment("x").build())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void deleteSendsDeleteAndAcceptsA204() throws InterruptedException {
        server.enqueue(noContent());
        links.delete("l1");
        assertThat(call(server.takeRequest())).isEqualTo("DELETE /v2/image-links/l1");
        server.enqueue(error(404, "Not Found", "No image link found with ID l1"));
        assertThatThrownBy(() -> links.delete("l1")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listForImageReadsTheImagesLinkCollection() throws InterruptedException {
        server.enqueue(json(200, page(null, link("l1", null, null, 0), link("l2", "acme", "lab", 0))));
        List<ImageLink> of = links.listForImage(IMAGE);
        assertThat(call(server.takeRequest())).isEqualTo("GET /v2/images/" + IMAGE + "/links");
        assertThat(of).extracting(ImageLink::linkId).containsExactly("l1", "l2");
        server.enqueue(error(404, "Not Found", "No image found with ID " + IMAGE));
        assertThatThrownBy(() -> links.listForImage(IMAGE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void blankIdsAreRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> links.get(" ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> links.delete(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> links.update("", LinkUpdateOpts.builder().priority(1).build())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> links.listForImage("")).isInstanceOf(ValidationException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    // ---- publish

    @Test
    void publishCreatesTheImageThenOneLinkPerScope() throws InterruptedException {
        server.enqueue(created(image(false), IMAGE));
        server.enqueue(created(link("l1", "acme", null, 0), "l1"));
        server.enqueue(created(link("l2", "acme", "lab", 0), "l2"));

        PublishedImage p = links.publish(CreateOpts.builder().name("published").build(), Scope.organization("acme"), Scope.space("acme", "lab"));

        assertThat(p.image().id()).isEqualTo(IMAGE);
        assertThat(p.links()).extracting(ImageLink::linkId).containsExactly("l1", "l2");
        RecordedRequest image = server.takeRequest();
        assertThat(call(image)).isEqualTo("POST /v2/images");
        assertThat(image.getBody().utf8()).contains("\"name\":\"published\"");
        RecordedRequest first = server.takeRequest();
        assertThat(call(first)).isEqualTo("POST /v2/image-links");
        assertThat(first.getBody().utf8()).isEqualTo("{\"imid\":\"" + IMAGE + "\",\"org_slug\":\"acme\",\"space_slug\":null}");
        assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"imid\":\"" + IMAGE + "\",\"org_slug\":\"acme\",\"space_slug\":\"lab\"}");
    }

    @Test
    void whenTheSecondLinkFailsTheFirstLinkAndTheImageAreDeletedAndTheOriginalErrorIsThrown() throws InterruptedException {
        server.enqueue(created(image(false), IMAGE));
        server.enqueue(created(link("l1", null, null, 0), "l1"));
        server.enqueue(error(403, "Forbidden", "not allowed to publish in org:acme"));
        server.enqueue(noContent());
        server.enqueue(noContent());

        assertThatThrownBy(() -> links.publish(CreateOpts.builder().name("published").build(), Scope.global(), Scope.organization("acme")))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                    assertThat(e.serverMessage()).hasValue("not allowed to publish in org:acme");
                    assertThat(e.getSuppressed()).isEmpty();
                });

        assertThat(calls()).containsExactly("POST /v2/images", "POST /v2/image-links", "POST /v2/image-links",
                "DELETE /v2/image-links/l1", "DELETE /v2/images/" + IMAGE);
    }

    @Test
    void rollbackFailuresAreAttachedToTheOriginalErrorAsSuppressed() throws InterruptedException {
        server.enqueue(created(image(false), IMAGE));
        server.enqueue(created(link("l1", null, null, 0), "l1"));
        server.enqueue(created(link("l2", "acme", null, 0), "l2"));
        server.enqueue(error(409, "Conflict", "image already linked in space:acme/lab"));
        server.enqueue(error(403, "Forbidden", "link l2 is locked"));
        server.enqueue(error(404, "Not Found", "No image link found with ID l1"));
        server.enqueue(error(409, "Conflict", "image is in use"));

        assertThatThrownBy(() -> links.publish(CreateOpts.builder().build(), Scope.global(), Scope.organization("acme"), Scope.space("acme", "lab")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.serverMessage()).hasValue("image already linked in space:acme/lab");
                    assertThat(e.getSuppressed()).hasSize(3);
                    assertThat(e.getSuppressed()[0]).isInstanceOf(ForbiddenException.class).hasMessageContaining("link l2 is locked");
                    assertThat(e.getSuppressed()[1]).as("a 404 may hide a link the caller cannot see: reported, not ignored")
                            .isInstanceOf(NotFoundException.class).hasMessageContaining("l1");
                    assertThat(e.getSuppressed()[2]).isInstanceOf(ConflictException.class).hasMessageContaining("in use");
                });

        assertThat(calls()).containsExactly("POST /v2/images", "POST /v2/image-links", "POST /v2/image-links", "POST /v2/image-links",
                "DELETE /v2/image-links/l2", "DELETE /v2/image-links/l1", "DELETE /v2/images/" + IMAGE);
    }

    @Test
    void whenTheOutcomeIsUnknownTheImagesLinksAreSweptToo() throws InterruptedException {
        server.enqueue(created(image(false), IMAGE));
        server.enqueue(created(link("l1", null, null, 0), "l1"));
        server.enqueue(error(502, "Bad Gateway", "upstream reset"));
        server.enqueue(noContent());
        server.enqueue(json(200, page(null, link("l2", "acme", null, 0))));
        server.enqueue(noContent());
        server.enqueue(noContent());

        assertThatThrownBy(() -> links.publish(CreateOpts.builder().build(), Scope.global(), Scope.organization("acme")))
                .isInstanceOf(ServerException.class);

        assertThat(calls()).containsExactly("POST /v2/images", "POST /v2/image-links", "POST /v2/image-links",
                "DELETE /v2/image-links/l1", "GET /v2/images/" + IMAGE + "/links", "DELETE /v2/image-links/l2",
                "DELETE /v2/images/" + IMAGE);
    }

    @Test
    void aProtectedImageIsUnprotectedBeforeItIsDeleted() throws InterruptedException {
        server.enqueue(created(image(true), IMAGE));
        server.enqueue(error(404, "Not Found", "No image found with ID " + IMAGE));
        server.enqueue(json(200, image(false)));
        server.enqueue(noContent());

        assertThatThrownBy(() -> links.publish(CreateOpts.builder().isProtected(true).build(), Scope.global()))
                .isInstanceOf(NotFoundException.class);

        List<RecordedRequest> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(server.takeRequest());
        }
        assertThat(requests.stream().map(this::call)).containsExactly("POST /v2/images", "POST /v2/image-links",
                "PATCH /v2/images/" + IMAGE, "DELETE /v2/images/" + IMAGE);
        assertThat(requests.get(2).getBody().utf8()).contains("\"path\":\"/protected\"", "\"value\":false");
    }

    @Test
    void whenTheImageCannotBeCreatedNoLinkIsAttempted() {
        server.enqueue(error(403, "Forbidden", "You are not authorized to complete publicize_image action."));
        assertThatThrownBy(() -> links.publish(CreateOpts.builder().build(), Scope.global())).isInstanceOf(ForbiddenException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void publishChecksItsScopesBeforeAnyRequest() {
        CreateOpts opts = CreateOpts.builder().build();
        assertThatThrownBy(() -> links.publish(opts, Scope.global(), null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> links.publish(opts, Scope.organization("acme"), Scope.organization("acme")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("twice");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void dotSegmentsAsLinkIdsAreRefusedBeforeAnyRequest() {
        // ".." would be resolved away: DELETE /v2/image-links/.. is DELETE /v2/
        for (String bad : new String[] {".", "..", "a\u0000b"}) {
            assertThatThrownBy(() -> links.delete(bad)).as(bad).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> links.get(bad)).as(bad).isInstanceOf(ValidationException.class);
        }
        assertThat(server.getRequestCount()).isZero();
    }
}
