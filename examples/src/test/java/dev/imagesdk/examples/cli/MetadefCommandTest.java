package dev.imagesdk.examples.cli;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code imagectl metadef ...} against a MockWebServer answering with Glance 25.1's recorded shapes (the
 * emulator does not serve metadefs yet): the requests each command sends and what it prints.
 */
class MetadefCommandTest {
    private final MockWebServer server = new MockWebServer();

    MetadefCommandTest() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MetadefCommandTest answer(int code, String json) {
        MockResponse.Builder b = new MockResponse.Builder().code(code);
        if (json != null) {
            b.addHeader("Content-Type", "application/json").body(json);
        }
        server.enqueue(b.build());
        return this;
    }

    private Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint", server.url("/").toString(), "--token", "tok"));
        all.addAll(List.of(args));
        return Cli.run(Map.of(), false, all.toArray(new String[0]));
    }

    private String ok(String... args) {
        Cli.Result r = run(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r.out();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("a request").isNotNull();
        return r;
    }

    private static String line(RecordedRequest r) {
        return r.getMethod() + " " + r.getUrl().encodedPath() + (r.getUrl().query() == null ? "" : "?" + r.getUrl().query());
    }

    @Test
    void namespacesListShowsATableOfEveryPage() throws Exception {
        answer(200, "{\"namespaces\": [{\"namespace\": \"OS::Compute::Libvirt\", \"display_name\": \"libvirt Driver Options\", "
                + "\"visibility\": \"public\", \"protected\": true, \"resource_type_associations\": [{\"name\": "
                + "\"OS::Glance::Image\", \"prefix\": \"hw_\"}]}], \"next\": \"/v2/metadefs/namespaces?limit=1&marker=OS%3A%3ACompute%3A%3ALibvirt\"}");
        answer(200, "{\"namespaces\": [{\"namespace\": \"sdk.x\", \"visibility\": \"private\", \"protected\": false}]}");

        String out = ok("metadef", "namespaces", "list", "--page-size", "1", "--resource-type", "OS::Glance::Image");

        assertThat(line(take())).isEqualTo("GET /v2/metadefs/namespaces?resource_types=OS::Glance::Image&limit=1");
        assertThat(line(take())).isEqualTo("GET /v2/metadefs/namespaces?resource_types=OS::Glance::Image&limit=1"
                + "&marker=OS::Compute::Libvirt");
        assertThat(out).isEqualTo(""
                + "namespace             display_name            visibility  protected  resource_types\n"
                + "--------------------  ----------------------  ----------  ---------  -----------------------\n"
                + "OS::Compute::Libvirt  libvirt Driver Options  public      true       OS::Glance::Image (hw_)\n"
                + "sdk.x                 -                       private     false\n");
    }

    @Test
    void namespacesCreateShowUpdateAndDelete() throws Exception {
        answer(201, "{\"namespace\": \"sdk.x\", \"visibility\": \"public\", \"protected\": false, \"owner\": \"p1\", "
                + "\"resource_type_associations\": [{\"name\": \"OS::Glance::Image\", \"prefix\": \"hw_\"}], "
                + "\"tags\": [{\"name\": \"t1\"}]}");
        answer(200, "{\"namespace\": \"sdk.x\", \"visibility\": \"public\", \"properties\": {\"hw_cpu\": {\"type\": "
                + "\"integer\", \"title\": \"CPU\", \"default\": \"2\"}}, \"objects\": [], \"tags\": [{\"name\": \"t1\"}]}");
        answer(200, "{\"namespace\": \"sdk.y\", \"visibility\": \"private\", \"protected\": true}");
        answer(204, null);

        String created = ok("metadef", "namespaces", "create", "sdk.x", "--visibility", "public",
                "--resource-type", "OS::Glance::Image:hw_", "--tag", "t1", "-f", "json");
        String shown = ok("metadef", "namespaces", "show", "sdk.x", "--resource-type", "OS::Glance::Image", "-f", "json",
                "-c", "properties", "-c", "tags");
        ok("metadef", "namespaces", "update", "sdk.x", "--name", "sdk.y", "--protected", "-c", "namespace");
        Cli.Result deleted = run("metadef", "namespaces", "delete", "sdk.y");

        RecordedRequest create = take();
        assertThat(line(create)).isEqualTo("POST /v2/metadefs/namespaces");
        assertThat(create.getBody().utf8()).isEqualTo("{\"namespace\":\"sdk.x\",\"visibility\":\"public\","
                + "\"resource_type_associations\":[{\"name\":\"OS::Glance::Image\",\"prefix\":\"hw_\"}],\"tags\":[{\"name\":\"t1\"}]}");
        assertThat(created).contains("\"namespace\": \"sdk.x\"").contains("\"OS::Glance::Image (hw_)\"");
        assertThat(line(take())).isEqualTo("GET /v2/metadefs/namespaces/sdk.x?resource_type=OS::Glance::Image");
        assertThat(shown).contains("\"hw_cpu\"").contains("\"default\": \"2\"").contains("\"t1\"");
        RecordedRequest update = take();
        assertThat(line(update)).isEqualTo("PUT /v2/metadefs/namespaces/sdk.x");
        assertThat(update.getBody().utf8()).isEqualTo("{\"namespace\":\"sdk.y\",\"protected\":true}");
        assertThat(line(take())).isEqualTo("DELETE /v2/metadefs/namespaces/sdk.y");
        assertThat(deleted.exitCode()).isZero();
        assertThat(deleted.err()).isEqualTo("imagectl: deleted namespace sdk.y\n");
    }

    @Test
    void objectsPropertiesTagsAndResourceTypes() throws Exception {
        answer(201, "{\"name\": \"obj\", \"required\": [\"cores\"], \"properties\": {\"cores\": {\"type\": \"integer\", "
                + "\"title\": \"CPU cores\"}}}");
        answer(200, "{\"objects\": [{\"name\": \"obj\", \"required\": [\"cores\"], \"properties\": {\"cores\": {}}}]}");
        answer(201, "{\"name\": \"ram\", \"type\": \"integer\", \"title\": \"RAM\", \"minimum\": 1, \"default\": \"2\"}");
        answer(200, "{\"properties\": {\"ram\": {\"type\": \"integer\", \"title\": \"RAM\", \"default\": \"2\"}}}");
        answer(201, "{\"tags\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}");
        answer(200, "{\"name\": \"c\"}");
        answer(201, "{\"name\": \"OS::Nova::Flavor\", \"prefix\": \"f_\"}");
        answer(204, null);
        answer(200, "{\"resource_types\": [{\"name\": \"OS::Glance::Image\", \"created_at\": \"2026-12-06T01:51:32Z\"}]}");

        ok("metadef", "objects", "create", "ns", "obj", "--property", "cores:integer:CPU cores", "--required", "cores");
        assertThat(ok("metadef", "objects", "list", "ns", "-f", "value", "-c", "name", "-c", "required"))
                .isEqualTo("obj cores\n");
        ok("metadef", "properties", "create", "ns", "ram", "--type", "integer", "--title", "RAM", "--minimum", "1",
                "--default", "2");
        assertThat(ok("metadef", "properties", "list", "ns", "-f", "csv")).isEqualTo("name,type,title,default,enum\n"
                + "ram,integer,RAM,2,\n");
        assertThat(ok("metadef", "tags", "create", "ns", "a", "b", "-f", "value")).isEqualTo("a\nb\n");
        ok("metadef", "tags", "rename", "ns", "b", "c");
        ok("metadef", "resource-types", "associate", "ns", "OS::Nova::Flavor", "--prefix", "f_");
        ok("metadef", "resource-types", "dissociate", "ns", "OS::Nova::Flavor");
        assertThat(ok("metadef", "resource-types", "list", "-f", "value")).isEqualTo("OS::Glance::Image 2026-12-06T01:51:32Z\n");

        RecordedRequest object = take();
        assertThat(line(object)).isEqualTo("POST /v2/metadefs/namespaces/ns/objects");
        assertThat(object.getBody().utf8()).isEqualTo("{\"name\":\"obj\",\"required\":[\"cores\"],\"properties\":"
                + "{\"cores\":{\"type\":\"integer\",\"title\":\"CPU cores\"}}}");
        assertThat(line(take())).isEqualTo("GET /v2/metadefs/namespaces/ns/objects");
        RecordedRequest property = take();
        assertThat(property.getBody().utf8()).isEqualTo("{\"name\":\"ram\",\"type\":\"integer\",\"title\":\"RAM\","
                + "\"default\":\"2\",\"minimum\":1}");
        assertThat(line(take())).isEqualTo("GET /v2/metadefs/namespaces/ns/properties");
        RecordedRequest tags = take();
        assertThat(line(tags)).isEqualTo("POST /v2/metadefs/namespaces/ns/tags");
        assertThat(tags.getHeaders().get("X-Openstack-Append")).as("imagectl adds, never replaces").isEqualTo("True");
        RecordedRequest rename = take();
        assertThat(line(rename)).isEqualTo("PUT /v2/metadefs/namespaces/ns/tags/b");
        assertThat(rename.getBody().utf8()).isEqualTo("{\"name\":\"c\"}");
        RecordedRequest associate = take();
        assertThat(line(associate)).isEqualTo("POST /v2/metadefs/namespaces/ns/resource_types");
        assertThat(associate.getBody().utf8()).isEqualTo("{\"name\":\"OS::Nova::Flavor\",\"prefix\":\"f_\"}");
        assertThat(line(take())).isEqualTo("DELETE /v2/metadefs/namespaces/ns/resource_types/OS::Nova::Flavor");
        assertThat(line(take())).isEqualTo("GET /v2/metadefs/resource_types");
    }

    @Test
    void aProtectedNamespaceExitsDeniedWithGlancesReason() {
        answer(403, "{\"message\": \"Metadata definition namespace sdk.p is protected and cannot be deleted.<br /><br />\\n\\n\\n\", "
                + "\"code\": \"403 Forbidden\", \"title\": \"Forbidden\"}");

        Cli.Result r = run("metadef", "namespaces", "delete", "sdk.p");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.DENIED);
        assertThat(r.err()).contains("sdk.p: ").contains("is protected and cannot be deleted");
    }

    @Test
    void badInputIsRefusedBeforeAnyRequest() {
        Cli.Result r = run("metadef", "objects", "create", "ns", "obj", "--property", "cores");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--property wants NAME:TYPE:TITLE");
        Cli.Result v = run("metadef", "namespaces", "list", "--visibility", "shared");
        assertThat(v.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void objectsAndPropertiesAreReplacedAndATagShown() throws Exception {
        answer(200, "{\"name\": \"limits2\", \"description\": \"d\"}");
        answer(200, "{\"name\": \"ram2\", \"type\": \"number\", \"title\": \"RAM\", \"maximum\": 1.5}");
        answer(200, "{\"name\": \"t1\", \"created_at\": \"2026-12-06T01:51:40Z\", \"updated_at\": \"2026-12-06T01:51:40Z\"}");

        assertThat(ok("metadef", "objects", "update", "ns", "limits", "--name", "limits2", "--description", "d",
                "-f", "value", "-c", "name")).isEqualTo("limits2\n");
        assertThat(ok("metadef", "properties", "update", "ns", "ram", "--name", "ram2", "--type", "number",
                "--title", "RAM", "--maximum", "1.5", "-f", "value", "-c", "name", "-c", "maximum")).isEqualTo("ram2\n1.5\n");
        assertThat(ok("metadef", "tags", "show", "ns", "t1", "-f", "value")).isEqualTo("t1\n2026-12-06T01:51:40Z\n"
                + "2026-12-06T01:51:40Z\n");

        RecordedRequest object = take();
        assertThat(line(object)).isEqualTo("PUT /v2/metadefs/namespaces/ns/objects/limits");
        assertThat(object.getBody().utf8()).isEqualTo("{\"name\":\"limits2\",\"description\":\"d\"}");
        RecordedRequest property = take();
        assertThat(line(property)).isEqualTo("PUT /v2/metadefs/namespaces/ns/properties/ram");
        assertThat(property.getBody().utf8()).isEqualTo("{\"name\":\"ram2\",\"type\":\"number\",\"title\":\"RAM\","
                + "\"maximum\":1.5}");
        assertThat(line(take())).isEqualTo("GET /v2/metadefs/namespaces/ns/tags/t1");
    }
}
