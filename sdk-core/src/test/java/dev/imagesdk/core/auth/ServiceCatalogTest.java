package dev.imagesdk.core.auth;

import dev.imagesdk.core.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceCatalogTest {
    private static final ServiceCatalog CATALOG = ServiceCatalog.of(List.of(
            new CatalogService("identity", "keystone", List.of(new CatalogEndpoint("public", "RegionOne", "http://k:5000/v3/"))),
            new CatalogService("image", "glance", List.of(
                    new CatalogEndpoint("public", "RegionOne", "https://img.one.example/image"),
                    new CatalogEndpoint("internal", "RegionOne", "http://10.0.0.5:9292"),
                    new CatalogEndpoint("admin", "RegionOne", "http://10.0.0.5:9292"),
                    new CatalogEndpoint("public", "RegionTwo", "https://img.two.example/image")))));

    @Test
    void choosesByRegionAndInterface() {
        assertThat(CATALOG.endpoint("image", "RegionOne", EndpointInterface.PUBLIC))
                .isEqualTo(URI.create("https://img.one.example/image"));
        assertThat(CATALOG.endpoint("image", "RegionTwo", EndpointInterface.PUBLIC))
                .isEqualTo(URI.create("https://img.two.example/image"));
        assertThat(CATALOG.endpoint("image", "RegionOne", EndpointInterface.INTERNAL)).isEqualTo(URI.create("http://10.0.0.5:9292"));
        assertThat(CATALOG.endpoint("image", null, EndpointInterface.ADMIN)).isEqualTo(URI.create("http://10.0.0.5:9292"));
    }

    @Test
    void withoutRegionSeveralUrlsAreAmbiguous() {
        assertThatThrownBy(() -> CATALOG.endpoint("image", null, EndpointInterface.PUBLIC))
                .isInstanceOf(ValidationException.class).hasMessageContaining("choose a region")
                .hasMessageContaining("img.one.example").hasMessageContaining("img.two.example");
    }

    @Test
    void missingEndpointListsWhatIsOffered() {
        assertThatThrownBy(() -> CATALOG.endpoint("image", "RegionTwo", EndpointInterface.INTERNAL))
                .isInstanceOf(ValidationException.class)
                .hasMessage("the service catalog has no image endpoint with interface internal in region RegionTwo; it offers: "
                        + "image (glance): [public RegionOne https://img.one.example/image, internal RegionOne "
                        + "http://10.0.0.5:9292, admin RegionOne http://10.0.0.5:9292, public RegionTwo https://img.two.example/image]");
        assertThatThrownBy(() -> CATALOG.endpoint("compute", null, EndpointInterface.PUBLIC))
                .isInstanceOf(ValidationException.class)
                .hasMessage("the service catalog has no service of type \"compute\"; it offers: identity, image");
        assertThatThrownBy(() -> ServiceCatalog.empty().endpoint("image", null, EndpointInterface.PUBLIC))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unscoped");
    }

    @Test
    void interfaceNamesAcceptTheOldUrlSpelling() {
        assertThat(EndpointInterface.of("publicURL")).isEqualTo(EndpointInterface.PUBLIC);
        assertThat(EndpointInterface.of(" Internal ")).isEqualTo(EndpointInterface.INTERNAL);
        assertThat(EndpointInterface.of("adminURL")).isEqualTo(EndpointInterface.ADMIN);
        assertThatThrownBy(() -> EndpointInterface.of("private")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("public, internal or admin");
        assertThatThrownBy(() -> EndpointInterface.of(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void regionIdIsUsedWhenTheRegionNameIsMissing() {
        KeystoneToken token = TokenResponses.parse(java.util.Map.of("token", java.util.Map.of("user", java.util.Map.of("id", "u"),
                "catalog", List.of(java.util.Map.of("type", "image", "endpoints", List.of(
                        java.util.Map.of("interface", "public", "region_id", "R1", "url", "http://g:9292")))))));
        assertThat(token.catalog().endpoint("image", "R1", EndpointInterface.PUBLIC)).isEqualTo(URI.create("http://g:9292"));
    }
}
