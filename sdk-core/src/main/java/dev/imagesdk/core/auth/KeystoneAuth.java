package dev.imagesdk.core.auth;

import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.auth.AuthContext;
import dev.imagesdk.core.auth.AuthHeaders;
import dev.imagesdk.core.error.ResponseFormatException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.http.RequestContent;
import dev.imagesdk.core.http.ServiceRequest;
import dev.imagesdk.core.http.ServiceResponse;
import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.internal.auth.keystone.KeystoneIdentity;
import dev.imagesdk.core.internal.auth.keystone.TokenCache;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates with Keystone v3 ({@code POST {auth_url}/v3/auth/tokens}) and sends the issued token
 * as {@code X-Auth-Token}. Keystone returns the token in the {@code X-Subject-Token} header, its
 * expiry in {@code expires_at} and, for a project-scoped token, the service catalog in which the
 * image service's endpoint is found.
 *
 * <p>Tokens are renewed before they expire (by default 120 s before {@code expires_at}, as
 * keystoneauth does) and once after the image service rejects one with 401 (for example a token
 * revoked server-side). Concurrent requests share one re-authentication: while one thread talks to
 * Keystone the others wait for its token (or, during a proactive refresh of a still valid token, keep
 * using the current one). Thread-safe. Passwords, secrets and tokens never appear in logs, exception
 * messages or {@link #toString()}.
 *
 * <pre>{@code
 * Auth auth = Auth.keystone("https://keystone.example.com:5000/v3")
 *         .username("alice").userDomainName("Default").password(password)
 *         .projectName("demo").projectDomainName("Default")
 *         .region("RegionOne")
 *         .build();
 * ServiceClient client = ServiceClient.builder().auth(auth).build();  // endpoint from the catalog
 * }</pre>
 */
public final class KeystoneAuth implements Auth {
    private static final Logger LOG = LoggerFactory.getLogger("dev.imagesdk.auth.keystone");
    /** The margin keystoneauth uses: renew a token this long before it expires. */
    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofSeconds(120);
    private static final String SUBJECT_TOKEN = "X-Subject-Token";

    private final KeystoneIdentity identity;
    private final ImageEndpointChoice endpointChoice;
    private final TokenCache<Session> tokens;

    private KeystoneAuth(KeystoneIdentity identity, ImageEndpointChoice endpointChoice, Duration refreshMargin, Clock clock) {
        this.identity = identity;
        this.endpointChoice = endpointChoice;
        this.tokens = new TokenCache<>(refreshMargin, clock, LOG);
    }

    /** An issued token: the headers that carry it and what Keystone said about it. */
    private static final class Session implements TokenCache.Renewable {
        final AuthHeaders headers;
        final KeystoneToken token;

        Session(AuthHeaders headers, KeystoneToken token) {
            this.headers = headers;
            this.token = token;
        }

        @Override
        public long generation() {
            return headers.generation();
        }

        @Override
        public Optional<Instant> issuedAt() {
            return token.issuedAt();
        }

        @Override
        public Optional<Instant> expiresAt() {
            return token.expiresAt();
        }
    }

    /**
     * A builder for Keystone authentication against {@code authUrl}, the identity endpoint with or
     * without its {@code /v3} suffix (for example {@code https://keystone.example.com:5000/v3} or
     * {@code https://cloud.example.com/identity}).
     *
     * @throws ValidationException when the URL is not http(s)
     */
    static Builder builder(String authUrl) {
        return new Builder(authUrl);
    }

    @Override
    public AuthHeaders headers(AuthContext context) {
        return tokens.current((why, generation) -> obtain(context, why, generation)).headers;
    }

    /**
     * The description of the token in use (user, scope, roles, expiry, catalog; never the token
     * itself), authenticating first when there is none or it is due for renewal.
     *
     * @param context what the client lends its {@link Auth} (the client calls this with its own)
     */
    public KeystoneToken token(AuthContext context) {
        return tokens.current((why, generation) -> obtain(context, why, generation)).token;
    }

    /**
     * The description of the token held now (user, scope, roles, expiry, catalog; never the token
     * itself), without contacting Keystone; empty until the client's first request authenticated.
     */
    public Optional<KeystoneToken> currentToken() {
        return tokens.held().map(s -> s.token);
    }

    @Override
    public boolean refreshAfterUnauthorized(AuthContext context, AuthHeaders rejected) {
        return tokens.renewAfterRejection(rejected.generation(), (why, generation) -> obtain(context, why, generation));
    }

    @Override
    public Optional<URI> imageEndpoint(AuthContext context) {
        return Optional.of(endpointChoice.override().orElseGet(() -> endpointChoice.pick(token(context).catalog())));
    }

    /**
     * The identity API v3 root this authenticates against (for example {@code https://keystone.example.com:5000/v3}),
     * for calls to Keystone with the same token (such as the projects the user has roles on).
     */
    public URI identityUrl() {
        return identity.identityUrl().uri();
    }

    /**
     * The region whose image endpoint this authentication takes from the service catalog, as configured
     * ({@link Builder#region(String)}, clouds.yaml {@code region_name}); empty when none was set (then the catalog
     * must list one image endpoint).
     */
    public Optional<String> region() {
        return Optional.ofNullable(endpointChoice.region());
    }

    /** How many times this instance has obtained a token from Keystone (for monitoring and tests). */
    public long authenticationCount() {
        return tokens.obtained();
    }

    /** {@code POST /v3/auth/tokens} through the client's pipeline, without credentials. */
    private Session obtain(AuthContext context, String why, long generation) {
        HttpUrl tokensUrl = identity.tokensUrl();
        LOG.debug("authenticating with Keystone at {} ({}): {}", tokensUrl, identity.method().wire(), why);
        ServiceRequest request = ServiceRequest.toUrl("POST", tokensUrl.uri())
                .body(RequestContent.ofJsonText(identity.requestBody(), "application/json; charset=utf-8"))
                .retryable(true).build();
        try (ServiceResponse response = context.sendUnauthenticated(request)) {
            String value = response.header(SUBJECT_TOKEN).map(String::trim).orElse("");
            if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw malformed(response, "Keystone answered " + response.status() + " without a usable "
                        + SUBJECT_TOKEN + " header", null);
            }
            Object document = response.bodyJson();
            KeystoneToken token;
            try {
                token = TokenResponses.parse(document);
            } catch (IllegalArgumentException e) {
                throw malformed(response, "not a Keystone token response: " + e.getMessage(), e);
            }
            LOG.debug("Keystone issued a token: {}", token);
            return new Session(AuthHeaders.of(Map.of("X-Auth-Token", value), generation), token);
        }
    }

    private static ResponseFormatException malformed(ServiceResponse response, String problem, Throwable cause) {
        return new ResponseFormatException(problem, response.status(), "", "POST", response.url().toString(),
                response.requestId().orElse(null), cause);
    }

    /** The JSON body of {@code POST /v3/auth/tokens}. Contains the secret: never log it. */
    String requestBody() {
        return identity.requestBody();
    }

    @Override
    public String toString() {
        return "Auth.keystone(" + identity.describe() + ", " + endpointChoice + ")";
    }

    /**
     * Collects the identity (password, application credential or an existing token), the scope and
     * how to pick the image endpoint from the catalog. Settings mirror the keys of {@code clouds.yaml}.
     */
    public static final class Builder {
        private final HttpUrl identityUrl;
        private final KeystoneIdentity.Fields f = new KeystoneIdentity.Fields();
        private String region;
        private EndpointInterface endpointInterface = EndpointInterface.PUBLIC;
        private URI imageEndpointOverride;
        private Duration refreshMargin = DEFAULT_REFRESH_MARGIN;
        private Clock clock = Clock.systemUTC();

        private Builder(String authUrl) {
            this.identityUrl = identityUrl(authUrl);
        }

        /** Normalises an auth URL to the v3 root, e.g. {@code http://h:5000} to {@code http://h:5000/v3}. */
        static HttpUrl identityUrl(String authUrl) {
            return KeystoneIdentity.identityUrl(authUrl);
        }

        /** The user, by id (no domain needed). */
        public Builder userId(String userId) {
            f.userId = optional("userId", userId);
            return this;
        }

        /** The user, by name; also set {@link #userDomainName(String)} or {@link #userDomainId(String)}. */
        public Builder username(String username) {
            f.username = optional("username", username);
            return this;
        }

        /** The id of the user's domain ({@code default} in a fresh Keystone). */
        public Builder userDomainId(String userDomainId) {
            f.userDomainId = optional("userDomainId", userDomainId);
            return this;
        }

        /** The name of the user's domain ({@code Default} in a fresh Keystone). */
        public Builder userDomainName(String userDomainName) {
            f.userDomainName = optional("userDomainName", userDomainName);
            return this;
        }

        /** Authenticate with the user's password. */
        public Builder password(String password) {
            f.password = secret("password", password);
            return this;
        }

        /** Authenticate with an application credential, by id; also set {@link #applicationCredentialSecret(String)}. */
        public Builder applicationCredentialId(String id) {
            f.applicationCredentialId = optional("applicationCredentialId", id);
            return this;
        }

        /**
         * Authenticate with an application credential, by name; names are unique per user only, so
         * also identify the user ({@link #userId(String)}, or {@link #username(String)} with a domain).
         */
        public Builder applicationCredentialName(String name) {
            f.applicationCredentialName = optional("applicationCredentialName", name);
            return this;
        }

        /** The application credential's secret. */
        public Builder applicationCredentialSecret(String secret) {
            f.applicationCredentialSecret = secret("applicationCredentialSecret", secret);
            return this;
        }

        /**
         * Authenticate with an existing Keystone token (the {@code token} method): Keystone issues a new
         * token, optionally for another scope, that expires no later than the given one.
         */
        public Builder token(String token) {
            f.token = secret("token", token);
            return this;
        }

        /** Scope to a project by id. */
        public Builder projectId(String projectId) {
            f.projectId = optional("projectId", projectId);
            return this;
        }

        /** Scope to a project by name; also set {@link #projectDomainName(String)} or {@link #projectDomainId(String)}. */
        public Builder projectName(String projectName) {
            f.projectName = optional("projectName", projectName);
            return this;
        }

        /** The id of the project's domain. */
        public Builder projectDomainId(String projectDomainId) {
            f.projectDomainId = optional("projectDomainId", projectDomainId);
            return this;
        }

        /** The name of the project's domain. */
        public Builder projectDomainName(String projectDomainName) {
            f.projectDomainName = optional("projectDomainName", projectDomainName);
            return this;
        }

        /** Scope to a domain by id (domain-scoped tokens carry no project). */
        public Builder domainId(String domainId) {
            f.domainId = optional("domainId", domainId);
            return this;
        }

        /** Scope to a domain by name. */
        public Builder domainName(String domainName) {
            f.domainName = optional("domainName", domainName);
            return this;
        }

        /**
         * Ask for an unscoped token even when the user has a default project. Unscoped tokens carry
         * no service catalog, so the client then needs an explicit endpoint.
         */
        public Builder unscoped() {
            f.unscoped = true;
            return this;
        }

        /** The region whose image endpoint to use; required when the catalog lists several. */
        public Builder region(String region) {
            this.region = optional("region", region);
            return this;
        }

        /** Which catalog interface to use; {@link EndpointInterface#PUBLIC} by default. */
        public Builder endpointInterface(EndpointInterface endpointInterface) {
            this.endpointInterface = Arguments.notNull(endpointInterface, "endpointInterface");
            return this;
        }

        /** Which catalog interface to use: {@code public}, {@code internal}, {@code admin} (or {@code publicURL}, ...). */
        public Builder endpointInterface(String endpointInterface) {
            return endpointInterface(EndpointInterface.of(endpointInterface));
        }

        /** Use this image endpoint instead of the catalog's (clouds.yaml {@code image_endpoint_override}). */
        public Builder imageEndpointOverride(String endpoint) {
            String e = optional("imageEndpointOverride", endpoint);
            if (e == null) {
                this.imageEndpointOverride = null;
                return this;
            }
            HttpUrl url = HttpUrl.parse(e);
            if (url == null) {
                throw new ValidationException("image endpoint override is not an http(s) URL: \"" + e + "\"");
            }
            this.imageEndpointOverride = url.uri();
            return this;
        }

        /** How long before {@code expires_at} to renew the token (default 120 s; at most half the token's lifetime is used). */
        public Builder refreshMargin(Duration margin) {
            if (margin == null || margin.isNegative()) {
                throw new ValidationException("refreshMargin must be zero or positive, was " + margin);
            }
            this.refreshMargin = margin;
            return this;
        }

        /** The clock that decides when a token is due for renewal (tests). */
        Builder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        private static String optional(String name, String value) {
            if (value == null) {
                return null;
            }
            if (value.isBlank()) {
                throw new ValidationException(name + " must not be blank");
            }
            return value.trim();
        }

        private static String secret(String name, String value) {
            if (value == null || value.isEmpty()) {
                throw new ValidationException(name + " must not be empty");
            }
            return value;
        }

        /**
         * The authentication. Makes no request: Keystone is first called when the client sends its
         * first request (or asks for the catalog).
         *
         * @throws ValidationException when the settings are incomplete or contradict each other
         */
        public KeystoneAuth build() {
            return new KeystoneAuth(KeystoneIdentity.of(identityUrl, f),
                    new ImageEndpointChoice(region, endpointInterface, imageEndpointOverride), refreshMargin, clock);
        }

        @Override
        public String toString() {
            return "KeystoneAuth.Builder(" + identityUrl + ")";
        }
    }
}
