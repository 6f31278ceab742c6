package dev.imagesdk.examples.cli.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes parsed JSON and YAML comparable: Moshi reads every number as a double, SnakeYAML as an
 * Integer/Long; both become a BigDecimal without trailing zeros.
 */
public final class Normalize {
    private Normalize() {
    }

    /** A deep copy with every number replaced by an equal-valued BigDecimal. */
    public static Object numbers(Object v) {
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> copy.put(k, numbers(x)));
            return copy;
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(x -> copy.add(numbers(x)));
            return copy;
        }
        return v;
    }
}
