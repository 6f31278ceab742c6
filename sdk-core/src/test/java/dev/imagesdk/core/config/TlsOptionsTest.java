package dev.imagesdk.core.config;

import dev.imagesdk.core.internal.http.Calls;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.TransportException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.ApiResponse;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsOptionsTest {
    private MockWebServer server;

    static Path fixture(String name) {
        try {
            return Paths.get(TlsOptionsTest.class.getResource("tls/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An SSL context serving server.p12; trusts ca.pem for client certificates. */
    static SSLContext serverContext() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(fixture("server.p12"))) {
            keys.load(in, "test".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "test".toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", keys.getCertificateChain("server")[1]);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.useHttps(serverContext().getSocketFactory());
        server.start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int get(UnaryOperator<ServiceClient.Builder> tls) {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"images\": []}").build());
        try (ServiceClient client = tls.apply(ServiceClient.builder().endpoint("https://127.0.0.1:" + server.getPort())
                .retryPolicy(RetryPolicy.none())).build();
             ApiResponse r = Calls.of(client).execute(ApiRequest.get("images").build())) {
            return r.status();
        }
    }

    @Test
    void selfSignedServerIsRefusedByDefault() {
        assertThatThrownBy(() -> get(b -> b)).isInstanceOf(TransportException.class);
    }

    @Test
    void configuredCaBundleIsTrusted() {
        assertThat(get(b -> b.caCertificates(fixture("ca.pem")))).isEqualTo(200);
    }

    @Test
    void anUnrelatedCaBundleIsNotTrusted() {
        assertThatThrownBy(() -> get(b -> b.caCertificates(fixture("other-ca.pem")))).isInstanceOf(TransportException.class);
    }

    @Test
    void insecureIsOptInAndWarnsOncePerClient() {
        try (LogCapture logs = LogCapture.start()) {
            server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
            server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
            try (ServiceClient client = ServiceClient.builder().endpoint("https://127.0.0.1:" + server.getPort())
                    .insecure(true).build()) {
                Calls.of(client).execute(ApiRequest.get("images").build()).close();
                Calls.of(client).execute(ApiRequest.get("images").build()).close();
            }
            assertThat(logs.text().split("TLS verification is OFF", -1)).hasSize(2);
            assertThat(logs.text()).contains("WARN");
        }
    }

    @Test
    void customSocketFactoryIsUsedAsGiven() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(fixture("ca.pem"))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
        assertThat(get(b -> b.sslSocketFactory(context.getSocketFactory(), tm))).isEqualTo(200);
        assertThatThrownBy(() -> TlsOptions.builder().sslSocketFactory(context.getSocketFactory(), tm).insecure(true).build())
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void clientCertificateIsPresentedWhenTheServerRequiresOne() {
        server.requireClientAuth();
        assertThat(get(b -> b.caCertificates(fixture("ca.pem")).clientCertificate(fixture("client.pem"),
                fixture("client-key.pem")))).isEqualTo(200);
        assertThat(get(b -> b.caCertificates(fixture("ca.pem")).clientCertificate(fixture("client.pem"),
                fixture("client-key-rsa.pem")))).isEqualTo(200);
    }

    @Test
    void withoutTheClientCertificateTheServerRefuses() {
        server.requireClientAuth();
        assertThatThrownBy(() -> get(b -> b.caCertificates(fixture("ca.pem")))).isInstanceOf(TransportException.class);
    }

    @Test
    void keyInTheCertificateFileIsFound(@TempDir Path dir) throws Exception {
        server.requireClientAuth();
        Path combined = dir.resolve("combined.pem");
        Files.writeString(combined, Files.readString(fixture("client.pem")) + Files.readString(fixture("client-key.pem")));
        assertThat(get(b -> b.caCertificates(fixture("ca.pem")).clientCertificate(combined, null))).isEqualTo(200);
    }

    @Test
    void unusableFilesFailBeforeAnyRequest(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here");
        assertThatThrownBy(() -> ServiceClient.builder().endpoint("https://127.0.0.1:1").caCertificates(empty).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("no PEM certificate");
        assertThatThrownBy(() -> ServiceClient.builder().endpoint("https://127.0.0.1:1")
                .caCertificates(dir.resolve("missing.pem")).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> ServiceClient.builder().endpoint("https://127.0.0.1:1")
                .clientCertificate(fixture("client.pem"), empty).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("no PEM private key");
        Path ec = Files.writeString(dir.resolve("ec.pem"), "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
        assertThatThrownBy(() -> ServiceClient.builder().endpoint("https://127.0.0.1:1")
                .clientCertificate(fixture("client.pem"), ec).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("openssl pkcs8");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void cloudsYamlCacertAndVerifyReachTheClient(@TempDir Path dir) throws Exception {
        String endpoint = "https://127.0.0.1:" + server.getPort();
        Files.writeString(dir.resolve("clouds.yaml"), "clouds:\n"
                + "  plain:\n    auth_type: none\n    image_endpoint_override: " + endpoint + "\n"
                + "  with-ca:\n    auth_type: none\n    image_endpoint_override: " + endpoint + "\n"
                + "    cacert: " + fixture("ca.pem") + "\n"
                + "  unverified:\n    auth_type: none\n    image_endpoint_override: " + endpoint + "\n    verify: false\n");
        java.util.function.Function<String, Integer> call = cloud -> {
            server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
            try (ServiceClient client = ServiceClient.builder().config(CloudConfigLoader.load(cloud, java.util.Map.of(), dir, dir, dir))
                    .retryPolicy(RetryPolicy.none()).build();
                 ApiResponse r = Calls.of(client).execute(ApiRequest.get("images").build())) {
                return r.status();
            }
        };
        assertThatThrownBy(() -> call.apply("plain")).isInstanceOf(TransportException.class);
        assertThat(call.apply("with-ca")).isEqualTo(200);
        assertThat(call.apply("unverified")).isEqualTo(200);
    }

    @Test
    void accessorsReturnWhatWasSetAndNoHttpLibraryTypeIsPublic() throws Exception {
        TlsOptions files = TlsOptions.builder().caCertificates(fixture("ca.pem"))
                .clientCertificate(fixture("client.pem"), fixture("client-key.pem")).build();
        assertThat(files.caCertificates()).contains(fixture("ca.pem"));
        assertThat(files.clientCertificate()).contains(fixture("client.pem"));
        assertThat(files.clientKey()).contains(fixture("client-key.pem"));
        assertThat(files.sslSocketFactory()).isEmpty();
        assertThat(files.isInsecure()).isFalse();
        assertThat(TlsOptions.defaults().isDefault()).isTrue();
        assertThat(TlsOptions.defaults().caCertificates()).isEmpty();
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);
        X509TrustManager tm = (X509TrustManager) trustManagers()[0];
        javax.net.ssl.SSLSocketFactory factory = context.getSocketFactory();
        TlsOptions custom = TlsOptions.builder().sslSocketFactory(factory, tm).build();
        assertThat(custom.sslSocketFactory()).containsSame(factory);
        assertThat(custom.trustManager()).containsSame(tm);
        for (java.lang.reflect.Method m : TlsOptions.class.getMethods()) {
            assertThat(java.util.stream.Stream.concat(java.util.stream.Stream.of(m.getReturnType()),
                    java.util.Arrays.stream(m.getParameterTypes())).map(Class::getName))
                    .as(m.toString()).noneMatch(n -> n.startsWith("okhttp3.") || n.startsWith("okio."));
        }
    }

    private static javax.net.ssl.TrustManager[] trustManagers() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        return tmf.getTrustManagers();
    }

    @Test
    void toStringDescribesTheChoice() {
        assertThat(TlsOptions.defaults().toString()).contains("defaults");
        assertThat(TlsOptions.builder().insecure(true).build().toString()).contains("INSECURE");
    }
}
