package dev.imagesdk.links.internal.glance;

import dev.imagesdk.core.error.ValidationException;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Encoding version 1 of image links as Glance custom properties (the module's README is the specification).
 * Per link in scope {@code S} (scope key {@code global}, {@code org:<org>} or {@code space:<org>:<space>}):
 * <ul>
 *   <li>{@code imagesdk:link:S} = {@code v1;p=<priority>;r=<revision>[;t=<space type>][;c=<comment>]} (the data;
 *       {@code c=} is last and takes the rest of the value);</li>
 *   <li>{@code imagesdk:index:S} = {@code 1} (found by Glance's property filter {@code ?imagesdk:index:S=1});</li>
 * </ul>
 * and once per image {@code imagesdk:index:any} = {@code 1} (an image that has, or had, links; never removed).
 * The keys and the index values do not change between versions; only the data value carries the version, so a
 * newer value is found by the same queries and reported, not misread.
 */
public final class LinkEncoding {
    /** Every property name of the encoding starts with this; users may not set such properties themselves. */
    public static final String RESERVED_PREFIX = "imagesdk:";
    /** Prefix of a link's data property. */
    public static final String DATA_PREFIX = "imagesdk:link:";
    /** Prefix of a link's index property. */
    public static final String INDEX_PREFIX = "imagesdk:index:";
    /** The per-image marker: the image has (or had) links. */
    public static final String ANY_KEY = INDEX_PREFIX + "any";
    /** The value of every index property and of the marker. */
    public static final String INDEX_VALUE = "1";
    /** The encoding version this SDK writes and reads. */
    public static final int VERSION = 1;

    /** Lowest priority the encoding carries. */
    public static final int MIN_PRIORITY = -999_999;
    /** Highest priority the encoding carries. */
    public static final int MAX_PRIORITY = 999_999;
    /** Longest slug (organization or space). */
    public static final int MAX_SLUG = 100;
    /** Longest space type. */
    public static final int MAX_SPACE_TYPE = 64;
    /** Longest comment. */
    public static final int MAX_COMMENT = 160;
    /** Longest value Glance is given (the limit the issue sets; Glance 25 and 30 store longer ones). */
    public static final int MAX_VALUE = 255;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (MAX_SLUG - 1) + "}");
    private static final Pattern PRIORITY = Pattern.compile("-?(0|[1-9][0-9]{0,5})");
    private static final Pattern REVISION = Pattern.compile("[a-z0-9]{1,16}");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkEncoding() {
    }

    /** The scope key of a scope given by its slugs (both {@code null}: global; organization only; both: space). */
    public static String scopeKey(String orgSlug, String spaceSlug) {
        if (spaceSlug != null) {
            return "space:" + orgSlug + ":" + spaceSlug;
        }
        return orgSlug == null ? "global" : "org:" + orgSlug;
    }

    /** {@code [org, space]} of a scope key (each {@code null} where absent), or {@code null} when it is not one. */
    public static String[] parseScopeKey(String key) {
        if (key.equals("global")) {
            return new String[] {null, null};
        }
        if (key.startsWith("org:")) {
            String org = key.substring(4);
            return SLUG.matcher(org).matches() ? new String[] {org, null} : null;
        }
        if (key.startsWith("space:")) {
            String rest = key.substring(6);
            int colon = rest.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String org = rest.substring(0, colon);
            String space = rest.substring(colon + 1);
            return SLUG.matcher(org).matches() && SLUG.matcher(space).matches() ? new String[] {org, space} : null;
        }
        return null;
    }

    /** A link's id: {@code <image id>:<scope key>}. */
    public static String linkId(String imageId, String scopeKey) {
        return imageId + ":" + scopeKey;
    }

    /**
     * {@code [image id, scope key]} of a link id of this encoding.
     *
     * @throws ValidationException when it is not one (a link id of an image-link service, a typo)
     */
    public static String[] parseLinkId(String linkId) {
        int colon = linkId.indexOf(':');
        if (colon != 36 || parseScopeKey(linkId.substring(37)) == null
                || !linkId.substring(0, 36).matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new ValidationException("not the id of a link kept in Glance (<image id>:global, <image id>:org:<org>"
                    + " or <image id>:space:<org>:<space>): \"" + linkId + "\"");
        }
        return new String[] {linkId.substring(0, 36), linkId.substring(37)};
    }

    /** Checks that a slug can be carried (lower-case letters, digits, {@code . _ -}; 1 to 100; starts with a letter or digit). */
    public static void checkSlug(String what, String slug) {
        if (slug != null && !SLUG.matcher(slug).matches()) {
            throw new ValidationException(what + " slug \"" + slug + "\" cannot be kept in Glance: use 1 to " + MAX_SLUG
                    + " lower-case letters, digits, '.', '_' or '-', starting with a letter or digit (property names"
                    + " compare case-insensitively in MySQL-backed Glance, and ':' separates the slugs)");
        }
    }

    /** Checks that a priority can be carried ({@value #MIN_PRIORITY} to {@value #MAX_PRIORITY}). */
    public static void checkPriority(Integer priority) {
        if (priority != null && (priority < MIN_PRIORITY || priority > MAX_PRIORITY)) {
            throw new ValidationException("priority " + priority + " cannot be kept in Glance: use " + MIN_PRIORITY
                    + " to " + MAX_PRIORITY);
        }
    }

    /** Checks a space type: 1 to 64 characters, no {@code ;}, no control or supplementary characters. */
    public static void checkSpaceType(String spaceType) {
        if (spaceType == null) {
            return;
        }
        if (spaceType.length() > MAX_SPACE_TYPE || spaceType.indexOf(';') >= 0) {
            throw new ValidationException("space type cannot be kept in Glance: at most " + MAX_SPACE_TYPE
                    + " characters and no ';' (was " + spaceType.length() + " characters)");
        }
        checkCharacters("space type", spaceType);
    }

    /** Checks a comment: at most 160 characters, no control or supplementary characters. */
    public static void checkComment(String comment) {
        if (comment == null) {
            return;
        }
        if (comment.length() > MAX_COMMENT) {
            throw new ValidationException("comment cannot be kept in Glance: at most " + MAX_COMMENT
                    + " characters (was " + comment.length() + ")");
        }
        checkCharacters("comment", comment);
    }

    private static void checkCharacters(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                throw new ValidationException(what + " cannot be kept in Glance: control character U+"
                        + String.format("%04X", (int) c) + " at index " + i);
            }
            if (Character.isSurrogate(c)) {
                throw new ValidationException(what + " cannot be kept in Glance: a character outside the Basic"
                        + " Multilingual Plane at index " + i + " (Glance refuses 4-byte UTF-8)");
            }
        }
    }

    /** A new random revision (8 characters). */
    public static String newRevision() {
        char[] r = new char[8];
        for (int i = 0; i < r.length; i++) {
            r[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(r);
    }

    /** The data value of a link; the arguments must have passed the checks. */
    public static String value(int priority, String revision, String spaceType, String comment) {
        StringBuilder b = new StringBuilder("v").append(VERSION).append(";p=").append(priority).append(";r=").append(revision);
        if (spaceType != null) {
            b.append(";t=").append(spaceType);
        }
        if (comment != null) {
            b.append(";c=").append(comment);
        }
        if (b.length() > MAX_VALUE) {
            throw new IllegalStateException("encoded link value longer than " + MAX_VALUE);
        }
        return b.toString();
    }

    /** The version a data value declares ({@code v<n>;…}), or {@code null} when it declares none. */
    public static Integer version(String value) {
        if (value == null) {
            return null;
        }
        int semi = value.indexOf(';');
        String head = semi < 0 ? value : value.substring(0, semi);
        return head.matches("v[0-9]{1,9}") ? Integer.valueOf(head.substring(1)) : null;
    }

    /** The decoded fields of a data value, and what did not follow the encoding. */
    public record Value(Integer priority, String revision, String spaceType, String comment, List<String> problems) {
    }

    /** Reads a data value; never throws (whatever does not follow the encoding becomes a problem). */
    public static Value readValue(String value) {
        List<String> problems = new ArrayList<>();
        if (value == null) {
            problems.add("data property missing");
            return new Value(null, null, null, null, problems);
        }
        int semi = value.indexOf(';');
        String head = semi < 0 ? value : value.substring(0, semi);
        if (!head.matches("v[0-9]{1,9}")) {
            problems.add("not an imagesdk link value (no version marker): \"" + abbreviate(value) + "\"");
            return new Value(null, null, null, null, problems);
        }
        int version = Integer.parseInt(head.substring(1));
        if (version != VERSION) {
            problems.add("written in link encoding version " + version + "; this SDK reads version " + VERSION);
            return new Value(null, null, null, null, problems);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String rest = semi < 0 ? "" : value.substring(semi + 1);
        while (!rest.isEmpty()) {
            if (rest.startsWith("c=")) {
                fields.put("c", rest.substring(2));
                break;
            }
            int next = rest.indexOf(';');
            String field = next < 0 ? rest : rest.substring(0, next);
            rest = next < 0 ? "" : rest.substring(next + 1);
            int eq = field.indexOf('=');
            String name = eq < 0 ? field : field.substring(0, eq);
            if (eq < 0 || !(name.equals("p") || name.equals("r") || name.equals("t"))) {
                problems.add("unknown field \"" + abbreviate(field) + "\"");
            } else if (fields.put(name, field.substring(eq + 1)) != null) {
                problems.add("field " + name + " given twice");
            }
        }
        Integer priority = null;
        String p = fields.get("p");
        if (p == null) {
            problems.add("p (priority): missing");
        } else if (!PRIORITY.matcher(p).matches()) {
            problems.add("p (priority): not an integer from " + MIN_PRIORITY + " to " + MAX_PRIORITY + ": \"" + abbreviate(p) + "\"");
        } else {
            priority = Integer.parseInt(p);
        }
        String revision = fields.get("r");
        if (revision == null) {
            problems.add("r (revision): missing");
        } else if (!REVISION.matcher(revision).matches()) {
            problems.add("r (revision): not 1 to 16 lower-case letters or digits");
            revision = null;
        }
        String spaceType = fields.get("t");
        if (spaceType != null && spaceType.isEmpty()) {
            problems.add("t (space type): empty");
            spaceType = null;
        }
        return new Value(priority, revision, spaceType, fields.get("c"), problems);
    }

    /**
     * Every link on an image, from its properties ({@code String} values; another type is a problem), in no
     * particular order. A data property without its index, or an index without its data, is a link with a problem.
     */
    public static List<StoredLink> read(String imageId, String owner, Map<String, Object> properties) {
        Map<String, String> data = new LinkedHashMap<>();
        Map<String, Object> index = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            String k = e.getKey();
            if (k.startsWith(DATA_PREFIX)) {
                Object v = e.getValue();
                data.put(k.substring(DATA_PREFIX.length()), v instanceof String ? (String) v : "\u0000" + v);
            } else if (k.startsWith(INDEX_PREFIX) && !k.equals(ANY_KEY)) {
                index.put(k.substring(INDEX_PREFIX.length()), e.getValue());
            }
        }
        List<StoredLink> out = new ArrayList<>();
        for (Map.Entry<String, String> e : data.entrySet()) {
            out.add(link(imageId, owner, e.getKey(), e.getValue(), index.containsKey(e.getKey()), index.get(e.getKey()),
                    properties.containsKey(ANY_KEY)));
        }
        for (Map.Entry<String, Object> e : index.entrySet()) {
            if (!data.containsKey(e.getKey())) {
                out.add(link(imageId, owner, e.getKey(), null, true, e.getValue(), true));
            }
        }
        return out;
    }

    private static StoredLink link(String imageId, String owner, String key, String raw, boolean indexed, Object indexValue,
                                   boolean marked) {
        List<String> problems = new ArrayList<>();
        String[] scope = parseScopeKey(key);
        if (scope == null) {
            problems.add("property key does not name a scope (global, org:<org>, space:<org>:<space>): \"" + abbreviate(key) + "\"");
        }
        Value v;
        if (raw != null && raw.startsWith("\u0000")) {
            problems.add("data property is not a string");
            v = new Value(null, null, null, null, List.of());
        } else {
            v = readValue(raw);
        }
        problems.addAll(v.problems());
        if (scope == null) {
            // not found by scope listings anyway; the key is the problem
        } else if (!indexed) {
            problems.add("index property " + INDEX_PREFIX + key + " missing: listings by scope do not find this link");
        } else if (!INDEX_VALUE.equals(indexValue)) {
            problems.add("index property " + INDEX_PREFIX + key + " is not \"1\": listings by scope do not find this link");
        }
        if (!marked) {
            problems.add("marker " + ANY_KEY + " missing: listings of managed images do not find this link");
        }
        String spaceType = v.spaceType();
        if (spaceType != null && scope != null && scope[1] == null) {
            problems.add("t (space type) on a link that is not space-scoped");
        }
        return new StoredLink(linkId(imageId, key), imageId, owner, scope != null, scope == null ? null : scope[0],
                scope == null ? null : scope[1], v.priority(), spaceType, v.comment(), v.revision(), problems);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
