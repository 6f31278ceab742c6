package dev.imagesdk.images.metadefs;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.Calls;

import java.util.List;

/**
 * Metadef resource types ({@code /v2/metadefs/resource_types}) and the associations of namespaces with
 * them ({@code /v2/metadefs/namespaces/{namespace}/resource_types}). Associating and dissociating are for
 * administrators under Glance's default policy (403 otherwise).
 */
public final class MetadefResourceTypes {
    private final ServiceClient client;

    private MetadefResourceTypes(ServiceClient client) {
        this.client = Arguments.notNull(client, "client");
    }

    /** The resource types API of {@code client}. */
    public static MetadefResourceTypes of(ServiceClient client) {
        return new MetadefResourceTypes(client);
    }

    /** {@code GET /v2/metadefs/resource_types}: every resource type any namespace was ever associated with. */
    public List<ResourceType> list() {
        return Calls.of(client).executeJson(ApiRequest.get("metadefs", "resource_types").build(),
                MetadefJson.list("resource_types", ResourceType::decode));
    }

    /**
     * {@code GET /v2/metadefs/namespaces/{namespace}/resource_types}: the namespace's associations.
     *
     * @throws dev.imagesdk.core.error.NotFoundException when there is no such namespace
     */
    public List<ResourceTypeAssociation> listForNamespace(String namespace) {
        return Calls.of(client).executeJson(ApiRequest.get("metadefs", "namespaces", MetadefNamespaces.name(namespace),
                "resource_types").build(), MetadefJson.list("resource_type_associations", ResourceTypeAssociation::decode));
    }

    /**
     * {@code POST /v2/metadefs/namespaces/{namespace}/resource_types} (201): associates the namespace with
     * a resource type (Glance creates the resource type when new).
     *
     * @throws dev.imagesdk.core.error.ConflictException when they are associated already
     */
    public ResourceTypeAssociation create(String namespace, ResourceTypeAssociation association) {
        String ns = MetadefNamespaces.name(namespace);
        String json = MetadefJson.write(Arguments.notNull(association, "association").toBody());
        return Calls.of(client).executeJson(ApiRequest.post("metadefs", "namespaces", ns, "resource_types")
                .jsonBody(json).build(), MetadefJson.item(ResourceTypeAssociation::decode));
    }

    /**
     * {@code DELETE /v2/metadefs/namespaces/{namespace}/resource_types/{name}} (204): dissociates them
     * (the resource type stays listed).
     *
     * @throws dev.imagesdk.core.error.NotFoundException when they are not associated
     */
    public void delete(String namespace, String resourceType) {
        Calls.of(client).executeNoContent(ApiRequest.delete("metadefs", "namespaces", MetadefNamespaces.name(namespace),
                "resource_types", Arguments.id(resourceType, "resource type")).build());
    }
}
