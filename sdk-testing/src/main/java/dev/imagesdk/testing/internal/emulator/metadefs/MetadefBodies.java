package dev.imagesdk.testing.internal.emulator.metadefs;

import dev.imagesdk.testing.internal.emulator.http.Exchange;
import dev.imagesdk.testing.internal.emulator.http.GlanceError;
import dev.imagesdk.testing.internal.emulator.http.Json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks metadef request bodies in Glance's order: a body at all ("Body expected in
 * request."), JSON, read-only attributes (403), then the JSON schema of the resource (400 "Provided
 * object does not match schema 'NAME': REASON"). The emulator words the reason like jsonschema's first
 * error; it does not append the schema dump Glance adds after it (a deliberate difference).
 */
final class MetadefBodies {
    static final List<String> PROPERTY_TYPES = Arrays.asList("array", "boolean", "integer", "number", "object",
            "string", null);
    private static final String TYPES_TEXT = "['array', 'boolean', 'integer', 'number', 'object', 'string', None]";
    private static final List<String> PROPERTY_KEYS = List.of("name", "title", "description", "operators", "type",
            "required", "minimum", "maximum", "maxLength", "minLength", "pattern", "enum", "readonly", "default",
            "items", "maxItems", "minItems", "uniqueItems", "additionalItems");
    /** The keys a property inside a namespace or object may have (the "property" definition, no "required"). */
    private static final Set<String> INNER_PROPERTY_KEYS = Set.of("name", "title", "description", "operators", "type",
            "required", "minimum", "maximum", "maxLength", "minLength", "pattern", "enum", "readonly", "default",
            "items", "maxItems", "minItems", "uniqueItems", "additionalItems");

    private MetadefBodies() {
    }

    /** The JSON object of the request; 400 for no body or malformed JSON, 403 for a read-only attribute. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Exchange ex, List<String> readOnly) {
        String text = ex.bodyText();
        if (text.isEmpty()) {
            throw GlanceError.badRequest("Body expected in request.");
        }
        Object doc = Json.parse(text);
        if (!(doc instanceof Map)) {
            throw GlanceError.badRequest("Body expected in request.");
        }
        Map<String, Object> body = (Map<String, Object>) doc;
        for (String key : readOnly) {
            if (body.containsKey(key)) {
                throw GlanceError.forbidden("Attribute '" + key + "' is read-only.");
            }
        }
        return body;
    }

    static GlanceError mismatch(String schema, String reason) {
        return GlanceError.badRequest("Provided object does not match schema '" + schema + "': " + reason);
    }

    /** jsonschema's "required" then "additionalProperties" messages for the top level. */
    static void shape(String schema, Map<String, Object> body, List<String> required, Set<String> allowed) {
        for (String r : required) {
            if (!body.containsKey(r)) {
                throw mismatch(schema, "'" + r + "' is a required property");
            }
        }
        List<String> extra = new ArrayList<>();
        for (String k : body.keySet()) {
            if (!allowed.contains(k)) {
                extra.add("'" + k + "'");
            }
        }
        if (!extra.isEmpty()) {
            throw mismatch(schema, "Additional properties are not allowed (" + String.join(", ", extra)
                    + (extra.size() == 1 ? " was" : " were") + " unexpected)");
        }
    }

    static void string(String schema, Map<String, Object> body, String key, int maxLength) {
        Object v = body.get(key);
        if (v == null && !body.containsKey(key)) {
            return;
        }
        if (!(v instanceof String)) {
            throw mismatch(schema, Json.repr(v) + " is not of type 'string'");
        }
        if (maxLength > 0 && ((String) v).length() > maxLength) {
            throw mismatch(schema, Json.repr(v) + " is too long");
        }
    }

    static void bool(String schema, Map<String, Object> body, String key) {
        if (body.containsKey(key) && !(body.get(key) instanceof Boolean)) {
            throw mismatch(schema, Json.repr(body.get(key)) + " is not of type 'boolean'");
        }
    }

    static void stringArray(String schema, Map<String, Object> body, String key) {
        if (!body.containsKey(key)) {
            return;
        }
        Object v = body.get(key);
        if (!(v instanceof List)) {
            throw mismatch(schema, Json.repr(v) + " is not of type 'array'");
        }
        Set<Object> seen = new HashSet<>();
        for (Object item : (List<?>) v) {
            if (!(item instanceof String)) {
                throw mismatch(schema, Json.repr(item) + " is not of type 'string'");
            }
            if (!seen.add(item)) {
                throw mismatch(schema, Json.repr(v) + " has non-unique elements");
            }
        }
    }

    /** A map of property name → property definition (the "property" definition of Glance's schemas). */
    @SuppressWarnings("unchecked")
    static void propertyMap(String schema, Map<String, Object> body, String key) {
        if (!body.containsKey(key)) {
            return;
        }
        Object v = body.get(key);
        if (!(v instanceof Map)) {
            throw mismatch(schema, Json.repr(v) + " is not of type 'object'");
        }
        for (Object def : ((Map<String, Object>) v).values()) {
            if (!(def instanceof Map)) {
                throw mismatch(schema, Json.repr(def) + " is not of type 'object'");
            }
            Map<String, Object> d = (Map<String, Object>) def;
            for (String r : List.of("title", "type")) {
                if (!d.containsKey(r)) {
                    throw mismatch(schema, "'" + r + "' is a required property");
                }
            }
            propertyType(schema, d);
            string(schema, d, "title", 0);
        }
    }

    static void propertyType(String schema, Map<String, Object> d) {
        Object type = d.get("type");
        if (!PROPERTY_TYPES.contains(type)) {
            throw mismatch(schema, Json.repr(type) + " is not one of " + TYPES_TEXT);
        }
    }

    /** The body of {@code POST/PUT .../properties[/name]} (schema "property"). */
    static void property(Map<String, Object> body) {
        // jsonschema reports the required ones in the schema's order: type, title, name
        shape("property", body, List.of("title", "name", "type"), Set.copyOf(PROPERTY_KEYS));
        string("property", body, "name", 80);
        string("property", body, "title", 0);
        propertyType("property", body);
    }

    /** The keys Glance's PropertyType keeps, in its attribute order (used for answers). */
    static List<String> propertyOrder() {
        return List.of("name", "type", "title", "description", "operators", "default", "readonly", "minimum",
                "maximum", "enum", "pattern", "minLength", "maxLength", "confidential", "items", "uniqueItems",
                "minItems", "maxItems", "additionalItems");
    }

    static Set<String> innerPropertyKeys() {
        return INNER_PROPERTY_KEYS;
    }
}
