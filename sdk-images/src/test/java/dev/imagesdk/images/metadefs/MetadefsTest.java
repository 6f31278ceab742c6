package dev.imagesdk.images.metadefs;

import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.images.MockGlance;
import dev.imagesdk.images.Schemas;
import dev.imagesdk.images.model.SortDirection;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The metadefs clients' requests, and Glance 25.1's answers (shapes recorded with curl on the real Glance). */
class MetadefsTest {
    private static final String T = "2026-12-06T01:51:32Z";
    /** GET /v2/metadefs/namespaces/sdk.probe.ns1?resource_type=OS::Glance::Image on Glance 25.1. */
    private static final String NS1_FOR_IMAGE = "{\"namespace\": \"sdk.probe.ns1\", \"display_name\": \"Probe\", "
            + "\"description\": \"d\", \"visibility\": \"public\", \"protected\": false, \"owner\": \"p1\", "
            + "\"created_at\": \"" + T + "\", \"updated_at\": \"" + T + "\", \"resource_type_associations\": "
            + "[{\"name\": \"OS::Glance::Image\", \"prefix\": \"hw_\", \"created_at\": \"" + T + "\", \"updated_at\": \"" + T + "\"}], "
            + "\"properties\": {\"hw_cpu\": {\"type\": \"integer\", \"title\": \"CPU\", \"default\": \"2\", \"minimum\": 1, "
            + "\"maximum\": 8}}, \"objects\": [{\"name\": \"obj1\", \"required\": [\"hw_a\"], \"description\": \"o\", "
            + "\"properties\": {\"hw_a\": {\"type\": \"string\", \"title\": \"A\", \"enum\": [\"x\", \"y\"]}}, "
            + "\"created_at\": \"" + T + "\", \"updated_at\": \"" + T + "\", \"self\": \"/v2/metadefs/namespaces/sdk.probe.ns1/objects/obj1\", "
            + "\"schema\": \"/v2/schemas/metadefs/object\"}], \"tags\": [{\"name\": \"t2\"}, {\"name\": \"t1\"}], "
            + "\"self\": \"/v2/metadefs/namespaces/sdk.probe.ns1\", \"schema\": \"/v2/schemas/metadefs/namespace\"}";

    private final MockGlance glance = new MockGlance();

    @AfterEach
    void close() {
        glance.close();
    }

    private static String line(RecordedRequest r) {
        return r.getMethod() + " " + r.getUrl().encodedPath()
                + (r.getUrl().query() == null ? "" : "?" + r.getUrl().query());
    }

    @Test
    void namespaceListSendsFiltersAndFollowsTheNextLinkWithTheSameQuery() {
        glance.json(200, "{\"namespaces\": [{\"namespace\": \"a\", \"visibility\": \"public\", \"protected\": true, "
                + "\"owner\": \"p1\", \"created_at\": \"" + T + "\", \"updated_at\": \"" + T + "\", "
                + "\"resource_type_associations\": [{\"name\": \"OS::Glance::Image\", \"prefix\": \"hw_\"}]}], "
                + "\"next\": \"/v2/metadefs/namespaces?resource_types=OS%3A%3AGlance%3A%3AImage%2COS%3A%3ANova%3A%3AFlavor"
                + "&visibility=public&limit=1&sort_key=namespace&sort_dir=asc&marker=a\", "
                + "\"schema\": \"/v2/schemas/metadefs/namespaces\", \"first\": \"/v2/metadefs/namespaces\"}");
        glance.json(200, "{\"namespaces\": [{\"namespace\": \"b\"}], \"schema\": \"/v2/schemas/metadefs/namespaces\"}");

        List<Namespace> all = MetadefNamespaces.of(glance.client).list(NamespaceListOpts.builder()
                .resourceTypes(List.of("OS::Glance::Image", "OS::Nova::Flavor")).visibility(MetadefVisibility.PUBLIC)
                .limit(1).sortKey("namespace").sortDir(SortDirection.ASC).build()).stream().toList();

        assertThat(line(glance.take())).isEqualTo("GET /v2/metadefs/namespaces?resource_types=OS::Glance::Image,"
                + "OS::Nova::Flavor&visibility=public&limit=1&sort_key=namespace&sort_dir=asc");
        assertThat(line(glance.take())).isEqualTo("GET /v2/metadefs/namespaces?resource_types=OS::Glance::Image,"
                + "OS::Nova::Flavor&visibility=public&limit=1&sort_key=namespace&sort_dir=asc&marker=a");
        assertThat(all).extracting(Namespace::namespace).containsExactly("a", "b");
        Namespace a = all.get(0);
        assertThat(a.visibility()).isEqualTo(MetadefVisibility.PUBLIC);
        assertThat(a.isProtected()).isTrue();
        assertThat(a.owner()).contains("p1");
        assertThat(a.createdAt()).contains(Instant.parse(T));
        assertThat(a.resourceTypeAssociations()).extracting(ResourceTypeAssociation::name, x -> x.prefix().orElse(null))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OS::Glance::Image", "hw_"));
        assertThat(a.objects()).isEmpty();
        assertThat(all.get(1).visibility()).as("Glance's default").isEqualTo(MetadefVisibility.PRIVATE);
        assertThat(all.get(1).isProtected()).isFalse();
    }

