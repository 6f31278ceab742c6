package dev.imagesdk.links;

import com.squareup.moshi.JsonDataException;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageLinkJsonAdapterTest {
    private final ImageLinkJsonAdapter adapter = ImageLinkJsonAdapter.INSTANCE;

    @Test
    void writesEveryDocumentedFieldAndReadsItBack() throws IOException {
        ImageLink link = ImageLink.builder().linkId("l-1").imageId("img").scope(Scope.space("acme", "lab")).priority(3)
                .spaceType("research").comment("c").build();
        String json = adapter.toJson(link);
        assertThat(json).isEqualTo("{\"linkid\":\"l-1\",\"imid\":\"img\",\"org_slug\":\"acme\",\"space_slug\":\"lab\","
                + "\"priority\":3,\"space_type\":\"research\",\"comment\":\"c\"}");
        assertThat(adapter.fromJson(json)).isEqualTo(link).hasSameHashCodeAs(link);
        assertThat(link.toBuilder().build()).isEqualTo(link);
    }

    @Test
    void writesNullsForAGlobalLink() {
        ImageLink global = ImageLink.builder().linkId("g").imageId("img").build();
        assertThat(adapter.toJson(global)).isEqualTo("{\"linkid\":\"g\",\"imid\":\"img\",\"org_slug\":null,\"space_slug\":null,"
                + "\"priority\":null,\"space_type\":null,\"comment\":null}");
    }

    @Test
    void acceptsANumericLinkIdAndSkipsUnknownKeys() throws IOException {
        ImageLink link = adapter.fromJson("{\"linkid\": 42, \"imid\": \"img\", \"org_slug\": null, \"created\": {\"by\": [1]}}");
        assertThat(link.linkId()).isEqualTo("42");
        assertThat(link.scope()).isEqualTo(Scope.global());
        assertThat(link.priority()).isNull();
    }

    @Test
    void rejectsDocumentsThatBreakTheContract() {
        assertThatThrownBy(() -> adapter.fromJson("{\"imid\": \"img\"}")).isInstanceOf(JsonDataException.class).hasMessageContaining("linkid");
        assertThatThrownBy(() -> adapter.fromJson("{\"linkid\": \"l\"}")).isInstanceOf(JsonDataException.class).hasMessageContaining("imid");
        assertThatThrownBy(() -> adapter.fromJson("{\"linkid\": \"l\", \"imid\": \"i\", \"priority\": 1.5}")).isInstanceOf(JsonDataException.class);
        assertThatThrownBy(() -> adapter.fromJson("{\"linkid\": \"l\", \"imid\": \"i\", \"priority\": \"high\"}"))
                .isInstanceOf(JsonDataException.class).hasMessageContaining("priority");
        assertThatThrownBy(() -> adapter.fromJson("{\"linkid\": 1.5, \"imid\": \"i\"}")).isInstanceOf(JsonDataException.class);
        assertThatThrownBy(() -> adapter.fromJson("{\"linkid\": \"l\", \"imid\": \"i\", \"org_slug\": 7}"))
                .isInstanceOf(JsonDataException.class).hasMessageContaining("org_slug");
        assertThatThrownBy(() -> adapter.fromJson("[]")).isInstanceOf(JsonDataException.class);
    }
}
