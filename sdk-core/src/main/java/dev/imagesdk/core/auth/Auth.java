package dev.imagesdk.core.auth;

import dev.imagesdk.core.error.ValidationException;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How requests prove who is calling. Implementations are thread-safe and shared by every request
 * of a {@code ServiceClient}.
 *
 * <p>The transport asks {@link #headers(AuthContext)} before each request (a token-based
 * implementation obtains or refreshes its token there), and when the image service answers 401 it
 * calls {@link #refreshAfterUnauthorized(AuthContext, AuthHeaders)} once: if that returns
 * {@code true} the request is replayed once with fresh headers (only when its body can be sent again).
 */
public interface Auth {

    /** Sends no credentials (a Glance in no-auth mode, or a public endpoint). */
    static Auth none() {
        return NoAuth.INSTANCE;
    }

    /**
     * Sends an existing token as {@code X-Auth-Token}. It is never refreshed: when it expires the
     * service answers 401 and the call fails with {@code UnauthorizedException}.
     *
     * @throws ValidationException when the token is null or blank
     */
    static Auth token(String token) {
        return new TokenAuth(token);
    }

    /**
     * Sends the identity headers that an authenticating proxy (or keystonemiddleware) would set:
     * {@code X-Identity-Status: Confirmed}, {@code X-Project-Id}, {@code X-User-Id}, {@code X-Roles}.
     * Glance's context middleware trusts them when it runs without token validation; role
     * {@code admin} makes the caller an administrator.
     *
     * @param projectId the project the caller acts for
     * @param userId the calling user
     * @param roles role names, for example {@code member}, {@code reader}, {@code admin}
     * @throws ValidationException when the project or user id is blank, or no role is given
     */
    static Auth trustedHeaders(String projectId, String userId, String... roles) {
        if (roles == null) {
            throw new ValidationException("roles must not be null");
        }
        return new TrustedHeadersAuth(projectId, userId, List.copyOf(Arrays.asList(roles)));
    }

    /**
     * Starts Keystone v3 authentication (password, application credential or an existing token) against
     * {@code authUrl}, the identity endpoint with or without {@code /v3}. The issued token is renewed
     * before it expires and after a 401; the service catalog supplies the image endpoint.
     *
     * @throws ValidationException when the URL is not http(s)
     * @see KeystoneAuth
     */
    static KeystoneAuth.Builder keystone(String authUrl) {
        return KeystoneAuth.builder(authUrl);
    }

    /**
     * The headers to send with the next request. May block to obtain or refresh credentials.
     *
     * @param context the transport's HTTP client and JSON codec, for implementations that call an identity service
     */
    AuthHeaders headers(AuthContext context);

    /**
     * Called after the image service answered 401 to a request sent with {@code rejected}. Returns
     * {@code true} when newer credentials are now available (obtained here, or by a concurrent
     * caller since {@code rejected} was issued) so that the request may be replayed once.
     */
    default boolean refreshAfterUnauthorized(AuthContext context, AuthHeaders rejected) {
        return false;
    }

    /**
     * The image service endpoint this authentication found (for example in a service catalog), used
     * when the client was built without an explicit endpoint.
     */
    default Optional<URI> imageEndpoint(AuthContext context) {
        return Optional.empty();
    }
}