    @Test
    void getWithAResourceTypeReadsTheContentsInlineWithPrefixedNames() {
        glance.json(200, NS1_FOR_IMAGE);

        Namespace ns = MetadefNamespaces.of(glance.client).get("sdk.probe.ns1", "OS::Glance::Image");

        assertThat(line(glance.take())).isEqualTo("GET /v2/metadefs/namespaces/sdk.probe.ns1?resource_type=OS::Glance::Image");
        assertThat(ns.decodingProblems()).isEmpty();
        assertThat(ns.displayName()).contains("Probe");
        assertThat(ns.description()).contains("d");
        PropertyDefinition cpu = ns.properties().get("hw_cpu");
        assertThat(cpu.name()).contains("hw_cpu");
        assertThat(cpu.type()).contains("integer");
        assertThat(cpu.title()).contains("CPU");
        assertThat(cpu.defaultValue()).as("Glance 25 returns the default as a string").contains("2");
        assertThat(cpu.minimum()).contains(1L);
        assertThat(cpu.maximum()).contains(8L);
        assertThat(cpu.attributes()).containsOnlyKeys("type", "title", "default", "minimum", "maximum");
        MetadefObject obj = ns.objects().get(0);
        assertThat(obj.name()).isEqualTo("obj1");
        assertThat(obj.required()).containsExactly("hw_a");
        assertThat(obj.description()).contains("o");
        assertThat(obj.properties().get("hw_a").enumValues()).containsExactly("x", "y");
        assertThat(obj.updatedAt()).contains(Instant.parse(T));
        assertThat(ns.tags()).extracting(MetadefTag::name).containsExactly("t2", "t1");
        assertThat(ns.resourceTypeAssociations().get(0).createdAt()).contains(Instant.parse(T));
    }

