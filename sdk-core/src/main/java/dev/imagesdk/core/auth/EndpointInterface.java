package dev.imagesdk.core.auth;

import dev.imagesdk.core.error.ValidationException;

import java.util.Locale;

/**
 * Which of a service's endpoints to use: Keystone's catalog lists each service once per interface
 * ({@code public} for everyone, {@code internal} inside the cloud, {@code admin} for operators).
 */
public enum EndpointInterface {
    /** The endpoint reachable by everyone (the default). */
    PUBLIC("public"),
    /** The endpoint on the cloud's internal network. */
    INTERNAL("internal"),
    /** The operators' endpoint. */
    ADMIN("admin");

    private final String value;

    EndpointInterface(String value) {
        this.value = value;
    }

    /** The name Keystone uses in the catalog ({@code public}, {@code internal}, {@code admin}). */
    public String value() {
        return value;
    }

    /**
     * Parses {@code public}, {@code internal}, {@code admin} and the old {@code publicURL},
     * {@code internalURL}, {@code adminURL} spellings (case-insensitive).
     *
     * @throws ValidationException for anything else
     */
    public static EndpointInterface of(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("endpoint interface must not be blank (public, internal or admin)");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("url")) {
            t = t.substring(0, t.length() - 3);
        }
        for (EndpointInterface i : values()) {
            if (i.value.equals(t)) {
                return i;
            }
        }
        throw new ValidationException("unknown endpoint interface \"" + text + "\": use public, internal or admin");
    }

    @Override
    public String toString() {
        return value;
    }
}
