package dev.imagesdk.core.auth.keystone;

import dev.imagesdk.core.internal.http.Calls;

import dev.imagesdk.core.internal.Arguments;
import com.squareup.moshi.JsonWriter;
import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.auth.AuthContext;
import dev.imagesdk.core.auth.AuthHeaders;
import dev.imagesdk.core.error.ImageServiceException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.HttpTransport;
import dev.imagesdk.core.internal.http.Redaction;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

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

    /** The identity method sent to Keystone. */
    enum Method {
        PASSWORD("password"), APPLICATION_CREDENTIAL("application_credential"), TOKEN("token");

        final String wire;

        Method(String wire) {
            this.wire = wire;
        }
    }

    private final HttpUrl identityUrl;
    private final HttpUrl tokensUrl;
    private final Method method;
    private final String userId;
    private final String username;
    private final String userDomainId;
    private final String userDomainName;
    private final String secret;
    private final String applicationCredentialId;
    private final String applicationCredentialName;
    private final String projectId;
    private final String projectName;
    private final String projectDomainId;
    private final String projectDomainName;
    private final String domainId;
    private final String domainName;
    private final boolean explicitlyUnscoped;
    private final String region;
    private final EndpointInterface endpointInterface;
    private final URI imageEndpointOverride;
    private final Duration refreshMargin;
    private final Clock clock;

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong generations = new AtomicLong();
    private volatile Session session;
    private final AtomicLong authentications = new AtomicLong();

    /** A token with its headers and description. */
    private static final class Session {
        final AuthHeaders headers;
        final KeystoneToken token;
        final Instant refreshAt;

        Session(AuthHeaders headers, KeystoneToken token, Instant refreshAt) {
            this.headers = headers;
            this.token = token;
            this.refreshAt = refreshAt;
        }

        boolean needsRefresh(Instant now) {
            return refreshAt != null && !now.isBefore(refreshAt);
        }

        boolean expired(Instant now) {
            return token.expiresAt().map(e -> !now.isBefore(e)).orElse(false);
        }
    }

    private KeystoneAuth(Builder b) {
        this.identityUrl = b.identityUrl;
        this.tokensUrl = b.identityUrl.newBuilder().addPathSegment("auth").addPathSegment("tokens").build();
        this.method = b.method();
        this.userId = b.userId;
        this.username = b.username;
        this.userDomainId = b.userDomainId;
        this.userDomainName = b.userDomainName;
        this.secret = method == Method.PASSWORD ? b.password
                : method == Method.APPLICATION_CREDENTIAL ? b.applicationCredentialSecret : b.token;
        this.applicationCredentialId = b.applicationCredentialId;
        this.applicationCredentialName = b.applicationCredentialName;
        this.projectId = b.projectId;
        this.projectName = b.projectName;
        this.projectDomainId = b.projectDomainId;
        this.projectDomainName = b.projectDomainName;
        this.domainId = b.domainId;
        this.domainName = b.domainName;
        this.explicitlyUnscoped = b.unscoped;
        this.region = b.region;
        this.endpointInterface = b.endpointInterface;
        this.imageEndpointOverride = b.imageEndpointOverride;
        this.refreshMargin = b.refreshMargin;
        this.clock = b.clock;
    }

    /**
     * A builder for Keystone authentication against {@code authUrl}, the identity endpoint with or
     * without its {@code /v3} suffix (for example {@code https://keystone.example.com:5000/v3} or
     * {@code https://cloud.example.com/identity}).
     *
     * @throws ValidationException when the URL is not http(s)
     */
    public static Builder builder(String authUrl) {
        return new Builder(authUrl);
    }

    @Override
    public AuthHeaders headers(AuthContext context) {
        return currentSession(context).headers;
    }

    /**
     * The description of the token in use (user, scope, roles, expiry, catalog), authenticating first
     * when there is none or it is due for renewal.
     *
     * @param context the client's transport ({@code Calls.of(client).transport()})
     */
    public KeystoneToken token(AuthContext context) {
        return currentSession(context).token;
    }

    private Session currentSession(AuthContext context) {
        Session s = session;
        Instant now = clock.instant();
        if (s != null && !s.needsRefresh(now)) {
            return s;
        }
        if (s != null && !s.expired(now)) {
            // Proactive renewal of a still valid token: one thread renews, the others keep using it.
            if (!lock.tryLock()) {
                return s;
            }
            try {
                Session again = session;
                if (again != s && !again.needsRefresh(clock.instant())) {
                    return again;
                }
                try {
                    return renew(context, "the token expires at " + s.token.expiresAt().orElse(null));
                } catch (ImageServiceException e) {
                    LOG.warn("renewing the Keystone token before it expires failed, still using the current one: {}",
                            e.getMessage());
                    return s;
                }
            } finally {
                lock.unlock();
            }
        }
        lock.lock();
        try {
            Session again = session;
            if (again != null && !again.needsRefresh(clock.instant())) {
                return again;
            }
            return renew(context, again == null ? "first use" : "the token expired");
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean refreshAfterUnauthorized(AuthContext context, AuthHeaders rejected) {
        lock.lock();
        try {
            Session s = session;
            if (s != null && s.headers.generation() > rejected.generation()) {
                return true; // another request renewed the token after this one was sent
            }
            renew(context, "the image service rejected the token (401)");
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<URI> imageEndpoint(AuthContext context) {
        if (imageEndpointOverride != null) {
            return Optional.of(imageEndpointOverride);
        }
        return Optional.of(token(context).catalog().endpoint("image", region, endpointInterface));
    }

    /** How many times this instance has obtained a token from Keystone (for monitoring and tests). */
    public long authenticationCount() {
        return authentications.get();
    }

    /** Called with {@link #lock} held. */
    private Session renew(AuthContext context, String why) {
        LOG.debug("authenticating with Keystone at {} ({}): {}", Redaction.url(tokensUrl), method.wire, why);
        HttpTransport transport = transport(context);
        ApiRequest request = ApiRequest.toUrl("POST", tokensUrl).jsonBody(requestBody()).retryable(true).build();
        Session fresh = transport.sendAndRead(request, tokensUrl, Auth.none(), null, response -> {
            String value = response.header(SUBJECT_TOKEN).map(String::trim).orElse("");
            if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                response.close();
                throw response.malformed("Keystone answered " + response.status() + " without a usable "
                        + SUBJECT_TOKEN + " header", null, null);
            }
            KeystoneToken token = response.readJson((reader, r) -> {
                try {
                    return TokenResponses.parse(reader.readJsonValue());
                } catch (IllegalArgumentException e) {
                    throw r.malformed("not a Keystone token response: " + e.getMessage(), null, e);
                }
            });
            long generation = generations.incrementAndGet();
            return new Session(AuthHeaders.of(Map.of("X-Auth-Token", value), generation), token, refreshAt(token));
        });
        session = fresh;
        authentications.incrementAndGet();
        LOG.debug("Keystone issued a token: {}", fresh.token);
        return fresh;
    }

    private Instant refreshAt(KeystoneToken token) {
        if (token.expiresAt().isEmpty()) {
            return null;
        }
        Instant expires = token.expiresAt().get();
        Duration margin = refreshMargin;
        if (token.issuedAt().isPresent()) {
            Duration lifetime = Duration.between(token.issuedAt().get(), expires);
            if (!lifetime.isNegative() && margin.compareTo(lifetime.dividedBy(2)) > 0) {
                margin = lifetime.dividedBy(2); // short-lived tokens: do not renew on every request
            }
        }
        return expires.minus(margin);
    }

    /**
     * A transport for Keystone without retries of its own: a token request happens inside the image
     * request's retry loop, which already retries it where the policy allows (nested retries would
     * multiply the attempts).
     */
    private static HttpTransport transport(AuthContext context) {
        return new HttpTransport(context.httpClient().newBuilder().followRedirects(false).followSslRedirects(false).build(),
                context.moshi(), context.userAgent(), RetryPolicy.none());
    }

    /** The JSON body of {@code POST /v3/auth/tokens}. Contains the secret: never log it. */
    String requestBody() {
        Buffer buffer = new Buffer();
        try (JsonWriter w = JsonWriter.of(buffer)) {
            w.beginObject().name("auth").beginObject();
            w.name("identity").beginObject();
            w.name("methods").beginArray().value(method.wire).endArray();
            w.name(method.wire).beginObject();
            switch (method) {
                case PASSWORD:
                    w.name("user");
                    writeUser(w, secret);
                    break;
                case APPLICATION_CREDENTIAL:
                    if (applicationCredentialId != null) {
                        w.name("id").value(applicationCredentialId);
                    } else {
                        w.name("name").value(applicationCredentialName);
                        w.name("user");
                        writeUser(w, null);
                    }
                    w.name("secret").value(secret);
                    break;
                default:
                    w.name("id").value(secret);
            }
            w.endObject();
            w.endObject();
            if (projectId != null || projectName != null) {
                w.name("scope").beginObject().name("project").beginObject();
                if (projectId != null) {
                    w.name("id").value(projectId);
                } else {
                    w.name("name").value(projectName);
                    writeDomain(w, projectDomainId, projectDomainName);
                }
                w.endObject().endObject();
            } else if (domainId != null || domainName != null) {
                w.name("scope").beginObject().name("domain").beginObject();
                w.name(domainId != null ? "id" : "name").value(domainId != null ? domainId : domainName);
                w.endObject().endObject();
            } else if (explicitlyUnscoped) {
                w.name("scope").value("unscoped");
            }
            w.endObject().endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.readUtf8();
    }

    private void writeUser(JsonWriter w, String password) throws IOException {
        w.beginObject();
        if (userId != null) {
            w.name("id").value(userId);
        } else {
            w.name("name").value(username);
            writeDomain(w, userDomainId, userDomainName);
        }
        if (password != null) {
            w.name("password").value(password);
        }
        w.endObject();
    }

    private static void writeDomain(JsonWriter w, String id, String name) throws IOException {
        w.name("domain").beginObject();
        w.name(id != null ? "id" : "name").value(id != null ? id : name);
        w.endObject();
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(Redaction.url(identityUrl));
        parts.add(method.wire);
        if (method == Method.APPLICATION_CREDENTIAL) {
            parts.add("applicationCredential=" + (applicationCredentialId != null ? applicationCredentialId : applicationCredentialName));
        }
        if (userId != null) {
            parts.add("userId=" + userId);
        } else if (username != null) {
            parts.add("user=" + username + "@" + (userDomainId != null ? userDomainId : userDomainName));
        }
        if (projectId != null) {
            parts.add("projectId=" + projectId);
        } else if (projectName != null) {
            parts.add("project=" + projectName + "@" + (projectDomainId != null ? projectDomainId : projectDomainName));
        } else if (domainId != null || domainName != null) {
            parts.add("domain=" + (domainId != null ? domainId : domainName));
        } else if (explicitlyUnscoped) {
            parts.add("unscoped");
        }
        if (region != null) {
            parts.add("region=" + region);
        }
        parts.add("interface=" + endpointInterface.value());
        if (imageEndpointOverride != null) {
            parts.add("imageEndpoint=" + imageEndpointOverride);
        }
        return "Auth.keystone(" + String.join(", ", parts) + ")";
    }

    /**
     * Collects the identity (password, application credential or an existing token), the scope and
     * how to pick the image endpoint from the catalog. Settings mirror the keys of {@code clouds.yaml}.
     */
    public static final class Builder {
        private final HttpUrl identityUrl;
        private String userId;
        private String username;
        private String userDomainId;
        private String userDomainName;
        private String password;
        private String applicationCredentialId;
        private String applicationCredentialName;
        private String applicationCredentialSecret;
        private String token;
        private String projectId;
        private String projectName;
        private String projectDomainId;
        private String projectDomainName;
        private String domainId;
        private String domainName;
        private boolean unscoped;
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
            if (authUrl == null || authUrl.isBlank()) {
                throw new ValidationException("Keystone auth_url must not be blank");
            }
            HttpUrl url = HttpUrl.parse(authUrl.trim());
            if (url == null) {
                throw new ValidationException("Keystone auth_url is not an http(s) URL: \"" + authUrl.trim() + "\"");
            }
            HttpUrl.Builder b = url.newBuilder().query(null).fragment(null).username("").password("");
            List<String> segments = new ArrayList<>(url.pathSegments());
            while (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
                segments.remove(segments.size() - 1);
            }
            String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
            if (last.matches("(?i)v2(\\.0)?")) {
                throw new ValidationException("Keystone auth_url points to the retired identity API v2.0 (\""
                        + Redaction.url(url) + "\"): use the v3 endpoint");
            }
            if (!last.matches("(?i)v3(\\.\\d+)?")) {
                segments.add("v3");
            }
            b.encodedPath("/");
            for (String s : segments) {
                b.addPathSegment(s);
            }
            return b.build();
        }

        /** The user, by id (no domain needed). */
        public Builder userId(String userId) {
            this.userId = optional("userId", userId);
            return this;
        }

        /** The user, by name; also set {@link #userDomainName(String)} or {@link #userDomainId(String)}. */
        public Builder username(String username) {
            this.username = optional("username", username);
            return this;
        }

        /** The id of the user's domain ({@code default} in a fresh Keystone). */
        public Builder userDomainId(String userDomainId) {
            this.userDomainId = optional("userDomainId", userDomainId);
            return this;
        }

        /** The name of the user's domain ({@code Default} in a fresh Keystone). */
        public Builder userDomainName(String userDomainName) {
            this.userDomainName = optional("userDomainName", userDomainName);
            return this;
        }

        /** Authenticate with the user's password. */
        public Builder password(String password) {
            this.password = secret("password", password);
            return this;
        }

        /** Authenticate with an application credential, by id; also set {@link #applicationCredentialSecret(String)}. */
        public Builder applicationCredentialId(String id) {
            this.applicationCredentialId = optional("applicationCredentialId", id);
            return this;
        }

        /**
         * Authenticate with an application credential, by name; names are unique per user only, so
         * also identify the user ({@link #userId(String)}, or {@link #username(String)} with a domain).
         */
        public Builder applicationCredentialName(String name) {
            this.applicationCredentialName = optional("applicationCredentialName", name);
            return this;
        }

        /** The application credential's secret. */
        public Builder applicationCredentialSecret(String secret) {
            this.applicationCredentialSecret = secret("applicationCredentialSecret", secret);
            return this;
        }

        /**
         * Authenticate with an existing Keystone token (the {@code token} method): Keystone issues a new
         * token, optionally for another scope, that expires no later than the given one.
         */
        public Builder token(String token) {
            this.token = secret("token", token);
            return this;
        }

        /** Scope to a project by id. */
        public Builder projectId(String projectId) {
            this.projectId = optional("projectId", projectId);
            return this;
        }

        /** Scope to a project by name; also set {@link #projectDomainName(String)} or {@link #projectDomainId(String)}. */
        public Builder projectName(String projectName) {
            this.projectName = optional("projectName", projectName);
            return this;
        }

        /** The id of the project's domain. */
        public Builder projectDomainId(String projectDomainId) {
            this.projectDomainId = optional("projectDomainId", projectDomainId);
            return this;
        }

        /** The name of the project's domain. */
        public Builder projectDomainName(String projectDomainName) {
            this.projectDomainName = optional("projectDomainName", projectDomainName);
            return this;
        }

        /** Scope to a domain by id (domain-scoped tokens carry no project). */
        public Builder domainId(String domainId) {
            this.domainId = optional("domainId", domainId);
            return this;
        }

        /** Scope to a domain by name. */
        public Builder domainName(String domainName) {
            this.domainName = optional("domainName", domainName);
            return this;
        }

        /**
         * Ask for an unscoped token even when the user has a default project. Unscoped tokens carry
         * no service catalog, so the client then needs an explicit endpoint.
         */
        public Builder unscoped() {
            this.unscoped = true;
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

        Method method() {
            List<Method> chosen = new ArrayList<>();
            if (password != null) {
                chosen.add(Method.PASSWORD);
            }
            if (applicationCredentialId != null || applicationCredentialName != null || applicationCredentialSecret != null) {
                chosen.add(Method.APPLICATION_CREDENTIAL);
            }
            if (token != null) {
                chosen.add(Method.TOKEN);
            }
            if (chosen.isEmpty()) {
                throw new ValidationException("Keystone authentication needs a password, an application credential "
                        + "or an existing token");
            }
            if (chosen.size() > 1) {
                throw new ValidationException("Keystone authentication needs exactly one of password, application "
                        + "credential and token; got " + chosen.stream().map(m -> m.wire).toList());
            }
            return chosen.get(0);
        }

        private void validate() {
            Method m = method();
            boolean user = userId != null || username != null;
            if (userId != null && username != null) {
                throw new ValidationException("set userId or username, not both");
            }
            if (username != null && userDomainId == null && userDomainName == null) {
                throw new ValidationException("username \"" + username + "\" needs userDomainName or userDomainId "
                        + "(user names are unique per domain; a fresh Keystone's domain is id \"default\", name \"Default\")");
            }
            if (userDomainId != null && userDomainName != null) {
                throw new ValidationException("set userDomainId or userDomainName, not both");
            }
            switch (m) {
                case PASSWORD:
                    if (!user) {
                        throw new ValidationException("password authentication needs userId, or username with its domain");
                    }
                    break;
                case APPLICATION_CREDENTIAL:
                    if (applicationCredentialSecret == null) {
                        throw new ValidationException("application credential authentication needs applicationCredentialSecret");
                    }
                    if (applicationCredentialId == null && applicationCredentialName == null) {
                        throw new ValidationException("application credential authentication needs applicationCredentialId, "
                                + "or applicationCredentialName with the user");
                    }
                    if (applicationCredentialId != null && applicationCredentialName != null) {
                        throw new ValidationException("set applicationCredentialId or applicationCredentialName, not both");
                    }
                    if (applicationCredentialName != null && !user) {
                        throw new ValidationException("applicationCredentialName \"" + applicationCredentialName
                                + "\" needs the user (userId, or username with its domain): names are unique per user only");
                    }
                    if (hasScope()) {
                        throw new ValidationException("an application credential is bound to the project it was created "
                                + "in: do not set a project, domain or unscoped scope with it");
                    }
                    break;
                default:
                    if (user) {
                        throw new ValidationException("token authentication takes no user: the token identifies it");
                    }
            }
            if (projectId != null && projectName != null) {
                throw new ValidationException("set projectId or projectName, not both");
            }
            if (projectName != null && projectDomainId == null && projectDomainName == null) {
                throw new ValidationException("projectName \"" + projectName + "\" needs projectDomainName or "
                        + "projectDomainId (project names are unique per domain)");
            }
            if (projectDomainId != null && projectDomainName != null) {
                throw new ValidationException("set projectDomainId or projectDomainName, not both");
            }
            boolean project = projectId != null || projectName != null;
            boolean domain = domainId != null || domainName != null;
            if (domainId != null && domainName != null) {
                throw new ValidationException("set domainId or domainName, not both");
            }
            if ((project ? 1 : 0) + (domain ? 1 : 0) + (unscoped ? 1 : 0) > 1) {
                throw new ValidationException("choose one scope: a project, a domain, or unscoped");
            }
        }

        private boolean hasScope() {
            return projectId != null || projectName != null || domainId != null || domainName != null || unscoped;
        }

        /**
         * The authentication. Makes no request: Keystone is first called when the client sends its
         * first request (or asks for the catalog).
         *
         * @throws ValidationException when the settings are incomplete or contradict each other
         */
        public KeystoneAuth build() {
            validate();
            return new KeystoneAuth(this);
        }

        @Override
        public String toString() {
            return "KeystoneAuth.Builder(" + Redaction.url(identityUrl) + ")";
        }
    }
}