    @Test
    void createSendsTheNamespaceWithItsContentsAndUpdateReplacesTheFields() {
        glance.json(201, "{\"namespace\": \"n\", \"visibility\": \"public\", \"protected\": false, \"owner\": \"p1\"}");
        glance.json(200, "{\"namespace\": \"n2\", \"visibility\": \"private\", \"protected\": true, \"owner\": \"p1\"}");
        MetadefNamespaces namespaces = MetadefNamespaces.of(glance.client);

        Namespace created = namespaces.create(NamespaceCreateOpts.builder("n").displayName("N").description("d")
                .visibility(MetadefVisibility.PUBLIC).isProtected(false)
                .resourceTypeAssociation(ResourceTypeAssociation.builder("OS::Glance::Image").prefix("hw_").build())
                .property(PropertyDefinition.builder("cpu", "integer", "CPU").minimum(1).defaultValue(2).build())
                .object(MetadefObject.builder("obj1").description("o").required(List.of("a"))
                        .property(PropertyDefinition.builder("a", "string", "A").enumValues(List.of("x", "y")).build()).build())
                .tags(List.of("t1", "t2")).build());
        Namespace updated = namespaces.update("n", NamespaceUpdateOpts.builder("n2").isProtected(true).build());

        RecordedRequest create = glance.take();
        assertThat(line(create)).isEqualTo("POST /v2/metadefs/namespaces");
        assertThat(MockGlance.body(create)).isEqualTo("{\"namespace\":\"n\",\"display_name\":\"N\",\"description\":\"d\","
                + "\"visibility\":\"public\",\"protected\":false,\"resource_type_associations\":[{\"name\":\"OS::Glance::Image\","
                + "\"prefix\":\"hw_\"}],\"properties\":{\"cpu\":{\"type\":\"integer\",\"title\":\"CPU\",\"minimum\":1,\"default\":2}},"
                + "\"objects\":[{\"name\":\"obj1\",\"description\":\"o\",\"required\":[\"a\"],\"properties\":{\"a\":{\"type\":"
                + "\"string\",\"title\":\"A\",\"enum\":[\"x\",\"y\"]}}}],\"tags\":[{\"name\":\"t1\"},{\"name\":\"t2\"}]}");
        RecordedRequest update = glance.take();
        assertThat(line(update)).isEqualTo("PUT /v2/metadefs/namespaces/n");
        assertThat(MockGlance.body(update)).isEqualTo("{\"namespace\":\"n2\",\"protected\":true}");
        assertThat(created.visibility()).isEqualTo(MetadefVisibility.PUBLIC);
        assertThat(updated.namespace()).isEqualTo("n2");
        assertThat(updated.isProtected()).isTrue();
    }

    @Test
    void objectOperationsSendGlancesRequests() {
        String obj2 = "{\"name\": \"obj2\", \"required\": [], \"properties\": {\"b\": {\"type\": \"boolean\", \"title\": \"B\"}}, "
                + "\"created_at\": \"2026-12-06T01:51:36Z\", \"updated_at\": \"2026-12-06T01:51:36Z\", "
                + "\"self\": \"/v2/metadefs/namespaces/sdk.probe.ns1/objects/obj2\", \"schema\": \"/v2/schemas/metadefs/object\"}";
        glance.json(200, "{\"objects\": [" + obj2 + "], \"schema\": \"v2/schemas/metadefs/objects\"}").json(201, obj2)
                .json(200, obj2).json(200, "{\"name\": \"obj3\", \"description\": \"renamed\"}").empty(204).empty(204);
        MetadefObjects objects = MetadefObjects.of(glance.client);
        MetadefObject def = MetadefObject.builder("obj2")
                .property(PropertyDefinition.builder("b", "boolean", "B").build()).build();

        List<MetadefObject> list = objects.list("ns");
        MetadefObject created = objects.create("ns", def);
        MetadefObject got = objects.get("ns", "obj2");
        MetadefObject renamed = objects.update("ns", "obj2", MetadefObject.builder("obj3").description("renamed").build());
        objects.delete("ns", "obj3");
        objects.deleteAll("ns");

        assertThat(line(glance.take())).isEqualTo("GET /v2/metadefs/namespaces/ns/objects");
        RecordedRequest create = glance.take();
        assertThat(line(create)).isEqualTo("POST /v2/metadefs/namespaces/ns/objects");
        assertThat(MockGlance.body(create)).isEqualTo("{\"name\":\"obj2\",\"properties\":{\"b\":{\"type\":\"boolean\",\"title\":\"B\"}}}");
        assertThat(line(glance.take())).isEqualTo("GET /v2/metadefs/namespaces/ns/objects/obj2");
        RecordedRequest update = glance.take();
        assertThat(line(update)).isEqualTo("PUT /v2/metadefs/namespaces/ns/objects/obj2");
        assertThat(MockGlance.body(update)).isEqualTo("{\"name\":\"obj3\",\"description\":\"renamed\"}");
        assertThat(line(glance.take())).isEqualTo("DELETE /v2/metadefs/namespaces/ns/objects/obj3");
        assertThat(line(glance.take())).isEqualTo("DELETE /v2/metadefs/namespaces/ns/objects");
        assertThat(list).containsExactly(got);
        assertThat(created.properties().get("b").type()).contains("boolean");
        assertThat(got.createdAt()).contains(Instant.parse("2026-12-06T01:51:36Z"));
        assertThat(renamed.name()).isEqualTo("obj3");
        assertThat(renamed.properties()).isEmpty();
    }

