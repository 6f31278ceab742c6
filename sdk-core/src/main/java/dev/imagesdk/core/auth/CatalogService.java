package dev.imagesdk.core.auth;

import java.util.List;

/**
 * One service in Keystone's catalog.
 *
 * @param type the service type, for example {@code image} or {@code identity}
 * @param name the service name, for example {@code glance}, or {@code null}
 * @param endpoints its endpoints, in the order Keystone listed them
 */
public record CatalogService(String type, String name, List<CatalogEndpoint> endpoints) {

    /** Copies the endpoint list. */
    public CatalogService {
        endpoints = List.copyOf(endpoints);
    }

    @Override
    public String toString() {
        return type + (name == null ? "" : " (" + name + ")") + ": " + endpoints;
    }
}
