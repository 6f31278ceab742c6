package dev.imagesdk.images.model;


import dev.imagesdk.core.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class TagsTest {
    @Test
    void provenanceTagsCarrySourceThenExtrasAndReadBack() {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("organization", "acme");
        extra.put("region", "r1");

        List<String> tags = Tags.provenance("web-download", extra);

        assertThat(tags).containsExactly("imagesdk.provenance/source=web-download",
                "imagesdk.provenance/organization=acme", "imagesdk.provenance/region=r1");
        assertThat(Tags.provenanceOf(List.of("web", tags.get(0), tags.get(1))))
                .containsExactly(entry("source", "web-download"), entry("organization", "acme"));
    }

    @Test
    void invalidProvenanceIsRejected() {
        assertThatThrownBy(() -> Tags.provenance(" ", Map.of())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Tags.tag("a=b", "v")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Tags.provenance("x", Map.of("source", "y"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Tags.tag("k", "v".repeat(300))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("255");
    }
}
