package dev.imagesdk.images.model;

import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.json.Timestamps;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * A filter on {@code created_at} or {@code updated_at}, sent as {@code created_at=gte:2026-11-22T12:50:31Z}.
 *
 * <p><b>Whole seconds, as Glance shows them.</b> Glance shows timestamps in whole seconds
 * ({@code "2026-11-22T12:50:30Z"}) but stores and compares them with whatever precision its database keeps
 * (microseconds on SQLite and PostgreSQL: the image shown at {@code 12:50:30Z} may be stored at
 * {@code 12:50:30.604842}). Sent verbatim, {@code gt:12:50:30Z} would therefore include that image and
 * {@code lte:12:50:30Z} would exclude it. This class compares the way a reader of the shown timestamps
 * expects: the given instant is truncated to its second, and an image's timestamp counts as the second Glance
 * shows. So {@link #after(Instant) after(image.createdAt())} excludes the image itself and
 * {@link #atOrBefore(Instant) atOrBefore(image.createdAt())} includes it:
 * <table>
 * <caption>what is sent for a given instant t (truncated to its second)</caption>
 * <tr><th>query</th><th>matches a shown timestamp s when</th><th>sent</th></tr>
 * <tr><td>{@link #after(Instant)}</td><td>s &gt; t</td><td>{@code gte:t+1s}</td></tr>
 * <tr><td>{@link #atOrAfter(Instant)}</td><td>s &ge; t</td><td>{@code gte:t}</td></tr>
 * <tr><td>{@link #before(Instant)}</td><td>s &lt; t</td><td>{@code lt:t}</td></tr>
 * <tr><td>{@link #atOrBefore(Instant)}</td><td>s &le; t</td><td>{@code lt:t+1s}</td></tr>
 * <tr><td>{@link #at(Instant)}, {@link #notAt(Instant)}</td><td>the <em>stored</em> value equals (does not
 * equal) t exactly</td><td>{@code eq:t}, {@code neq:t}</td></tr>
 * </table>
 * {@code at} and {@code notAt} cannot be made to match a whole second: Glance keeps one filter per attribute
 * (a repeated {@code created_at} is cut to its last value), so they are sent as given, and on a database that
 * keeps sub-seconds {@code at(image.createdAt())} usually matches nothing. To find the images of one shown
 * second, list {@code atOrAfter(t)} and keep those whose {@code createdAt()} equals {@code t}. On a database
 * that stores whole seconds (MySQL) shown and stored values are the same and every row of the table holds as well.
 */
public final class DateQuery {
    /** The comparison operators Glance accepts. */
    public enum Operator {
        /** Strictly after the shown second (sent as {@code gte} of the next second). */
        GT,
        /** At or after. */
        GTE,
        /** Strictly before. */
        LT,
        /** At or before the shown second (sent as {@code lt} of the next second). */
        LTE,
        /** Not equal to the stored value (see the class description). */
        NEQ,
        /** Equal to the stored value (see the class description). */
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

    /** Timestamps Glance shows after {@code instant}'s second: {@code after(image.createdAt())} excludes the image itself. */
    public static DateQuery after(Instant instant) {
        return new DateQuery(Operator.GT, instant);
    }

    /** Timestamps Glance shows at or after {@code instant}'s second ({@code gte}). */
    public static DateQuery atOrAfter(Instant instant) {
        return new DateQuery(Operator.GTE, instant);
    }

    /** Timestamps Glance shows before {@code instant}'s second ({@code lt}). */
    public static DateQuery before(Instant instant) {
        return new DateQuery(Operator.LT, instant);
    }

    /** Timestamps Glance shows at or before {@code instant}'s second: {@code atOrBefore(image.createdAt())} includes the image. */
    public static DateQuery atOrBefore(Instant instant) {
        return new DateQuery(Operator.LTE, instant);
    }

    /** A stored timestamp exactly at {@code instant}'s second ({@code eq}; see the class description for why this rarely matches). */
    public static DateQuery at(Instant instant) {
        return new DateQuery(Operator.EQ, instant);
    }

    /** A stored timestamp other than exactly {@code instant}'s second ({@code neq}; see the class description). */
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

    /**
     * The query value as sent (see the table in the class description): {@code after(12:50:30Z)} is sent as
     * {@code gte:2026-11-22T12:50:31Z}, {@code atOrBefore(12:50:30Z)} as {@code lt:2026-11-22T12:50:31Z}.
     */
    public String toQueryValue() {
        Instant second = instant.truncatedTo(ChronoUnit.SECONDS);
        switch (operator) {
            case GT:
                return "gte:" + Timestamps.format(second.plusSeconds(1));
            case LTE:
                return "lt:" + Timestamps.format(second.plusSeconds(1));
            default:
                return operator.value() + ":" + Timestamps.format(second);
        }
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
