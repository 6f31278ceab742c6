package dev.imagesdk.core;

import dev.imagesdk.core.error.ApiVersionException;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.internal.http.Calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the version document Glance serves at its root ({@code GET /} answers 300 Multiple Choices,
 * {@code GET /versions} 200, both {@code {"versions":[{"id":"v2.16","status":"CURRENT",...}]}}) and picks
 * the highest v2.x that is CURRENT or SUPPORTED.
 */
final class VersionDiscovery {
    private VersionDiscovery() {
    }

    static ApiVersion discover(Calls client) {
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
            return versions.stream()
                    .filter(v -> v.major() == 2)
                    .filter(v -> v.status().equals("CURRENT") || v.status().equals("SUPPORTED") || v.status().equals("STABLE"))
                    .max(ApiVersion::compareTo)
                    .orElseThrow(() -> new ApiVersionException(offered, response.url(), response.requestId().orElse(null)));
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
