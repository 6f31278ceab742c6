package dev.imagesdk.core.types;

import dev.imagesdk.core.internal.Arguments;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Base of the SDK's "open" enumerations: a fixed set of known constants, plus any value a newer or
 * differently configured server sends, kept verbatim instead of failing. Two values are equal when
 * they are of the same type and carry the same string.
 *
 * <p>A subtype declares its constants through a {@link Values} registry and a static
 * {@code of(String)} factory; the JSON layer finds that factory by reflection.
 */
public abstract class OpenEnum {
    private final String value;
    private final boolean known;

    /**
     * @param value the wire value
     * @param known whether the value is one of the type's declared constants
     */
    protected OpenEnum(String value, boolean known) {
        this.value = Arguments.notNull(value, "value");
        this.known = known;
    }

    /** The value exactly as the server sends it. */
    public final String value() {
        return value;
    }

    /** {@code true} for the declared constants; {@code false} for a value this SDK version does not know. */
    public final boolean isKnown() {
        return known;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((OpenEnum) o).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode() * 31 + value.hashCode();
    }

    @Override
    public final String toString() {
        return value;
    }

    /**
     * The declared constants of one open enumeration, and the factory for unknown values.
     *
     * @param <T> the open enumeration type
     */
    public static final class Values<T extends OpenEnum> {
        private final Map<String, T> known = new LinkedHashMap<>();
        private final BiFunction<String, Boolean, T> factory;

        /** @param factory creates an instance from a value and its "known" flag (usually the constructor) */
        public Values(BiFunction<String, Boolean, T> factory) {
            this.factory = factory;
        }

        /** Declares a known constant and returns it. */
        public T declare(String value) {
            T constant = factory.apply(value, true);
            known.put(value, constant);
            return constant;
        }

        /** The constant for {@code value}, or a new unknown instance keeping it; {@code null} stays {@code null}. */
        public T of(String value) {
            if (value == null) {
                return null;
            }
            T constant = known.get(value);
            return constant != null ? constant : factory.apply(value, false);
        }

        /** The declared constants, in declaration order. */
        public List<T> known() {
            return Collections.unmodifiableList(List.copyOf(known.values()));
        }
    }
}
