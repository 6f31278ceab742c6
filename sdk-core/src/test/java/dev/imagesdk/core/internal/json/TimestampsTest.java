package dev.imagesdk.core.internal.json;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimestampsTest {

    @Test
    void readsGlancesImageShapeByHand() {
        assertThat(Timestamps.parseFixed("2024-01-02T03:04:05Z")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(Timestamps.parseFixed("2024-01-02T03:04:05z")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(Timestamps.parse("2024-01-02T03:04:05Z")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    }

    @Test
    void readsGlancesTaskShapeByHandAsUtc() {
        assertThat(Timestamps.parseFixed("2024-01-02T03:04:05.123456"))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05.123456Z"));
        assertThat(Timestamps.parse("2026-11-24T12:50:39.882172")).isEqualTo(Instant.parse("2026-11-24T12:50:39.882172Z"));
    }

    @Test
    void fractionsOfOneToNineDigits() {
        String digits = "123456789";
        for (int n = 1; n <= 9; n++) {
            String fraction = digits.substring(0, n);
            Instant expected = Instant.parse("2024-01-02T03:04:05." + fraction + "Z");
            assertThat(Timestamps.parseFixed("2024-01-02T03:04:05." + fraction + "Z")).isEqualTo(expected);
            assertThat(Timestamps.parseFixed("2024-01-02T03:04:05." + fraction)).isEqualTo(expected);
            assertThat(Timestamps.parseFixed("2024-01-02T03:04:05." + fraction + "+00:00")).isEqualTo(expected);
        }
        assertThat(Timestamps.parseFixed("2024-01-02T03:04:05.000000001Z").getNano()).isEqualTo(1);
        assertThat(Timestamps.parseFixed("2024-01-02T03:04:05.5Z").getNano()).isEqualTo(500_000_000);
    }

    @Test
    void offsets() {
        assertThat(Timestamps.parseFixed("2026-11-24T12:50:39+01:00")).isEqualTo(Instant.parse("2026-11-24T11:50:39Z"));
        assertThat(Timestamps.parseFixed("2026-11-24T12:50:39-05:30")).isEqualTo(Instant.parse("2026-11-24T18:20:39Z"));
        assertThat(Timestamps.parseFixed("2026-01-01T00:30:00+01:00")).isEqualTo(Instant.parse("2025-12-31T23:30:00Z"));
        assertThat(Timestamps.parseFixed("2026-11-24T12:50:39.25-00:00")).isEqualTo(Instant.parse("2026-11-24T12:50:39.25Z"));
    }

    @Test
    void leavesEveryOtherShapeToTheGeneralParser() {
        for (String other : List.of("2024-01-02 03:04:05", "2024-01-02t03:04:05Z", "2024-01-02T03:04", "2024-01-02T24:00:00Z",
                "2024-12-31T23:59:60Z", "2024-01-02T03:04:05.Z", "2024-01-02T03:04:05.1234567890Z", "2024-01-02T03:04:05+18:00",
                "2024-01-02T03:04:05+01:00:30", "2024-01-02T03:04:05+0100", "2024-01-02T03:04:05+01", "2024-02-30T03:04:05Z",
                "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z", "2024-01-00T00:00:00Z",
                "+2024-01-02T03:04:05Z", "2024-01-02T03:04:05ZZ", "2024-01-02T03:04:05+01:00Z", "yesterday", "")) {
            assertThat(Timestamps.parseFixed(other)).as(other).isNull();
        }
        // ... which still accepts what it always accepted
        assertThat(Timestamps.parse("2024-01-02 03:04:05")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(Timestamps.parse("2024-01-02T24:00:00Z")).isEqualTo(Instant.parse("2024-01-03T00:00:00Z"));
        assertThat(Timestamps.parse("2024-01-02T03:04:05+18:00")).isEqualTo(Instant.parse("2024-01-01T09:04:05Z"));
        assertThat(Timestamps.parse("  2024-01-02T03:04:05Z ")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    }

    @Test
    void garbageFailsAsBefore() {
        for (String garbage : List.of("yesterday", "2024-02-30T03:04:05Z", "2024-13-01T00:00:00", "2024-01-02T03:04:05+25:00",
                "2024-01-02T03:04:05.Zx", "2024-01-02X03:04:05Z", "")) {
            Throwable general = catchThrowable(() -> Timestamps.parseGeneral(garbage));
            assertThat(general).as(garbage).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> Timestamps.parse(garbage)).as(garbage)
                    .isInstanceOf(DateTimeParseException.class).hasMessage(general.getMessage());
        }
    }

    /** The hand reader and the formatters agree on every date of four years around a leap day and on many times. */
    @Test
    void agreesWithTheGeneralParserOnManyValues() {
        List<String> samples = new ArrayList<>();
        for (int year : new int[] {0, 1, 1600, 1900, 1969, 1970, 1999, 2000, 2023, 2024, 2100, 2400, 9999}) {
            for (int month = 1; month <= 12; month++) {
                for (int day = 27; day <= 31; day++) {
                    samples.add(String.format("%04d-%02d-%02dT00:00:00Z", year, month, day));
                    samples.add(String.format("%04d-%02d-%02dT23:59:59.999999", year, month, day));
                    samples.add(String.format("%04d-%02d-%02dT12:30:01.5+17:59", year, month, day));
                    samples.add(String.format("%04d-%02d-%02dT00:00:00-17:59", year, month, day));
                }
            }
        }
        for (int day = 1; day <= 28; day++) {
            for (int second = 0; second < 60; second += 7) {
                samples.add(String.format("2026-11-%02dT%02d:%02d:%02dZ", day, day % 24, (day * 7) % 60, second));
            }
        }
        int fixed = 0;
        for (String s : samples) {
            Instant general;
            try {
                general = Timestamps.parseGeneral(s);
            } catch (DateTimeParseException e) {
                assertThat(Timestamps.parseFixed(s)).as(s).isNull();
                continue;
            }
            Instant hand = Timestamps.parseFixed(s);
            if (hand != null) {
                fixed++;
                assertThat(hand).as(s).isEqualTo(general);
            }
            assertThat(Timestamps.parse(s)).as(s).isEqualTo(general);
        }
        assertThat(fixed).isGreaterThan(samples.size() / 2);
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
