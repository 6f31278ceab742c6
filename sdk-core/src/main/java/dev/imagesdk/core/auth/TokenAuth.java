package dev.imagesdk.core.auth;

import dev.imagesdk.core.error.ValidationException;

import java.util.Map;

/** A fixed token sent as {@code X-Auth-Token}. */
final class TokenAuth implements Auth {
    private final AuthHeaders headers;

    TokenAuth(String token) {
        if (token == null || token.isBlank()) {
            throw new ValidationException("token must not be blank");
        }
        if (token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new ValidationException("token contains characters that cannot be sent in a header");
        }
        this.headers = AuthHeaders.of(Map.of("X-Auth-Token", token), 1);
    }

    @Override
    public AuthHeaders headers(AuthContext context) {
        return headers;
    }

    @Override
    public String toString() {
        return "Auth.token(<redacted>)";
    }
}
