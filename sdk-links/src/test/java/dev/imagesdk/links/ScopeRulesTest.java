package dev.imagesdk.links;

import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.links.access.CallerRoles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeRulesTest {
    private static final ImageLink GLOBAL = link("g", Scope.global(), 5);
    private static final ImageLink ACME = link("o", Scope.organization("acme"), 1);
    private static final ImageLink ACME_LAB = link("s", Scope.space("acme", "lab"), 0);
    private static final ImageLink GLOBEX = link("x", Scope.organization("globex"), 1);
    private static final ImageLink GLOBEX_LAB = link("y", Scope.space("globex", "lab"), 1);
    private static final List<ImageLink> ALL = List.of(GLOBEX_LAB, ACME_LAB, GLOBEX, ACME, GLOBAL);

    private static ImageLink link(String id, Scope scope, Integer priority) {
        return ImageLink.builder().linkId(id).imageId("img-" + id).scope(scope).priority(priority).build();
    }

    @Test
    void aGlobalLinkAppliesToEveryAuthenticatedCallerOnly() {
        assertThat(ScopeRules.applies(GLOBAL, CallerRoles.authenticatedWithoutRoles())).isTrue();
        assertThat(ScopeRules.applies(GLOBAL, CallerRoles.builder().inactiveOrgRole("acme", "member").build())).isTrue();
        assertThat(ScopeRules.applies(GLOBAL, CallerRoles.anonymous())).isFalse();
        assertThat(ScopeRules.visible(ALL, CallerRoles.authenticatedWithoutRoles())).containsExactly(GLOBAL);
        assertThat(ScopeRules.visible(ALL, CallerRoles.anonymous())).isEmpty();
    }

    @Test
    void anOrganizationMemberWithAnActiveRoleSeesItsOrganizationsLinksButNotItsSpaces() {
        CallerRoles member = CallerRoles.builder().orgRole("acme", "member").build();
        assertThat(ScopeRules.applies(ACME, member)).isTrue();
        assertThat(ScopeRules.applies(ACME_LAB, member)).as("an organization role does not open its spaces").isFalse();
        assertThat(ScopeRules.applies(GLOBEX, member)).isFalse();
        assertThat(ScopeRules.visible(ALL, member)).containsExactly(GLOBAL, ACME);
    }

    @Test
    void anOrganizationMemberWithAnInactiveRoleSeesOnlyGlobalLinks() {
        CallerRoles suspended = CallerRoles.builder().inactiveOrgRole("acme", "member").inactiveSpaceRole("acme", "lab", "editor").build();
        assertThat(ScopeRules.applies(ACME, suspended)).isFalse();
        assertThat(ScopeRules.applies(ACME_LAB, suspended)).isFalse();
        assertThat(ScopeRules.visible(ALL, suspended)).containsExactly(GLOBAL);
    }

    @Test
    void oneActiveRoleIsEnoughEvenNextToInactiveOnes() {
        CallerRoles mixed = CallerRoles.builder().inactiveOrgRole("acme", "admin").orgRole("acme", "viewer").build();
        assertThat(ScopeRules.applies(ACME, mixed)).isTrue();
    }

    @Test
    void aSpaceMemberSeesThatSpacesLinksButNotTheOrganizationsOrASameNamedSpaceElsewhere() {
        CallerRoles spaceMember = CallerRoles.builder().spaceRole("acme", "lab", "editor").build();
        assertThat(ScopeRules.applies(ACME_LAB, spaceMember)).isTrue();
        assertThat(ScopeRules.applies(ACME, spaceMember)).as("a space role is not an organization role").isFalse();
        assertThat(ScopeRules.applies(GLOBEX_LAB, spaceMember)).as("same space slug in another organization").isFalse();
        assertThat(ScopeRules.visible(ALL, spaceMember)).containsExactly(GLOBAL, ACME_LAB);
    }

    @Test
    void aMemberOfAnotherOrganizationSeesNoneOfThisOrganizationsLinks() {
        CallerRoles outsider = CallerRoles.builder().orgRole("globex", "member").spaceRole("globex", "lab", "editor").build();
        assertThat(ScopeRules.applies(ACME, outsider)).isFalse();
        assertThat(ScopeRules.applies(ACME_LAB, outsider)).isFalse();
        assertThat(ScopeRules.visible(ALL, outsider)).containsExactly(GLOBAL, GLOBEX, GLOBEX_LAB);
    }

    @Test
    void anOrganizationAndSpaceMemberSeesBothInDisplayOrder() {
        CallerRoles both = CallerRoles.builder().orgRole("acme", "member").spaceRole("acme", "lab", "editor").build();
        assertThat(ScopeRules.visible(ALL, both)).containsExactly(GLOBAL, ACME, ACME_LAB);
        assertThat(ALL.stream().filter(ScopeRules.visibleTo(both))).containsExactlyInAnyOrder(GLOBAL, ACME, ACME_LAB);
    }

    @Test
    void aSpaceLinkWithoutOrganizationMatchesTheSpaceSlugInAnyOrganization() {
        ImageLink legacy = ImageLink.builder().linkId("l").imageId("i").spaceSlug("lab").build();
        assertThat(ScopeRules.applies(legacy, CallerRoles.builder().spaceRole("globex", "lab", "viewer").build())).isTrue();
        assertThat(ScopeRules.applies(legacy, CallerRoles.builder().spaceRole("globex", "other", "viewer").build())).isFalse();
        assertThat(ScopeRules.applies(legacy, CallerRoles.builder().orgRole("globex", "member").build())).isFalse();
    }

    @Test
    void scopesCanBeCheckedWithoutALink() {
        CallerRoles member = CallerRoles.builder().orgRole("acme", "member").build();
        assertThat(ScopeRules.applies(Scope.organization("acme"), member)).isTrue();
        assertThat(ScopeRules.applies(Scope.space("acme", "lab"), member)).isFalse();
    }

    @Test
    void displayOrderIsScopeTypeThenPriorityWithMissingPrioritiesLastThenSlugsThenId() {
        ImageLink g2 = link("g2", Scope.global(), 2);
        ImageLink g1 = link("g1", Scope.global(), 1);
        ImageLink gNone = link("g0", Scope.global(), null);
        ImageLink oB = link("o2", Scope.organization("b"), 1);
        ImageLink oA = link("o1", Scope.organization("a"), 1);
        ImageLink oFirst = link("o3", Scope.organization("z"), 0);
        ImageLink s = link("s1", Scope.space("a", "x"), -10);
        ImageLink sTie1 = link("s2", Scope.space("a", "y"), 3);
        ImageLink sTie2 = link("s3", Scope.space("a", "y"), 3);

        List<ImageLink> sorted = new java.util.ArrayList<>(List.of(sTie2, s, oA, gNone, sTie1, g2, oB, oFirst, g1));
        sorted.sort(ScopeRules.DISPLAY_ORDER);

        assertThat(sorted).containsExactly(g1, g2, gNone, oFirst, oA, oB, s, sTie1, sTie2);
    }

    @Test
    void theImagesOwnerOrAnAdministratorIsListedEveryLinkOfTheImage() {
        CallerRoles outsider = CallerRoles.builder().orgRole("globex", "member").build();
        assertThat(ScopeRules.listedFor(ACME_LAB, outsider, true)).isTrue();
        assertThat(ScopeRules.listedFor(ACME_LAB, outsider, false)).isFalse();
        assertThat(ScopeRules.listedFor(GLOBEX, outsider, false)).isTrue();
    }

    @Test
    void explainSaysWhy() {
        CallerRoles member = CallerRoles.builder().orgRole("acme", "member").build();
        assertThat(ScopeRules.explain(ACME, member)).isEqualTo("applies: active role in organization acme");
        assertThat(ScopeRules.explain(GLOBEX, member)).isEqualTo("does not apply: no active role in organization globex");
        assertThat(ScopeRules.explain(ACME_LAB, member)).isEqualTo("does not apply: no active role in space acme/lab");
        assertThat(ScopeRules.explain(GLOBAL, member)).startsWith("global link");
        assertThat(ScopeRules.explain(GLOBAL, CallerRoles.anonymous())).contains("unauthenticated");
    }

    @Test
    void rolesAreValuesAndRejectBlankNames() {
        CallerRoles a = CallerRoles.builder().orgRole("acme", "member").spaceRole("acme", "lab", "editor").build();
        CallerRoles b = CallerRoles.builder().orgRole("acme", "member").spaceRole("acme", "lab", "editor").build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.orgRoles()).containsExactly(new CallerRoles.OrgRole("acme", "member", true));
        assertThat(a.toString()).contains("acme:member", "acme/lab:editor");
        assertThat(CallerRoles.anonymous().isAuthenticated()).isFalse();
        assertThatThrownBy(() -> CallerRoles.builder().orgRole(" ", "member")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> CallerRoles.builder().spaceRole("acme", null, "member")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> CallerRoles.builder().orgRole("acme", "")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> a.orgRoles().add(new CallerRoles.OrgRole("x", "y", true))).isInstanceOf(UnsupportedOperationException.class);
    }
}