    @Test
    void propertyOperationsSendGlancesRequestsAndReadTheDefinitions() {
        String ram = "{\"name\": \"ram\", \"type\": \"array\", \"title\": \"RAM\", \"operators\": [\"<or>\"], \"readonly\": true, "
                + "\"pattern\": \"^a\", \"minLength\": 1, \"maxLength\": 5, \"items\": {\"type\": \"string\", \"enum\": [\"a\", \"b\"]}, "
                + "\"uniqueItems\": true, \"minItems\": 1, \"maxItems\": 3, \"additionalItems\": false}";
        glance.json(200, "{\"properties\": {\"cpu\": {\"type\": \"integer\", \"title\": \"CPU\", \"default\": \"2\", "
                + "\"minimum\": 1, \"maximum\": 8}}}").json(201, ram)
                .json(200, "{\"name\": \"cpu\", \"type\": \"integer\", \"title\": \"CPU\", \"default\": \"2\", \"minimum\": 1, \"maximum\": 8}")
                .json(200, "{\"name\": \"ram2\", \"type\": \"string\", \"title\": \"RAM2\"}").empty(204).empty(204);
        MetadefProperties properties = MetadefProperties.of(glance.client);

        Map<String, PropertyDefinition> list = properties.list("ns");
        PropertyDefinition created = properties.create("ns", PropertyDefinition.builder("ram", "array", "RAM")
                .items("string", List.of("a", "b")).readonly(true).operators(List.of("<or>")).pattern("^a")
                .attribute("minLength", 1).attribute("uniqueItems", true).build());
        PropertyDefinition forImage = properties.get("ns", "hw_cpu", "OS::Glance::Image");
        PropertyDefinition renamed = properties.update("ns", "ram",
                PropertyDefinition.builder("ram2", "string", "RAM2").build());
        properties.delete("ns", "ram2");
        properties.deleteAll("ns");

        assertThat(line(glance.take())).isEqualTo("GET /v2/metadefs/namespaces/ns/properties");
        RecordedRequest create = glance.take();
        assertThat(line(create)).isEqualTo("POST /v2/metadefs/namespaces/ns/properties");
        assertThat(MockGlance.body(create)).isEqualTo("{\"name\":\"ram\",\"type\":\"array\",\"title\":\"RAM\",\"items\":"
                + "{\"type\":\"string\",\"enum\":[\"a\",\"b\"]},\"readonly\":true,\"operators\":[\"<or>\"],\"pattern\":\"^a\","
                + "\"minLength\":1,\"uniqueItems\":true}");
        assertThat(line(glance.take())).isEqualTo("GET /v2/metadefs/namespaces/ns/properties/hw_cpu?resource_type=OS::Glance::Image");
        RecordedRequest update = glance.take();
        assertThat(line(update)).isEqualTo("PUT /v2/metadefs/namespaces/ns/properties/ram");
        assertThat(MockGlance.body(update)).isEqualTo("{\"name\":\"ram2\",\"type\":\"string\",\"title\":\"RAM2\"}");
        assertThat(line(glance.take())).isEqualTo("DELETE /v2/metadefs/namespaces/ns/properties/ram2");
        assertThat(line(glance.take())).isEqualTo("DELETE /v2/metadefs/namespaces/ns/properties");

        assertThat(list).containsOnlyKeys("cpu");
        assertThat(list.get("cpu").name()).contains("cpu");
        assertThat(created.operators()).containsExactly("<or>");
        assertThat(created.readonly()).contains(true);
        assertThat(created.items()).contains(Map.of("type", "string", "enum", List.of("a", "b")));
        assertThat(created.minLength()).contains(1L);
        assertThat(created.maxLength()).contains(5L);
        assertThat(created.minItems()).contains(1L);
        assertThat(created.maxItems()).contains(3L);
        assertThat(created.uniqueItems()).contains(true);
        assertThat(created.attributes()).containsEntry("additionalItems", false).doesNotContainKey("name");
        assertThat(forImage.name()).contains("cpu");
        assertThat(renamed.name()).contains("ram2");
        assertThat(created.decodingProblems()).isEmpty();
    }

