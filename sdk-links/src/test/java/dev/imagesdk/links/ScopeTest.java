package dev.imagesdk.links;

import dev.imagesdk.core.error.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeTest {
    @Test
    void globalHasNoSlugs() {
        assertThat(Scope.global().type()).isEqualTo(ScopeType.GLOBAL);
        assertThat(Scope.global().orgSlug()).isNull();
        assertThat(Scope.global().spaceSlug()).isNull();
        assertThat(Scope.global()).hasToString("global");
    }

    @Test
    void organizationAndSpaceKeepTheirSlugs() {
        Scope org = Scope.organization("acme");
        assertThat(org.type()).isEqualTo(ScopeType.ORGANIZATION);
        assertThat(org.orgSlug()).isEqualTo("acme");
        assertThat(org.spaceSlug()).isNull();
        assertThat(org).hasToString("org:acme");

        Scope space = Scope.space("acme", "ml-lab");
        assertThat(space.type()).isEqualTo(ScopeType.SPACE);
        assertThat(space.orgSlug()).isEqualTo("acme");
        assertThat(space.spaceSlug()).isEqualTo("ml-lab");
        assertThat(space).hasToString("space:acme/ml-lab");
        assertThat(space).isEqualTo(Scope.space("acme", "ml-lab")).hasSameHashCodeAs(Scope.space("acme", "ml-lab"));
        assertThat(space).isNotEqualTo(Scope.space("globex", "ml-lab")).isNotEqualTo(org);
    }

    @Test
    void ofMapsTheOrgAndSpaceFlags() {
        assertThat(Scope.of(null, null)).isEqualTo(Scope.global());
        assertThat(Scope.of("acme", null)).isEqualTo(Scope.organization("acme"));
        assertThat(Scope.of("acme", "lab")).isEqualTo(Scope.space("acme", "lab"));
    }

    @Test
    void aSpaceWithoutItsOrganizationIsRejected() {
        assertThatThrownBy(() -> Scope.space(null, "ml-lab")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("needs its organization");
        assertThatThrownBy(() -> Scope.of(null, "ml-lab")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("needs its organization");
    }

    @Test
    void blankOrPaddedSlugsAreRejected() {
        assertThatThrownBy(() -> Scope.organization(null)).isInstanceOf(ValidationException.class).hasMessageContaining("organization slug");
        assertThatThrownBy(() -> Scope.organization("  ")).isInstanceOf(ValidationException.class).hasMessageContaining("organization slug");
        assertThatThrownBy(() -> Scope.space("acme", "")).isInstanceOf(ValidationException.class).hasMessageContaining("space slug");
        assertThatThrownBy(() -> Scope.space(" ", "lab")).isInstanceOf(ValidationException.class).hasMessageContaining("organization slug");
        assertThatThrownBy(() -> Scope.space("acme", null)).isInstanceOf(ValidationException.class).hasMessageContaining("space slug");
        assertThatThrownBy(() -> Scope.organization(" acme")).isInstanceOf(ValidationException.class).hasMessageContaining("whitespace");
        assertThatThrownBy(() -> Scope.of("acme", " ")).isInstanceOf(ValidationException.class);
    }

    @Test
    void aLinkReadFromTheWireInterpretsItsSlugsWithoutValidating() {
        ImageLink legacy = ImageLink.builder().linkId("1").imageId("i").spaceSlug("lab").build();
        assertThat(legacy.scopeType()).isEqualTo(ScopeType.SPACE);
        assertThat(legacy.scope().orgSlug()).isNull();
        assertThat(legacy.scope()).hasToString("space:?/lab");
        assertThat(ImageLink.builder().linkId("2").imageId("i").orgSlug("acme").build().scope()).isEqualTo(Scope.organization("acme"));
        assertThat(ImageLink.builder().linkId("3").imageId("i").build().scope()).isEqualTo(Scope.global());
        assertThat(ImageLink.builder().linkId("4").imageId("i").scope(Scope.space("acme", "lab")).build().scope())
                .isEqualTo(Scope.space("acme", "lab"));
    }
}
