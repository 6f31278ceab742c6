package dev.imagesdk.core;

import dev.imagesdk.core.internal.Arguments;

import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.config.CloudConfig;
import dev.imagesdk.core.config.TlsOptions;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.http.ServiceRequest;
import dev.imagesdk.core.http.ServiceResponse;
import dev.imagesdk.core.internal.http.Calls;
import dev.imagesdk.core.internal.http.EscapeHatch;
import dev.imagesdk.core.internal.http.HttpTransport;
import dev.imagesdk.core.internal.http.Retry;
import dev.imagesdk.core.internal.http.ServiceEndpoint;
import dev.imagesdk.core.internal.http.Redaction;
import dev.imagesdk.core.internal.json.Json;
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
import java.util.Properties;
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
    private static final Pattern REQUEST_ID = Pattern.compile("req-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static {
        Calls.register(client -> {
            if (!(client instanceof ServiceClient)) {
                throw new IllegalArgumentException("not a ServiceClient: " + client);
            }
            return ((ServiceClient) client).calls;
        });
    }

    private final Shared shared;
    private final Auth auth;
    private final String requestId;
    private final boolean isView;
    private final Calls calls;

    /** State shared by a client and its views. */
    private static final class Shared {
        final HttpTransport transport;
        final ServiceEndpoint endpoint;
        final boolean ownsHttpClient;
        volatile VersionDiscovery.Discovered versions;

        Shared(HttpTransport transport, HttpUrl configuredRoot, boolean ownsHttpClient) {
            this.transport = transport;
            this.endpoint = new ServiceEndpoint(configuredRoot);
            this.ownsHttpClient = ownsHttpClient;
        }
    }

    private ServiceClient(Shared shared, Auth auth, String requestId, boolean isView) {
        this.shared = shared;
        this.auth = auth;
        this.requestId = requestId;
        this.isView = isView;
        this.calls = new Calls(shared.transport, shared.endpoint, auth, requestId, feature -> {
            VersionDiscovery.Discovered d = versions();
            if (!d.serves(feature)) {
                throw d.unsupported(feature);
            }
        });
    }

    /** A builder for a new client. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured the way the OpenStack CLI is: the cloud named by {@code OS_CLOUD} in
     * {@code clouds.yaml} (plus {@code secure.yaml}), or the {@code OS_AUTH_URL}, {@code OS_USERNAME}, ...
     * variables when {@code OS_CLOUD} is unset (openstacksdk's rules: the variables never override a named
     * cloud). See {@link CloudConfig}.
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

    /**
     * Sends any request through this client's authentication, retry, redirect and error handling:
     * the escape hatch for what the SDK does not type. Close the response.
     *
     * <pre>{@code
     * try (ServiceResponse r = client.send(ServiceRequest.get("images", id, "members").build())) {
     *     Object tree = r.bodyJson();
     * }
     * }</pre>
     *
     * @throws ValidationException when a path segment is refused or an absolute URL points to another
     *         origin than the service
     * @throws dev.imagesdk.core.error.ServiceResponseException (a subtype per status) for an error
     *         status the request did not accept
     * @throws dev.imagesdk.core.error.TransportException when the exchange fails
     */
    public ServiceResponse send(ServiceRequest request) {
        return EscapeHatch.send(calls, Arguments.notNull(request, "request"));
    }

    /**
     * The service root, without the version segment (for example {@code https://host/image/}). When the
     * client was built without an endpoint, the {@link Auth}'s service catalog supplies it.
     */
    public URI serviceRoot() {
        return calls.root().uri();
    }

    /** The Image API v2 root that requests are sent below (for example {@code https://host/image/v2/}). */
    public URI endpoint() {
        return ServiceEndpoint.v2Root(calls.root()).uri();
    }

    /**
     * The newest Image API v2.x the server supports, found by version discovery on first use and
     * cached. Glance answers {@code GET /} with 300 Multiple Choices and a version list.
     *
     * @throws dev.imagesdk.core.error.ApiVersionException when the server offers no v2
     */
    public ApiVersion apiVersion() {
        return versions().newest();
    }

    /** Discovery once per client (views share it): concurrent first callers may both ask, harmlessly. */
    private VersionDiscovery.Discovered versions() {
        VersionDiscovery.Discovered v = shared.versions;
        if (v == null) {
            v = VersionDiscovery.discover(calls);
            shared.versions = v;
        }
        return v;
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
        HttpUrl r = shared.endpoint.rootIfKnown();
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
        private Duration callTimeout = HttpTransport.DEFAULT_CALL_TIMEOUT;
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
            ServiceEndpoint.normalizeRoot(endpoint);
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
         * The overall deadline of one operation (default 2 minutes; zero means none): from the call
         * until its answer is read (for {@link ServiceClient#send}, until the response headers arrived),
         * covering every attempt, pause between retries, redirect and renewal of credentials; each page
         * of a listing is one operation. When it passes, the exchange in progress is cancelled and the call fails with
         * {@link dev.imagesdk.core.error.DeadlineExceededException}. A request may set its own
         * ({@code ServiceRequest.Builder.timeout}). Image data uploads and downloads have no total
         * deadline (a multi-gigabyte transfer may take long); they fail instead when they stop making
         * progress (their options' {@code progressTimeout}).
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = nonNegative("callTimeout", timeout);
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
         * derives its own client from it (redirects handled by the SDK, OkHttp's own call timeout off in
         * favour of the SDK's {@link #callTimeout(Duration)}); it does not close it.
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
         * happens on the first call to {@link ServiceClient#apiVersion()} or to an operation that needs
         * an optional part of the API (import, several stores, the cache API, ...), once per client.
         */
        public ServiceClient build() {
            HttpUrl root = endpoint == null ? null : ServiceEndpoint.normalizeRoot(endpoint);
            boolean owns = httpClient == null;
            HttpClientAssembly assembly = new HttpClientAssembly(httpClient);
            if (owns || timeoutsSet) {
                assembly.timeouts(connectTimeout, readTimeout, writeTimeout);
            }
            OkHttpClient http = assembly.proxy(proxy, proxyUser, proxyPassword)
                    .tls(tlsSettingsUsed ? tlsSettings.build() : tls)
                    .build();
            String ua = userAgent != null ? userAgent
                    : "imagesdk/" + sdkVersion() + " java/" + System.getProperty("java.version", "unknown");
            HttpTransport transport = new HttpTransport(http, Json.moshi(), ua, new Retry(new Retry.Settings(
                    retryPolicy.maxAttempts(), retryPolicy.initialDelay(), retryPolicy.maxDelay(), retryPolicy.jitter(),
                    retryPolicy.maxTotalTime(), retryPolicy.maxRetryAfter())), callTimeout);
            return new ServiceClient(new Shared(transport, root, owns), auth, null, false);
        }
    }
}
