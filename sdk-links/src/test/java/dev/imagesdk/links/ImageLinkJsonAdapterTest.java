package dev.imagesdk.links;

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

    /** Issue 14: a document that breaks the contract is flagged with what is wrong, never thrown. */
    @Test
    void flagsDocumentsThatBreakTheContract() throws IOException {
        assertThat(adapter.fromJson("{\"imid\": \"img\"}").decodingProblems()).containsExactly("linkid: missing");
        assertThat(adapter.fromJson("{\"linkid\": \"l\"}").decodingProblems()).containsExactly("imid: missing");
        ImageLink fractional = adapter.fromJson("{\"linkid\": \"l\", \"imid\": \"i\", \"priority\": 1.5}");
        assertThat(fractional.priority()).isNull();
        assertThat(fractional.decodingProblems()).singleElement().asString().startsWith("priority:");
        ImageLink high = adapter.fromJson("{\"linkid\": \"l\", \"imid\": \"i\", \"priority\": \"high\"}");
        assertThat(high.decodingProblems()).singleElement().asString().startsWith("priority:");
        ImageLink fractionalId = adapter.fromJson("{\"linkid\": 1.5, \"imid\": \"i\"}");
        assertThat(fractionalId.linkId()).isNull();
        assertThat(fractionalId.decodingProblems()).contains("linkid: expected an integer or string id but got 1.5", "linkid: missing");
        ImageLink numericSlug = adapter.fromJson("{\"linkid\": \"l\", \"imid\": \"i\", \"org_slug\": 7}");
        assertThat(numericSlug.orgSlug()).isNull();
        assertThat(numericSlug.decodingProblems()).containsExactly("org_slug: expected a string but got a number 7");
        ImageLink notAnObject = adapter.fromJson("[]");
        assertThat(notAnObject.linkId()).isNull();
        assertThat(notAnObject.decodingProblems()).containsExactly("expected an image link object but got an array");
        assertThat(adapter.fromJson("{\"linkid\": \"l\", \"imid\": \"i\"}").isWellFormed()).isTrue();
    }
}
