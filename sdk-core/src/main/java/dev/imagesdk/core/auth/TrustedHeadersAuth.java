package dev.imagesdk.core.auth;

import dev.imagesdk.core.error.ValidationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Identity headers trusted by a Glance that runs behind an authenticating proxy. */
final class TrustedHeadersAuth implements Auth {
    private final String projectId;
    private final String userId;
    private final List<String> roles;
    private final AuthHeaders headers;

    TrustedHeadersAuth(String projectId, String userId, List<String> roles) {
        this.projectId = requireHeaderValue("projectId", projectId);
        this.userId = requireHeaderValue("userId", userId);
        if (roles.isEmpty()) {
            throw new ValidationException("at least one role is required (for example \"member\")");
        }
        for (String role : roles) {
            requireHeaderValue("role", role);
            if (role.contains(",")) {
                throw new ValidationException("role must not contain a comma: \"" + role + "\"");
            }
        }
        this.roles = roles;
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Identity-Status", "Confirmed");
        h.put("X-Project-Id", this.projectId);
        h.put("X-User-Id", this.userId);
        h.put("X-Roles", String.join(",", roles));
        this.headers = AuthHeaders.of(h, 1);
    }

    private static String requireHeaderValue(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(name + " must not be blank");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new ValidationException(name + " contains characters that cannot be sent in a header: \"" + value + "\"");
        }
        return value.trim();
    }

    @Override
    public AuthHeaders headers(AuthContext context) {
        return headers;
    }

    @Override
    public String toString() {
        return "Auth.trustedHeaders(project=" + projectId + ", user=" + userId + ", roles=" + roles + ")";
    }
}
