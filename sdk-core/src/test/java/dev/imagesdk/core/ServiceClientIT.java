package dev.imagesdk.core;

import dev.imagesdk.core.internal.http.Calls;

import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.UnauthorizedException;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.it.RealGlance;
import dev.imagesdk.core.internal.paging.JsonPages;
import dev.imagesdk.core.internal.paging.PagedListing;
import dev.imagesdk.core.paging.Paged;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** sdk-core's transport against the real Glance started by scripts/glance.sh. */
class ServiceClientIT {

    @Test
    void versionDiscoveryFindsTheCurrentV2() {
        ApiVersion version = RealGlance.projectA().apiVersion();
        assertThat(version.major()).isEqualTo(2);
        assertThat(version.minor()).isGreaterThanOrEqualTo(16);
        assertThat(version.status()).isEqualTo("CURRENT");
    }

    @Test
    void anAuthenticatedRequestIsServed() {
        ServiceClient a = RealGlance.projectA();
        String requestId = ServiceClient.newRequestId();
        try (var response = Calls.of(a.withRequestId(requestId)).execute(ApiRequest.get("images").query("limit", 1).build())) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.requestId()).as("Glance echoes a caller's request id").contains(requestId);
        }
    }

    @Test
    void aMissingImageIsNotFoundWithTheServersMessageAndRequestId() {
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> Calls.of(RealGlance.projectA()).executeNoContent(ApiRequest.get("images", id).build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains("No image found with ID " + id)
                            .doesNotContain("<br"));
                    assertThat(e.requestId()).hasValueSatisfying(r -> assertThat(r).startsWith("req-"));
                    assertThat(e.getMessage()).contains("404 Not Found", id);
                });
    }

    @Test
    void aRequestWithoutIdentityIsUnauthorized() {
        ServiceClient anonymous = ServiceClient.builder().endpoint(RealGlance.endpoint()).build();
        assertThatThrownBy(() -> Calls.of(anonymous).executeNoContent(ApiRequest.get("images").build()))
                .isInstanceOfSatisfying(UnauthorizedException.class,
                        e -> assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains("could not verify")));
    }

    @Test
    void pagingFollowsGlancesNextLinks() {
        ServiceClient a = RealGlance.projectA();
        String tag = "paging-" + UUID.randomUUID();
        String[] ids = new String[5];
        try {
            for (int i = 0; i < ids.length; i++) {
                ids[i] = Calls.of(a).executeJson(ApiRequest.post("images").jsonBody("{\"name\": \"core-it-" + i + "\", \"tags\": [\"" + tag + "\"]}").build(),
                        (r, resp) -> String.valueOf(((Map<?, ?>) r.readJsonValue()).get("id")));
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            Paged<Map<String, Object>> paged = PagedListing.of(a, ApiRequest.get("images").query("limit", 2).query("tag", tag).build(),
                    JsonPages.reader("images", (com.squareup.moshi.JsonAdapter) Calls.of(a).moshi().adapter(Map.class)));
            assertThat(paged.stream().map(m -> m.get("id"))).containsExactlyInAnyOrder((Object[]) ids);
            int pages = 0;
            for (var ignored : paged.pages()) {
                pages++;
            }
            assertThat(pages).as("5 images in pages of 2: a last page of 1, no phantom page").isEqualTo(3);
        } finally {
            for (String id : ids) {
                if (id != null) {
                    Calls.of(a).executeNoContent(ApiRequest.delete("images", id).build());
                }
            }
        }
    }
}
