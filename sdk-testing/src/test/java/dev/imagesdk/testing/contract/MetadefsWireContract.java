package dev.imagesdk.testing.contract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Glance's metadata definitions API ({@code /v2/metadefs}, {@code /v2/schemas/metadefs}) on the wire (issue
 * 16): every endpoint's answer and its main errors, with Glance 25's default policies (writes need the admin
 * role; a private namespace is seen by its owner project and admins). Expected values were written from what
 * the real Glance 25.1 and 30.0 answered to curl ({@code scripts/glance.sh}, headers mode, definitions
 * loaded); where 30.0 answers differently, {@link GlanceRelease} says so. Each test uses namespaces named
 * after a fresh UUID and deletes them; it does not create resource types other than Glance's own
 * {@code OS::Glance::Image} and {@code OS::Nova::Flavor} (a resource type outlives its associations).
 */
public interface MetadefsWireContract extends GlanceWireContract {

    /** One caller through the trusted identity headers: a project and its roles. */
    final class Md {
        final String endpoint;
        final String project;
        final String roles;

        Md(String endpoint, String project, String roles) {
            this.endpoint = endpoint;
            this.project = project;
            this.roles = roles;
        }

        HttpResponse<byte[]> call(String method, String path, String body, String... headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .header("X-Identity-Status", "Confirmed").header("X-Project-Id", project)
                    .header("X-User-Id", "md-user-" + project).header("X-Roles", roles)
                    .header("Accept", "application/json");
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            return GlanceWireContract.Caller.exchange(b.build());
        }

        HttpResponse<byte[]> get(String path) {
            return call("GET", path, null);
        }
    }

    private Md admin() {
        return new Md(wireEndpoint(), "mdadm" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
                "admin,member,reader");
    }

    private Md member(String project) {
        return new Md(wireEndpoint(), project, "member,reader");
    }

    private static String freshProject() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A namespace name nobody else uses. */
    private static String fresh() {
        return "wire-md-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private static String ns(String name) {
        return "/v2/metadefs/namespaces/" + name;
    }

    /** Deletes the namespaces (unprotecting them first), whatever state a failed test left them in. */
    private static void cleanUp(Md admin, String... names) {
        for (String n : names) {
            admin.call("PUT", ns(n), "{\"namespace\":\"" + n + "\",\"protected\":false}");
            admin.call("DELETE", ns(n), null);
        }
    }

    private static Map<String, Object> json(HttpResponse<byte[]> r) {
        return Caller.parse(r);
    }

    private static String message(HttpResponse<byte[]> r) {
        return Caller.message(r);
    }

    /** The first paragraph of a schema error (Glance appends the schema it checked after it). */
    private static String reason(HttpResponse<byte[]> r) {
        String m = message(r);
        int p = m.indexOf("\n\n");
        return p < 0 ? m : m.substring(0, p);
    }

    private static void expect(HttpResponse<byte[]> r, int status) {
        assertThat(r.statusCode()).as(Caller.text(r)).isEqualTo(status);
    }

