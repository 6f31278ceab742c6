package dev.imagesdk.images.metadefs;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.Calls;
import dev.imagesdk.core.internal.paging.JsonPages;
import dev.imagesdk.core.internal.paging.PagedListing;
import dev.imagesdk.core.paging.Paged;

import java.util.Map;

/**
 * Glance's metadata definition namespaces ({@code /v2/metadefs/namespaces}). Everyone may read the
 * public namespaces and their project's own; creating, replacing and deleting are for administrators
 * under Glance's default policy (403 otherwise). A protected namespace cannot be deleted, nor can its
 * objects, properties or tags (403) until it is updated to be unprotected.
 */
public final class MetadefNamespaces {
    private final ServiceClient client;

    private MetadefNamespaces(ServiceClient client) {
        this.client = Arguments.notNull(client, "client");
    }

    /** The namespaces API of {@code client}. */
    public static MetadefNamespaces of(ServiceClient client) {
        return new MetadefNamespaces(client);
    }

    /** {@code GET /v2/metadefs/namespaces}: every namespace the caller may see, lazily paged, newest first. */
    public Paged<Namespace> list() {
        return list(NamespaceListOpts.defaults());
    }

    /**
     * {@code GET /v2/metadefs/namespaces} with filters and order, lazily paged. Each namespace carries its
     * own fields and resource type associations, not its contents (see {@link #get(String)}).
     *
     * @throws dev.imagesdk.core.error.BadRequestException for a sort key Glance refuses
     */
    public Paged<Namespace> list(NamespaceListOpts opts) {
        ApiRequest.Builder b = ApiRequest.get("metadefs", "namespaces");
        for (Map.Entry<String, String> q : Arguments.notNull(opts, "opts").toQuery()) {
            b.query(q.getKey(), q.getValue());
        }
        return PagedListing.of(client, b.build(),
                JsonPages.reader("namespaces", MetadefJson.adapter(Namespace::decode)), Namespace::namespace);
    }

    /**
     * {@code GET /v2/metadefs/namespaces/{namespace}}: the namespace with its property definitions,
     * objects, tags and resource type associations inline.
     *
     * @throws dev.imagesdk.core.error.NotFoundException when there is no such namespace or the caller may not see it
     */
    public Namespace get(String namespace) {
        return Calls.of(client).executeJson(ApiRequest.get("metadefs", "namespaces", name(namespace)).build(),
                MetadefJson.item(Namespace::decode));
    }

    /**
     * {@code GET /v2/metadefs/namespaces/{namespace}?resource_type=...}: like {@link #get(String)}, with
     * the property names (also those of its objects) prefixed as for {@code resourceType}, e.g.
     * {@code hw_} for {@code OS::Glance::Image} when the association says so.
     */
    public Namespace get(String namespace, String resourceType) {
        return Calls.of(client).executeJson(ApiRequest.get("metadefs", "namespaces", name(namespace))
                .query("resource_type", Arguments.notBlank(resourceType, "resource type")).build(),
                MetadefJson.item(Namespace::decode));
    }

    /**
     * {@code POST /v2/metadefs/namespaces} (201): creates a namespace with any contents given inline;
     * returns it as Glance answers (its contents inline, without their timestamps). Administrators only
     * under Glance's default policy.
     *
     * @throws dev.imagesdk.core.error.ConflictException when the name is taken
     * @throws dev.imagesdk.core.error.ForbiddenException when the caller may not create namespaces
     */
    public Namespace create(NamespaceCreateOpts opts) {
        String json = MetadefJson.write(Arguments.notNull(opts, "opts").body());
        return Calls.of(client).executeJson(ApiRequest.post("metadefs", "namespaces").jsonBody(json).build(),
                MetadefJson.item(Namespace::decode));
    }

    /**
     * {@code PUT /v2/metadefs/namespaces/{namespace}}: replaces the namespace's fields (see
     * {@link NamespaceUpdateOpts}: a field not set is reset) and returns it without contents; renames it
     * when the options name another namespace. Administrators only under Glance's default policy.
     *
     * @throws dev.imagesdk.core.error.NotFoundException when there is no such namespace
     * @throws dev.imagesdk.core.error.ConflictException when renaming to a taken name
     */
    public Namespace update(String namespace, NamespaceUpdateOpts opts) {
        String ns = name(namespace);
        String json = MetadefJson.write(Arguments.notNull(opts, "opts").body());
        return Calls.of(client).executeJson(ApiRequest.put("metadefs", "namespaces", ns).jsonBody(json).build(),
                MetadefJson.item(Namespace::decode));
    }

    /**
     * {@code DELETE /v2/metadefs/namespaces/{namespace}} (204): deletes the namespace and everything in
     * it. Administrators only under Glance's default policy.
     *
     * @throws dev.imagesdk.core.error.ForbiddenException when the namespace is protected (or the caller may not)
     * @throws dev.imagesdk.core.error.NotFoundException when there is no such namespace
     */
    public void delete(String namespace) {
        Calls.of(client).executeNoContent(ApiRequest.delete("metadefs", "namespaces", name(namespace)).build());
    }

    static String name(String namespace) {
        return Arguments.id(namespace, "namespace");
    }
}
