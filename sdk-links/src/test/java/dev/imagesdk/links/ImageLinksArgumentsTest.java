package dev.imagesdk.links;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.it.ArgumentProbe;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.links.access.CallerRoles;
import dev.imagesdk.links.access.ScopeProjects;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every public entry point of sdk-links refuses null or blank input with ValidationException, before any request. */
class ImageLinksArgumentsTest {
    private final ServiceClient unreachable = ArgumentProbe.unreachableClient();
    private final ArgumentProbe probe = new ArgumentProbe(Map.ofEntries(
            Map.<Class<?>, Supplier<Object>>entry(String.class, () -> "acme"),
            Map.<Class<?>, Supplier<Object>>entry(ServiceClient.class, () -> unreachable),
            Map.<Class<?>, Supplier<Object>>entry(Scope.class, Scope::global),
            Map.<Class<?>, Supplier<Object>>entry(Scope[].class, () -> new Scope[] {Scope.global()}),
            Map.<Class<?>, Supplier<Object>>entry(CreateOpts.class, () -> CreateOpts.builder().name("x").build()),
            Map.<Class<?>, Supplier<Object>>entry(LinkListOpts.class, LinkListOpts::defaults),
            Map.<Class<?>, Supplier<Object>>entry(LinkCreateOpts.class, () -> LinkCreateOpts.of("3c441d1e-aa40-4d8a-b060-2a7e24d1af6a", Scope.global())),
            Map.<Class<?>, Supplier<Object>>entry(LinkUpdateOpts.class, () -> LinkUpdateOpts.builder().comment("c").build()),
            Map.<Class<?>, Supplier<Object>>entry(CallerRoles.class, CallerRoles::authenticatedWithoutRoles),
            Map.<Class<?>, Supplier<Object>>entry(ScopeProjects.class, ScopeProjects::none),
            Map.<Class<?>, Supplier<Object>>entry(Map.class, () -> Map.of("acme", "oooo")),
            Map.<Class<?>, Supplier<Object>>entry(Supplier.class, () -> (Supplier<CallerRoles>) CallerRoles::authenticatedWithoutRoles),
            Map.<Class<?>, Supplier<Object>>entry(ImageSource.class, ImageSource::none),
            Map.<Class<?>, Supplier<Object>>entry(java.nio.file.Path.class, () -> java.nio.file.Path.of("disk.raw")),
            Map.<Class<?>, Supplier<Object>>entry(java.net.URI.class, () -> java.net.URI.create("http://127.0.0.1:9/disk.raw")),
            Map.<Class<?>, Supplier<Object>>entry(dev.imagesdk.images.model.Image.class, () -> dev.imagesdk.images.model.Image.builder().id("3c441d1e-aa40-4d8a-b060-2a7e24d1af6a").build())))
            // scope slugs travel in query strings and JSON bodies, never as a path segment
            .dotsAllowed("organization", 0).dotsAllowed("space", 0).dotsAllowed("space", 1)
            // who brought an image is a property value, never a path segment
            .dotsAllowed("by", 0);

    @Test
    void imageLinksClientRefusesBadInput() {
        assertThat(probe.violations(ImageLinks.class, ImageLinks.of(unreachable))).isEmpty();
        assertThat(probe.violations(ImageLinks.class, ImageLinks.inGlance(unreachable, CallerRoles.authenticatedWithoutRoles()))).isEmpty();
        assertThat(probe.violations(ImageLinks.class, ImageLinks.inGlance(unreachable, CallerRoles.authenticatedWithoutRoles(),
                ScopeProjects.none()))).isEmpty();
        assertThat(probe.violations(ImageLinks.class, null)).isEmpty();
        assertThat(probe.probed()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void organizationImagesRefuseBadInput() {
        assertThat(probe.violations(OrganizationImages.class, ImageLinks.of(unreachable).organization("acme"))).isEmpty();
        assertThat(probe.violations(ImageSource.class, ImageSource.none())).isEmpty();
        assertThat(probe.violations(OrganizationImage.class, null)).isEmpty();
        // ofWireValue is a lookup: empty for any text it does not know (blank included), null refused
        assertThat(probe.violations(Provenance.Source.class, null, "valueOf", "ofWireValue")).isEmpty();
        assertThatThrownBy(() -> Provenance.Source.ofWireValue(null)).isInstanceOf(ValidationException.class);
        assertThat(probe.probed()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void callerRolesRefuseABlankProject() {
        assertThatThrownBy(() -> CallerRoles.builder().project(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> CallerRoles.builder().project(" ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ImageLinks.inGlance(unreachable, () -> null).list().iterator())
                .isInstanceOf(ValidationException.class).hasMessageContaining("returned null");
    }

    @Test
    void keystoneRolesAndCallerRolesRefuseNulls() {
        ArgumentProbe roles = new ArgumentProbe(Map.<Class<?>, Supplier<Object>>of(
                String.class, () -> "acme",
                ServiceClient.class, () -> unreachable,
                java.time.Duration.class, () -> java.time.Duration.ofSeconds(1)))
                // lookups: a slug with dots is merely not found
                .dotsAllowed("orgProjectId", 0).dotsAllowed("spaceProjectId", 0).dotsAllowed("spaceProjectId", 1);
        assertThat(roles.violations(dev.imagesdk.links.access.KeystoneRoles.class, null)).isEmpty();
        assertThat(roles.violations(dev.imagesdk.links.access.KeystoneScopeProjects.class, null)).isEmpty();
        // the rule predicates answer false for what no role has (ScopeRules passes a link's null slugs)
        assertThat(roles.violations(CallerRoles.class, CallerRoles.authenticatedWithoutRoles(),
                "equals", "isActiveInOrganization", "isActiveInSpace", "manages")).isEmpty();
        assertThat(roles.probed()).anyMatch(m -> m.contains("orgProjectId")).anyMatch(m -> m.contains("of"))
                .anyMatch(m -> m.contains("KeystoneScopeProjects.of"));
    }

    @Test
    void scopeProjectsRefuseBadInput() {
        assertThat(probe.violations(ScopeProjects.class, null)).isEmpty();
        assertThat(probe.violations(ScopeProjects.Builder.class, ScopeProjects.builder())).isEmpty();
        // projectOf(org, null) asks for the organization itself: only the organization is required
        assertThatThrownBy(() -> ScopeProjects.none().projectOf(null, null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void scopesAndLinkOptionsRefuseBadInput() {
        // Scope.of(org, space) takes null for "no organization / no space" by design.
        assertThat(probe.violations(Scope.class, null, "of", "global")).isEmpty();
        assertThat(probe.violations(LinkCreateOpts.class, null)).isEmpty();
    }
}
