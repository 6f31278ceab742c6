package dev.imagesdk.core;

import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.http.ServiceRequest;
import dev.imagesdk.core.it.ArgumentProbe;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client, its builder and the auth factories refuse null or blank input with ValidationException. */
class CoreArgumentsTest {
    private final ServiceClient unreachable = ArgumentProbe.unreachableClient();

    private ArgumentProbe probe() {
        Map<Class<?>, Supplier<Object>> samples = new HashMap<>();
        samples.put(String.class, () -> "req-3c441d1e-aa40-4d8a-b060-2a7e24d1af6a");
        samples.put(Auth.class, () -> Auth.token("t"));
        samples.put(Duration.class, () -> Duration.ofSeconds(1));
        samples.put(RetryPolicy.class, RetryPolicy::none);
        samples.put(OkHttpClient.class, OkHttpClient::new);
        samples.put(Proxy.class, () -> new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy", 3128)));
        samples.put(URI.class, () -> URI.create("http://127.0.0.1:9292"));
        samples.put(String[].class, () -> new String[] {"member"});
        samples.put(ServiceRequest.class, () -> ServiceRequest.get("images").build());
        // none of these strings is sent in a URL path: "." and ".." are ordinary values here
        return new ArgumentProbe(samples).dotsAllowed("userAgent", 0).dotsAllowed("token", 0)
                .dotsAllowed("trustedHeaders", 0).dotsAllowed("trustedHeaders", 1);
    }

    @Test
    void clientViewsRefuseBadInput() {
        ArgumentProbe probe = probe();
        assertThat(probe.violations(ServiceClient.class, unreachable)).isEmpty();
        assertThat(probe.probed()).isNotEmpty();
    }

    @Test
    void builderRefusesBadInput() {
        ArgumentProbe probe = probe();
        // tls(...) and the certificate files are covered by TlsOptionsTest, config(...) by CloudConfigTest;
        // a proxy password may be empty.
        assertThat(probe.violations(ServiceClient.Builder.class, ServiceClient.builder(), "tls", "sslSocketFactory",
                "caCertificates", "clientCertificate", "proxyAuthentication", "config")).isEmpty();
        assertThatThrownBy(() -> ServiceClient.builder().proxyAuthentication(" ", "pw")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ServiceClient.builder().proxyAuthentication("user", null)).isInstanceOf(ValidationException.class);
        assertThat(probe.probed()).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void authFactoriesRefuseBadInput() {
        ArgumentProbe probe = probe();
        assertThat(probe.violations(Auth.class, null, "keystone")).isEmpty();
    }
}
