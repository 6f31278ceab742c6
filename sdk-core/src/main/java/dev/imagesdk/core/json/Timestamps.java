package dev.imagesdk.core.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The timestamp shapes Glance sends: {@code 2026-11-22T12:50:30Z} on images and most resources,
 * {@code 2026-11-24T12:50:39.882172} (microseconds, no zone, meaning UTC) on image tasks, and
 * offsets such as {@code +00:00} from other services.
 */
public final class Timestamps {
    private Timestamps() {
    }

    /**
     * Parses any of the shapes above.
     *
     * @throws DateTimeParseException when the text is none of them
     */
    public static Instant parse(String text) {
        String t = text.trim();
        if (t.endsWith("Z") || t.endsWith("z")) {
            return Instant.parse(t.substring(0, t.length() - 1) + "Z");
        }
        int tee = t.indexOf('T');
        if (tee < 0) {
            tee = t.indexOf(' ');
            if (tee > 0) {
                t = t.substring(0, tee) + 'T' + t.substring(tee + 1);
            }
        }
        if (tee > 0 && (t.indexOf('+', tee) > 0 || t.indexOf('-', tee) > 0)) {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        }
        return LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(java.time.ZoneOffset.UTC);
    }

    /** Formats an instant the way Glance's filters expect it: {@code 2026-11-22T12:50:30Z} (seconds, UTC). */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
