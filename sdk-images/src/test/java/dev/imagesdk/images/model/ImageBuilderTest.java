package dev.imagesdk.images.model;


import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The builder hands its collections to the image instead of copying them: a built image must still never change. */
class ImageBuilderTest {

    @Test
    void aBuiltImageDoesNotSeeLaterChangesToItsBuilder() {
        Image.Builder b = Image.builder().id("i").property("a", "1").tags(List.of("x")).decodingProblem("p1");
        Image first = b.build();

        b.property("b", "2").property("a", "changed").tags(List.of("y", "z")).decodingProblem("p2");
        Image second = b.build();

        assertThat(first.properties()).containsExactly(entry("a", "1"));
        assertThat(first.tags()).containsExactly("x");
        assertThat(first.decodingProblems()).containsExactly("p1");
        assertThat(second.properties()).containsExactly(entry("a", "changed"), entry("b", "2"));
        assertThat(second.tags()).containsExactly("y", "z");
        assertThat(second.decodingProblems()).containsExactly("p1", "p2");
    }

    @Test
    void aBuilderFromAnImageDoesNotChangeTheImage() {
        Image image = Image.builder().id("i").property("a", "1").stores(List.of("s")).build();

        Image changed = image.toBuilder().property("a", "2").property("c", 3L).build();

        assertThat(image.properties()).containsExactly(entry("a", "1"));
        assertThat(changed.properties()).containsExactly(entry("a", "2"), entry("c", 3L));
        assertThat(changed.stores()).containsExactly("s");
        assertThat(image.toBuilder().build()).isEqualTo(image);
    }

    @Test
    void theCallersListsAreCopiedAndTheImagesCollectionsAreReadOnly() {
        List<String> tags = new ArrayList<>(List.of("a"));
        Image image = Image.builder().id("i").tags(tags).stores(tags).property("p", "v").build();
        tags.add("b");

        assertThat(image.tags()).containsExactly("a");
        assertThat(image.stores()).containsExactly("a");
        assertThatThrownBy(() -> image.tags().add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> image.properties().put("q", "w")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> image.decodingProblems().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Image.builder().id("j").build().properties()).isEmpty();
    }

    @Test
    void aNullTagIsStillRefusedWhenBuilding() {
        Image.Builder b = Image.builder().id("i").tags(Arrays.asList("a", null));

        assertThatThrownBy(b::build).isInstanceOf(NullPointerException.class);
    }
}
