package dev.imagesdk.images.metadefs;

import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.types.Decoded;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A metadef property definition: a JSON-schema-like description of one image (or other resource)
 * property that a namespace offers, e.g. {@code hw_cpu_cores}: an {@code integer} titled "vCPU cores"
 * with a minimum. The common fields are typed; {@link #attributes()} holds every field exactly as the
 * server sent it (Glance's schema allows {@code type}, {@code title}, {@code description}, {@code enum},
 * {@code default}, {@code minimum}, {@code maximum}, {@code items}, {@code readonly}, {@code operators},
 * {@code pattern}, {@code minLength}, {@code maxLength}, {@code minItems}, {@code maxItems},
 * {@code uniqueItems}, {@code additionalItems}).
 *
 * <p>Glance (25.1 and 30.0) stores a {@code default} as text, as Python prints it: {@code 2} comes back as
 * {@code "2"}, {@code true} as {@code "True"}, and a list or object is dropped ({@code "default": null}); it
 * stores {@code minimum} and {@code maximum} as integers, cutting off a fraction ({@code 1.5} becomes
 * {@code 1}). Immutable; build one to create or replace a definition with
 * {@link #builder(String, String, String)}.
 */
public final class PropertyDefinition implements Decoded {
    private final String name;
    private final Map<String, Object> attributes;
    private final List<String> decodingProblems;
    private final String type;
    private final String title;
    private final String description;
    private final List<Object> enumValues;
    private final Number minimum;
    private final Number maximum;
    private final Boolean readonly;
    private final List<String> operators;
    private final String pattern;
    private final Long minLength;
    private final Long maxLength;
    private final Long minItems;
    private final Long maxItems;
    private final Boolean uniqueItems;
    private final Map<String, Object> items;

    @SuppressWarnings("unchecked")
    private PropertyDefinition(String name, Map<String, Object> attributes, List<String> problems) {
        this.name = name;
        Map<String, Object> copy = new LinkedHashMap<>(attributes);
        copy.remove("name");
        this.attributes = (Map<String, Object>) Fields.frozen(copy);
        Fields f = new Fields(this.attributes, problems, "");
        this.type = f.string("type");
        this.title = f.string("title");
        this.description = f.string("description");
        this.enumValues = f.list("enum");
        this.minimum = f.number("minimum");
        this.maximum = f.number("maximum");
        this.readonly = f.bool("readonly");
        this.operators = f.strings("operators");
        this.pattern = f.string("pattern");
        this.minLength = f.integer("minLength");
        this.maxLength = f.integer("maxLength");
        this.minItems = f.integer("minItems");
        this.maxItems = f.integer("maxItems");
        this.uniqueItems = f.bool("uniqueItems");
        this.items = f.object("items");
        this.decodingProblems = List.copyOf(problems);
    }

    /** Decodes one definition; {@code name} is its key in the enclosing map, or {@code null} to read it from the body. */
    static PropertyDefinition decode(String name, Object raw) {
        return decode(name, raw, new ArrayList<>());
    }

    /** Like {@link #decode(String, Object)}, adding to {@code problems} (which may hold problems found while reading). */
    static PropertyDefinition decode(String name, Object raw, List<String> problems) {
        Fields f = Fields.of(raw, problems, "property definition");
        String n = name != null ? name : f.string("name");
        return new PropertyDefinition(n, f.raw(), problems);
    }

    /**
     * A builder of a definition; Glance requires a name (at most 80 characters), a type ({@code string},
     * {@code integer}, {@code number}, {@code boolean}, {@code array}, {@code object}) and a title.
     */
    public static Builder builder(String name, String type, String title) {
        return new Builder(name, type, title);
    }

    /** The property's name (the key it is listed under); empty only when the server sent none. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** JSON type: {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array}, {@code object}. */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** Human-readable title (dashboards show it). */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /** Longer description. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The allowed values ({@code enum}), or empty when any value of the type is allowed. */
    public List<Object> enumValues() {
        return enumValues == null ? List.of() : enumValues;
    }

    /** The default value as the server returns it (Glance returns it as text, see above); empty when none. */
    public Optional<Object> defaultValue() {
        return Optional.ofNullable(attributes.get("default"));
    }

    /** Smallest allowed number. */
    public Optional<Number> minimum() {
        return Optional.ofNullable(minimum);
    }

    /** Largest allowed number. */
    public Optional<Number> maximum() {
        return Optional.ofNullable(maximum);
    }

    /** Whether the property is informational only (not to be set by users). */
    public Optional<Boolean> readonly() {
        return Optional.ofNullable(readonly);
    }

    /** How several values combine in a scheduler filter, e.g. {@code <or>}, {@code <all-in>}. */
    public List<String> operators() {
        return operators;
    }

    /** Regular expression a string value must match. */
    public Optional<String> pattern() {
        return Optional.ofNullable(pattern);
    }

    /** Minimal string length. */
    public Optional<Long> minLength() {
        return Optional.ofNullable(minLength);
    }

    /** Maximal string length. */
    public Optional<Long> maxLength() {
        return Optional.ofNullable(maxLength);
    }

    /** Minimal number of array items. */
    public Optional<Long> minItems() {
        return Optional.ofNullable(minItems);
    }

    /** Maximal number of array items. */
    public Optional<Long> maxItems() {
        return Optional.ofNullable(maxItems);
    }

    /** Whether array items must be distinct. */
    public Optional<Boolean> uniqueItems() {
        return Optional.ofNullable(uniqueItems);
    }

    /** The definition of an array's items ({@code type}, {@code enum}). */
    public Optional<Map<String, Object>> items() {
        return Optional.ofNullable(items);
    }

    /** Every field of the definition (except the name) as the server sent it, JSON values typed as in {@code Image#properties()}. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public List<String> decodingProblems() {
        return decodingProblems;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PropertyDefinition && Objects.equals(name, ((PropertyDefinition) o).name)
                && attributes.equals(((PropertyDefinition) o).attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, attributes);
    }

    @Override
    public String toString() {
        return "PropertyDefinition{" + name + "=" + attributes + "}";
    }

    /** Builds a {@link PropertyDefinition}. */
    public static final class Builder {
        private final String name;
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        private Builder(String name, String type, String title) {
            this.name = Arguments.notBlank(name, "property name");
            if (name.length() > 80) {
                throw new ValidationException("a property name must be at most 80 characters (Glance's limit)");
            }
            attributes.put("type", Arguments.notBlank(type, "type"));
            attributes.put("title", Arguments.notBlank(title, "title"));
        }

        /** Description. */
        public Builder description(String description) {
            return attribute("description", Arguments.notNull(description, "description"));
        }

        /** The allowed values. */
        public Builder enumValues(List<?> values) {
            return attribute("enum", new ArrayList<>(Arguments.notNull(values, "values")));
        }

        /** The default value (Glance keeps it as text: a number or boolean comes back as a string, a list or object is dropped). */
        public Builder defaultValue(Object value) {
            return attribute("default", Arguments.notNull(value, "value"));
        }

        /** Smallest allowed number (Glance keeps only its integer part). */
        public Builder minimum(Number minimum) {
            return attribute("minimum", Arguments.notNull(minimum, "minimum"));
        }

        /** Largest allowed number (Glance keeps only its integer part). */
        public Builder maximum(Number maximum) {
            return attribute("maximum", Arguments.notNull(maximum, "maximum"));
        }

        /** Marks it informational only. */
        public Builder readonly(boolean readonly) {
            return attribute("readonly", readonly);
        }

        /** Scheduler operators, e.g. {@code <or>}. */
        public Builder operators(List<String> operators) {
            return attribute("operators", new ArrayList<>(Arguments.notNull(operators, "operators")));
        }

        /** Regular expression a string must match. */
        public Builder pattern(String pattern) {
            return attribute("pattern", Arguments.notNull(pattern, "pattern"));
        }

        /** The items of an array: their type and, unless {@code null}, their allowed values. */
        public Builder items(String type, List<?> enumValues) {
            Map<String, Object> items = new LinkedHashMap<>();
            items.put("type", Arguments.notBlank(type, "items type"));
            if (enumValues != null) {
                items.put("enum", new ArrayList<>(enumValues));
            }
            return attribute("items", items);
        }

        /**
         * Any other field of Glance's property schema ({@code minLength}, {@code maxItems},
         * {@code uniqueItems}, ...), as a JSON value (string, number, boolean, list, map); Glance refuses
         * fields outside its schema with 400.
         */
        public Builder attribute(String field, Object value) {
            Arguments.notBlank(field, "field");
            if (field.equals("name")) {
                throw new ValidationException("the name is given to builder(name, type, title)");
            }
            checkJson(value, field);
            attributes.put(field, value);
            return this;
        }

        private static void checkJson(Object v, String field) {
            if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
                return;
            }
            if (v instanceof List) {
                for (Object o : (List<?>) v) {
                    checkJson(o, field);
                }
                return;
            }
            if (v instanceof Map) {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    if (!(e.getKey() instanceof String)) {
                        throw new ValidationException(field + ": object keys must be strings");
                    }
                    checkJson(e.getValue(), field);
                }
                return;
            }
            throw new ValidationException(field + ": " + v.getClass().getSimpleName() + " is not a JSON value");
        }

        /** The definition. */
        public PropertyDefinition build() {
            List<String> problems = new ArrayList<>();
            PropertyDefinition d = new PropertyDefinition(name, attributes, problems);
            if (!problems.isEmpty()) {
                throw new ValidationException("property " + name + ": " + String.join("; ", problems));
            }
            return d;
        }
    }

    /** The fields sent to Glance: {@code name} first, then the attributes. */
    Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (name != null) {
            body.put("name", name);
        }
        body.putAll(attributes);
        return Collections.unmodifiableMap(body);
    }

    /** The fields of a definition nested under its name (namespace and object bodies): no {@code name}. */
    Map<String, Object> toNestedBody() {
        return attributes;
    }
}
