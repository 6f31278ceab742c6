package dev.imagesdk.links;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.Visibility;
import dev.imagesdk.links.access.CallerRoles;
import dev.imagesdk.links.access.ScopeProjects;
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
 * Availability following the links kept in Glance ({@code ImageLinks.inGlance(client, caller, projects)}) against a
 * small fake of Glance's images and members APIs that keeps Glance's rules (members only on shared images, a new
 * member pending, 409 for a second add, 404 for removing a non-member): which member calls are sent, the visibility
 * patches, and the reconcile report. Expected members and visibilities written by hand from the scope table below.
 */
class ImageLinksAvailabilityTest {
    private static final Moshi MOSHI = new Moshi.Builder().build();
    private static final String OTHER = "0b7a3c1e-1111-4222-8333-444455556666";
    /** acme is project oooo, its space ml-lab is project ssss; globex has no project. */
    private static final ScopeProjects PROJECTS = ScopeProjects.builder().organization("acme", "oooo")
            .space("acme", "ml-lab", "ssss").build();

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
        links = ImageLinks.inGlance(client, () -> CallerRoles.builder().project("aaaa").build(), PROJECTS);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSpaceLinkSharesWithTheSpaceProjectAndDeletingItWithdrawsTheMembership() {
        glance.image(IMAGE, "aaaa", "shared");

        ImageLink l = links.create(LinkCreateOpts.of(IMAGE, Scope.space("acme", "ml-lab")));

        assertThat(glance.members(IMAGE)).containsExactly(Map.entry("ssss", "pending"));
        assertThat(glance.calls).contains("POST /v2/images/" + IMAGE + "/members {\"member\":\"ssss\"}");
        assertThat(glance.visibility(IMAGE)).isEqualTo("shared");

        links.delete(l.linkId());

        assertThat(glance.members(IMAGE)).isEmpty();
        assertThat(glance.calls).contains("DELETE /v2/images/" + IMAGE + "/members/ssss ");
    }

    /** The link write and the adjustment of members it calls for happen while the image's link-write lock is held. */
    @Test
    void theLinkWriteAndTheMembersItCallsForAreChangedUnderTheImagesWriteLock() {
        glance.image(IMAGE, "aaaa", "shared");

        ImageLink l = links.create(LinkCreateOpts.of(IMAGE, Scope.space("acme", "ml-lab")));
        links.delete(l.linkId());

        List<String> kinds = glance.calls.stream().map(c -> c.startsWith("POST /v2/images {") ? "lock"
                : c.startsWith("DELETE /v2/images/" + IMAGE + "/members") ? "remove member"
                : c.startsWith("DELETE /v2/images/") ? "release"
                : c.startsWith("PATCH") ? "patch" : c.startsWith("POST /v2/images/" + IMAGE + "/members") ? "add member" : "read")
                .filter(k -> !k.equals("read")).collect(Collectors.toList());
        // the delete's first create is of generation 0, released by the create: 409, then generation 1 is taken
        assertThat(kinds).containsExactly("lock", "patch", "add member", "release", "lock", "lock", "patch", "remove member",
                "release");
    }

    /** Projects that cannot be looked up (a Keystone 403, say) fail the create and the delete before anything is written. */
    @Test
    void aProjectLookupThatFailsChangesNothing() {
        glance.image(IMAGE, "aaaa", "shared");
        ImageLink kept = links.create(LinkCreateOpts.of(IMAGE, Scope.space("acme", "ml-lab")));
        int before = glance.calls.size();
        ImageLinks failing = ImageLinks.inGlance(client, () -> CallerRoles.builder().project("aaaa").build(), (org, space) -> {
            throw new dev.imagesdk.core.error.ForbiddenException("You are not authorized to perform the requested action:"
                    + " identity:list_projects.", "GET", "/v3/projects", null, Map.of());
        });

        assertThatThrownBy(() -> failing.create(LinkCreateOpts.of(IMAGE, Scope.organization("acme"))))
                .isInstanceOf(dev.imagesdk.core.error.ForbiddenException.class);
        assertThatThrownBy(() -> failing.delete(kept.linkId())).isInstanceOf(dev.imagesdk.core.error.ForbiddenException.class);

        assertThat(glance.calls.subList(before, glance.calls.size())).allMatch(c -> c.startsWith("GET "));
        assertThat(glance.props(IMAGE)).containsKey("imagesdk:link:space:acme:ml-lab").doesNotContainKey("imagesdk:link:org:acme");
        assertThat(glance.members(IMAGE)).containsOnlyKeys("ssss");
    }

