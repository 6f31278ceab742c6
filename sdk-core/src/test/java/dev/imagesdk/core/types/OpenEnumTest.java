package dev.imagesdk.core.types;

import dev.imagesdk.core.internal.json.Json;
import dev.imagesdk.core.internal.json.Timestamps;

import com.squareup.moshi.JsonAdapter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenEnumTest {

    /** An open enumeration declared the way the SDK's modules declare theirs. */
    static final class Colour extends OpenEnum {
        private static final Values<Colour> VALUES = new Values<>(Colour::new);
        static final Colour RED = VALUES.declare("red");
        static final Colour BLUE = VALUES.declare("blue");

        private Colour(String value, Boolean known) {
            super(value, known);
        }

        public static Colour of(String value) {
            return VALUES.of(value);
        }
    }

    @Test
    void knownValuesAreTheConstantsAndUnknownOnesAreKept() {
        assertThat(Colour.of("red")).isSameAs(Colour.RED);
        Colour mauve = Colour.of("mauve");
        assertThat(mauve.isKnown()).isFalse();
        assertThat(mauve.value()).isEqualTo("mauve");
        assertThat(mauve).isEqualTo(Colour.of("mauve")).isNotEqualTo(Colour.BLUE).hasToString("mauve");
        assertThat(Colour.of(null)).isNull();
        assertThat(Colour.VALUES.known()).containsExactly(Colour.RED, Colour.BLUE);
    }

    @Test
    void jsonReadsAndWritesThePlainString() throws IOException {
        JsonAdapter<Colour> adapter = Json.moshi().adapter(Colour.class);
        assertThat(adapter.fromJson("\"blue\"")).isSameAs(Colour.BLUE);
        assertThat(adapter.fromJson("\"ultraviolet\"").value()).isEqualTo("ultraviolet");
        assertThat(adapter.fromJson("null")).isNull();
        assertThat(adapter.toJson(Colour.of("ultraviolet"))).isEqualTo("\"ultraviolet\"");
    }

    @Test
    void timestampsInBothGlanceShapes() throws IOException {
        assertThat(Timestamps.parse("2026-11-22T12:50:30Z")).isEqualTo(Instant.parse("2026-11-22T12:50:30Z"));
        assertThat(Timestamps.parse("2026-11-24T12:50:39.882172")).isEqualTo(Instant.parse("2026-11-24T12:50:39.882172Z"));
        assertThat(Timestamps.parse("2026-11-24T12:50:39+01:00")).isEqualTo(Instant.parse("2026-11-24T11:50:39Z"));
        assertThat(Timestamps.parse("2026-11-24 12:50:39")).isEqualTo(Instant.parse("2026-11-24T12:50:39Z"));
        assertThat(Timestamps.format(Instant.parse("2026-11-24T12:50:39.882172Z"))).isEqualTo("2026-11-24T12:50:39Z");
        JsonAdapter<Instant> adapter = Json.moshi().adapter(Instant.class);
        assertThat(adapter.fromJson("\"2026-11-22T12:50:30Z\"")).isEqualTo(Instant.parse("2026-11-22T12:50:30Z"));
        assertThat(adapter.fromJson("null")).isNull();
        assertThatThrownBy(() -> adapter.fromJson("\"yesterday\"")).isInstanceOf(com.squareup.moshi.JsonDataException.class);
    }
}
