package dev.imagesdk.links.internal.glance;

import dev.imagesdk.core.error.ValidationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Organization ownership and provenance of an image as plain Glance custom properties (encoding version 1, the
 * module's README): {@code imagesdk:org = <org slug>} (filterable: {@code ?imagesdk:org=<org>}) and
 * {@code imagesdk:provenance = v1;s=<source>[;u=<by>][;f=<from>]} ({@code f} last: it takes the rest of the value).
 */
public final class OwnershipEncoding {
    /** The owning organization's slug. */
    public static final String ORG_KEY = LinkEncoding.RESERVED_PREFIX + "org";
    /** Where the image came from and who brought it. */
    public static final String PROVENANCE_KEY = LinkEncoding.RESERVED_PREFIX + "provenance";
    /** Glance's limit kept for every value (issue 15). */
    public static final int MAX_VALUE = 255;
    /** Longest "by" (a user id or name). */
    public static final int MAX_BY = 64;

    private OwnershipEncoding() {
    }

    /** The value of {@link #PROVENANCE_KEY}; {@code from} is cut to fit 255 characters. */
    public static String provenance(String source, String by, String from) {
        StringBuilder sb = new StringBuilder("v1;s=").append(source);
        if (by != null) {
            checkBy(by);
            sb.append(";u=").append(by);
        }
        if (from != null) {
            sb.append(";f=");
            int room = MAX_VALUE - sb.length();
            sb.append(from.length() <= room ? from : from.substring(0, room));
        }
        return sb.toString();
    }

    /** Refuses a "by" the encoding cannot carry. */
    public static void checkBy(String by) {
        if (by.isBlank() || by.length() > MAX_BY || by.indexOf(';') >= 0
                || by.chars().anyMatch(c -> c < 0x20 || c == 0x7f || Character.isSurrogate((char) c))) {
            throw new ValidationException("\"by\" must be 1 to " + MAX_BY + " characters, not blank, without ';', control or non-BMP characters");
        }
    }

    /** A decoded provenance value: the fields found and what did not follow the encoding. */
    public record Decoded(String source, String by, String from, List<String> problems) {
    }

    /** Decodes a {@link #PROVENANCE_KEY} value; never throws. */
    public static Decoded decodeProvenance(String value) {
        List<String> problems = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            problems.add("imagesdk:provenance is empty");
            return new Decoded(null, null, null, problems);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String rest = value;
        int semi = rest.indexOf(';');
        String version = semi < 0 ? rest : rest.substring(0, semi);
        if (!version.equals("v1")) {
            problems.add(version.matches("v[0-9]+")
                    ? "written in provenance encoding version " + version.substring(1) + "; this SDK reads version 1"
                    : "imagesdk:provenance does not start with an encoding version (v1;...): " + shorten(value));
            return new Decoded(null, null, null, problems);
        }
        rest = semi < 0 ? "" : rest.substring(semi + 1);
        while (!rest.isEmpty()) {
            if (rest.startsWith("f=")) {
                fields.put("f", rest.substring(2));
                break;
            }
            int next = rest.indexOf(';');
            String part = next < 0 ? rest : rest.substring(0, next);
            rest = next < 0 ? "" : rest.substring(next + 1);
            int eq = part.indexOf('=');
            if (eq <= 0) {
                problems.add("imagesdk:provenance: \"" + shorten(part) + "\" is not key=value");
                continue;
            }
            fields.put(part.substring(0, eq), part.substring(eq + 1));
        }
        if (!fields.containsKey("s")) {
            problems.add("imagesdk:provenance has no source (s=)");
        }
        return new Decoded(fields.get("s"), fields.get("u"), fields.get("f"), problems);
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