    @Test
    void tagOperationsSendGlancesRequests() {
        glance.json(200, "{\"tags\": [{\"name\": \"t2\"}, {\"name\": \"t1\"}]}")
                .json(201, "{\"name\": \"t3\", \"created_at\": \"2026-12-06T01:51:40Z\", \"updated_at\": \"2026-12-06T01:51:40Z\"}")
                .json(200, "{\"name\": \"t3\", \"created_at\": \"2026-12-06T01:51:40Z\", \"updated_at\": \"2026-12-06T01:51:40Z\"}")
                .json(200, "{\"name\": \"t4\", \"created_at\": \"2026-12-06T01:51:40Z\", \"updated_at\": \"2026-12-06T01:51:40Z\"}")
                .json(201, "{\"tags\": [{\"name\": \"a1\"}, {\"name\": \"a2\"}]}")
                .json(201, "{\"tags\": [{\"name\": \"a3\"}]}").empty(204).empty(204);
        MetadefTags tags = MetadefTags.of(glance.client);

        assertThat(tags.list("ns")).extracting(MetadefTag::name).containsExactly("t2", "t1");
        MetadefTag t3 = tags.create("ns", "t3");
        assertThat(tags.get("ns", "t3")).isEqualTo(t3);
        assertThat(tags.update("ns", "t3", "t4").name()).isEqualTo("t4");
        assertThat(tags.replaceAll("ns", List.of("a1", "a2"))).extracting(MetadefTag::name).containsExactly("a1", "a2");
        assertThat(tags.addAll("ns", List.of("a3"))).extracting(MetadefTag::name).containsExactly("a3");
        tags.delete("ns", "a3");
        tags.deleteAll("ns");

        assertThat(line(glance.take())).isEqualTo("GET /v2/metadefs/namespaces/ns/tags");
        RecordedRequest one = glance.take();
        assertThat(line(one)).isEqualTo("POST /v2/metadefs/namespaces/ns/tags/t3");
        assertThat(MockGlance.body(one)).isEmpty();
        assertThat(line(glance.take())).isEqualTo("GET /v2/metadefs/namespaces/ns/tags/t3");
        RecordedRequest rename = glance.take();
        assertThat(line(rename)).isEqualTo("PUT /v2/metadefs/namespaces/ns/tags/t3");
        assertThat(MockGlance.body(rename)).isEqualTo("{\"name\":\"t4\"}");
        RecordedRequest replace = glance.take();
        assertThat(line(replace)).isEqualTo("POST /v2/metadefs/namespaces/ns/tags");
        assertThat(replace.getHeaders().get("X-Openstack-Append")).isNull();
        assertThat(MockGlance.body(replace)).isEqualTo("{\"tags\":[{\"name\":\"a1\"},{\"name\":\"a2\"}]}");
        RecordedRequest append = glance.take();
        assertThat(line(append)).isEqualTo("POST /v2/metadefs/namespaces/ns/tags");
        assertThat(append.getHeaders().get("X-Openstack-Append")).isEqualTo("True");
        assertThat(MockGlance.body(append)).isEqualTo("{\"tags\":[{\"name\":\"a3\"}]}");
        assertThat(line(glance.take())).isEqualTo("DELETE /v2/metadefs/namespaces/ns/tags/a3");
        assertThat(line(glance.take())).isEqualTo("DELETE /v2/metadefs/namespaces/ns/tags");
        assertThat(t3.createdAt()).contains(Instant.parse("2026-12-06T01:51:40Z"));
    }

