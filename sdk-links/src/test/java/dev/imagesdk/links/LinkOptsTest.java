package dev.imagesdk.links;

import dev.imagesdk.core.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkOptsTest {
    private static final String IMG = "3c441d1e-aa40-4d8a-b060-2a7e24d1af6a";

    @Test
    void createBodyAlwaysNamesImageAndBothSlugs() {
        assertThat(LinkCreateOpts.of(IMG, Scope.global()).toJson())
                .isEqualTo("{\"imid\":\"3c441d1e-aa40-4d8a-b060-2a7e24d1af6a\",\"org_slug\":null,\"space_slug\":null}");
        assertThat(LinkCreateOpts.of(IMG, Scope.organization("acme")).toJson())
                .isEqualTo("{\"imid\":\"3c441d1e-aa40-4d8a-b060-2a7e24d1af6a\",\"org_slug\":\"acme\",\"space_slug\":null}");
        assertThat(LinkCreateOpts.builder(IMG, Scope.space("acme", "lab")).priority(10).spaceType("research")
                .comment("GPU \"lab\"").build().toJson())
                .isEqualTo("{\"imid\":\"3c441d1e-aa40-4d8a-b060-2a7e24d1af6a\",\"org_slug\":\"acme\",\"space_slug\":\"lab\",\"priority\":10,"
                        + "\"space_type\":\"research\",\"comment\":\"GPU \\\"lab\\\"\"}");
    }

    @Test
    void createOptionsRejectImpossibleCombinations() {
        assertThatThrownBy(() -> LinkCreateOpts.of(" ", Scope.global())).isInstanceOf(ValidationException.class).hasMessageContaining("imid");
        assertThatThrownBy(() -> LinkCreateOpts.of(IMG, null)).isInstanceOf(ValidationException.class).hasMessageContaining("scope");
        assertThatThrownBy(() -> LinkCreateOpts.builder(IMG, Scope.organization("acme")).spaceType("research"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("only a space link");
        assertThatThrownBy(() -> LinkCreateOpts.builder(IMG, Scope.global()).spaceType("research"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LinkCreateOpts.builder(IMG, Scope.space("a", "b")).spaceType(""))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void anImageIdThatIsNotAUuidIsRefused() {
        assertThatThrownBy(() -> LinkCreateOpts.of("img", Scope.global())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("imid").hasMessageContaining("UUID");
        assertThatThrownBy(() -> LinkListOpts.builder().imageId("img")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("UUID");
    }

    @Test
    void createOptionsCompareByValue() {
        LinkCreateOpts a = LinkCreateOpts.builder(IMG, Scope.space("acme", "lab")).priority(1).build();
        LinkCreateOpts b = LinkCreateOpts.builder(IMG, Scope.space("acme", "lab")).priority(1).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).contains(IMG, "space:acme/lab", "priority=1");
    }

    @Test
    void updateIsAMergePatchOfPriorityAndComment() {
        assertThat(LinkUpdateOpts.builder().priority(5).build().toJson()).isEqualTo("{\"priority\":5}");
        assertThat(LinkUpdateOpts.builder().comment("new").build().toJson()).isEqualTo("{\"comment\":\"new\"}");
        LinkUpdateOpts clear = LinkUpdateOpts.builder().priority(-1).clearComment().build();
        assertThat(clear.toJson()).isEqualTo("{\"priority\":-1,\"comment\":null}");
        assertThat(clear.changesComment()).isTrue();
        assertThat(clear.comment()).isNull();
        assertThat(LinkUpdateOpts.MERGE_PATCH.toString()).isEqualTo("application/merge-patch+json");
    }

    @Test
    void anUpdateThatChangesNothingIsRejected() {
        assertThatThrownBy(() -> LinkUpdateOpts.builder().build()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("nothing to update");
    }

    @Test
    void listOptionsBecomeTheDocumentedQuery() {
        LinkListOpts opts = LinkListOpts.builder().imageId(IMG).orgSlug("acme").spaceSlug("lab").spaceType("research")
                .limit(50).marker("l-9").build();
        assertThat(opts.toQuery()).containsExactly(Map.entry("imid", IMG), Map.entry("org_slug", "acme"),
                Map.entry("space_slug", "lab"), Map.entry("space_type", "research"), Map.entry("limit", "50"),
                Map.entry("marker", "l-9"));
        assertThat(LinkListOpts.defaults().toQuery()).isEmpty();
    }

    @Test
    void listOptionsRejectBadValues() {
        assertThatThrownBy(() -> LinkListOpts.builder().limit(0)).isInstanceOf(ValidationException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> LinkListOpts.builder().limit(LinkListOpts.MAX_LIMIT + 1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LinkListOpts.builder().orgSlug(" ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LinkListOpts.builder().imageId(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LinkListOpts.builder().marker("")).isInstanceOf(ValidationException.class);
        assertThat(LinkListOpts.builder().limit(LinkListOpts.MAX_LIMIT).build().toQuery()).containsExactly(Map.entry("limit", "1000"));
    }
}
