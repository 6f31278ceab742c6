package dev.imagesdk.core;

import dev.imagesdk.core.error.ApiVersionException;
import dev.imagesdk.core.error.UnsupportedFeatureException;
import dev.imagesdk.core.internal.http.ApiFeature;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.internal.http.Calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the version document Glance serves at its root ({@code GET /} answers 300 Multiple Choices,
 * {@code GET /versions} 200, both {@code {"versions":[{"id":"v2.16","status":"CURRENT",...}]}}) and picks
 * the highest v2.x that is CURRENT or SUPPORTED; the whole list also tells which optional features the
 * server serves ({@link Discovered#serves(ApiFeature)}).
 */
final class VersionDiscovery {
    private VersionDiscovery() {
    }

    /**
     * What discovery found.
     *
     * @param newest the newest usable v2.x
     * @param usable every v2.x listed as CURRENT, SUPPORTED or STABLE
     * @param offered everything listed, as {@code "<id> <status>"}, for messages
     * @param url the discovery URL
     * @param requestId the answer's request id, or {@code null}
     */
    record Discovered(ApiVersion newest, List<ApiVersion> usable, List<String> offered, String url,
                      String requestId) {
        /**
         * Whether the server serves {@code feature}. A server that lists all its versions down to 2.0
         * (Glance does) serves a feature its configuration can switch off only when it lists that
         * feature's exact version; otherwise the newest version decides.
         */
        boolean serves(ApiFeature feature) {
            boolean enumerates = usable.stream().anyMatch(v -> v.minor() == 0);
            if (feature.switchable() && enumerates) {
                return usable.stream().anyMatch(v -> v.minor() == feature.minor());
            }
            return newest.atLeast(2, feature.minor());
        }

        /** The exception for an operation that needs {@code feature}. */
        UnsupportedFeatureException unsupported(ApiFeature feature) {
            return new UnsupportedFeatureException(feature.description(), "2." + feature.minor(), offered, url,
                    requestId);
        }
    }

    static Discovered discover(Calls client) {
        ApiRequest request = ApiRequest.atRoot("GET").build();
        try (ApiResponse response = client.execute(request, Set.of(300))) {
            Object document = response.readJson(client.moshi().adapter(Object.class));
            List<ApiVersion> versions = new ArrayList<>();
            List<String> offered = new ArrayList<>();
            for (Object entry : entries(document)) {
                if (!(entry instanceof Map)) {
                    continue;
                }
                Object id = ((Map<?, ?>) entry).get("id");
                Object status = ((Map<?, ?>) entry).get("status");
                if (!(id instanceof String)) {
                    continue;
                }
                offered.add(id + (status instanceof String ? " " + status : ""));
                try {
                    versions.add(ApiVersion.of((String) id, status instanceof String ? (String) status : null));
                } catch (RuntimeException notAVersion) {
                    // listed but unparseable: reported in 'offered' only
                }
            }
            List<ApiVersion> usable = versions.stream()
                    .filter(v -> v.major() == 2)
                    .filter(v -> v.status().equals("CURRENT") || v.status().equals("SUPPORTED") || v.status().equals("STABLE"))
                    .collect(Collectors.toList());
            String requestId = response.requestId().orElse(null);
            ApiVersion newest = usable.stream().max(ApiVersion::compareTo)
                    .orElseThrow(() -> new ApiVersionException(offered, response.url(), requestId));
            return new Discovered(newest, usable, offered, response.url(), requestId);
        }
    }

    private static List<?> entries(Object document) {
        if (!(document instanceof Map)) {
            return List.of();
        }
        Object versions = ((Map<?, ?>) document).get("versions");
        if (versions instanceof Map) {
            versions = ((Map<?, ?>) versions).get("values");
        }
        if (versions instanceof List) {
            return (List<?>) versions;
        }
        Object single = ((Map<?, ?>) document).get("version");
        return single instanceof Map ? List.of(single) : List.of();
    }
}
