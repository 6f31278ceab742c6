package dev.imagesdk.images.model;

import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.json.Timestamps;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A filter on {@code created_at} or {@code updated_at}: Glance compares the attribute with a
 * timestamp using one of its operators, sent as {@code created_at=gt:2026-11-22T12:50:30Z}.
 * Glance compares at second precision; sub-second parts are dropped.
 */
public final class DateQuery {
    /** The comparison operators Glance accepts. */
    public enum Operator {
        /** Strictly after. */
        GT,
        /** At or after. */
        GTE,
        /** Strictly before. */
        LT,
        /** At or before. */
        LTE,
        /** Not equal. */
        NEQ,
        /** Equal (the second). */
        EQ;

        /** The operator as Glance spells it ({@code gt}, ...). */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Operator operator;
    private final Instant instant;

    private DateQuery(Operator operator, Instant instant) {
        if (operator == null || instant == null) {
            throw new ValidationException("a date query needs an operator and a timestamp");
        }
        this.operator = operator;
        this.instant = instant;
    }

    /** {@code operator:instant}. */
    public static DateQuery of(Operator operator, Instant instant) {
        return new DateQuery(operator, instant);
    }

    /** Strictly after {@code instant} ({@code gt}). */
    public static DateQuery after(Instant instant) {
        return new DateQuery(Operator.GT, instant);
    }

    /** At or after {@code instant} ({@code gte}). */
    public static DateQuery atOrAfter(Instant instant) {
        return new DateQuery(Operator.GTE, instant);
    }

    /** Strictly before {@code instant} ({@code lt}). */
    public static DateQuery before(Instant instant) {
        return new DateQuery(Operator.LT, instant);
    }

    /** At or before {@code instant} ({@code lte}). */
    public static DateQuery atOrBefore(Instant instant) {
        return new DateQuery(Operator.LTE, instant);
    }

    /** Exactly at {@code instant} ({@code eq}). */
    public static DateQuery at(Instant instant) {
        return new DateQuery(Operator.EQ, instant);
    }

    /** Anything but {@code instant} ({@code neq}). */
    public static DateQuery notAt(Instant instant) {
        return new DateQuery(Operator.NEQ, instant);
    }

    /** The operator. */
    public Operator operator() {
        return operator;
    }

    /** The timestamp. */
    public Instant instant() {
        return instant;
    }

    /** The query value as sent, e.g. {@code gte:2026-11-22T12:50:30Z}. */
    public String toQueryValue() {
        return operator.value() + ":" + Timestamps.format(instant);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DateQuery && ((DateQuery) o).operator == operator && ((DateQuery) o).instant.equals(instant);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operator, instant);
    }

    @Override
    public String toString() {
        return toQueryValue();
    }
}