    @Test
    void resourceTypesAndAssociations() {
        glance.json(200, "{\"resource_types\": [{\"name\": \"OS::Glance::Image\", \"created_at\": \"" + T + "\", "
                        + "\"updated_at\": \"" + T + "\"}]}")
                .json(200, "{\"resource_type_associations\": [{\"name\": \"OS::Glance::Image\", \"prefix\": \"hw_\", "
                        + "\"created_at\": \"" + T + "\", \"updated_at\": \"" + T + "\"}]}")
                .json(201, "{\"name\": \"OS::Nova::Flavor\", \"prefix\": \"f_\", \"properties_target\": \"image\", "
                        + "\"created_at\": \"2026-12-06T01:51:45Z\", \"updated_at\": \"2026-12-06T01:51:45Z\"}")
                .empty(204);
        MetadefResourceTypes types = MetadefResourceTypes.of(glance.client);

        List<ResourceType> all = types.list();
        List<ResourceTypeAssociation> ofNs = types.listForNamespace("ns");
        ResourceTypeAssociation flavor = types.create("ns", ResourceTypeAssociation.builder("OS::Nova::Flavor")
                .prefix("f_").propertiesTarget("image").build());
        types.delete("ns", "OS::Nova::Flavor");

        assertThat(line(glance.take())).isEqualTo("GET /v2/metadefs/resource_types");
        assertThat(line(glance.take())).isEqualTo("GET /v2/metadefs/namespaces/ns/resource_types");
        RecordedRequest create = glance.take();
        assertThat(line(create)).isEqualTo("POST /v2/metadefs/namespaces/ns/resource_types");
        assertThat(MockGlance.body(create)).isEqualTo("{\"name\":\"OS::Nova::Flavor\",\"prefix\":\"f_\",\"properties_target\":\"image\"}");
        assertThat(line(glance.take())).isEqualTo("DELETE /v2/metadefs/namespaces/ns/resource_types/OS::Nova::Flavor");
        assertThat(all).extracting(ResourceType::name).containsExactly("OS::Glance::Image");
        assertThat(all.get(0).createdAt()).contains(Instant.parse(T));
        assertThat(ofNs.get(0).prefix()).contains("hw_");
        assertThat(flavor.propertiesTarget()).contains("image");
        assertThat(flavor.createdAt()).contains(Instant.parse("2026-12-06T01:51:45Z"));
    }

