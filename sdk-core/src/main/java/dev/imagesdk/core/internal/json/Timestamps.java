package dev.imagesdk.core.internal.json;

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
        Instant fixed = parseFixed(t);
        return fixed != null ? fixed : parseGeneral(t);
    }

    /**
     * The general parser ({@code java.time} formatters): every shape {@link #parse(String)} accepts,
     * including the rare ones the fixed-shape reader leaves to it (a space instead of {@code T},
     * no seconds, {@code 24:00:00}, a leap second, offsets with seconds).
     */
    static Instant parseGeneral(String text) {
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

    /**
     * Reads the shapes Glance writes without the formatters' per-call garbage:
     * {@code yyyy-MM-ddTHH:mm:ss}, optionally a fraction of 1 to 9 digits, then {@code Z} (or {@code z}),
     * an offset {@code ±HH:MM} below 18 hours, or nothing (UTC). Returns {@code null} for anything else,
     * including out-of-range fields, so that {@link #parseGeneral(String)} decides (and reports the error)
     * exactly as before.
     */
    static Instant parseFixed(String t) {
        int n = t.length();
        if (n < 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int pos = 19;
        int nanos = 0;
        if (pos < n && t.charAt(pos) == '.') {
            int start = ++pos;
            while (pos < n && pos - start < 9 && isDigit(t.charAt(pos))) {
                nanos = nanos * 10 + (t.charAt(pos) - '0');
                pos++;
            }
            int count = pos - start;
            if (count == 0) {
                return null;
            }
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        int offsetSeconds = 0;
        if (pos < n) {
            char c = t.charAt(pos);
            if ((c == 'Z' || c == 'z') && pos + 1 == n) {
                offsetSeconds = 0;
            } else if ((c == '+' || c == '-') && pos + 6 == n && t.charAt(pos + 3) == ':') {
                int offsetHours = digits(t, pos + 1, 2);
                int offsetMinutes = digits(t, pos + 4, 2);
                if (offsetHours < 0 || offsetHours > 17 || offsetMinutes < 0 || offsetMinutes > 59) {
                    return null;
                }
                offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (c == '-' ? -1 : 1);
            } else {
                return null;
            }
        }
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3600 + minute * 60 + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /**
     * {@link #parseFixed(String)} of the ASCII text {@code t[off..off+n)}, without making a {@code String}: the same
     * shapes, the same {@code null} for anything else.
     */
    static Instant parseFixed(byte[] t, int off, int n) {
        if (n < 19 || t[off + 4] != '-' || t[off + 7] != '-' || t[off + 10] != 'T' || t[off + 13] != ':'
                || t[off + 16] != ':') {
            return null;
        }
        int year = digits(t, off, 4);
        int month = digits(t, off + 5, 2);
        int day = digits(t, off + 8, 2);
        int hour = digits(t, off + 11, 2);
        int minute = digits(t, off + 14, 2);
        int second = digits(t, off + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int pos = 19;
        int nanos = 0;
        if (pos < n && t[off + pos] == '.') {
            int start = ++pos;
            while (pos < n && pos - start < 9 && t[off + pos] >= '0' && t[off + pos] <= '9') {
                nanos = nanos * 10 + (t[off + pos] - '0');
                pos++;
            }
            int count = pos - start;
            if (count == 0) {
                return null;
            }
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        int offsetSeconds = 0;
        if (pos < n) {
            byte c = t[off + pos];
            if ((c == 'Z' || c == 'z') && pos + 1 == n) {
                offsetSeconds = 0;
            } else if ((c == '+' || c == '-') && pos + 6 == n && t[off + pos + 3] == ':') {
                int offsetHours = digits(t, off + pos + 1, 2);
                int offsetMinutes = digits(t, off + pos + 4, 2);
                if (offsetHours < 0 || offsetHours > 17 || offsetMinutes < 0 || offsetMinutes > 59) {
                    return null;
                }
                offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (c == '-' ? -1 : 1);
            } else {
                return null;
            }
        }
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3600 + minute * 60 + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static int digits(byte[] t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            byte c = t[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLeapYear(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int monthLength(int year, int month) {
        switch (month) {
            case 2:
                return isLeapYear(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days from 1970-01-01 to a valid date of a year 0 to 9999 (proleptic Gregorian, as {@code LocalDate}). */
    private static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeapYear(year)) {
                total--;
            }
        }
        return total - DAYS_0000_TO_1970;
    }

    /** Days from 0000-01-01 to 1970-01-01. */
    private static final long DAYS_0000_TO_1970 = 719_528L;

    /** Formats an instant the way Glance's filters expect it: {@code 2026-11-22T12:50:30Z} (seconds, UTC). */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