    @Test
    void anOrganizationLinkSharesWithTheOrganizationsProjectOnlyNotWithItsSpaces() {
        glance.image(IMAGE, "aaaa", "shared");

        links.create(LinkCreateOpts.of(IMAGE, Scope.organization("acme")));

        assertThat(glance.members(IMAGE)).containsOnlyKeys("oooo");
    }

    @Test
    void aPrivateImageBecomesSharedForItsFirstSpaceLink() {
        glance.image(IMAGE, "aaaa", "private");

        links.create(LinkCreateOpts.of(IMAGE, Scope.space("acme", "ml-lab")));

        assertThat(glance.visibility(IMAGE)).isEqualTo("shared");
        assertThat(glance.members(IMAGE)).containsOnlyKeys("ssss");
    }

    @Test
    void aGlobalLinkMakesTheImageCommunityAndTheLastGlobalLinkGoingMakesItSharedAgain() {
        glance.image(IMAGE, "aaaa", "shared");

        ImageLink global = links.create(LinkCreateOpts.of(IMAGE, Scope.global()));

        assertThat(glance.visibility(IMAGE)).isEqualTo("community");
        assertThat(glance.calls).contains("PATCH /v2/images/" + IMAGE + " [{\"op\":\"replace\",\"path\":\"/visibility\",\"value\":\"community\"}]");

        links.create(LinkCreateOpts.of(IMAGE, Scope.organization("acme")));
        assertThat(glance.visibility(IMAGE)).isEqualTo("community");   // members cannot be managed on a community image

        links.delete(global.linkId());

        assertThat(glance.visibility(IMAGE)).isEqualTo("shared");
        assertThat(glance.members(IMAGE)).containsOnlyKeys("oooo");
    }

    @Test
    void aPublicImageStaysPublicWhileItHasAGlobalLink() {
        glance.image(IMAGE, "aaaa", "public");
        glance.props(IMAGE).putAll(Map.of("imagesdk:link:global", "v1;p=0;r=abcdefgh", "imagesdk:index:global", "1",
                "imagesdk:index:any", "1"));

        ReconcileReport r = links.reconcile(IMAGE);

        assertThat(r.isEmpty()).isTrue();
        assertThat(glance.visibility(IMAGE)).isEqualTo("public");
    }

    @Test
    void reconcileAddsMissingMembersRemovesOthersReportsItAndASecondRunChangesNothing() {
        glance.image(IMAGE, "aaaa", "shared");
        glance.props(IMAGE).putAll(Map.of(
                "imagesdk:link:org:acme", "v1;p=0;r=abcdefgh", "imagesdk:index:org:acme", "1",
                "imagesdk:link:space:acme:ml-lab", "v1;p=3;r=bcdefghi", "imagesdk:index:space:acme:ml-lab", "1",
                "imagesdk:index:any", "1"));
        glance.members(IMAGE).put("xxxx", "accepted");   // added by hand: no link calls for it
        glance.members(IMAGE).put("ssss", "accepted");   // already there: stays, with its answer

        ReconcileReport first = links.reconcile(IMAGE);

        assertThat(first.imagesChecked()).isEqualTo(1);
        assertThat(first.changes()).containsExactly(new AvailabilityChange(IMAGE, Visibility.SHARED, Visibility.SHARED,
                List.of("oooo"), List.of("xxxx")));
        assertThat(first.unresolved()).isEmpty();
        assertThat(glance.members(IMAGE)).containsExactly(Map.entry("ssss", "accepted"), Map.entry("oooo", "pending"));

        ReconcileReport second = links.reconcile(IMAGE);

        assertThat(second.isEmpty()).isTrue();
        assertThat(second.changes()).isEmpty();
        assertThat(second.imagesChecked()).isEqualTo(1);
    }

