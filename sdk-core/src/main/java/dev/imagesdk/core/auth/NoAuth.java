package dev.imagesdk.core.auth;

/** Sends no credentials. */
final class NoAuth implements Auth {
    static final NoAuth INSTANCE = new NoAuth();

    private NoAuth() {
    }

    @Override
    public AuthHeaders headers(AuthContext context) {
        return AuthHeaders.none();
    }

    @Override
    public String toString() {
        return "Auth.none()";
    }
}
