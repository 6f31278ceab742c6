package dev.imagesdk.core.auth;

/**
 * One endpoint of a service in Keystone's catalog.
 *
 * @param interfaceName {@code public}, {@code internal} or {@code admin} as Keystone sent it
 * @param region the region name ({@code region}, or {@code region_id} when only that was sent), or {@code null}
 * @param url the endpoint URL as listed
 */
public record CatalogEndpoint(String interfaceName, String region, String url) {

    @Override
    public String toString() {
        return interfaceName + " " + (region == null ? "(no region)" : region) + " " + url;
    }
}
