package dev.imagesdk.core.internal;

import dev.imagesdk.core.error.ValidationException;

import java.util.regex.Pattern;

/**
 * Checks of caller input, failing with {@link ValidationException} (never a
 * {@code NullPointerException}) before any request is sent.
 */
public final class Arguments {
    /** Glance's own pattern for image ids (its image schema): 8-4-4-4-12 hexadecimal digits, either case. */
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Arguments() {
    }

    /** {@code value}, or a {@link ValidationException} naming {@code what} when it is {@code null}. */
    public static <T> T notNull(T value, String what) {
        if (value == null) {
            throw new ValidationException(what + " must not be null");
        }
        return value;
    }

    /** {@code value}, or a {@link ValidationException} naming {@code what} when it is {@code null} or negative. */
    public static java.time.Duration notNegative(java.time.Duration value, String what) {
        if (value == null) {
            throw new ValidationException(what + " must not be null");
        }
        if (value.isNegative()) {
            throw new ValidationException(what + " must be zero or positive, was " + value);
        }
        return value;
    }

    /** {@code value}, or a {@link ValidationException} naming {@code what} when it is {@code null} or blank. */
    public static String notBlank(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(what + " must not be blank");
        }
        return value;
    }

    /** {@code value}, or a {@link ValidationException} when it is not greater than zero. */
    public static long positive(long value, String what) {
        if (value <= 0) {
            throw new ValidationException(what + " must be greater than zero, was " + value);
        }
        return value;
    }

    /** {@code value}, or a {@link ValidationException} when it is negative. */
    public static long notNegative(long value, String what) {
        if (value < 0) {
            throw new ValidationException(what + " must not be negative, was " + value);
        }
        return value;
    }

    /**
     * The one rule for a URL path segment, applied by the request builder to every segment of every
     * request: {@code value}, or a {@link ValidationException} when it is {@code null}, empty,
     * {@code .} or {@code ..} (which URL resolution would turn into "this folder" or "the parent",
     * sending the request to another resource) or holds a control character. Everything else is
     * sent percent-encoded and stays inside its segment.
     */
    public static String pathSegment(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new ValidationException(what + " must not be empty");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new ValidationException(what + " must not be \"" + value + "\": it would change the request's path");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new ValidationException(what + " must not contain control characters");
            }
        }
        return value;
    }

    /**
     * The id rule for free-form ids (project and member ids, link ids): {@code value}, or a
     * {@link ValidationException} when it is {@code null}, blank, {@code .}, {@code ..} or holds a
     * control character. Ids are sent as one percent-encoded path segment each.
     */
    public static String id(String value, String what) {
        notBlank(value, what);
        return pathSegment(value, what);
    }

    /**
     * {@code value}, or a {@link ValidationException} when it is blank or not a UUID
     * ({@code 8-4-4-4-12} hexadecimal digits). Glance gives images only such ids (its image schema
     * refuses any other), so any other value cannot name an image and is refused before a request.
     */
    public static String uuid(String value, String what) {
        notBlank(value, what);
        if (!UUID.matcher(value).matches()) {
            throw new ValidationException(what + " must be a UUID (8-4-4-4-12 hexadecimal digits), was \"" + value + "\"");
        }
        return value;
    }

    /** Glance's limit for a tag (its image schema: a string of at most 255 characters). */
    public static final int MAX_TAG_LENGTH = 255;

    /**
     * The one tag rule: {@code tag}, or a {@link ValidationException} when it is {@code null}, blank
     * or longer than {@value #MAX_TAG_LENGTH} characters (Glance's limit). Tags in a JSON body
     * (create, update, list filters) need nothing more; a tag in a URL path also passes
     * {@link #tagInPath}.
     */
    public static String tag(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > MAX_TAG_LENGTH) {
            throw new ValidationException("a tag must be 1 to " + MAX_TAG_LENGTH + " characters and not blank, was "
                    + (tag == null ? "null" : "\"" + abbreviate(tag) + "\""));
        }
        return tag;
    }

    /**
     * {@link #tag}, and printable ASCII only: Glance decodes the URL path of
     * {@code /v2/images/{id}/tags/{tag}} as Latin-1, so it would store {@code wörld} as {@code wÃ¶rld};
     * such tags can only be set in a JSON body.
     */
    public static String tagInPath(String tag) {
        tag(tag);
        for (int i = 0; i < tag.length(); i++) {
            if (tag.charAt(i) > 0x7e || tag.charAt(i) < 0x20) {
                throw new ValidationException("tag \"" + abbreviate(tag) + "\" has non-ASCII or control characters, which "
                        + "Glance garbles in the tag URL (it decodes the path as Latin-1); set it with "
                        + "update(id, UpdateOpts.builder().tags(...))");
            }
        }
        return tag;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
