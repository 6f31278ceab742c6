package dev.imagesdk.core.auth;

import dev.imagesdk.core.error.ValidationException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The service catalog Keystone returns with a project-scoped token: which services the cloud runs and
 * where. Immutable.
 */
public final class ServiceCatalog {
    private static final ServiceCatalog EMPTY = new ServiceCatalog(List.of());

    private final List<CatalogService> services;

    private ServiceCatalog(List<CatalogService> services) {
        this.services = List.copyOf(services);
    }

    /** A catalog of these services. */
    public static ServiceCatalog of(List<CatalogService> services) {
        return services.isEmpty() ? EMPTY : new ServiceCatalog(services);
    }

    /** A catalog without services (what an unscoped token carries). */
    public static ServiceCatalog empty() {
        return EMPTY;
    }

    /** The services, in the order Keystone listed them. */
    public List<CatalogService> services() {
        return services;
    }

    /** {@code true} when the catalog lists no service. */
    public boolean isEmpty() {
        return services.isEmpty();
    }

    /**
     * The endpoint of a service type for an interface and region.
     *
     * @param serviceType the service type, for example {@code image}
     * @param region the region, or {@code null} for any region (then all matches must agree on the URL)
     * @param endpointInterface which interface
     * @throws ValidationException when nothing (or, without a region, more than one URL) matches; the
     *                             message lists what the catalog offers
     */
    public URI endpoint(String serviceType, String region, EndpointInterface endpointInterface) {
        if (services.isEmpty()) {
            throw new ValidationException("the token carries no service catalog (an unscoped token, or a project "
                    + "without endpoints): scope the authentication to a project or set an image endpoint override");
        }
        List<CatalogService> ofType = services.stream().filter(s -> serviceType.equalsIgnoreCase(s.type()))
                .collect(Collectors.toList());
        if (ofType.isEmpty()) {
            throw new ValidationException("the service catalog has no service of type \"" + serviceType
                    + "\"; it offers: " + services.stream().map(CatalogService::type).distinct()
                    .collect(Collectors.joining(", ")));
        }
        List<CatalogEndpoint> matches = new ArrayList<>();
        for (CatalogService s : ofType) {
            for (CatalogEndpoint e : s.endpoints()) {
                if (endpointInterface.value().equalsIgnoreCase(e.interfaceName())
                        && (region == null || region.equals(e.region()))) {
                    matches.add(e);
                }
            }
        }
        String wanted = serviceType + " endpoint with interface " + endpointInterface.value()
                + (region == null ? "" : " in region " + region);
        if (matches.isEmpty()) {
            throw new ValidationException("the service catalog has no " + wanted + "; it offers: " + describe(ofType));
        }
        Set<String> urls = new LinkedHashSet<>();
        matches.forEach(m -> urls.add(m.url()));
        if (urls.size() > 1) {
            throw new ValidationException("the service catalog offers several URLs for the " + wanted
                    + " (" + matches + "); choose a region");
        }
        try {
            return new URI(matches.get(0).url());
        } catch (URISyntaxException e) {
            throw new ValidationException("the service catalog lists an unusable URL for the " + wanted + ": \""
                    + matches.get(0).url() + "\"");
        }
    }

    private static String describe(List<CatalogService> services) {
        return services.stream().map(CatalogService::toString).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return "ServiceCatalog" + services;
    }
}
