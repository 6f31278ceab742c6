package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.auth.AuthHeaders;
import dev.imagesdk.core.error.TransportException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The logging step alone; test logging writes TRACE to target/imagesdk-test.log (simplelogger.properties). */
class LoggingTest {
    private static final Path LOG = Path.of("target", "imagesdk-test.log");

    @Test
    void oneLinePerExchangeWithStatusAndRequestIdAndNoSecret() throws Exception {
        String token = "tok-" + UUID.randomUUID();
        String marker = UUID.randomUUID().toString();
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).addHeader("X-Openstack-Request-Id", "req-" + marker).build());
            Exchange exchange = Exchange.of(ApiRequest.get("images").query("m", marker).query("token", token).build(),
                    server.url("/v2/images?m=" + marker + "&token=" + token), Auth.none(), null, Set.of())
                    .withCredentials(AuthHeaders.of(Map.of("X-Auth-Token", token), 1));
            Steps.run(new Logging(Steps.HEADERS), exchange).close();
        }
        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertThat(log).doesNotContain(token);
        assertThat(log.lines().filter(l -> l.contains(marker) && l.contains("-> 200"))).hasSize(1);
        assertThat(log).contains("req-" + marker).contains("X-Auth-Token=[<redacted>]");
    }

    @Test
    void aFailedExchangeIsLoggedAndPassedOn() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String marker = UUID.randomUUID().toString();
        Exchange exchange = Exchange.of(ApiRequest.get("images").build(),
                okhttp3.HttpUrl.get("http://127.0.0.1:" + port + "/" + marker), Auth.none(), null, Set.of());
        assertThatThrownBy(() -> Steps.run(new Logging(Steps.HEADERS), exchange))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.isConnectFailure()).isTrue());
        assertThat(Files.readString(LOG, StandardCharsets.UTF_8)).contains(marker + " -> failed after");
    }
}