    private static void expectError(HttpResponse<byte[]> r, int status, String message) {
        expect(r, status);
        assertThat(message(r)).isEqualTo(message);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> doc, String key) {
        return (List<Object>) doc.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static List<Object> names(List<Object> items, String key) {
        List<Object> out = new ArrayList<>();
        for (Object o : items) {
            out.add(map(o).get(key));
        }
        return out;
    }

    /** Glance's metadef timestamps: whole seconds, UTC. */
    String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    // ---- namespaces ----------------------------------------------------------------------------------

    @Test
    default void aNamespaceIsCreatedShownReplacedAndDeleted() {
        Md admin = admin();
        String a = fresh();
        String b = fresh();
        try {
            HttpResponse<byte[]> created = admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + a
                    + "\",\"display_name\":\"Wire A\",\"description\":\"first\",\"visibility\":\"private\","
                    + "\"protected\":false}");
            expect(created, 201);
            assertThat(created.headers().firstValue("Location")).contains(wireEndpoint() + ns(a));
            Map<String, Object> doc = json(created);
            assertThat(doc).containsEntry("namespace", a).containsEntry("display_name", "Wire A")
                    .containsEntry("description", "first").containsEntry("visibility", "private")
                    .containsEntry("protected", false).containsEntry("owner", admin.project)
                    .containsEntry("self", ns(a)).containsEntry("schema", "/v2/schemas/metadefs/namespace");
            assertThat((String) doc.get("created_at")).matches(TIMESTAMP);
            assertThat(doc.get("updated_at")).isEqualTo(doc.get("created_at"));
            assertThat(doc).doesNotContainKeys("objects", "properties", "tags", "resource_type_associations");

            expectError(admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + a + "\"}"), 409,
                    "The metadata definition namespace=" + a + " already exists.");

            Map<String, Object> shown = json(admin.get(ns(a)));
            assertThat(shown).containsEntry("namespace", a).containsEntry("display_name", "Wire A")
                    .containsEntry("owner", admin.project).containsEntry("created_at", doc.get("created_at"));

            // PUT replaces: what is not sent is gone (display_name) or back to create's defaults
            HttpResponse<byte[]> put = admin.call("PUT", ns(a), "{\"namespace\":\"" + a
                    + "\",\"description\":\"second\"}");
            expect(put, 200);
            assertThat(json(put)).containsEntry("description", "second").containsEntry("visibility", "private")
                    .containsEntry("protected", false).containsEntry("owner", admin.project)
                    .doesNotContainKey("display_name");
            assertThat(json(admin.get(ns(a)))).containsEntry("description", "second").doesNotContainKey("display_name");

            expect(admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + b + "\"}"), 201);
            expectError(admin.call("PUT", ns(a), "{\"namespace\":\"" + b + "\"}"), 409,
                    "Invalid update. It would result in a duplicate metadata definition namespace with the same "
                            + "name of " + b);
            String renamed = a + "-r";
            expect(admin.call("PUT", ns(a), "{\"namespace\":\"" + renamed + "\"}"), 200);
            expectError(admin.get(ns(a)), 404, "Metadata definition namespace=" + a + " was not found.");
            expect(admin.call("DELETE", ns(renamed), null), 204);
            expectError(admin.get(ns(renamed)), 404, "Metadata definition namespace=" + renamed + " was not found.");
            expectError(admin.call("DELETE", ns(renamed), null), 404, "Namespace " + renamed + " not found");
            expectError(admin.call("PUT", ns(renamed), "{\"namespace\":\"" + renamed + "\"}"), 404,
                    "Namespace " + renamed + " not found");
        } finally {
            cleanUp(admin, a, a + "-r", b);
        }
    }

    @Test
    default void aNamespaceBodyIsCheckedBeforeAnythingIsCreated() {
        Md admin = admin();
        String a = fresh();
        try {
            HttpResponse<byte[]> noName = admin.call("POST", "/v2/metadefs/namespaces", "{\"display_name\":\"x\"}");
            expect(noName, 400);
            assertThat(reason(noName)).isEqualTo("Provided object does not match schema 'namespace': 'namespace' is "
                    + "a required property");
            HttpResponse<byte[]> shared = admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + a
                    + "\",\"visibility\":\"shared\"}");
            expect(shared, 400);
            assertThat(reason(shared)).isEqualTo("Provided object does not match schema 'namespace': 'shared' is not "
                    + "one of ['public', 'private']");
            HttpResponse<byte[]> extra = admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + a
                    + "\",\"bogus\":1}");
            expect(extra, 400);
            assertThat(reason(extra)).isEqualTo("Provided object does not match schema 'namespace': Additional "
                    + "properties are not allowed ('bogus' was unexpected)");
            expectError(admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + a
                    + "\",\"created_at\":\"2020-01-01T00:00:00Z\"}"), 403, "Attribute 'created_at' is read-only.");
            expectError(admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":"), 400,
                    "Malformed JSON in request body.");
            expectError(admin.call("POST", "/v2/metadefs/namespaces", ""), 400, "Body expected in request.");
            HttpResponse<byte[]> badProperty = admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + a
                    + "\",\"properties\":{\"p\":{\"type\":\"string\"}}}");
            expect(badProperty, 400);
            assertThat(reason(badProperty)).isEqualTo("Provided object does not match schema 'namespace': 'title' "
                    + "is a required property");
            expectError(admin.get(ns(a)), 404, "Metadata definition namespace=" + a + " was not found.");

            HttpResponse<byte[]> patch = admin.call("PATCH", ns(a), "{}");
            expect(patch, 405);
            assertThat(patch.headers().firstValue("Allow")).contains("GET, PUT, DELETE");
        } finally {
            cleanUp(admin, a);
        }
    }

    @Test
    default void everyMetadefWriteNeedsTheAdminRole() {
        Md admin = admin();
        Md owner = member(admin.project);
        String a = fresh();
        try {
            expectError(owner.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + a + "\"}"), 403,
                    "You are not authorized to complete add_metadef_namespace action.");
            expect(admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + a + "\"}"), 201);
            expect(owner.get(ns(a)), 200);
            expectError(owner.call("PUT", ns(a), "{\"namespace\":\"" + a + "\"}"), 403,
                    "You are not authorized to complete modify_metadef_namespace action.");
            expectError(owner.call("DELETE", ns(a), null), 403,
                    "You are not authorized to complete delete_metadef_namespace action.");
            expectError(owner.call("POST", ns(a) + "/objects", "{\"name\":\"o\"}"), 403,
                    "You are not authorized to complete add_metadef_object action.");
            expectError(owner.call("POST", ns(a) + "/properties", "{\"name\":\"p\",\"title\":\"P\",\"type\":\"string\"}"),
                    403, "You are not authorized to complete add_metadef_property action.");
            expectError(owner.call("POST", ns(a) + "/tags/t", null), 403,
                    "You are not authorized to complete add_metadef_tag action.");
            expectError(owner.call("POST", ns(a) + "/tags", "{\"tags\":[{\"name\":\"t\"}]}"), 403,
                    "You are not authorized to complete add_metadef_tags action.");
            expectError(owner.call("POST", ns(a) + "/resource_types", "{\"name\":\"OS::Glance::Image\"}"), 403,
                    "You are not authorized to complete add_metadef_resource_type_association action.");
            expectError(owner.call("DELETE", ns(a) + "/objects", null), 403,
                    "You are not authorized to complete delete_metadef_namespace action.");
            expectError(owner.call("DELETE", ns(a) + "/tags", null), 403,
                    "You are not authorized to complete delete_metadef_namespace action.");
        } finally {
            cleanUp(admin, a);
        }
    }

    @Test
    default void aPrivateNamespaceIsSeenByItsOwnerProjectAndAdminsOnly() {
        Md admin = admin();
        String ownerProject = freshProject();
        Md owner = member(ownerProject);
        Md stranger = member(freshProject());
        String priv = fresh();
        String pub = fresh();
        try {
            expect(admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + priv + "\",\"owner\":\""
                    + ownerProject + "\"}"), 201);
            expect(admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + pub
                    + "\",\"visibility\":\"public\"}"), 201);
            assertThat(json(owner.get(ns(priv)))).containsEntry("visibility", "private")
                    .containsEntry("owner", ownerProject);
            expect(admin.get(ns(priv)), 200);
            expectError(stranger.get(ns(priv)), 404, "The resource could not be found.");
            expectError(stranger.get(ns(priv) + "/objects"), 404, "Namespace " + priv + " not found");
            expectError(stranger.get(ns(priv) + "/properties"), 404, "Namespace " + priv + " not found");
            expectError(stranger.get(ns(priv) + "/tags"), 404, "Namespace " + priv + " not found");
            expectError(stranger.get(ns(priv) + "/resource_types"), 404, "Namespace " + priv + " not found");
            assertThat(json(stranger.get(ns(pub)))).containsEntry("visibility", "public")
                    .containsEntry("owner", admin.project);

            String query = "?sort_key=namespace&sort_dir=asc&limit=1000";
            assertThat(names(list(json(stranger.get("/v2/metadefs/namespaces" + query)), "namespaces"), "namespace"))
                    .contains(pub).doesNotContain(priv);
            assertThat(names(list(json(owner.get("/v2/metadefs/namespaces" + query)), "namespaces"), "namespace"))
                    .contains(pub, priv);
            assertThat(names(list(json(owner.get("/v2/metadefs/namespaces?visibility=private&limit=1000")),
                    "namespaces"), "namespace")).contains(priv).doesNotContain(pub);
            assertThat(names(list(json(stranger.get("/v2/metadefs/namespaces?visibility=private&limit=1000")),
                    "namespaces"), "namespace")).doesNotContain(priv, pub);
            expectError(owner.get("/v2/metadefs/namespaces?visibility=shared"), 400,
                    "Invalid visibility value: shared");
        } finally {
            cleanUp(admin, priv, pub);
        }
    }

    @Test
    default void theNamespaceListIsPagedWithFirstAndNextLinks() {
        Md admin = admin();
        String base = fresh();
        String a = base + "-a";
        String b = base + "-b";
        String c = base + "-c";
        try {
            expect(admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + a + "\",\"visibility\":"
                    + "\"public\",\"resource_type_associations\":[{\"name\":\"OS::Glance::Image\"}]}"), 201);
            expect(admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + b + "\"}"), 201);
            expect(admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + c
                    + "\",\"resource_type_associations\":[{\"name\":\"OS::Glance::Image\",\"prefix\":\"wmd_\"}]}"),
                    201);

            Map<String, Object> page = json(admin.get("/v2/metadefs/namespaces?sort_key=namespace&sort_dir=asc"
                    + "&limit=2&marker=" + a));
            assertThat(names(list(page, "namespaces"), "namespace")).containsExactly(b, c);
            assertThat(page).containsEntry("first", "/v2/metadefs/namespaces?sort_key=namespace&sort_dir=asc&limit=2")
                    .containsEntry("next", "/v2/metadefs/namespaces?sort_key=namespace&sort_dir=asc&limit=2&marker=" + c)
                    .containsEntry("schema", "/v2/schemas/metadefs/namespaces");
            Map<String, Object> first = map(list(page, "namespaces").get(0));
            assertThat(first).containsEntry("self", ns(b)).containsEntry("schema", "/v2/schemas/metadefs/namespace")
                    .doesNotContainKeys("resource_type_associations", "objects", "properties", "tags");
            Map<String, Object> withType = map(list(page, "namespaces").get(1));
            assertThat(list(withType, "resource_type_associations")).hasSize(1);
            assertThat(map(list(withType, "resource_type_associations").get(0)))
                    .containsEntry("name", "OS::Glance::Image").containsEntry("prefix", "wmd_");

            Map<String, Object> filtered = json(admin.get("/v2/metadefs/namespaces?resource_types=OS::Glance::Image"
                    + "&sort_key=namespace&sort_dir=asc&limit=1&marker=" + a));
            assertThat(names(list(filtered, "namespaces"), "namespace")).containsExactly(c);
            Map<String, Object> descending = json(admin.get("/v2/metadefs/namespaces?sort_key=namespace"
                    + "&sort_dir=desc&limit=1&marker=" + c));
            assertThat(names(list(descending, "namespaces"), "namespace")).containsExactly(b);

            Map<String, Object> none = json(admin.get("/v2/metadefs/namespaces?limit=0"));
            assertThat(list(none, "namespaces")).isEmpty();
            assertThat(none).containsEntry("first", "/v2/metadefs/namespaces?limit=0").doesNotContainKey("next");
            expectError(admin.get("/v2/metadefs/namespaces?limit=-1"), 400, "limit param must be positive");
            expectError(admin.get("/v2/metadefs/namespaces?sort_dir=up"), 400, "Invalid sort direction: up");
            expectError(admin.get("/v2/metadefs/namespaces?marker=" + base + "-none"), 404,
                    "Metadata definition namespace=" + base + "-none was not found.");
        } finally {
            cleanUp(admin, a, b, c);
        }
    }

    @Test
    default void aNamespaceCreatedWithContentsShowsThemAndPrefixesPropertiesForAResourceType() {
        Md admin = admin();
        String a = fresh();
        try {
            HttpResponse<byte[]> created = admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + a
                    + "\",\"visibility\":\"public\",\"resource_type_associations\":[{\"name\":\"OS::Glance::Image\","
                    + "\"prefix\":\"wmd_\"}],\"properties\":{\"p1\":{\"title\":\"P1\",\"type\":\"string\","
                    + "\"description\":\"pd\"}},\"objects\":[{\"name\":\"o1\",\"description\":\"od\",\"required\":"
                    + "[\"a\"],\"properties\":{\"a\":{\"title\":\"A\",\"type\":\"integer\",\"minimum\":1}}}],"
                    + "\"tags\":[{\"name\":\"t1\"},{\"name\":\"t2\"}]}");
            expect(created, 201);
            Map<String, Object> doc = json(created);
            // the answer repeats the contents as sent, without timestamps
            assertThat(list(doc, "resource_type_associations")).containsExactly(
                    Map.of("name", "OS::Glance::Image", "prefix", "wmd_"));
            assertThat(map(doc.get("properties"))).containsOnlyKeys("p1");
            assertThat(map(map(doc.get("properties")).get("p1"))).containsEntry("title", "P1")
                    .containsEntry("type", "string").containsEntry("description", "pd");
            assertThat(map(list(doc, "objects").get(0))).containsEntry("name", "o1").containsEntry("required",
                    List.of("a")).doesNotContainKeys("created_at", "self");
            assertThat(names(list(doc, "tags"), "name")).containsExactlyInAnyOrder("t1", "t2");

            Map<String, Object> shown = json(admin.get(ns(a)));
            Map<String, Object> association = map(list(shown, "resource_type_associations").get(0));
            assertThat(association).containsEntry("name", "OS::Glance::Image").containsEntry("prefix", "wmd_");
            assertThat((String) association.get("created_at")).matches(TIMESTAMP);
            Map<String, Object> object = map(list(shown, "objects").get(0));
            assertThat(object).containsEntry("self", ns(a) + "/objects/o1")
                    .containsEntry("schema", "/v2/schemas/metadefs/object").containsEntry("required", List.of("a"));
            assertThat(map(object.get("properties"))).containsOnlyKeys("a");
            assertThat(map(shown.get("properties"))).containsOnlyKeys("p1");
            assertThat(names(list(shown, "tags"), "name")).containsExactlyInAnyOrder("t1", "t2");

            Map<String, Object> prefixed = json(admin.get(ns(a) + "?resource_type=OS::Glance::Image"));
            assertThat(map(prefixed.get("properties"))).containsOnlyKeys("wmd_p1");
            Map<String, Object> prefixedObject = map(list(prefixed, "objects").get(0));
            assertThat(map(prefixedObject.get("properties"))).containsOnlyKeys("wmd_a");
            assertThat(prefixedObject).containsEntry("required", List.of("wmd_a"));
            assertThat(map(json(admin.get(ns(a) + "?resource_type=OS::Nova::Flavor")).get("properties")))
                    .as("a resource type without association: names as stored").containsOnlyKeys("p1");
        } finally {
            cleanUp(admin, a);
        }
    }

    @Test
    default void aProtectedNamespaceKeepsItsContents() {
        Md admin = admin();
        String a = fresh();
        try {
            expect(admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + a + "\",\"protected\":true,"
                    + "\"resource_type_associations\":[{\"name\":\"OS::Glance::Image\"}],\"properties\":{\"p1\":"
                    + "{\"title\":\"P1\",\"type\":\"string\"}},\"objects\":[{\"name\":\"o1\"}],\"tags\":[{\"name\":"
                    + "\"t1\"}]}"), 201);
            String protectedNs = "Metadata definition namespace " + a + " is protected and cannot be deleted.";
            expectError(admin.call("DELETE", ns(a), null), 403, protectedNs);
            expectError(admin.call("DELETE", ns(a) + "/objects", null), 403, protectedNs);
            expectError(admin.call("DELETE", ns(a) + "/properties", null), 403, protectedNs);
            expectError(admin.call("DELETE", ns(a) + "/tags", null), 403, protectedNs);
            expectError(admin.call("DELETE", ns(a) + "/objects/o1", null), 403,
                    "Metadata definition object o1 is protected and cannot be deleted.");
            expectError(admin.call("DELETE", ns(a) + "/properties/p1", null), 403,
                    "Metadata definition property p1 is protected and cannot be deleted.");
            expectError(admin.call("DELETE", ns(a) + "/tags/t1", null), 403,
                    "Metadata definition tag t1 is protected and cannot be deleted.");
            expectError(admin.call("DELETE", ns(a) + "/resource_types/OS::Glance::Image", null), 403,
                    "Metadata definition resource-type-association OS::Glance::Image is protected and cannot be "
                            + "deleted.");
            expect(admin.call("POST", ns(a) + "/objects", "{\"name\":\"o2\"}"), 201);

            expect(admin.call("PUT", ns(a), "{\"namespace\":\"" + a + "\",\"protected\":false}"), 200);
            expect(admin.call("DELETE", ns(a) + "/objects/o1", null), 204);
            expect(admin.call("DELETE", ns(a), null), 204);
            expectError(admin.get(ns(a) + "/tags"), 404, "Namespace " + a + " not found");
        } finally {
            cleanUp(admin, a);
        }
    }

    // ---- objects ---------------------------------------------------------------------------------------

    @Test
    default void objectsAreCreatedListedReplacedRenamedAndDeleted() {
        Md admin = admin();
        String a = fresh();
        String objects = ns(a) + "/objects";
        try {
            expect(admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + a + "\"}"), 201);
            HttpResponse<byte[]> created = admin.call("POST", objects, "{\"name\":\"ob1\",\"description\":\"d1\","
                    + "\"required\":[\"x\"],\"properties\":{\"x\":{\"title\":\"X\",\"type\":\"string\",\"maxLength\":10}}}");
            expect(created, 201);
            Map<String, Object> ob1 = json(created);
            assertThat(ob1).containsEntry("name", "ob1").containsEntry("description", "d1")
                    .containsEntry("required", List.of("x")).containsEntry("self", objects + "/ob1")
                    .containsEntry("schema", "/v2/schemas/metadefs/object");
            assertThat(map(map(ob1.get("properties")).get("x"))).containsEntry("maxLength", 10.0);
            assertThat((String) ob1.get("created_at")).matches(TIMESTAMP);

            expectError(admin.call("POST", objects, "{\"name\":\"ob1\"}"), 409,
                    "A metadata definition object with name=ob1 already exists in namespace=" + a + ".");
            HttpResponse<byte[]> noName = admin.call("POST", objects, "{\"description\":\"x\"}");
            expect(noName, 400);
            assertThat(reason(noName)).isEqualTo("Provided object does not match schema 'object': 'name' is a "
                    + "required property");
            HttpResponse<byte[]> noTitle = admin.call("POST", objects, "{\"name\":\"ob2\",\"properties\":{\"x\":"
                    + "{\"type\":\"string\"}}}");
            expect(noTitle, 400);
            assertThat(reason(noTitle)).isEqualTo("Provided object does not match schema 'object': 'title' is a "
                    + "required property");
            expectError(admin.call("POST", objects, "{\"name\":\"ob2\",\"self\":\"x\"}"), 403,
                    "Attribute 'self' is read-only.");
            expectError(admin.call("POST", ns(a + "-none") + "/objects", "{\"name\":\"ob3\"}"), 404,
                    "Metadata definition namespace=" + a + "-none was not found.");

            HttpResponse<byte[]> plain = admin.call("POST", objects, "{\"name\":\"ob2\"}");
            expect(plain, 201);
            assertThat(json(plain)).doesNotContainKeys("required", "properties", "description");

            Map<String, Object> listed = json(admin.get(objects + "?limit=1"));
            assertThat(listed).containsEntry("schema", "v2/schemas/metadefs/objects");
            assertThat(names(list(listed, "objects"), "name")).as("the object list is not paged")
                    .containsExactly("ob1", "ob2");
            assertThat(map(list(listed, "objects").get(1))).containsEntry("required", List.of())
                    .containsEntry("properties", Map.of());

            assertThat(json(admin.get(objects + "/ob1"))).containsEntry("description", "d1");
            expectError(admin.get(objects + "/nope"), 404, "Could not find metadata object nope");

            HttpResponse<byte[]> replaced = admin.call("PUT", objects + "/ob1", "{\"name\":\"ob1\",\"description\":"
                    + "\"new\"}");
            expect(replaced, 200);
            assertThat(json(replaced)).containsEntry("description", "new").doesNotContainKeys("required", "properties");
            assertThat(json(admin.get(objects + "/ob1"))).containsEntry("required", List.of())
                    .containsEntry("properties", Map.of());

            HttpResponse<byte[]> onto = admin.call("PUT", objects + "/ob1", "{\"name\":\"ob2\"}");
            if (wireRelease().metadefRenameOntoExistingStatus() == 409) {
                expectError(onto, 409, "Invalid update. It would result in a duplicate metadata definition object "
                        + "with the same name=ob1 in namespace=" + a + ".");
            } else {
                expect(onto, wireRelease().metadefRenameOntoExistingStatus());
            }
            expectError(admin.call("PUT", objects + "/nope", "{\"name\":\"nope\"}"), 404,
                    "Could not find metadata object nope");
            HttpResponse<byte[]> renamed = admin.call("PUT", objects + "/ob2", "{\"name\":\"ob2b\"}");
            expect(renamed, 200);
            assertThat(json(renamed)).containsEntry("name", "ob2b").containsEntry("self", objects + "/ob2b");
            expect(admin.call("DELETE", objects + "/ob2b", null), 204);
            expectError(admin.call("DELETE", objects + "/ob2b", null), 404, "Could not find metadata object ob2b");

            expect(admin.call("DELETE", objects, null), 204);
            assertThat(list(json(admin.get(objects)), "objects")).isEmpty();
        } finally {
            cleanUp(admin, a);
        }
    }

    // ---- properties ------------------------------------------------------------------------------------

    @Test
    default void propertiesAreCreatedListedRenamedAndFoundByTheirPrefix() {
        Md admin = admin();
        String a = fresh();
        String props = ns(a) + "/properties";
        try {
            expect(admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + a + "\"}"), 201);
            HttpResponse<byte[]> created = admin.call("POST", props, "{\"name\":\"pr1\",\"title\":\"Pr1\",\"type\":"
                    + "\"string\",\"description\":\"dd\",\"enum\":[\"a\",\"b\"],\"default\":\"a\"}");
            expect(created, 201);
            assertThat(json(created)).containsOnly(Map.entry("name", "pr1"), Map.entry("type", "string"),
                    Map.entry("title", "Pr1"), Map.entry("description", "dd"), Map.entry("default", "a"),
                    Map.entry("enum", List.of("a", "b")));
            expectError(admin.call("POST", props, "{\"name\":\"pr1\",\"title\":\"T\",\"type\":\"string\"}"), 409,
                    "A metadata definition property with name=pr1 already exists in namespace=" + a + ".");
            HttpResponse<byte[]> noTitle = admin.call("POST", props, "{\"name\":\"pr2\",\"type\":\"string\"}");
            expect(noTitle, 400);
            assertThat(reason(noTitle)).isEqualTo("Provided object does not match schema 'property': 'title' is a "
                    + "required property");
            HttpResponse<byte[]> badType = admin.call("POST", props, "{\"name\":\"pr2\",\"title\":\"T\",\"type\":\"str\"}");
            expect(badType, 400);
            assertThat(reason(badType)).isEqualTo("Provided object does not match schema 'property': 'str' is not "
                    + "one of ['array', 'boolean', 'integer', 'number', 'object', 'string', None]");
            expect(admin.call("POST", props, "{\"name\":\"pr3\",\"title\":\"T\",\"type\":\"integer\",\"minimum\":1,"
                    + "\"maximum\":5,\"readonly\":true}"), 201);

            Map<String, Object> listed = map(json(admin.get(props)).get("properties"));
            assertThat(listed).containsOnlyKeys("pr1", "pr3");
            assertThat(map(listed.get("pr3"))).containsEntry("name", "pr3").containsEntry("readonly", true)
                    .containsEntry("minimum", 1.0).containsEntry("maximum", 5.0);
            assertThat(json(admin.get(props + "/pr1"))).containsEntry("title", "Pr1");
            expectError(admin.get(props + "/nope"), 404, "Could not find property nope");

            expectError(admin.get(props + "/pr1?resource_type=OS::Glance::Image"), 404,
                    "The metadata definition resource-type association of resource-type=OS::Glance::Image to "
                            + "namespace=" + a + ", was not found.");
            expect(admin.call("POST", ns(a) + "/resource_types", "{\"name\":\"OS::Glance::Image\",\"prefix\":"
                    + "\"wmd_\"}"), 201);
            assertThat(json(admin.get(props + "/wmd_pr1?resource_type=OS::Glance::Image")))
                    .containsEntry("name", "pr1");
            expectError(admin.get(props + "/pr1?resource_type=OS::Glance::Image"), 404,
                    "Property pr1 does not start with the expected resource type association prefix of 'wmd_'.");

            HttpResponse<byte[]> replaced = admin.call("PUT", props + "/pr1", "{\"name\":\"pr1\",\"title\":\"New\","
                    + "\"type\":\"boolean\"}");
            expect(replaced, 200);
            assertThat(json(replaced)).containsOnly(Map.entry("name", "pr1"), Map.entry("type", "boolean"),
                    Map.entry("title", "New"));
            HttpResponse<byte[]> onto = admin.call("PUT", props + "/pr1", "{\"name\":\"pr3\",\"title\":\"N\","
                    + "\"type\":\"string\"}");
            if (wireRelease().metadefRenameOntoExistingStatus() == 409) {
                expectError(onto, 409, "Invalid update. It would result in a duplicate metadata definition property "
                        + "with the same name=pr1 in namespace=" + a + ".");
            } else {
                expect(onto, wireRelease().metadefRenameOntoExistingStatus());
            }
            expect(admin.call("PUT", props + "/pr3", "{\"name\":\"pr4\",\"title\":\"Renamed\",\"type\":\"integer\"}"),
                    200);
            assertThat(map(json(admin.get(props)).get("properties"))).containsOnlyKeys("pr1", "pr4");
            expectError(admin.call("PUT", props + "/nope", "{\"name\":\"nope\",\"title\":\"x\",\"type\":\"string\"}"),
                    404, "Could not find property nope");
            expect(admin.call("DELETE", props + "/pr4", null), 204);
            expectError(admin.call("DELETE", props + "/pr4", null), 404, "Could not find property pr4");
            expect(admin.call("DELETE", props, null), 204);
            assertThat(map(json(admin.get(props)).get("properties"))).isEmpty();
            expectError(admin.get(ns(a + "-none") + "/properties"), 404, "Namespace " + a + "-none not found");
        } finally {
            cleanUp(admin, a);
        }
    }

    // ---- tags ------------------------------------------------------------------------------------------

    @Test
    default void tagsAreCreatedOneByOneOrInBulkPagedRenamedAndDeleted() {
        Md admin = admin();
        String a = fresh();
        String tags = ns(a) + "/tags";
        try {
            expect(admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + a + "\"}"), 201);
            HttpResponse<byte[]> one = admin.call("POST", tags + "/tg1", null);
            expect(one, 201);
            assertThat(json(one)).containsOnlyKeys("name", "created_at", "updated_at").containsEntry("name", "tg1");
            expectError(admin.call("POST", tags + "/tg1", null), 409, "A metadata tag with name=tg1 already exists "
                    + "in namespace=" + a + ". (Please note that metadata tag names are case insensitive).");
            // despite the message, the name is compared by the database's collation: SQLite tells the case apart
            expect(admin.call("POST", tags + "/TG1", null), 201);
            assertThat(names(list(json(admin.get(tags)), "tags"), "name")).containsExactlyInAnyOrder("tg1", "TG1");

            HttpResponse<byte[]> bulk = admin.call("POST", tags, "{\"tags\":[{\"name\":\"b1\"},{\"name\":\"b2\"}]}");
            expect(bulk, 201);
            assertThat(json(bulk)).isEqualTo(Map.of("tags", List.of(Map.of("name", "b1"), Map.of("name", "b2"))));
            assertThat(names(list(json(admin.get(tags)), "tags"), "name")).as("a bulk create replaces the tags")
                    .containsExactlyInAnyOrder("b1", "b2");
            expect(admin.call("POST", tags, "{\"tags\":[{\"name\":\"b3\"}]}", "X-Openstack-Append", "True"), 201);
            assertThat(names(list(json(admin.get(tags)), "tags"), "name")).containsExactlyInAnyOrder("b1", "b2", "b3");
            expectError(admin.call("POST", tags, "{\"tags\":[{\"name\":\"b3\"}]}", "X-Openstack-Append", "True"), 409,
                    "A metadata tag with name=b3 already exists in namespace=" + a + ". (Please note that metadata "
                            + "tag names are case insensitive).");
            expectError(admin.call("POST", tags, "{\"tags\":[{\"name\":\"b4\"},{\"name\":\"b4\"}]}"), 409,
                    "A metadata tag with name=b4 already exists in namespace=" + a + ". (Please note that metadata "
                            + "tag names are case insensitive).");
            HttpResponse<byte[]> noName = admin.call("POST", tags, "{\"tags\":[{\"nam\":\"x\"}]}");
            expect(noName, 400);
            assertThat(reason(noName)).isEqualTo("Provided object does not match schema 'tags': 'name' is a required "
                    + "property");
            expect(admin.call("POST", tags, "{\"tags\":[]}"), 201);
            assertThat(list(json(admin.get(tags)), "tags")).as("an empty bulk changes nothing").hasSize(3);

            assertThat(names(list(json(admin.get(tags + "?sort_key=name&sort_dir=asc&limit=2")), "tags"), "name"))
                    .containsExactly("b1", "b2");
            assertThat(names(list(json(admin.get(tags + "?sort_key=name&sort_dir=asc&marker=b2")), "tags"), "name"))
                    .containsExactly("b3");
            expectError(admin.get(tags + "?sort_dir=up"), 400, "Invalid sort direction: up");

            assertThat(json(admin.get(tags + "/b1"))).containsEntry("name", "b1");
            expectError(admin.get(tags + "/nope"), 404, "Could not find metadata tag nope");
            HttpResponse<byte[]> renamed = admin.call("PUT", tags + "/b1", "{\"name\":\"b1r\"}");
            expect(renamed, 200);
            assertThat(json(renamed)).containsEntry("name", "b1r");
            expectError(admin.call("PUT", tags + "/b1r", "{\"name\":\"b2\"}"), 409, "A metadata tag with name=b2 "
                    + "already exists in namespace=" + a + ". (Please note that metadata tag names are case "
                    + "insensitive).");
            expectError(admin.call("PUT", tags + "/nope", "{\"name\":\"zz\"}"), 404, "Could not find metadata tag nope");
            HttpResponse<byte[]> empty = admin.call("PUT", tags + "/b2", "{}");
            expect(empty, 400);
            assertThat(reason(empty)).isEqualTo("Provided object does not match schema 'tag': 'name' is a required "
                    + "property");
            expect(admin.call("DELETE", tags + "/b1r", null), 204);
            expectError(admin.call("DELETE", tags + "/b1r", null), 404, "Could not find metadata tag b1r");
            expect(admin.call("DELETE", tags, null), 204);
            assertThat(list(json(admin.get(tags)), "tags")).isEmpty();
            expectError(admin.call("POST", ns(a + "-none") + "/tags/x", null), 404, "Namespace " + a + "-none not found");
        } finally {
            cleanUp(admin, a);
        }
    }

    // ---- resource types ----------------------------------------------------------------------------------

    @Test
    default void resourceTypesAreAssociatedAndDissociated() {
        Md admin = admin();
        String a = fresh();
        String types = ns(a) + "/resource_types";
        try {
            expect(admin.call("POST", "/v2/metadefs/namespaces", "{\"namespace\":\"" + a + "\"}"), 201);
            assertThat(json(admin.get(types))).isEqualTo(Map.of("resource_type_associations", List.of()));
            HttpResponse<byte[]> created = admin.call("POST", types, "{\"name\":\"OS::Glance::Image\",\"prefix\":"
                    + "\"wmd_\",\"properties_target\":\"image\"}");
            expect(created, 201);
            assertThat(json(created)).containsEntry("name", "OS::Glance::Image").containsEntry("prefix", "wmd_")
                    .containsEntry("properties_target", "image");
            assertThat((String) json(created).get("created_at")).matches(TIMESTAMP);
            expectError(admin.call("POST", types, "{\"name\":\"OS::Glance::Image\"}"), 409,
                    "The metadata definition resource-type association of resource-type=OS::Glance::Image to "
                            + "namespace=" + a + " already exists.");
            HttpResponse<byte[]> noName = admin.call("POST", types, "{\"prefix\":\"x\"}");
            expect(noName, 400);
            assertThat(reason(noName)).isEqualTo("Provided object does not match schema 'resource_type_association': "
                    + "'name' is a required property");
            expectError(admin.call("POST", types, "{\"name\":\"OS::Nova::Flavor\",\"created_at\":\"x\"}"), 403,
                    "Attribute 'created_at' is read-only.");
            expect(admin.call("POST", types, "{\"name\":\"OS::Nova::Flavor\"}"), 201);
            assertThat(names(list(json(admin.get(types)), "resource_type_associations"), "name"))
                    .containsExactly("OS::Glance::Image", "OS::Nova::Flavor");

            Md anyone = member(freshProject());
            List<Object> all = list(json(anyone.get("/v2/metadefs/resource_types")), "resource_types");
            assertThat(names(all, "name")).contains("OS::Glance::Image", "OS::Nova::Flavor");
            assertThat((String) map(all.get(0)).get("created_at")).matches(TIMESTAMP);

            expectError(member(admin.project).call("DELETE", types + "/OS::Nova::Flavor", null), 403,
                    "You are not authorized to complete remove_metadef_resource_type_association action.");
            expect(admin.call("DELETE", types + "/OS::Nova::Flavor", null), 204);
            expectError(admin.call("DELETE", types + "/OS::Nova::Flavor", null), 404,
                    "Failed to find resource type OS::Nova::Flavor to delete");
            assertThat(names(list(json(admin.get(types)), "resource_type_associations"), "name"))
                    .containsExactly("OS::Glance::Image");
            assertThat(names(list(json(anyone.get("/v2/metadefs/resource_types")), "resource_types"), "name"))
                    .as("a resource type outlives its associations").contains("OS::Nova::Flavor");
            expectError(admin.call("POST", ns(a + "-none") + "/resource_types", "{\"name\":\"OS::Glance::Image\"}"),
                    404, "Namespace " + a + "-none not found");
            HttpResponse<byte[]> put = admin.call("PUT", "/v2/metadefs/resource_types", "{}");
            expect(put, 405);
            assertThat(put.headers().firstValue("Allow")).contains("GET");
        } finally {
            cleanUp(admin, a);
        }
    }

    // ---- schemas -----------------------------------------------------------------------------------------

    @Test
    default void theTenMetadefSchemasAreServed() {
        Md reader = member(freshProject());
        Map<String, String> expectedNames = new java.util.LinkedHashMap<>();
        expectedNames.put("namespace", "namespace");
        expectedNames.put("namespaces", "namespaces");
        expectedNames.put("object", "object");
        expectedNames.put("objects", "objects");
        expectedNames.put("property", "property");
        expectedNames.put("properties", "properties");
        expectedNames.put("resource_type", "resource_type_association");
        expectedNames.put("resource_types", "resource_type_associations");
        expectedNames.put("tag", "tag");
        expectedNames.put("tags", "tags");
        for (Map.Entry<String, String> e : expectedNames.entrySet()) {
            HttpResponse<byte[]> r = reader.get("/v2/schemas/metadefs/" + e.getKey());
            expect(r, 200);
            assertThat(json(r)).as(e.getKey()).containsEntry("name", e.getValue()).containsKey("properties");
        }
        Map<String, Object> namespace = json(reader.get("/v2/schemas/metadefs/namespace"));
        assertThat(namespace).containsEntry("required", List.of("namespace"))
                .containsEntry("additionalProperties", false);
        assertThat(map(map(namespace.get("properties")).get("visibility")))
                .containsEntry("enum", List.of("public", "private"));
        assertThat(json(reader.get("/v2/schemas/metadefs/property")))
                .containsEntry("required", List.of("type", "title", "name"));
        HttpResponse<byte[]> post = reader.call("POST", "/v2/schemas/metadefs/tag", "{}");
        expect(post, 405);
        assertThat(post.headers().firstValue("Allow")).contains("GET");
        expect(reader.get("/v2/schemas/metadefs/nope"), 404);
    }
}
