package dev.imagesdk.images.metadefs;

import dev.imagesdk.core.types.OpenEnum;

import java.util.List;

/**
 * Who can see a metadef namespace (and everything in it). Values this SDK does not know are kept
 * verbatim ({@link #isKnown()} is {@code false}).
 */
public final class MetadefVisibility extends OpenEnum {
    private static final Values<MetadefVisibility> VALUES = new Values<>(MetadefVisibility::new);

    /** Every project. */
    public static final MetadefVisibility PUBLIC = VALUES.declare("public");
    /** The owning project only (Glance's default on create and on a replace that names none). */
    public static final MetadefVisibility PRIVATE = VALUES.declare("private");

    private MetadefVisibility(String value, Boolean known) {
        super(value, known);
    }

    /** The constant for {@code value}, or an unknown value kept verbatim; {@code null} for {@code null}. */
    public static MetadefVisibility of(String value) {
        return VALUES.of(value);
    }

    /** The values this SDK version knows. */
    public static List<MetadefVisibility> knownValues() {
        return VALUES.known();
    }
}