    @Test
    void aProjectGlanceStoredTwiceIsRemovedAsOftenAsItIsListedAndAWantedOneKeepsOneRecord() {
        glance.image(IMAGE, "aaaa", "shared");
        glance.props(IMAGE).putAll(Map.of("imagesdk:link:space:acme:ml-lab", "v1;p=0;r=abcdefgh",
                "imagesdk:index:space:acme:ml-lab", "1", "imagesdk:index:any", "1"));
        glance.members(IMAGE).put("ssss", "pending");
        glance.members(IMAGE).put("xxxx", "pending");
        glance.extraRecords.put("ssss", 1);
        glance.extraRecords.put("xxxx", 1);

        ReconcileReport first = links.reconcile(IMAGE);

        assertThat(first.changes()).containsExactly(new AvailabilityChange(IMAGE, Visibility.SHARED, Visibility.SHARED,
                List.of(), List.of("xxxx")));
        assertThat(glance.calls.stream().filter(c -> c.startsWith("DELETE /v2/images/" + IMAGE + "/members/xxxx")).count()).isEqualTo(2);
        assertThat(glance.members(IMAGE)).containsOnlyKeys("ssss");
        assertThat(glance.extraRecords).containsOnly(Map.entry("ssss", 0), Map.entry("xxxx", 0));
        assertThat(links.reconcile(IMAGE).isEmpty()).isTrue();
    }

    @Test
    void reconcileOfEveryImageCoversTheImagesOfTheCallersProjectAndNamesScopesWithoutAProject() {
        glance.image(IMAGE, "aaaa", "community");   // its global link went while nobody watched
        glance.props(IMAGE).putAll(Map.of("imagesdk:link:org:globex", "v1;p=0;r=abcdefgh", "imagesdk:index:org:globex", "1",
                "imagesdk:index:any", "1"));
        glance.image(OTHER, "bbbb", "shared");      // another project's image: not the caller's to manage
        glance.props(OTHER).putAll(Map.of("imagesdk:link:org:acme", "v1;p=0;r=abcdefgh", "imagesdk:index:org:acme", "1",
                "imagesdk:index:any", "1"));

        ReconcileReport r = links.reconcile();

        assertThat(r.imagesChecked()).isEqualTo(1);
        assertThat(r.changes()).containsExactly(new AvailabilityChange(IMAGE, Visibility.COMMUNITY, Visibility.SHARED,
                List.of(), List.of()));
        assertThat(r.unresolved()).containsExactly(IMAGE + ": organization globex");
        assertThat(glance.members(IMAGE)).isEmpty();
        assertThat(glance.members(OTHER)).isEmpty();
        assertThat(links.reconcile().isEmpty()).isTrue();
    }

    /**
     * A reconcile of every image takes no lock for an image already in line, and deletes the lock images that writers
     * left behind (created long ago: the fixture's 2026-11-22).
     */
    @Test
    void reconcileOfEveryImageTakesNoLockForAnImageInLineAndDeletesLocksLeftBehind() {
        glance.image(IMAGE, "aaaa", "shared");
        links.create(LinkCreateOpts.of(IMAGE, Scope.space("acme", "ml-lab")));
        String left = "7a6b5c4d-0000-4000-8000-00000000000f";
        glance.image(left, "aaaa", "private");
        glance.props(left).put("imagesdk:lock-of", OTHER);
        glance.names.put(left, "imagesdk link-write lock");
        glance.hidden.add(left);
        int before = glance.calls.size();

        ReconcileReport r = links.reconcile();

        assertThat(r.changes()).isEmpty();
        assertThat(r.imagesChecked()).isEqualTo(1);
        assertThat(r.locksRemoved()).containsExactly(left);
        assertThat(r.isEmpty()).isFalse();
        List<String> after = glance.calls.subList(before, glance.calls.size());
        assertThat(after).noneMatch(c -> c.startsWith("POST /v2/images {") || c.startsWith("PATCH"));
        assertThat(after).contains("DELETE /v2/images/" + left + " ");
        assertThat(links.reconcile().isEmpty()).isTrue();
    }

    @Test
    void publishingSetsTheVisibilityInTheCreateAndAddsTheMembersAfterwards() {
        PublishedImage p = links.publish(CreateOpts.builder().id(IMAGE).name("lab").visibility(Visibility.PRIVATE).build(),
                Scope.space("acme", "ml-lab"));
        assertThat(p.links()).hasSize(1);
        assertThat(glance.visibility(IMAGE)).isEqualTo("shared");
        assertThat(glance.members(IMAGE)).containsOnlyKeys("ssss");

        PublishedImage q = links.publish(CreateOpts.builder().id(OTHER).name("web").build(), Scope.global(), Scope.organization("acme"));
        assertThat(q.links()).hasSize(2);
        assertThat(glance.visibility(OTHER)).isEqualTo("community");
        assertThat(glance.calls).noneMatch(c -> c.startsWith("POST /v2/images/" + OTHER + "/members"));
    }

