package dev.imagesdk.core;

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
}
