package dev.imagesdk.images.metadefs;

import com.squareup.moshi.JsonReader;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.internal.http.Calls;
import dev.imagesdk.core.internal.json.JsonValues;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The property definitions of a metadef namespace ({@code /v2/metadefs/namespaces/{namespace}/properties}).
 * Reading follows the namespace's visibility; writing is for administrators under Glance's default
 * policy (403 otherwise).
 */
public final class MetadefProperties {
    private final ServiceClient client;

    private MetadefProperties(ServiceClient client) {
        this.client = Arguments.notNull(client, "client");
    }

    /** The metadef properties API of {@code client}. */
    public static MetadefProperties of(ServiceClient client) {
        return new MetadefProperties(client);
    }

    /**
     * {@code GET .../properties}: the namespace's property definitions by name (one answer, not paged).
     *
     * @throws dev.imagesdk.core.error.NotFoundException when there is no such namespace
     */
    public Map<String, PropertyDefinition> list(String namespace) {
        return Calls.of(client).executeJson(ApiRequest.get("metadefs", "namespaces",
                MetadefNamespaces.name(namespace), "properties").build(), (JsonReader r, ApiResponse resp) -> {
                    if (r.peek() != JsonReader.Token.BEGIN_OBJECT) {
                        throw resp.malformed("the answer is not a JSON object", null, null);
                    }
                    Map<String, PropertyDefinition> out = null;
                    r.beginObject();
                    while (r.hasNext()) {
                        if (r.nextName().equals("properties") && r.peek() == JsonReader.Token.BEGIN_OBJECT) {
                            out = new LinkedHashMap<>();
                            r.beginObject();
                            while (r.hasNext()) {
                                String name = r.nextName();
                                out.put(name, MetadefJson.readItem(r, (raw, problems) ->
                                        PropertyDefinition.decode(name, raw, problems)));
                            }
                            r.endObject();
                        } else {
                            JsonValues.skip(r);
                        }
                    }
                    r.endObject();
                    if (out == null) {
                        throw resp.malformed("no \"properties\" object in the answer", null, null);
                    }
                    return Collections.unmodifiableMap(out);
                });
    }

    /**
     * {@code GET .../properties/{name}}.
     *
     * @throws dev.imagesdk.core.error.NotFoundException when there is no such namespace or property
     */
    public PropertyDefinition get(String namespace, String name) {
        return Calls.of(client).executeJson(path(namespace, name).build(),
                MetadefJson.item((raw, problems) -> PropertyDefinition.decode(null, raw, problems)));
    }

    /**
     * {@code GET .../properties/{prefixed name}?resource_type=...}: the definition of a property named as
     * for {@code resourceType} (e.g. {@code hw_cpu} where the association's prefix is {@code hw_}); the
     * answer carries the name without the prefix.
     */
    public PropertyDefinition get(String namespace, String name, String resourceType) {
        return Calls.of(client).executeJson(path(namespace, name)
                .query("resource_type", Arguments.notBlank(resourceType, "resource type")).build(),
                MetadefJson.item((raw, problems) -> PropertyDefinition.decode(null, raw, problems)));
    }

    /**
     * {@code POST .../properties} (201): creates the definition.
     *
     * @throws dev.imagesdk.core.error.ConflictException when the namespace has a property of that name
     */
    public PropertyDefinition create(String namespace, PropertyDefinition property) {
        String ns = MetadefNamespaces.name(namespace);
        String json = MetadefJson.write(Arguments.notNull(property, "property").toBody());
        return Calls.of(client).executeJson(ApiRequest.post("metadefs", "namespaces", ns, "properties").jsonBody(json)
                .build(), MetadefJson.item((raw, problems) -> PropertyDefinition.decode(null, raw, problems)));
    }

    /**
     * {@code PUT .../properties/{name}}: replaces the definition with {@code property} (a different
     * name renames it).
     *
     * @throws dev.imagesdk.core.error.NotFoundException when there is no such property
     */
    public PropertyDefinition update(String namespace, String name, PropertyDefinition property) {
        ApiRequest.Builder b = path(namespace, name);
        String json = MetadefJson.write(Arguments.notNull(property, "property").toBody());
        return Calls.of(client).executeJson(b.method("PUT").jsonBody(json).build(),
                MetadefJson.item((raw, problems) -> PropertyDefinition.decode(null, raw, problems)));
    }

    /** {@code DELETE .../properties/{name}} (204). */
    public void delete(String namespace, String name) {
        Calls.of(client).executeNoContent(path(namespace, name).method("DELETE").build());
    }

    /**
     * {@code DELETE .../properties} (204): deletes every property definition of the namespace (not
     * those of its objects).
     *
     * @throws dev.imagesdk.core.error.ForbiddenException when the namespace is protected
     */
    public void deleteAll(String namespace) {
        Calls.of(client).executeNoContent(ApiRequest.delete("metadefs", "namespaces",
                MetadefNamespaces.name(namespace), "properties").build());
    }

    private static ApiRequest.Builder path(String namespace, String name) {
        return ApiRequest.get("metadefs", "namespaces", MetadefNamespaces.name(namespace), "properties",
                Arguments.id(name, "property name"));
    }
}