    @Test
    void reconcileNeedsLinksInGlanceWithProjectsAndACallerThatManagesImages() {
        assertThatThrownBy(() -> ImageLinks.inGlance(client, CallerRoles.builder().project("aaaa").build()).reconcile(IMAGE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("projects");
        assertThatThrownBy(() -> ImageLinks.of(client).reconcile(IMAGE)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ImageLinks.inGlance(client, CallerRoles.authenticatedWithoutRoles(), PROJECTS).reconcile())
                .isInstanceOf(ValidationException.class).hasMessageContaining("project");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void scopeProjectsFromAMapAnswerPerScope() {
        ScopeProjects p = ScopeProjects.of(Map.of("acme", "oooo", "acme/ml-lab", "ssss"));
        assertThat(p.projectOf("acme", null)).contains("oooo");
        assertThat(p.projectOf("acme", "ml-lab")).contains("ssss");
        assertThat(p.projectOf("acme", "other")).isEmpty();
        assertThat(p.projectOf("globex", null)).isEmpty();
        assertThat(ScopeProjects.none().projectOf("acme", null)).isEmpty();
        assertThatThrownBy(() -> ScopeProjects.of(Map.of("a/b/c", "p"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ScopeProjects.of(Map.of("acme", " "))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> p.projectOf(null, "ml-lab")).isInstanceOf(ValidationException.class);
    }

    /** Glance's images (owner, visibility, custom properties) and members, with the rules the SDK meets. */
    static final class FakeGlance extends Dispatcher {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, Map<String, String>> props = new LinkedHashMap<>();
        private final Map<String, String> owners = new LinkedHashMap<>();
        private final Map<String, String> visibilities = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> members = new LinkedHashMap<>();
        /** Extra records of a member (Glance stores a project more than once when requests add it at once). */
        final Map<String, Integer> extraRecords = new LinkedHashMap<>();
        /** Names of images given one, for the {@code name} filter (the rendered name stays the fixture's). */
        final Map<String, String> names = new LinkedHashMap<>();
        /** Hidden images ({@code os_hidden}): listed only with {@code os_hidden=true}. */
        final java.util.Set<String> hidden = new java.util.HashSet<>();
        /** Ids of deleted images (Glance refuses to create them again: 409). */
        private final java.util.Set<String> deleted = new java.util.HashSet<>();

        synchronized void image(String id, String owner, String visibility) {
            props.put(id, new LinkedHashMap<>());
            owners.put(id, owner);
            visibilities.put(id, visibility);
            members.put(id, new LinkedHashMap<>());
        }

        Map<String, String> props(String id) {
            return props.get(id);
        }

        Map<String, String> members(String id) {
            return members.get(id);
        }

        String visibility(String id) {
            return visibilities.get(id);
        }

        @Override
        public synchronized MockResponse dispatch(RecordedRequest r) {
            String path = r.getTarget();
            String body = r.getBody() == null ? "" : r.getBody().utf8();
            calls.add(r.getMethod() + " " + path + " " + body);
            try {
                if (path.equals("/v2/images") && r.getMethod().equals("POST")) {
                    Map<String, Object> create = MOSHI.<Map<String, Object>>adapter(Types.newParameterizedType(Map.class, String.class,
                            Object.class)).fromJson(body);
                    String id = (String) create.get("id");
                    if (props.containsKey(id) || deleted.contains(id)) {
                        return LinkServerAnswers.error(409, "Conflict", "Image ID " + id + " already exists!");
                    }
                    image(id, "aaaa", create.containsKey("visibility") ? (String) create.get("visibility") : "shared");
                    create.forEach((k, v) -> {
                        if (k.startsWith("imagesdk:")) {
                            props.get(id).put(k, (String) v);
                        }
                    });
                    return json(201, render(id));
                }
                if (path.startsWith("/v2/images?")) {
                    return json(200, list(path.substring("/v2/images?".length())));
                }
                String[] parts = path.substring("/v2/images/".length()).split("/");
                String id = parts[0];
                if (!props.containsKey(id)) {
                    return LinkServerAnswers.error(404, "Not Found", "No image found with ID " + id);
                }
                if (parts.length > 1) {
                    return member(r.getMethod(), id, parts.length > 2 ? parts[2] : null, body);
                }
                switch (r.getMethod()) {
                    case "GET":
                        return json(200, render(id));
                    case "DELETE":
                        props.remove(id);
                        deleted.add(id);
                        return LinkServerAnswers.noContent();
                    default:
                        List<Map<String, Object>> ops = MOSHI.<List<Map<String, Object>>>adapter(Types.newParameterizedType(List.class,
                                Types.newParameterizedType(Map.class, String.class, Object.class))).fromJson(body);
                        Map<String, String> next = new LinkedHashMap<>(props.get(id));
                        String visibility = visibilities.get(id);
                        for (Map<String, Object> op : ops) {
                            String key = ((String) op.get("path")).substring(1);
                            if (key.equals("visibility")) {
                                visibility = (String) op.get("value");
                            } else if (op.get("op").equals("remove")) {
                                if (next.remove(key) == null) {
                                    return LinkServerAnswers.error(409, "Conflict", "Property " + key + " does not exist.");
                                }
                            } else {
                                next.put(key, (String) op.get("value"));
                            }
                        }
                        props.put(id, next);
                        visibilities.put(id, visibility);
                        return json(200, render(id));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private MockResponse member(String method, String id, String member, String body) throws IOException {
            if (!visibilities.get(id).equals("shared")) {
                return LinkServerAnswers.error(403, "Forbidden", "Only shared images have members.");
            }
            Map<String, String> m = members.get(id);
            switch (method) {
                case "GET":
                    String list = m.entrySet().stream().flatMap(e -> java.util.stream.Stream.generate(() -> memberJson(id, e.getKey(), e.getValue()))
                            .limit(1 + extraRecords.getOrDefault(e.getKey(), 0))).collect(Collectors.joining(", "));
                    return json(200, "{\"members\": [" + list + "], \"schema\": \"/v2/schemas/members\"}");
                case "POST":
                    String project = (String) MOSHI.adapter(Map.class).fromJson(body).get("member");
                    if (m.containsKey(project)) {
                        return LinkServerAnswers.error(409, "Conflict", "Member " + project + " already exists.");
                    }
                    m.put(project, "pending");
                    return json(200, memberJson(id, project, "pending"));
                default:
                    if (extraRecords.getOrDefault(member, 0) > 0 && m.containsKey(member)) {
                        extraRecords.merge(member, -1, Integer::sum);
                        return LinkServerAnswers.noContent();
                    }
                    if (m.remove(member) == null) {
                        return LinkServerAnswers.error(404, "Not Found", member + " not found in the member list of the image " + id + ".");
                    }
                    return LinkServerAnswers.noContent();
            }
        }

        private static String memberJson(String image, String member, String status) {
            return "{\"member_id\": \"" + member + "\", \"image_id\": \"" + image + "\", \"status\": \"" + status + "\","
                    + " \"created_at\": \"2026-11-22T12:50:42Z\", \"updated_at\": \"2026-11-22T12:50:42Z\", \"schema\": \"/v2/schemas/member\"}";
        }

        private String list(String query) {
            Map<String, String> filters = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                filters.put(java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
            }
            List<String> found = new ArrayList<>();
            props.forEach((id, p) -> {
                boolean match = true;
                for (Map.Entry<String, String> f : filters.entrySet()) {
                    String k = f.getKey();
                    if (k.equals("owner")) {
                        match &= f.getValue().equals(owners.get(id));
                    } else if (k.equals("name")) {
                        match &= f.getValue().equals(names.get(id));
                    } else if (k.equals("os_hidden")) {
                        match &= Boolean.parseBoolean(f.getValue()) == hidden.contains(id);
                    } else if (!k.equals("visibility") && !k.equals("limit")) {
                        match &= f.getValue().equals(p.get(k));
                    }
                }
                if (!filters.containsKey("os_hidden") && hidden.contains(id)) {
                    match = false;
                }
                if (match) {
                    found.add(render(id));
                }
            });
            return "{\"images\": [" + String.join(", ", found) + "], \"first\": \"/v2/images\", \"schema\": \"/v2/schemas/images\"}";
        }

        private String render(String id) {
            String base = LinkServerAnswers.image(false).replace(IMAGE, id)
                    .replace("\"owner\": \"aaaa\"", "\"owner\": \"" + owners.get(id) + "\"")
                    .replace("\"visibility\": \"shared\"", "\"visibility\": \"" + visibilities.get(id) + "\"");
            String extra = props.get(id).entrySet().stream()
                    .map(e -> MOSHI.adapter(String.class).toJson(e.getKey()) + ": " + MOSHI.adapter(String.class).toJson(e.getValue()))
                    .collect(Collectors.joining(", "));
            return extra.isEmpty() ? base : "{" + extra + ", " + base.substring(1);
        }

        private static MockResponse json(int code, String body) {
            return LinkServerAnswers.json(code, body);
        }
    }
}
