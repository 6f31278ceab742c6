package dev.imagesdk.images.model;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.error.ValidationException;

import java.util.Objects;

/**
 * One RFC 6902 operation of an image update. Glance supports {@code add}, {@code remove} and
 * {@code replace} on top-level attributes: {@code add} on an existing property overwrites it,
 * {@code replace} or {@code remove} of a missing one is answered with 409.
 */
public final class PatchOp {
    /** The operation names Glance accepts. */
    public enum Kind {
        /** Create or overwrite. */
        ADD("add"),
        /** Delete (409 if missing). */
        REMOVE("remove"),
        /** Overwrite (409 if missing). */
        REPLACE("replace");

        private final String value;

        Kind(String value) {
            this.value = value;
        }

        /** As sent in {@code op}. */
        public String value() {
            return value;
        }
    }

    private final Kind kind;
    private final String attribute;
    private final Object value;

    private PatchOp(Kind kind, String attribute, Object value) {
        if (attribute == null || attribute.isEmpty()) {
            throw new ValidationException("a patch operation needs an attribute name");
        }
        this.kind = Arguments.notNull(kind, "kind");
        this.attribute = attribute;
        this.value = value;
    }

    /** {@code add} of a top-level attribute (for custom properties: create or overwrite). */
    public static PatchOp add(String attribute, Object value) {
        return new PatchOp(Kind.ADD, attribute, value);
    }

    /** {@code replace} of a top-level attribute. */
    public static PatchOp replace(String attribute, Object value) {
        return new PatchOp(Kind.REPLACE, attribute, value);
    }

    /** {@code remove} of a top-level attribute. */
    public static PatchOp remove(String attribute) {
        return new PatchOp(Kind.REMOVE, attribute, null);
    }

    /** The operation. */
    public Kind kind() {
        return kind;
    }

    /** The attribute name, unescaped. */
    public String attribute() {
        return attribute;
    }

    /** The value ({@code null} for remove). */
    public Object value() {
        return value;
    }

    /** The JSON pointer of the attribute: {@code /name}, with {@code ~} as {@code ~0} and {@code /} as {@code ~1}. */
    public String path() {
        return pointer(attribute);
    }

    /** Escapes one attribute name as a JSON pointer (RFC 6901). */
    public static String pointer(String attribute) {
        return "/" + attribute.replace("~", "~0").replace("/", "~1");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PatchOp && ((PatchOp) o).kind == kind && ((PatchOp) o).attribute.equals(attribute)
                && Objects.equals(((PatchOp) o).value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, attribute, value);
    }

    @Override
    public String toString() {
        return kind.value() + " " + path() + (kind == Kind.REMOVE ? "" : " = " + value);
    }
}
