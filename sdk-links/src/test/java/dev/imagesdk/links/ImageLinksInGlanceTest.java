package dev.imagesdk.links;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.links.access.CallerRoles;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.imagesdk.links.LinkServerAnswers.IMAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ImageLinks.inGlance} against a small fake of Glance's images API: what is sent, the read-back and repair
 * of a write that a concurrent patch undid, publishing in one POST and its clean-up, and input the encoding cannot
 * carry (refused before any request).
 */
class ImageLinksInGlanceTest {
    private static final Moshi MOSHI = new Moshi.Builder().build();

    private MockWebServer server;
    private ServiceClient client;
    private ImageLinks links;
    private final FakeGlance glance = new FakeGlance();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(glance);
        server.start();
        client = ServiceClient.builder().endpoint(server.url("/").toString()).auth(Auth.token("t"))
                .retryPolicy(RetryPolicy.none()).build();
        links = ImageLinks.inGlance(client, CallerRoles.builder().project("aaaa").orgRole("acme", "member").build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void whatTheEncodingCannotCarryIsRefusedBeforeAnyRequest() {
        List<Runnable> bad = List.of(
                () -> links.create(LinkCreateOpts.of(IMAGE, Scope.organization("Acme"))),
                () -> links.create(LinkCreateOpts.of(IMAGE, Scope.space("acme", "ml:lab"))),
                () -> links.create(LinkCreateOpts.builder(IMAGE, Scope.global()).comment("c".repeat(161)).build()),
                () -> links.create(LinkCreateOpts.builder(IMAGE, Scope.global()).comment("rocket \uD83D\uDE80").build()),
                () -> links.create(LinkCreateOpts.builder(IMAGE, Scope.global()).priority(1_000_000).build()),
                () -> links.create(LinkCreateOpts.builder(IMAGE, Scope.space("acme", "lab")).spaceType("a;b").build()),
                () -> links.update(IMAGE + ":global", LinkUpdateOpts.builder().priority(-1_000_000).build()),
                () -> links.update(IMAGE + ":global", LinkUpdateOpts.builder().comment("bell\u0007").build()),
                () -> links.get("7d0c5e1a"),
                () -> links.delete(IMAGE + ":org:Acme"),
                () -> links.list(LinkListOpts.builder().orgSlug("Acme").build()),
                () -> links.publish(CreateOpts.builder().name("x").property("imagesdk:index:global", "1").build(), Scope.global()),
                () -> links.publish(CreateOpts.builder().name("x").build(), Scope.space("acme", "ML")));
        for (Runnable r : bad) {
            assertThatThrownBy(r::run).isInstanceOf(ValidationException.class);
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void createPatchesTheImageAndReadsItBack() throws Exception {
        glance.image(IMAGE, "aaaa");

        ImageLink l = links.create(LinkCreateOpts.builder(IMAGE, Scope.organization("acme")).priority(7).comment("hi").build());

        assertThat(l.linkId()).isEqualTo(IMAGE + ":org:acme");
        assertThat(l.priority()).isEqualTo(7);
        assertThat(l.comment()).isEqualTo("hi");
        String lock = "43ed5464-1ca9-3b0b-83bb-accb699187bc";   // the lock image of IMAGE, generation 0 (see ImageWriteLockTest)
        assertThat(glance.calls).containsExactly("GET /v2/images/" + IMAGE, "POST /v2/images", "GET /v2/images/" + IMAGE,
                "PATCH /v2/images/" + IMAGE, "GET /v2/images/" + IMAGE, "DELETE /v2/images/" + lock);
        assertThat(glance.bodies.get(1)).contains("\"id\":\"" + lock + "\"", "\"os_hidden\":true", "\"imagesdk:lock-of\":\"" + IMAGE + "\"");
        String patch = glance.bodies.get(3);
        assertThat(patch).matches("\\[\\{\"op\":\"add\",\"path\":\"/imagesdk:link:org:acme\",\"value\":\"v1;p=7;r=[a-z0-9]{8};c=hi\"},"
                + "\\{\"op\":\"add\",\"path\":\"/imagesdk:index:org:acme\",\"value\":\"1\"},"
                + "\\{\"op\":\"add\",\"path\":\"/imagesdk:index:any\",\"value\":\"1\"}]");
    }

    @Test
    void aWriteThatAConcurrentPatchUndidIsAppliedAgain() {
        glance.image(IMAGE, "aaaa");
        glance.undoWrites = 2;

        ImageLink l = links.create(LinkCreateOpts.of(IMAGE, Scope.global()));

        assertThat(l.linkId()).isEqualTo(IMAGE + ":global");
        assertThat(glance.calls.stream().filter(c -> c.startsWith("PATCH")).count()).isEqualTo(3);
        assertThat(glance.images.get(IMAGE)).containsKeys("imagesdk:link:global", "imagesdk:index:global", "imagesdk:index:any");
    }

    @Test
    void anUpdateOfALinkDeletedMeanwhileIsNotFoundAndASecondLinkInAScopeIsAConflict() {
        glance.image(IMAGE, "aaaa");
        ImageLink l = links.create(LinkCreateOpts.of(IMAGE, Scope.global()));
        assertThatThrownBy(() -> links.create(LinkCreateOpts.of(IMAGE, Scope.global()))).isInstanceOf(ConflictException.class);
        links.delete(l.linkId());
        assertThat(glance.images.get(IMAGE)).doesNotContainKeys("imagesdk:link:global", "imagesdk:index:global");
        assertThatThrownBy(() -> links.update(l.linkId(), LinkUpdateOpts.builder().priority(1).build()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> links.delete(l.linkId())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aLinkWrittenInANewerEncodingIsNotOverwrittenByAnUpdateButCanBeDeleted() {
        glance.image(IMAGE, "aaaa");
        glance.images.get(IMAGE).putAll(Map.of("imagesdk:index:any", "1", "imagesdk:link:org:acme", "v2;p=1;r=aa;z=new",
                "imagesdk:index:org:acme", "1"));

        assertThatThrownBy(() -> links.update(IMAGE + ":org:acme", LinkUpdateOpts.builder().priority(3).build()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("version 2");
        assertThat(glance.calls).noneMatch(c -> c.startsWith("PATCH"));
        assertThat(links.get(IMAGE + ":org:acme").decodingProblems())
                .containsExactly("written in link encoding version 2; this SDK reads version 1");

        links.delete(IMAGE + ":org:acme");
        assertThat(glance.images.get(IMAGE)).containsOnlyKeys("imagesdk:index:any", "imagesdk:lock");
    }

    @Test
    void publishIsOnePostAndAnUnknownOutcomeDeletesTheImageItCreated() {
        glance.postStatus = 500;

        assertThatThrownBy(() -> links.publish(CreateOpts.builder().name("p").build(), Scope.global(), Scope.organization("acme")))
                .isInstanceOf(ServerException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());

        assertThat(glance.calls).hasSize(3);
        assertThat(glance.calls.get(0)).isEqualTo("POST /v2/images");
        String id = glance.calls.get(1).substring("GET /v2/images/".length());
        assertThat(glance.calls).containsExactly("POST /v2/images", "GET /v2/images/" + id, "DELETE /v2/images/" + id);
        assertThat(glance.bodies.get(0)).contains("\"id\":\"" + id + "\"", "\"imagesdk:index:global\":\"1\"",
                "\"imagesdk:index:org:acme\":\"1\"", "\"imagesdk:index:any\":\"1\"");
        assertThat(glance.images).isEmpty();
    }

    @Test
    void anUnknownOutcomeNeverDeletesAnImageThatIsNotThisPublishs() {
        glance.image(IMAGE, "aaaa");
        glance.postStatus = 503;
        glance.postStores = false;

        assertThatThrownBy(() -> links.publish(CreateOpts.builder().id(IMAGE).name("p").build(), Scope.global()))
                .isInstanceOf(ServerException.class);

        assertThat(glance.calls).containsExactly("POST /v2/images", "GET /v2/images/" + IMAGE);
        assertThat(glance.images).containsKey(IMAGE);
    }

    @Test
    void publishReturnsTheLinksInTheOrderOfTheScopes() {
        PublishedImage p = links.publish(CreateOpts.builder().name("p").build(), Scope.space("acme", "lab"), Scope.global());
        assertThat(p.links()).extracting(ImageLink::linkId).containsExactly(p.image().id() + ":space:acme:lab",
                p.image().id() + ":global");
        assertThat(p.links()).allMatch(ImageLink::isWellFormed);
        assertThat(glance.calls).containsExactly("POST /v2/images");
    }

    @Test
    void aListingAsksGlanceOnceForEachScopeThatCanApplyAndOnceForTheManagedImages() {
        String i1 = "11111111-1111-1111-1111-111111111111";
        String i2 = "22222222-2222-2222-2222-222222222222";
        String i3 = "33333333-3333-3333-3333-333333333333";
        glance.image(i1, "bbbb");
        glance.images.get(i1).putAll(Map.of("imagesdk:index:any", "1", "imagesdk:link:global", "v1;p=5;r=a1",
                "imagesdk:index:global", "1", "imagesdk:link:org:acme", "v1;p=1;r=a2", "imagesdk:index:org:acme", "1"));
        glance.image(i2, "bbbb");
        glance.images.get(i2).putAll(Map.of("imagesdk:index:any", "1", "imagesdk:link:org:globex", "v1;p=0;r=a3",
                "imagesdk:index:org:globex", "1"));
        glance.image(i3, "aaaa");
        glance.images.get(i3).putAll(Map.of("imagesdk:index:any", "1", "imagesdk:link:space:other:x", "v1;p=0;r=a4",
                "imagesdk:index:space:other:x", "1"));
        ImageLinks caller = ImageLinks.inGlance(client, CallerRoles.builder().project("aaaa").orgRole("acme", "member")
                .inactiveOrgRole("globex", "member").spaceRole("acme", "lab", "editor").build());

        List<ImageLink> all = caller.list().stream().collect(Collectors.toList());

        assertThat(all).extracting(ImageLink::linkId).containsExactly(i1 + ":global", i1 + ":org:acme", i3 + ":space:other:x");
        List<String> queries = glance.calls.stream().map(c -> java.net.URLDecoder.decode(c, java.nio.charset.StandardCharsets.UTF_8))
                .collect(Collectors.toList());
        assertThat(queries).hasSize(4).allMatch(q -> q.startsWith("GET /v2/images?") && q.contains("visibility=all")
                && q.contains("limit=1000"));
        assertThat(queries.get(0)).contains("imagesdk:index:global=1");
        assertThat(queries.get(1)).contains("imagesdk:index:org:acme=1");
        assertThat(queries.get(2)).contains("imagesdk:index:space:acme:lab=1");
        assertThat(queries.get(3)).contains("imagesdk:index:any=1", "owner=aaaa");
        assertThat(String.join(" ", queries)).doesNotContain("globex");
    }

    /** Glance's images API as far as the links need it: image records with string properties. */
    private static final class FakeGlance extends Dispatcher {
        final Map<String, Map<String, String>> images = Collections.synchronizedMap(new LinkedHashMap<>());
        final Map<String, String> owners = new LinkedHashMap<>();
        final java.util.Set<String> deleted = java.util.Collections.synchronizedSet(new java.util.HashSet<>());
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        volatile int undoWrites;
        volatile int postStatus = 201;
        volatile boolean postStores = true;

        void image(String id, String owner) {
            images.put(id, new LinkedHashMap<>());
            owners.put(id, owner);
        }

        @Override
        public MockResponse dispatch(RecordedRequest r) {
            String path = r.getTarget();
            calls.add(r.getMethod() + " " + path);
            String body = r.getBody() == null ? "" : r.getBody().utf8();
            bodies.add(body);
            try {
                if (r.getMethod().equals("POST")) {
                    Map<String, Object> m = MOSHI.<Map<String, Object>>adapter(Types.newParameterizedType(Map.class, String.class, Object.class)).fromJson(body);
                    String id = (String) m.get("id");
                    if (postStores && (images.containsKey(id) || deleted.contains(id))) {
                        return LinkServerAnswers.error(409, "Conflict", "Image ID " + id + " already exists!");
                    }
                    if (postStores) {
                        Map<String, String> props = new LinkedHashMap<>();
                        m.forEach((k, v) -> {
                            if (k.startsWith("imagesdk:")) {
                                props.put(k, (String) v);
                            }
                        });
                        image(id, "aaaa");
                        images.get(id).putAll(props);
                    }
                    return postStatus == 201 ? json(201, render(id)) : LinkServerAnswers.error(postStatus, "Error", "boom");
                }
                if (path.startsWith("/v2/images?")) {
                    return json(200, list(path.substring("/v2/images?".length())));
                }
                String id = path.substring("/v2/images/".length());
                Map<String, String> props = images.get(id);
                if (props == null) {
                    return LinkServerAnswers.error(404, "Not Found", "No image found with ID " + id);
                }
                switch (r.getMethod()) {
                    case "GET":
                        return json(200, render(id));
                    case "DELETE":
                        images.remove(id);
                        deleted.add(id);
                        return LinkServerAnswers.noContent();
                    default:
                        List<Map<String, Object>> ops = MOSHI.<List<Map<String, Object>>>adapter(Types.newParameterizedType(List.class,
                                Types.newParameterizedType(Map.class, String.class, Object.class))).fromJson(body);
                        Map<String, String> next = new LinkedHashMap<>(props);
                        for (Map<String, Object> op : ops) {
                            String key = ((String) op.get("path")).substring(1);
                            switch ((String) op.get("op")) {
                                case "add":
                                    next.put(key, (String) op.get("value"));
                                    break;
                                case "replace":
                                    if (!next.containsKey(key)) {
                                        return LinkServerAnswers.error(409, "Conflict", "Property " + key + " does not exist.");
                                    }
                                    next.put(key, (String) op.get("value"));
                                    break;
                                default:
                                    if (next.remove(key) == null) {
                                        return LinkServerAnswers.error(409, "Conflict", "Property " + key + " does not exist.");
                                    }
                            }
                        }
                        if (undoWrites > 0) {
                            undoWrites--;   // answered as done, then undone by a "concurrent" patch
                        } else {
                            props.clear();
                            props.putAll(next);
                        }
                        return json(200, render(id));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The images whose properties (and owner) equal the query's filters; one page. */
        private String list(String query) {
            Map<String, String> filters = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                filters.put(java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
            }
            List<String> found = new ArrayList<>();
            images.forEach((id, props) -> {
                boolean match = true;
                for (Map.Entry<String, String> f : filters.entrySet()) {
                    String k = f.getKey();
                    if (k.equals("owner")) {
                        match &= f.getValue().equals(owners.get(id));
                    } else if (!k.equals("visibility") && !k.equals("limit")) {
                        match &= f.getValue().equals(props.get(k));
                    }
                }
                if (match) {
                    found.add(render(id));
                }
            });
            return "{\"images\": [" + String.join(", ", found) + "], \"first\": \"/v2/images\", \"schema\": \"/v2/schemas/images\"}";
        }

        private String render(String id) {
            String base = LinkServerAnswers.image(false).replace(IMAGE, id).replace("\"owner\": \"aaaa\"",
                    "\"owner\": \"" + owners.getOrDefault(id, "aaaa") + "\"");
            String extra = images.getOrDefault(id, Map.of()).entrySet().stream()
                    .map(e -> MOSHI.adapter(String.class).toJson(e.getKey()) + ": " + MOSHI.adapter(String.class).toJson(e.getValue()))
                    .collect(Collectors.joining(", "));
            return extra.isEmpty() ? base : "{" + extra + ", " + base.substring(1);
        }

        private static MockResponse json(int code, String body) {
            return LinkServerAnswers.json(code, body);
        }
    }
}
