package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.error.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request builder is the one place that keeps every path segment inside its segment. */
class ApiRequestTest {
    @Test
    void everyFactoryRefusesEmptyDotAndControlCharacterSegments() {
        for (String bad : new String[] {"", ".", "..", "a\rb", "\u0000", null}) {
            assertThatThrownBy(() -> ApiRequest.get("images", bad)).as(String.valueOf(bad)).isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("path segment must not");
            assertThatThrownBy(() -> ApiRequest.delete("image-links", bad)).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> ApiRequest.put("images", "3c441d1e-aa40-4d8a-b060-2a7e24d1af6a", "tags", bad))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> ApiRequest.post(bad)).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> ApiRequest.patch(bad)).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> ApiRequest.head(bad)).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> ApiRequest.atRoot("GET", bad)).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void segmentsWithDotsOrSlashesInsideAreKeptAsGiven() {
        assertThat(ApiRequest.get("images", "...", "a/b", ".x", "x.").build().segments()).containsExactly("images", "...", "a/b", ".x", "x.");
        assertThat(ApiRequest.atRoot("GET").build().segments()).isEmpty();
    }
}
