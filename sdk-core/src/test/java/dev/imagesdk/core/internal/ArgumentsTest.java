package dev.imagesdk.core.internal;

import dev.imagesdk.core.error.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgumentsTest {
    @Test
    void failuresAreValidationExceptionsNamingTheArgument() {
        assertThatThrownBy(() -> Arguments.notNull(null, "target")).isInstanceOf(ValidationException.class).hasMessage("target must not be null");
        assertThatThrownBy(() -> Arguments.notBlank(" ", "image id")).isInstanceOf(ValidationException.class).hasMessage("image id must not be blank");
        assertThatThrownBy(() -> Arguments.positive(0, "limit")).isInstanceOf(ValidationException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> Arguments.notNegative(-1, "size")).isInstanceOf(ValidationException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> Arguments.id("..", "image id")).isInstanceOf(ValidationException.class);
    }

    @Test
    void goodValuesPassThrough() {
        assertThat(Arguments.notNull("x", "x")).isEqualTo("x");
        assertThat(Arguments.notBlank("abc", "x")).isEqualTo("abc");
        assertThat(Arguments.positive(5, "x")).isEqualTo(5);
        assertThat(Arguments.notNegative(0, "x")).isZero();
        assertThat(Arguments.id("1c2f", "x")).isEqualTo("1c2f");
    }

    @Test
    void imageIdsMustBeUuidsInGlancesForm() {
        assertThat(Arguments.uuid("3c441d1e-aa40-4d8a-b060-2a7e24d1af6a", "image id")).isEqualTo("3c441d1e-aa40-4d8a-b060-2a7e24d1af6a");
        assertThat(Arguments.uuid("3C441D1E-AA40-4D8A-B060-2A7E24D1AF6A", "image id")).startsWith("3C44");
        for (String bad : new String[] {"x", "../tasks", "3c441d1e-aa40-4d8a-b060-2a7e24d1af6", "3c441d1e-aa40-4d8a-b060-2a7e24d1af6a0",
                "3c441d1eaa404d8ab0602a7e24d1af6a", "3c441d1e-aa40-4d8a-b060-2a7e24d1af6g", " 3c441d1e-aa40-4d8a-b060-2a7e24d1af6a",
                "1-1-1-1-1"}) {
            assertThatThrownBy(() -> Arguments.uuid(bad, "image id")).as(bad).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("image id must be a UUID");
        }
        assertThatThrownBy(() -> Arguments.uuid(" ", "image id")).isInstanceOf(ValidationException.class).hasMessage("image id must not be blank");
        assertThatThrownBy(() -> Arguments.uuid(null, "image id")).isInstanceOf(ValidationException.class);
    }

    @Test
    void freeFormIdsAndPathSegmentsRefuseDotSegmentsAndControlCharacters() {
        for (String bad : new String[] {".", "..", "a\nb", "tab\there", "nul\u0000", "del\u007f", "c1\u0085"}) {
            assertThatThrownBy(() -> Arguments.id(bad, "member id")).as(bad).isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("member id must not");
            assertThatThrownBy(() -> Arguments.pathSegment(bad, "path segment")).as(bad).isInstanceOf(ValidationException.class);
        }
        assertThatThrownBy(() -> Arguments.id("", "member id")).hasMessage("member id must not be blank");
        assertThatThrownBy(() -> Arguments.pathSegment("", "path segment")).hasMessage("path segment must not be empty");
        assertThatThrownBy(() -> Arguments.pathSegment(null, "path segment")).hasMessage("path segment must not be empty");
        // ids with dots, slashes or spaces inside are fine: the builder percent-encodes them into one segment
        for (String ok : new String[] {"...", ".a", "a.", "a/b", "a b", "%2e%2e", "ü"}) {
            assertThat(Arguments.id(ok, "member id")).isEqualTo(ok);
            assertThat(Arguments.pathSegment(ok, "path segment")).isEqualTo(ok);
        }
        assertThat(Arguments.pathSegment(" ", "path segment")).isEqualTo(" ");
    }

    @Test
    void oneTagRuleAndItsPathRefinement() {
        String longest = "t".repeat(255);
        assertThat(Arguments.tag(longest)).isEqualTo(longest);
        assertThat(Arguments.tag("wörld")).isEqualTo("wörld");
        assertThat(Arguments.tagInPath("hello world")).isEqualTo("hello world");
        for (String bad : new String[] {null, "", "  ", "t".repeat(256)}) {
            assertThatThrownBy(() -> Arguments.tag(bad)).isInstanceOf(ValidationException.class).hasMessageContaining("1 to 255");
            assertThatThrownBy(() -> Arguments.tagInPath(bad)).isInstanceOf(ValidationException.class).hasMessageContaining("1 to 255");
        }
        assertThatThrownBy(() -> Arguments.tagInPath("wörld")).isInstanceOf(ValidationException.class).hasMessageContaining("Latin-1");
        assertThatThrownBy(() -> Arguments.tagInPath("a\nb")).isInstanceOf(ValidationException.class);
    }
}
