package dev.imagesdk.core;

import dev.imagesdk.core.internal.Arguments;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.config.CloudConfig;
import dev.imagesdk.core.config.TlsOptions;
import dev.imagesdk.core.error.PaginationException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.internal.http.HttpTransport;
import dev.imagesdk.core.internal.http.Redaction;
import dev.imagesdk.core.internal.json.Json;
import dev.imagesdk.core.internal.tls.TlsSetup;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;

import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The connection to one image service: endpoint, credentials, HTTP pools, retry policy. Thread-safe;
 * create one per application and share it. The API modules ({@code Images.of(client)}, ...) are thin
 * views over it.
 *
 * <pre>{@code
 * ServiceClient client = ServiceClient.builder()
 *         .endpoint("https://cloud.example.com:9292")
 *         .auth(Auth.token(token))
 *         .build();
 * }</pre>
 *
 * <p>{@link #withAuth(Auth)} and {@link #withRequestId(String)} return views that share this client's
 * connections; closing the original client closes them all.
 */
public final class ServiceClient implements AutoCloseable {
    private static final Pattern VERSION_SEGMENT = Pattern.compile("v2(\\.\\d+)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern REQUEST_ID = Pattern.compile("req-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Shared shared;
    private final Auth auth;
    private final String requestId;
    private final boolean isView;

    /** State shared by a client and its views. */
    private static final class Shared {
        final HttpTransport transport;
        final HttpUrl configuredRoot;
        final boolean ownsHttpClient;
        volatile HttpUrl root;
        volatile ApiVersion apiVersion;

        Shared(HttpTransport transport, HttpUrl configuredRoot, boolean ownsHttpClient) {
            this.transport = transport;
            this.configuredRoot = configuredRoot;
            this.root = configuredRoot;
            this.ownsHttpClient = ownsHttpClient;
        }
    }

    private ServiceClient(Shared shared, Auth auth, String requestId, boolean isView) {
        this.shared = shared;
        this.auth = auth;
        this.requestId = requestId;
        this.isView = isView;
    }

    /** A builder for a new client. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured the way the OpenStack CLI is: the cloud named by {@code OS_CLOUD} in
     * {@code clouds.yaml} (plus {@code secure.yaml}), or the {@code OS_AUTH_URL}, {@code OS_USERNAME}, ...
     * variables; {@code OS_*} variables override single settings of the cloud. See {@link CloudConfig}.
     *
     * @throws ValidationException when nothing usable is configured
     */
    public static ServiceClient fromEnvironment() {
        return builder().config(CloudConfig.fromEnvironment()).build();
    }

    /**
     * A client for the named cloud of {@code clouds.yaml} (found via {@code OS_CLIENT_CONFIG_FILE},
     * {@code ./}, {@code ~/.config/openstack/}, {@code /etc/openstack/}), with {@code secure.yaml}
     * merged over it. See {@link CloudConfig}.
     *
     * @throws ValidationException when no clouds.yaml defines the cloud or its settings are incomplete
     */
    public static ServiceClient fromCloud(String cloudName) {
        return builder().config(CloudConfig.fromCloud(cloudName)).build();
    }

    /** A view of this client that authenticates as {@code auth}, sharing connections and settings. */
    public ServiceClient withAuth(Auth auth) {
        return new ServiceClient(shared, Arguments.notNull(auth, "auth"), requestId, true);
    }

    /**
     * A view of this client that sends {@code X-Openstack-Request-Id: requestId} with every request, so
     * the server's logs carry the caller's id (Glance echoes ids of the form {@code req-<uuid>}).
     *
     * @throws ValidationException when the id is not {@code req-} followed by a UUID
     */
    public ServiceClient withRequestId(String requestId) {
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            throw new ValidationException("request id must look like req-<uuid>, was \"" + requestId + "\"");
        }
        return new ServiceClient(shared, auth, requestId, true);
    }

    /** A fresh request id of the form Glance accepts, for {@link #withRequestId(String)}. */
    public static String newRequestId() {
        return "req-" + UUID.randomUUID();
    }

    /** The credentials this client (view) sends. */
    public Auth auth() {
        return auth;
    }

    /** The SDK's JSON codec. */
    public Moshi moshi() {
        return shared.transport.moshi();
    }

    /** The underlying transport (for the SDK's modules and extensions). */
    public HttpTransport transport() {
        return shared.transport;
    }

    /**
     * The service root, without the version segment (for example {@code https://host/image/}). When the
     * client was built without an endpoint, the {@link Auth}'s service catalog supplies it.
     */
    public URI serviceRoot() {
        return root().uri();
    }

    /** The Image API v2 root that requests are sent below (for example {@code https://host/image/v2/}). */
    public URI endpoint() {
        return root().newBuilder().addPathSegment("v2").addPathSegment("").build().uri();
    }

    /**
     * The newest Image API v2.x the server supports, found by version discovery on first use and
     * cached. Glance answers {@code GET /} with 300 Multiple Choices and a version list.
     *
     * @throws dev.imagesdk.core.error.ApiVersionException when the server offers no v2
     */
    public ApiVersion apiVersion() {
        ApiVersion v = shared.apiVersion;
        if (v == null) {
            v = VersionDiscovery.discover(this);
            shared.apiVersion = v;
        }
        return v;
    }

    /**
     * Sends a request and returns the successful response unread; the caller closes it.
     *
     * @throws dev.imagesdk.core.error.ServiceResponseException (a subtype per status) for an error status
     * @throws dev.imagesdk.core.error.TransportException when the exchange fails
     */
    public ApiResponse execute(ApiRequest request) {
        return execute(request, Set.of());
    }

    /** Like {@link #execute(ApiRequest)}, also handing back the listed non-2xx statuses as responses. */
    public ApiResponse execute(ApiRequest request, Set<Integer> acceptedStatuses) {
        return shared.transport.send(request, resolve(request), auth, requestId, acceptedStatuses);
    }

    /** Sends a request and reads its JSON body through {@code adapter}. */
    public <T> T executeJson(ApiRequest request, JsonAdapter<T> adapter) {
        return shared.transport.sendAndRead(request, resolve(request), auth, requestId, r -> r.readJson(adapter));
    }

    /** Sends a request and reads its JSON body through {@code reader}. */
    public <T> T executeJson(ApiRequest request, ApiResponse.JsonBodyReader<T> reader) {
        return shared.transport.sendAndRead(request, resolve(request), auth, requestId, r -> r.readJson(reader));
    }

    /** Sends a request whose answer has no body worth reading (204, 202) and discards it. */
    public void executeNoContent(ApiRequest request) {
        execute(request).close();
    }

    /** The full URL a request goes to. */
    public HttpUrl resolve(ApiRequest request) {
        HttpUrl.Builder b;
        switch (request.base()) {
            case ABSOLUTE:
                b = request.absoluteUrl().newBuilder();
                break;
            case ROOT:
                b = root().newBuilder();
                break;
            default:
                b = root().newBuilder().addPathSegment("v2");
        }
        if (request.base() != ApiRequest.Base.ABSOLUTE) {
            trimEmptyLastSegment(b);
            for (String segment : request.segments()) {
                b.addPathSegment(segment);
            }
            if (request.segments().isEmpty() && request.base() == ApiRequest.Base.ROOT) {
                b.addPathSegment("");
            }
        }
        for (Map.Entry<String, String> q : request.query()) {
            b.addQueryParameter(q.getKey(), q.getValue());
        }
        return b.build();
    }

    private static void trimEmptyLastSegment(HttpUrl.Builder b) {
        HttpUrl probe = b.build();
        int size = probe.pathSize();
        if (size > 0 && probe.pathSegments().get(size - 1).isEmpty()) {
            b.removePathSegment(size - 1);
        }
    }

    /**
     * Joins a link from a response (Glance's {@code next}, {@code first}, {@code self}) to the
     * service. Glance sends them root-relative with the version included ({@code /v2/images?marker=x});
     * they are joined to the service root keeping any path prefix ({@code https://host/image} +
     * {@code /v2/images} → {@code https://host/image/v2/images}). Absolute links must point to the
     * service's own origin.
     *
     * @param link the link as the server sent it
     * @param requestId request id of the response that carried it, for the error message
     * @throws PaginationException when the link is malformed or points to another origin
     */
    public HttpUrl resolveLink(String link, String requestId) {
        if (link == null || link.isBlank()) {
            throw new PaginationException("empty link", null, requestId);
        }
        HttpUrl root = root();
        HttpUrl resolved;
        String trimmed = link.trim();
        if (trimmed.regionMatches(true, 0, "http://", 0, 7) || trimmed.regionMatches(true, 0, "https://", 0, 8)) {
            resolved = HttpUrl.parse(trimmed);
        } else if (trimmed.startsWith("//")) {
            resolved = root.resolve(trimmed);
        } else if (trimmed.startsWith("/")) {
            String prefix = root.encodedPath();
            prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            String path = !prefix.isEmpty() && trimmed.startsWith(prefix + "/") ? trimmed : prefix + trimmed;
            resolved = root.resolve(path);
        } else {
            resolved = HttpUrl.get(endpoint()).resolve(trimmed);
        }
        if (resolved == null) {
            throw new PaginationException("malformed link \"" + truncate(trimmed) + "\"", null, requestId);
        }
        if (!HttpTransport.sameOrigin(root, resolved)) {
            throw new PaginationException("refusing to follow a link to another origin (" + resolved.scheme() + "://"
                    + resolved.host() + ":" + resolved.port() + "); credentials are only sent to " + root.scheme()
                    + "://" + root.host() + ":" + root.port(), Redaction.url(resolved), requestId);
        }
        return resolved;
    }

    private static String truncate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private HttpUrl root() {
        HttpUrl r = shared.root;
        if (r == null) {
            synchronized (shared) {
                r = shared.root;
                if (r == null) {
                    URI fromCatalog = auth.imageEndpoint(shared.transport).orElseThrow(() -> new ValidationException(
                            "no endpoint configured and the authentication provides no service catalog: "
                                    + "call ServiceClient.builder().endpoint(...)"));
                    r = normalizeRoot(fromCatalog.toString());
                    shared.root = r;
                }
            }
        }
        return r;
    }

    /**
     * Turns an endpoint as users write it into the service root: drops query and fragment, trailing
     * slashes and a trailing {@code /v2} or {@code /v2.x}; ends with {@code /}.
     */
    static HttpUrl normalizeRoot(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            throw new ValidationException("endpoint must not be blank");
        }
        HttpUrl url = HttpUrl.parse(endpoint.trim());
        if (url == null) {
            throw new ValidationException("endpoint is not an http(s) URL: \"" + endpoint + "\"");
        }
        HttpUrl.Builder b = url.newBuilder().query(null).fragment(null);
        HttpUrl probe = b.build();
        while (probe.pathSize() > 0 && probe.pathSegments().get(probe.pathSize() - 1).isEmpty() && probe.pathSize() > 1) {
            b.removePathSegment(probe.pathSize() - 1);
            probe = b.build();
        }
        if (probe.pathSize() > 0 && VERSION_SEGMENT.matcher(probe.pathSegments().get(probe.pathSize() - 1)).matches()) {
            b.removePathSegment(probe.pathSize() - 1);
            probe = b.build();
        }
        if (probe.pathSize() == 0 || !probe.pathSegments().get(probe.pathSize() - 1).isEmpty()) {
            b.addPathSegment("");
        }
        return b.build();
    }

    /**
     * Releases the connection pool and threads, when this client created its own HTTP client. Views
     * and clients built on a caller-supplied {@link OkHttpClient} leave it alone.
     */
    @Override
    public void close() {
        if (!isView && shared.ownsHttpClient) {
            OkHttpClient http = shared.transport.httpClient();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        HttpUrl r = shared.root;
        return "ServiceClient{" + (r == null ? "endpoint from catalog" : Redaction.url(r)) + ", " + auth + "}";
    }

    /** The SDK's version, from its jar. */
    public static String sdkVersion() {
        try (InputStream in = ServiceClient.class.getResourceAsStream("imagesdk-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    /** Builds a {@link ServiceClient}. */
    public static final class Builder {
        private String endpoint;
        private Auth auth = Auth.none();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration writeTimeout = Duration.ofSeconds(60);
        private Duration callTimeout = Duration.ZERO;
        private boolean timeoutsSet;
        private String userAgent;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private OkHttpClient httpClient;
        private Proxy proxy;
        private String proxyUser;
        private String proxyPassword;
        private TlsOptions tls = TlsOptions.defaults();
        private final TlsOptions.Builder tlsSettings = TlsOptions.builder();
        private boolean tlsSettingsUsed;

        private Builder() {
        }

        /**
         * The image service endpoint, with or without the version suffix: {@code http://host:9292},
         * {@code https://host/image/v2}. May be omitted when the {@link Auth} provides a service catalog.
         */
        public Builder endpoint(String endpoint) {
            normalizeRoot(endpoint);
            this.endpoint = endpoint;
            return this;
        }

        /** The image service endpoint (see {@link #endpoint(String)}). */
        public Builder endpoint(URI endpoint) {
            return endpoint(endpoint == null ? null : endpoint.toString());
        }

        /** How requests authenticate; {@link Auth#none()} by default. */
        public Builder auth(Auth auth) {
            this.auth = Arguments.notNull(auth, "auth");
            return this;
        }

        /** Time to establish a connection (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = nonNegative("connectTimeout", timeout);
            this.timeoutsSet = true;
            return this;
        }

        /** Longest silence while reading a response (default 60 s); zero means none. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = nonNegative("readTimeout", timeout);
            this.timeoutsSet = true;
            return this;
        }

        /** Longest stall while sending a request body (default 60 s); zero means none. */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = nonNegative("writeTimeout", timeout);
            this.timeoutsSet = true;
            return this;
        }

        /**
         * Limit on a whole exchange, body included (default none: a multi-gigabyte transfer may take
         * long; stalls are caught by the read and write timeouts).
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = nonNegative("callTimeout", timeout);
            this.timeoutsSet = true;
            return this;
        }

        /** Replaces the {@code User-Agent} (default {@code imagesdk/<version> java/<version>}). */
        public Builder userAgent(String userAgent) {
            if (userAgent == null || userAgent.isBlank()) {
                throw new ValidationException("userAgent must not be blank");
            }
            this.userAgent = userAgent;
            return this;
        }

        /** What to retry; {@link RetryPolicy#defaults()} by default. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Arguments.notNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * An HTTP client to share pools, dispatcher, proxy and TLS settings with the application. The SDK
         * derives its own client from it (redirects handled by the SDK); it does not close it.
         */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = Arguments.notNull(httpClient, "httpClient");
            return this;
        }

        /** An HTTP(S) proxy for all requests. */
        public Builder proxy(Proxy proxy) {
            this.proxy = Arguments.notNull(proxy, "proxy");
            return this;
        }

        /** Credentials for a proxy that answers 407 (sent as {@code Proxy-Authorization: Basic}). */
        public Builder proxyAuthentication(String username, String password) {
            if (username == null || username.isBlank() || password == null) {
                throw new ValidationException("proxy username must not be blank and password must not be null");
            }
            this.proxyUser = username;
            this.proxyPassword = password;
            return this;
        }

        /** Trust exactly the CA certificates in this PEM file (clouds.yaml {@code cacert}) instead of the JVM's. */
        public Builder caCertificates(Path pemBundle) {
            tlsSettings.caCertificates(pemBundle);
            tlsSettingsUsed = true;
            return this;
        }

        /** Use this socket factory and trust manager for HTTPS (excludes the other TLS settings). */
        public Builder sslSocketFactory(SSLSocketFactory socketFactory, X509TrustManager trustManager) {
            tlsSettings.sslSocketFactory(socketFactory, trustManager);
            tlsSettingsUsed = true;
            return this;
        }

        /**
         * Present a client certificate (PEM) with its unencrypted PEM private key (clouds.yaml
         * {@code cert}/{@code key}); the key may be {@code null} when it is in the certificate file.
         */
        public Builder clientCertificate(Path certificatePem, Path privateKeyPem) {
            tlsSettings.clientCertificate(certificatePem, privateKeyPem);
            tlsSettingsUsed = true;
            return this;
        }

        /**
         * Do not verify server certificates and host names (clouds.yaml {@code verify: false}). Only for
         * test clouds; {@link #build()} logs a warning.
         */
        public Builder insecure(boolean insecure) {
            tlsSettings.insecure(insecure);
            tlsSettingsUsed = true;
            return this;
        }

        /**
         * Applies a clouds.yaml / {@code OS_*} configuration: its authentication, its endpoint when it is
         * known without a service catalog, and its TLS settings. Settings made afterwards override it.
         *
         * @throws ValidationException when the configuration is incomplete (see {@link CloudConfig#auth()},
         *     {@link CloudConfig#endpoint()}, {@link CloudConfig#tls()})
         */
        public Builder config(CloudConfig config) {
            Arguments.notNull(config, "config");
            Auth configuredAuth = config.auth();
            String configuredEndpoint = config.endpoint().orElse(null);
            TlsOptions configuredTls = config.tls();
            auth(configuredAuth);
            if (configuredEndpoint != null) {
                endpoint(configuredEndpoint);
            }
            return tls(configuredTls);
        }

        /** All TLS settings at once; replaces what the other TLS methods set. */
        public Builder tls(TlsOptions tls) {
            this.tls = Arguments.notNull(tls, "tls");
            this.tlsSettingsUsed = false;
            return this;
        }

        private static Duration nonNegative(String name, Duration d) {
            if (d == null || d.isNegative()) {
                throw new ValidationException(name + " must be zero or positive, was " + d);
            }
            return d;
        }

        /**
         * The client. Makes no request: the endpoint is checked for form only, and version discovery
         * happens on the first call to {@link ServiceClient#apiVersion()}.
         */
        public ServiceClient build() {
            HttpUrl root = endpoint == null ? null : normalizeRoot(endpoint);
            boolean owns = httpClient == null;
            OkHttpClient.Builder b = (owns ? new OkHttpClient() : httpClient).newBuilder()
                    .followRedirects(false)
                    .followSslRedirects(false);
            if (owns || timeoutsSet) {
                b.connectTimeout(connectTimeout).readTimeout(readTimeout).writeTimeout(writeTimeout).callTimeout(callTimeout);
            }
            // OkHttp silently repeats a request answered "503 Retry-After: 0", even a POST. Retrying is
            // the RetryPolicy's decision alone: hide the header from OkHttp and restore it for ours.
            b.addNetworkInterceptor(chain -> {
                okhttp3.Response response = chain.proceed(chain.request());
                String retryAfter = response.header("Retry-After");
                if (response.code() == 503 && retryAfter != null) {
                    return response.newBuilder().removeHeader("Retry-After").header(HttpTransport.SHADOWED_RETRY_AFTER, retryAfter).build();
                }
                return response;
            });
            if (proxy != null) {
                b.proxy(proxy);
            }
            if (proxyUser != null) {
                String credential = Credentials.basic(proxyUser, proxyPassword);
                b.proxyAuthenticator((route, response) -> {
                    if (response.request().header("Proxy-Authorization") != null) {
                        return null;
                    }
                    return response.request().newBuilder().header("Proxy-Authorization", credential).build();
                });
            }
            TlsSetup.apply(tlsSettingsUsed ? tlsSettings.build() : tls, b);
            String ua = userAgent != null ? userAgent
                    : "imagesdk/" + sdkVersion() + " java/" + System.getProperty("java.version", "unknown");
            HttpTransport transport = new HttpTransport(b.build(), Json.moshi(), ua, retryPolicy);
            return new ServiceClient(new Shared(transport, root, owns), auth, null, false);
        }
    }
}
