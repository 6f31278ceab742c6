package dev.imagesdk.testing;

import com.squareup.moshi.Moshi;
import dev.imagesdk.core.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ImageServiceEmulator.Builder#metadefDefinitions(Path)}: files in the format of Glance's
 * {@code etc/metadefs} are loaded as {@code glance-manage db_load_metadefs} loads them (owner {@code admin},
 * an unset visibility shown as private and not public, protected resource types without
 * {@code updated_at}, an object's {@code required} not kept), again after {@code reset()}; without it the
 * emulator has no namespaces and no resource types. Expected values follow what the real Glance 25.1 showed
 * for glance-common's files after {@code db_load_metadefs}.
 */
class EmulatorMetadefDefinitionsTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Path samples() {
        try {
            return Path.of(EmulatorMetadefDefinitionsTest.class.getResource("/metadefs-sample").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> get(ImageServiceEmulator e, String path, String project, String roles,
                                           int status) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(e.endpoint() + path))
                .header("X-Identity-Status", "Confirmed").header("X-Project-Id", project).header("X-User-Id", "u")
                .header("X-Roles", roles).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(r.body());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> doc, String key) {
        return (List<Map<String, Object>>) doc.get(key);
    }

    @Test
    void withoutDefinitionsThereAreNoNamespacesAndNoResourceTypes() throws Exception {
        try (ImageServiceEmulator e = ImageServiceEmulator.start()) {
            assertThat(list(get(e, "/v2/metadefs/namespaces", "p", "admin", 200), "namespaces")).isEmpty();
            assertThat(list(get(e, "/v2/metadefs/resource_types", "p", "admin", 200), "resource_types")).isEmpty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void definitionFilesAreLoadedAsDbLoadMetadefsLoadsThem() throws Exception {
        try (ImageServiceEmulator e = ImageServiceEmulator.builder().metadefDefinitions(samples()).start()) {
            Map<String, Object> pub = get(e, "/v2/metadefs/namespaces/Sample::Public", "p", "member", 200);
            assertThat(pub).containsEntry("display_name", "Sample public definitions")
                    .containsEntry("visibility", "public").containsEntry("protected", true)
                    .containsEntry("owner", "admin").doesNotContainKey("updated_at");
            assertThat(list(pub, "resource_type_associations")).extracting(a -> a.get("name"))
                    .containsExactly("OS::Glance::Image", "OS::Cinder::Volume");
            assertThat(list(pub, "resource_type_associations").get(1)).containsEntry("properties_target", "image")
                    .doesNotContainKey("updated_at");
            assertThat((Map<String, Object>) pub.get("properties")).containsOnlyKeys("colour");
            Map<String, Object> shape = list(pub, "objects").get(0);
            assertThat(shape).containsEntry("name", "Shape").containsEntry("required", List.of())
                    .containsEntry("self", "/v2/metadefs/namespaces/Sample::Public/objects/Shape");
            assertThat(list(pub, "tags")).extracting(t -> t.get("name")).containsExactly("sample-tag");

            Map<String, Object> unset = get(e, "/v2/metadefs/namespaces/Sample::Unset", "p", "admin", 200);
            assertThat(unset).containsEntry("visibility", "private").containsEntry("protected", false)
                    .containsEntry("owner", "admin").doesNotContainKey("display_name");
            get(e, "/v2/metadefs/namespaces/Sample::Unset", "p", "member", 404);
            assertThat(list(get(e, "/v2/metadefs/namespaces?visibility=private", "p", "admin", 200), "namespaces"))
                    .as("an unset visibility matches no visibility filter").isEmpty();

            List<Map<String, Object>> types = list(get(e, "/v2/metadefs/resource_types", "p", "member", 200),
                    "resource_types");
            assertThat(types).extracting(t -> t.get("name"))
                    .containsExactlyInAnyOrder("OS::Glance::Image", "OS::Cinder::Volume", "OS::Nova::Flavor");
            assertThat(types).allSatisfy(t -> assertThat(t).containsOnlyKeys("name", "created_at"));
        }
    }

    @Test
    void resetLoadsTheDefinitionsAgain() throws Exception {
        try (ImageServiceEmulator e = ImageServiceEmulator.builder().metadefDefinitions(samples()).start()) {
            HttpResponse<String> deleted = HTTP.send(HttpRequest.newBuilder(URI.create(e.endpoint()
                            + "/v2/metadefs/namespaces/Sample::Unset")).DELETE().header("X-Identity-Status", "Confirmed")
                    .header("X-Project-Id", "p").header("X-User-Id", "u").header("X-Roles", "admin").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(deleted.statusCode()).isEqualTo(204);
            get(e, "/v2/metadefs/namespaces/Sample::Unset", "p", "admin", 404);
            e.reset();
            get(e, "/v2/metadefs/namespaces/Sample::Unset", "p", "admin", 200);
            assertThat(list(get(e, "/v2/metadefs/namespaces", "p", "admin", 200), "namespaces")).hasSize(2);
        }
    }

    @Test
    void aSingleFileCanBeLoaded() throws Exception {
        try (ImageServiceEmulator e = ImageServiceEmulator.builder()
                .metadefDefinitions(samples().resolve("sample-unset.json")).start()) {
            assertThat(list(get(e, "/v2/metadefs/namespaces", "p", "admin", 200), "namespaces"))
                    .extracting(n -> n.get("namespace")).containsExactly("Sample::Unset");
        }
    }

    @Test
    void aFileThatIsNoDefinitionFailsTheStartAndANullPathIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.json"), "{\"display_name\": \"no namespace\"}");
        assertThatThrownBy(() -> ImageServiceEmulator.builder().metadefDefinitions(dir).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broken.json");
        assertThatThrownBy(() -> ImageServiceEmulator.builder().metadefDefinitions(dir.resolve("none.json")).start())
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("none.json");
        assertThatThrownBy(() -> ImageServiceEmulator.builder().metadefDefinitions(null))
                .isInstanceOf(ValidationException.class);
    }
}
