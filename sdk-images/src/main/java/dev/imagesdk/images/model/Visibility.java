package dev.imagesdk.images.model;

import dev.imagesdk.core.types.OpenEnum;

import java.util.List;

/**
 * Who can see an image.
 * Values this SDK does not know are kept verbatim ({@link #isKnown()} is {@code false}).
 */
public final class Visibility extends OpenEnum {
    private static final Values<Visibility> VALUES = new Values<>(Visibility::new);

    /** Every project; setting it needs an administrator. */
    public static final Visibility PUBLIC = VALUES.declare("public");
    /** Every project can find and use it, but it is not in default listings. */
    public static final Visibility COMMUNITY = VALUES.declare("community");
    /** The owner and projects that accepted membership (Glance's default on create). */
    public static final Visibility SHARED = VALUES.declare("shared");
    /** The owning project only. */
    public static final Visibility PRIVATE = VALUES.declare("private");

    private Visibility(String value, Boolean known) {
        super(value, known);
    }

    /** The constant for {@code value}, or an unknown value kept verbatim; {@code null} for {@code null}. */
    public static Visibility of(String value) {
        return VALUES.of(value);
    }

    /** The values this SDK version knows, in the server's documented order. */
    public static List<Visibility> knownValues() {
        return VALUES.known();
    }
}
