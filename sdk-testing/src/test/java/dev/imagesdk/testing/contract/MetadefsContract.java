package dev.imagesdk.testing.contract;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.paging.Page;
import dev.imagesdk.images.Schemas;
import dev.imagesdk.images.metadefs.MetadefNamespaces;
import dev.imagesdk.images.metadefs.MetadefObject;
import dev.imagesdk.images.metadefs.MetadefObjects;
import dev.imagesdk.images.metadefs.MetadefProperties;
import dev.imagesdk.images.metadefs.MetadefResourceTypes;
import dev.imagesdk.images.metadefs.MetadefTag;
import dev.imagesdk.images.metadefs.MetadefTags;
import dev.imagesdk.images.metadefs.MetadefVisibility;
import dev.imagesdk.images.metadefs.Namespace;
import dev.imagesdk.images.metadefs.NamespaceCreateOpts;
import dev.imagesdk.images.metadefs.NamespaceListOpts;
import dev.imagesdk.images.metadefs.NamespaceUpdateOpts;
import dev.imagesdk.images.metadefs.PropertyDefinition;
import dev.imagesdk.images.metadefs.ResourceType;
import dev.imagesdk.images.metadefs.ResourceTypeAssociation;
import dev.imagesdk.images.model.SortDirection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The metadata definitions contract (issue 16), written once against the SDK's public API and run on the
 * real Glance ({@link GlanceMetadefsContractIT}, 25.1 and 30.0) and the emulator
 * ({@link EmulatorMetadefsContractTest}). Expected values were observed on the real Glance 25.1 with
 * curl and written here by hand. Each test creates its own namespaces (run-unique names, as an
 * administrator: Glance's default policy lets only administrators write metadefs) and deletes them;
 * Glance's standard definitions may or may not be loaded and are never relied on.
 */
@ExtendWith(ContractReport.class)
public abstract class MetadefsContract {
    /** An administrator (writes metadefs). */
    protected abstract ServiceClient administrator();

    /** A member of another project, without the admin role. */
    protected abstract ServiceClient member();

    /** The release the target answers as (the emulator answers as 25.1). */
    protected GlanceRelease release() {
        return GlanceRelease.GLANCE_25;
    }

    private final List<String> created = new ArrayList<>();
    private String run;
    private MetadefNamespaces namespaces;

    @BeforeEach
    void names() {
        run = "sdk-it." + UUID.randomUUID().toString().substring(0, 8);
        namespaces = MetadefNamespaces.of(administrator());
    }

    @AfterEach
    void deleteCreated() {
        for (String ns : created) {
            try {
                namespaces.update(ns, NamespaceUpdateOpts.builder(ns).isProtected(false).build());
                namespaces.delete(ns);
            } catch (NotFoundException gone) {
                // deleted by the test
            }
        }
    }

    private String ns(String suffix) {
        String name = run + "." + suffix;
        created.add(name);
        return name;
    }

    private boolean ours(String namespace) {
        return namespace.startsWith(run + ".");
    }

    private static PropertyDefinition cpu() {
        return PropertyDefinition.builder("cpu", "integer", "CPU").minimum(1).maximum(8).defaultValue(2).build();
    }

    @Test
    void aNamespaceIsCreatedWithItsContentsAndReadBackWithThemInline() {
        String name = ns("full");
        Namespace created = namespaces.create(NamespaceCreateOpts.builder(name).displayName("Probe").description("d")
                .visibility(MetadefVisibility.PUBLIC).isProtected(false)
                .resourceTypeAssociation(ResourceTypeAssociation.builder("OS::Glance::Image").prefix("hw_").build())
                .property(cpu())
                .object(MetadefObject.builder("obj1").description("o").required(List.of("a"))
                        .property(PropertyDefinition.builder("a", "string", "A").enumValues(List.of("x", "y")).build())
                        .build())
                .tags(List.of("t1", "t2")).build());

        assertThat(created.namespace()).isEqualTo(name);
        assertThat(created.displayName()).contains("Probe");
        assertThat(created.visibility()).isEqualTo(MetadefVisibility.PUBLIC);
        assertThat(created.isProtected()).isFalse();
        assertThat(created.createdAt()).isPresent();
        assertThat(created.properties()).containsOnlyKeys("cpu");
        assertThat(created.tags()).extracting(MetadefTag::name).containsExactlyInAnyOrder("t1", "t2");
        assertThat(created.decodingProblems()).isEmpty();

        Namespace read = namespaces.get(name);
        assertThat(read.description()).contains("d");
        PropertyDefinition cpu = read.properties().get("cpu");
        assertThat(cpu.type()).contains("integer");
        assertThat(cpu.minimum()).contains(1L);
        assertThat(cpu.maximum()).contains(8L);
        assertThat(cpu.defaultValue()).as("Glance keeps a default as a string").contains("2");
        assertThat(read.objects()).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("obj1");
            assertThat(o.required()).containsExactly("a");
            assertThat(o.properties().get("a").enumValues()).containsExactly("x", "y");
            assertThat(o.createdAt()).isPresent();
        });
        assertThat(read.tags()).extracting(MetadefTag::name).containsExactlyInAnyOrder("t1", "t2");
        assertThat(read.resourceTypeAssociations()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("OS::Glance::Image");
            assertThat(a.prefix()).contains("hw_");
            assertThat(a.createdAt()).isPresent();
        });
        assertThat(read.decodingProblems()).isEmpty();

        Namespace forImages = namespaces.get(name, "OS::Glance::Image");
        assertThat(forImages.properties()).containsOnlyKeys("hw_cpu");
        assertThat(forImages.objects().get(0).required()).containsExactly("hw_a");
        assertThat(forImages.objects().get(0).properties()).containsOnlyKeys("hw_a");

        assertThat(MetadefNamespaces.of(member()).get(name).namespace()).as("public: others read it").isEqualTo(name);
    }

    @Test
    void updateReplacesTheFieldsAndAProtectedNamespaceCannotBeDeleted() {
        String name = ns("protected");
        namespaces.create(NamespaceCreateOpts.builder(name).displayName("D").description("d")
                .visibility(MetadefVisibility.PUBLIC).property(cpu()).build());

        Namespace updated = namespaces.update(name, NamespaceUpdateOpts.builder(name).isProtected(true).build());
        assertThat(updated.isProtected()).isTrue();
        assertThat(updated.visibility()).as("not given: reset to private").isEqualTo(MetadefVisibility.PRIVATE);
        assertThat(updated.displayName()).isEmpty();
        assertThat(updated.description()).isEmpty();
        Namespace read = namespaces.get(name);
        assertThat(read.description()).isEmpty();
        assertThat(read.properties()).as("contents stay").containsOnlyKeys("cpu");

        assertThatThrownBy(() -> namespaces.delete(name)).isInstanceOfSatisfying(ForbiddenException.class,
                e -> assertThat(e.serverMessage().orElseThrow()).contains(
                        "Metadata definition namespace " + name + " is protected and cannot be deleted."));
        assertThatThrownBy(() -> MetadefProperties.of(administrator()).deleteAll(name)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> MetadefObjects.of(administrator()).deleteAll(name)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> MetadefTags.of(administrator()).deleteAll(name)).isInstanceOf(ForbiddenException.class);

        namespaces.update(name, NamespaceUpdateOpts.builder(name).isProtected(false).build());
        namespaces.delete(name);
        assertThatThrownBy(() -> namespaces.get(name)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> MetadefObjects.of(administrator()).list(name)).isInstanceOfSatisfying(
                NotFoundException.class, e -> assertThat(e.serverMessage().orElseThrow())
                        .contains("Metadata definition namespace=" + name + " was not found."));
    }

    @Test
    void onlyAdministratorsWriteAndPrivateNamespacesAreHiddenFromOtherProjects() {
        String name = ns("private");
        namespaces.create(NamespaceCreateOpts.builder(name).build());
        MetadefNamespaces others = MetadefNamespaces.of(member());

        assertThatThrownBy(() -> others.create(NamespaceCreateOpts.builder(run + ".byMember").build()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> others.get(name)).isInstanceOf(NotFoundException.class);
        assertThat(namespaces.get(name).visibility()).isEqualTo(MetadefVisibility.PRIVATE);
        assertThatThrownBy(() -> namespaces.create(NamespaceCreateOpts.builder(name).build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.serverMessage().orElseThrow())
                        .contains("The metadata definition namespace=" + name + " already exists."));
    }

    @Test
    void theNamespaceListPagesAndFiltersByResourceTypeAndVisibility() {
        // a fixed name: Glance never forgets a resource type, so a run-unique one would pile up in the listing
        String type = "SDK::IT::ListFilter";
        List<String> names = List.of(ns("list-b"), ns("list-a"), ns("list-c"));
        for (String n : names) {
            namespaces.create(NamespaceCreateOpts.builder(n).visibility(n.endsWith("c") ? MetadefVisibility.PRIVATE
                    : MetadefVisibility.PUBLIC).resourceTypeAssociation(ResourceTypeAssociation.builder(type).build()).build());
        }
        NamespaceListOpts.Builder byType = NamespaceListOpts.builder().resourceTypes(List.of(type))
                .sortKey("namespace").sortDir(SortDirection.ASC).limit(1);

        // (another run's namespaces of the same type, if any, are left out of the comparisons)
        List<Page<Namespace>> pages = new ArrayList<>();
        namespaces.list(byType.build()).pages().forEach(pages::add);
        assertThat(pages).allSatisfy(p -> assertThat(p.items()).hasSizeLessThanOrEqualTo(1));
        assertThat(pages.stream().flatMap(p -> p.items().stream()).map(Namespace::namespace).filter(this::ours))
                .containsExactly(run + ".list-a", run + ".list-b", run + ".list-c");
        assertThat(pages.get(0).items()).singleElement().satisfies(n -> assertThat(n.resourceTypeAssociations())
                .extracting(ResourceTypeAssociation::name).containsExactly(type));
        assertThat(namespaces.list(byType.visibility(MetadefVisibility.PUBLIC).build()).stream().map(Namespace::namespace)
                .filter(this::ours)).containsExactly(run + ".list-a", run + ".list-b");
        assertThat(MetadefNamespaces.of(member()).list(NamespaceListOpts.builder().resourceTypes(List.of(type)).build())
                .stream().map(Namespace::namespace).filter(this::ours)).as("others see the public ones, newest first")
                .containsExactly(run + ".list-a", run + ".list-b");
    }

    @Test
    void objectsAreCreatedReadReplacedAndDeleted() {
        String name = ns("objects");
        namespaces.create(NamespaceCreateOpts.builder(name).build());
        MetadefObjects objects = MetadefObjects.of(administrator());

        MetadefObject created = objects.create(name, MetadefObject.builder("obj2")
                .property(PropertyDefinition.builder("b", "boolean", "B").build()).build());
        assertThat(created.name()).isEqualTo("obj2");
        assertThat(created.properties().get("b").type()).contains("boolean");
        assertThat(created.createdAt()).isPresent();
        assertThat(objects.get(name, "obj2").required()).isEmpty();
        assertThat(objects.list(name)).extracting(MetadefObject::name).containsExactly("obj2");
        assertThatThrownBy(() -> objects.create(name, MetadefObject.builder("obj2").build())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> MetadefObjects.of(member()).create(name, MetadefObject.builder("x").build()))
                .as("a private namespace of another project").isInstanceOf(NotFoundException.class);

        MetadefObject renamed = objects.update(name, "obj2", MetadefObject.builder("obj3").description("renamed").build());
        assertThat(renamed.name()).isEqualTo("obj3");
        assertThat(renamed.properties()).as("replaced").isEmpty();
        assertThatThrownBy(() -> objects.get(name, "obj2")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.serverMessage().orElseThrow()).contains("Could not find metadata object obj2"));
        objects.delete(name, "obj3");
        assertThat(objects.list(name)).isEmpty();

        objects.create(name, MetadefObject.builder("o1").build());
        objects.create(name, MetadefObject.builder("o2").build());
        objects.deleteAll(name);
        assertThat(objects.list(name)).isEmpty();
    }

    @Test
    void propertiesAreCreatedReadForAResourceTypeReplacedAndDeleted() {
        String name = ns("properties");
        namespaces.create(NamespaceCreateOpts.builder(name)
                .resourceTypeAssociation(ResourceTypeAssociation.builder("OS::Glance::Image").prefix("hw_").build())
                .property(cpu()).build());
        MetadefProperties properties = MetadefProperties.of(administrator());

        PropertyDefinition ram = properties.create(name, PropertyDefinition.builder("ram", "array", "RAM")
                .items("string", List.of("a", "b")).readonly(true).operators(List.of("<or>")).pattern("^a")
                .attribute("minLength", 1).attribute("maxLength", 5).attribute("uniqueItems", true)
                .attribute("minItems", 1).attribute("maxItems", 3).attribute("additionalItems", false).build());
        assertThat(ram.name()).contains("ram");
        assertThat(ram.items()).contains(Map.of("type", "string", "enum", List.of("a", "b")));
        assertThat(ram.readonly()).contains(true);
        assertThat(ram.operators()).containsExactly("<or>");
        assertThat(ram.minLength()).contains(1L);
        assertThat(ram.maxItems()).contains(3L);
        assertThat(ram.uniqueItems()).contains(true);
        assertThat(ram.attributes()).containsEntry("additionalItems", false);
        assertThat(properties.get(name, "ram")).isEqualTo(ram);

        assertThat(properties.list(name)).containsOnlyKeys("cpu", "ram");
        assertThat(properties.list(name).get("cpu").defaultValue()).contains("2");
        PropertyDefinition forImages = properties.get(name, "hw_cpu", "OS::Glance::Image");
        assertThat(forImages.name()).as("answered without the prefix").contains("cpu");
        assertThat(forImages.maximum()).contains(8L);
        assertThatThrownBy(() -> properties.create(name, cpu())).isInstanceOf(ConflictException.class);

        PropertyDefinition renamed = properties.update(name, "ram", PropertyDefinition.builder("ram2", "string", "RAM2").build());
        assertThat(renamed.name()).contains("ram2");
        assertThat(renamed.items()).as("replaced").isEmpty();
        assertThat(properties.list(name)).containsOnlyKeys("cpu", "ram2");
        properties.delete(name, "ram2");
        assertThatThrownBy(() -> properties.get(name, "ram2")).isInstanceOf(NotFoundException.class);
        properties.deleteAll(name);
        assertThat(properties.list(name)).isEmpty();
    }

    @Test
    void tagsAreCreatedOneByOneOrInBulkRenamedAndDeleted() {
        String name = ns("tags");
        namespaces.create(NamespaceCreateOpts.builder(name).tags(List.of("t1", "t2")).build());
        MetadefTags tags = MetadefTags.of(administrator());

        MetadefTag t3 = tags.create(name, "t3");
        assertThat(t3.name()).isEqualTo("t3");
        assertThat(t3.createdAt()).isPresent();
        assertThat(tags.get(name, "t3").name()).isEqualTo("t3");
        assertThatThrownBy(() -> tags.create(name, "t3"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.serverMessage().orElseThrow())
                        .contains("A metadata tag with name=t3 already exists in namespace=" + name + "."));
        assertThat(tags.update(name, "t3", "t4").name()).isEqualTo("t4");
        assertThat(tags.list(name)).extracting(MetadefTag::name).containsExactlyInAnyOrder("t1", "t2", "t4");

        assertThat(tags.replaceAll(name, List.of("a1", "a2"))).extracting(MetadefTag::name).containsExactly("a1", "a2");
        assertThat(tags.list(name)).as("the bulk create replaces").extracting(MetadefTag::name)
                .containsExactlyInAnyOrder("a1", "a2");
        assertThat(tags.addAll(name, List.of("a3"))).extracting(MetadefTag::name).containsExactly("a3");
        assertThat(tags.list(name)).as("appended").extracting(MetadefTag::name).containsExactlyInAnyOrder("a1", "a2", "a3");
        assertThatThrownBy(() -> tags.addAll(name, List.of("a1"))).isInstanceOf(ConflictException.class);
        assertThat(tags.addAll(name, List.of("A1"))).as("names compare exactly on Glance's SQLite database")
                .extracting(MetadefTag::name).containsExactly("A1");
        tags.delete(name, "A1");

        tags.delete(name, "a3");
        assertThatThrownBy(() -> tags.get(name, "a3")).isInstanceOf(NotFoundException.class);
        tags.deleteAll(name);
        assertThat(tags.list(name)).isEmpty();
    }

    @Test
    void resourceTypesAreAssociatedAndDissociated() {
        String name = ns("types");
        String type = "SDK::IT::Association";
        namespaces.create(NamespaceCreateOpts.builder(name)
                .resourceTypeAssociation(ResourceTypeAssociation.builder("OS::Glance::Image").prefix("hw_").build()).build());
        MetadefResourceTypes types = MetadefResourceTypes.of(administrator());

        ResourceTypeAssociation made = types.create(name, ResourceTypeAssociation.builder(type).prefix("f_")
                .propertiesTarget("image").build());
        assertThat(made.name()).isEqualTo(type);
        assertThat(made.prefix()).contains("f_");
        assertThat(made.propertiesTarget()).contains("image");
        assertThat(made.createdAt()).isPresent();
        assertThat(types.listForNamespace(name)).extracting(ResourceTypeAssociation::name)
                .containsExactly("OS::Glance::Image", type);
        assertThat(types.list()).extracting(ResourceType::name).contains("OS::Glance::Image", type);
        assertThatThrownBy(() -> types.create(name, ResourceTypeAssociation.builder(type).build()))
                .isInstanceOf(ConflictException.class);

        types.delete(name, type);
        assertThat(types.listForNamespace(name)).extracting(ResourceTypeAssociation::name).containsExactly("OS::Glance::Image");
        assertThatThrownBy(() -> types.delete(name, type)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.serverMessage().orElseThrow()).contains("Failed to find resource type " + type + " to delete"));
        assertThatThrownBy(() -> MetadefResourceTypes.of(member()).create(name, ResourceTypeAssociation.builder(type).build()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theMetadefSchemasAreServed() {
        Schemas schemas = Schemas.of(member());
        for (String s : List.of("namespace", "namespaces", "object", "objects", "property", "properties", "tag", "tags")) {
            assertThat(schemas.metadef(s)).as(s).containsEntry("name", s).containsKey("properties");
        }
        assertThat(schemas.metadef("resource_type")).containsEntry("name", "resource_type_association");
        assertThat(schemas.metadef("resource_types")).containsEntry("name", "resource_type_associations");
        assertThatThrownBy(() -> schemas.metadef("nope")).isInstanceOf(NotFoundException.class);
    }

    /**
     * Glance's property model keeps {@code default} as text (Python's {@code str()}: {@code True}, {@code 2.5};
     * a list or an object is dropped and shown as {@code null}) and {@code minimum}/{@code maximum} as integers
     * (the fraction is cut off), whatever JSON type was sent.
     */
    @Test
    void glanceKeepsADefaultAsTextAndTheBoundsAsIntegers() {
        String name = ns("defaults");
        namespaces.create(NamespaceCreateOpts.builder(name).build());
        MetadefProperties properties = MetadefProperties.of(administrator());

        PropertyDefinition flag = properties.create(name, PropertyDefinition.builder("flag", "boolean", "Flag")
                .defaultValue(true).build());
        PropertyDefinition ratio = properties.create(name, PropertyDefinition.builder("ratio", "number", "Ratio")
                .defaultValue(2.5).minimum(1.5).maximum(9.75).build());
        PropertyDefinition list = properties.create(name, PropertyDefinition.builder("list", "array", "List")
                .defaultValue(List.of(1, 2)).build());

        assertThat(flag.defaultValue()).contains("True");
        assertThat(ratio.defaultValue()).contains("2.5");
        assertThat(ratio.minimum()).contains(1L);
        assertThat(ratio.maximum()).contains(9L);
        assertThat(list.defaultValue()).isEmpty();
        assertThat(list.attributes()).containsEntry("default", null);
        assertThat(properties.get(name, "ratio")).isEqualTo(ratio);
        assertThat(properties.list(name).get("flag").defaultValue()).contains("True");
    }

    /**
     * Every namespace the server holds (on the real Glance: glance-common's definitions, which
     * {@code scripts/glance.sh} loads, besides this run's own) is read through the SDK, with its contents,
     * without a single decoding problem.
     */
    @Test
    void everyNamespaceOnTheServerIsReadWithoutDecodingProblems() {
        String mine = ns("all");
        namespaces.create(NamespaceCreateOpts.builder(mine).property(cpu())
                .object(MetadefObject.builder("o").property(cpu()).build()).tags(List.of("t")).build());

        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        int properties = 0;
        for (Namespace listed : namespaces.list(NamespaceListOpts.builder().limit(7).build())) {
            seen.add(listed.namespace());
            Namespace n = namespaces.get(listed.namespace());
            n.decodingProblems().forEach(p -> problems.add(n.namespace() + ": " + p));
            properties += n.properties().size();
            for (MetadefObject o : n.objects()) {
                properties += o.properties().size();
            }
            for (Map.Entry<String, PropertyDefinition> e : n.properties().entrySet()) {
                if (e.getValue().type().isEmpty() || e.getValue().title().isEmpty()) {
                    problems.add(n.namespace() + ": property " + e.getKey() + " without type or title");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(seen).contains(mine).doesNotHaveDuplicates();
        System.out.println("[metadefs] " + seen.size() + " namespaces, " + properties
                + " property definitions read without decoding problems");
    }
}
