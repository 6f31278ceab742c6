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
     * {@code value}, or a {@link ValidationException} when it is blank or cannot be a single URL path
     * segment of an id (ids are sent percent-encoded, but {@code .} and {@code ..} would change the path).
     */
    public static String id(String value, String what) {
        notBlank(value, what);
        if (value.equals(".") || value.equals("..")) {
            throw new ValidationException(what + " must not be \"" + value + "\"");
        }
        return value;
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
}