    @Test
    void errorsAreTyped() {
        glance.error(403, "Forbidden", "Metadata definition namespace sdk.probe.ns1 is protected and cannot be deleted.")
                .error(409, "Conflict", "A metadata tag with name=t3 already exists in namespace=ns. (Please note that "
                        + "metadata tag names are case insensitive).")
                .error(404, "Not Found", "Metadata definition namespace=nope was not found.");

        assertThatThrownBy(() -> MetadefNamespaces.of(glance.client).delete("sdk.probe.ns1"))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.serverMessage())
                        .contains("Metadata definition namespace sdk.probe.ns1 is protected and cannot be deleted."));
        assertThatThrownBy(() -> MetadefTags.of(glance.client).create("ns", "t3")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> MetadefObjects.of(glance.client).list("nope")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void wrongTypedValuesAreFlaggedAndTheRestIsRead() {
        glance.json(200, "{\"namespace\": \"n\", \"protected\": \"maybe\", \"created_at\": \"yesterday\", "
                + "\"properties\": {\"p\": {\"type\": \"integer\", \"title\": \"P\", \"minimum\": \"one\"}, \"q\": 7}, "
                + "\"objects\": [{\"name\": \"o\", \"required\": [1, \"a\"]}, \"junk\"], \"tags\": [{\"name\": \"t\"}]}");

        Namespace ns = MetadefNamespaces.of(glance.client).get("n");

        assertThat(ns.namespace()).isEqualTo("n");
        assertThat(ns.isProtected()).isFalse();
        assertThat(ns.createdAt()).isEmpty();
        assertThat(ns.properties().get("p").title()).contains("P");
        assertThat(ns.properties().get("p").minimum()).isEmpty();
        assertThat(ns.objects().get(0).required()).containsExactly("a");
        assertThat(ns.tags()).extracting(MetadefTag::name).containsExactly("t");
        assertThat(ns.isWellFormed()).isFalse();
        assertThat(ns.decodingProblems()).containsExactly(
                "protected: expected a boolean, got a string",
                "created_at: unparseable timestamp yesterday",
                "properties.p: minimum: expected a number, got a string",
                "properties.q: expected property definition object, got a number",
                "objects: required: an item is a number, not a string",
                "objects: expected a metadef object object, got a string");
    }

    @Test
    void metadefSchemasAreReadFromTheirPath() {
        glance.json(200, "{\"name\": \"namespace\", \"properties\": {\"namespace\": {\"type\": \"string\", \"maxLength\": 80}}}");

        Map<String, Object> schema = Schemas.of(glance.client).metadef("namespace");

        assertThat(line(glance.take())).isEqualTo("GET /v2/schemas/metadefs/namespace");
        assertThat(schema).containsEntry("name", "namespace");
    }

    @Test
    void badInputIsRefusedBeforeSending() {
        MetadefTags tags = MetadefTags.of(glance.client);
        assertThatThrownBy(() -> tags.create("ns", "wörld")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("addAll");
        assertThatThrownBy(() -> tags.addAll("ns", List.of("x".repeat(81)))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PropertyDefinition.builder("p", "string", "P").attribute("default", new Object()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PropertyDefinition.builder("p", "string", "P").attribute("minimum", "x").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("minimum");
        assertThatThrownBy(() -> NamespaceCreateOpts.builder("n".repeat(81))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> MetadefNamespaces.of(glance.client).get("..")).isInstanceOf(ValidationException.class);
        assertThat(glance.server.getRequestCount()).isZero();
    }

    @Test
    void aValueNestedTooDeepSpoilsOnlyItsOwnItem() {
        String deep = "[".repeat(200) + "]".repeat(200);
        glance.json(200, "{\"tags\": [{\"name\": \"a\"}, {\"name\": \"b\", \"x\": " + deep + "}, 7, {\"name\": \"c\"}]}");
        glance.json(200, "{\"properties\": {\"p\": {\"type\": \"string\", \"title\": \"P\", \"items\": {\"enum\": "
                + deep + "}}, \"q\": {\"type\": \"string\", \"title\": \"Q\"}}}");
        glance.json(200, "{\"namespaces\": [{\"namespace\": \"n1\", \"x\": " + deep + "}, {\"namespace\": \"n2\"}]}");

        List<MetadefTag> tags = MetadefTags.of(glance.client).list("ns");
        Map<String, PropertyDefinition> properties = MetadefProperties.of(glance.client).list("ns");
        List<Namespace> namespaces = MetadefNamespaces.of(glance.client).list().stream().toList();

        assertThat(tags).extracting(MetadefTag::name).containsExactly("a", "b", null, "c");
        assertThat(tags.get(0).isWellFormed()).isTrue();
        assertThat(tags.get(1).decodingProblems()).containsExactly("a value nested deeper than 64 levels was left out");
        assertThat(tags.get(2).decodingProblems()).containsExactly("expected a tag object, got a number");
        assertThat(tags.get(3).isWellFormed()).isTrue();
        assertThat(properties.get("p").decodingProblems()).containsExactly("a value nested deeper than 64 levels was left out");
        assertThat(properties.get("p").title()).contains("P");
        assertThat(properties.get("q").isWellFormed()).isTrue();
        assertThat(namespaces).extracting(Namespace::namespace).containsExactly("n1", "n2");
        assertThat(namespaces.get(0).isWellFormed()).isFalse();
        assertThat(namespaces.get(1).isWellFormed()).isTrue();
    }

    @Test
    void anAnswerThatIsNotAnObjectIsAResponseFormatError() {
        glance.json(200, "[\"not\", \"an\", \"object\"]").json(200, "{\"objects\": 3}");

        assertThatThrownBy(() -> MetadefNamespaces.of(glance.client).get("n"))
                .isInstanceOf(dev.imagesdk.core.error.ResponseFormatException.class);
        assertThatThrownBy(() -> MetadefObjects.of(glance.client).list("n"))
                .isInstanceOf(dev.imagesdk.core.error.ResponseFormatException.class).hasMessageContaining("objects");
    }
}
