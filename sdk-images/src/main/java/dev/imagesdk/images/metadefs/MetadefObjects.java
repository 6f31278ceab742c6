package dev.imagesdk.images.metadefs;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.Calls;

import java.util.List;

/**
 * The objects of a metadef namespace ({@code /v2/metadefs/namespaces/{namespace}/objects}). Reading
 * follows the namespace's visibility; writing is for administrators under Glance's default policy
 * (403 otherwise). A namespace the caller may not see answers 404.
 */
public final class MetadefObjects {
    private final ServiceClient client;

    private MetadefObjects(ServiceClient client) {
        this.client = Arguments.notNull(client, "client");
    }

    /** The metadef objects API of {@code client}. */
    public static MetadefObjects of(ServiceClient client) {
        return new MetadefObjects(client);
    }

    /**
     * {@code GET .../objects}: the namespace's objects, newest first (Glance sends them in one answer).
     *
     * @throws dev.imagesdk.core.error.NotFoundException when there is no such namespace
     */
    public List<MetadefObject> list(String namespace) {
        return Calls.of(client).executeJson(ApiRequest.get("metadefs", "namespaces",
                MetadefNamespaces.name(namespace), "objects").build(), MetadefJson.list("objects", MetadefObject::decode));
    }

    /**
     * {@code GET .../objects/{name}}.
     *
     * @throws dev.imagesdk.core.error.NotFoundException when there is no such namespace or object
     */
    public MetadefObject get(String namespace, String name) {
        return Calls.of(client).executeJson(path(namespace, name).build(), MetadefJson.item(MetadefObject::decode));
    }

    /**
     * {@code POST .../objects} (201): creates the object.
     *
     * @throws dev.imagesdk.core.error.ConflictException when the namespace has an object of that name
     */
    public MetadefObject create(String namespace, MetadefObject object) {
        String ns = MetadefNamespaces.name(namespace);
        String json = MetadefJson.write(Arguments.notNull(object, "object").toBody());
        return Calls.of(client).executeJson(ApiRequest.post("metadefs", "namespaces", ns, "objects").jsonBody(json)
                .build(), MetadefJson.item(MetadefObject::decode));
    }

    /**
     * {@code PUT .../objects/{name}}: replaces the object with {@code object} (what it does not set is
     * removed; a different name renames it).
     *
     * @throws dev.imagesdk.core.error.NotFoundException when there is no such object
     */
    public MetadefObject update(String namespace, String name, MetadefObject object) {
        ApiRequest.Builder b = path(namespace, name);
        String json = MetadefJson.write(Arguments.notNull(object, "object").toBody());
        return Calls.of(client).executeJson(b.method("PUT").jsonBody(json).build(), MetadefJson.item(MetadefObject::decode));
    }

    /** {@code DELETE .../objects/{name}} (204). */
    public void delete(String namespace, String name) {
        Calls.of(client).executeNoContent(path(namespace, name).method("DELETE").build());
    }

    /**
     * {@code DELETE .../objects} (204): deletes every object of the namespace.
     *
     * @throws dev.imagesdk.core.error.ForbiddenException when the namespace is protected
     */
    public void deleteAll(String namespace) {
        Calls.of(client).executeNoContent(ApiRequest.delete("metadefs", "namespaces",
                MetadefNamespaces.name(namespace), "objects").build());
    }

    private static ApiRequest.Builder path(String namespace, String name) {
        return ApiRequest.get("metadefs", "namespaces", MetadefNamespaces.name(namespace), "objects",
                Arguments.id(name, "object name"));
    }
}
