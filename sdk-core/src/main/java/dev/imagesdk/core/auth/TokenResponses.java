package dev.imagesdk.core.auth;

import dev.imagesdk.core.internal.json.Timestamps;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the body of Keystone's {@code POST /v3/auth/tokens} answer ({@code {"token": {...}}}). */
final class TokenResponses {

    private TokenResponses() {
    }

    /**
     * @param document the parsed JSON document
     * @return the token description
     * @throws IllegalArgumentException when the document is not a token response (message says why)
     */
    static KeystoneToken parse(Object document) {
        Map<?, ?> token = map(map(document, "response").get("token"), "token");
        Map<?, ?> user = map(token.get("user"), "token.user");
        String userId = string(user.get("id"), "token.user.id", true);
        Map<?, ?> userDomain = optionalMap(user.get("domain"));
        Map<?, ?> project = optionalMap(token.get("project"));
        Map<?, ?> projectDomain = project == null ? null : optionalMap(project.get("domain"));
        Map<?, ?> domain = optionalMap(token.get("domain"));
        List<String> roles = new ArrayList<>();
        if (token.get("roles") instanceof List) {
            for (Object role : (List<?>) token.get("roles")) {
                Map<?, ?> r = optionalMap(role);
                if (r != null && r.get("name") instanceof String) {
                    roles.add((String) r.get("name"));
                }
            }
        }
        List<String> methods = new ArrayList<>();
        if (token.get("methods") instanceof List) {
            for (Object m : (List<?>) token.get("methods")) {
                if (m instanceof String) {
                    methods.add((String) m);
                }
            }
        }
        return new KeystoneToken(userId, string(user.get("name"), "token.user.name", false),
                userDomain == null ? null : string(userDomain.get("id"), "token.user.domain.id", false),
                project == null ? null : string(project.get("id"), "token.project.id", true),
                project == null ? null : string(project.get("name"), "token.project.name", false),
                projectDomain == null ? null : string(projectDomain.get("id"), "token.project.domain.id", false),
                domain == null ? null : string(domain.get("id"), "token.domain.id", true),
                domain == null ? null : string(domain.get("name"), "token.domain.name", false),
                roles, methods, instant(token.get("issued_at"), "token.issued_at"),
                instant(token.get("expires_at"), "token.expires_at"), catalog(token.get("catalog")));
    }

    private static ServiceCatalog catalog(Object value) {
        if (value == null) {
            return ServiceCatalog.empty();
        }
        if (!(value instanceof List)) {
            throw new IllegalArgumentException("token.catalog is not a list");
        }
        List<CatalogService> services = new ArrayList<>();
        for (Object s : (List<?>) value) {
            Map<?, ?> service = map(s, "token.catalog[]");
            List<CatalogEndpoint> endpoints = new ArrayList<>();
            if (service.get("endpoints") instanceof List) {
                for (Object e : (List<?>) service.get("endpoints")) {
                    Map<?, ?> endpoint = map(e, "token.catalog[].endpoints[]");
                    String url = string(endpoint.get("url"), "token.catalog[].endpoints[].url", false);
                    if (url == null) {
                        continue;
                    }
                    String region = string(endpoint.get("region"), "region", false);
                    if (region == null) {
                        region = string(endpoint.get("region_id"), "region_id", false);
                    }
                    endpoints.add(new CatalogEndpoint(string(endpoint.get("interface"), "interface", false), region, url));
                }
            }
            String type = string(service.get("type"), "token.catalog[].type", false);
            if (type != null) {
                services.add(new CatalogService(type, string(service.get("name"), "name", false), endpoints));
            }
        }
        return ServiceCatalog.of(services);
    }

    private static Map<?, ?> map(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(what + " is " + (value == null ? "missing" : "not an object"));
        }
        return (Map<?, ?>) value;
    }

    private static Map<?, ?> optionalMap(Object value) {
        return value instanceof Map ? (Map<?, ?>) value : null;
    }

    private static String string(Object value, String what, boolean required) {
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException(what + " is missing");
            }
            return null;
        }
        if (!(value instanceof String)) {
            throw new IllegalArgumentException(what + " is not a string");
        }
        return (String) value;
    }

    private static Instant instant(Object value, String what) {
        String text = string(value, what, false);
        if (text == null) {
            return null;
        }
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " is not a timestamp: \"" + text + "\"");
        }
    }
}
