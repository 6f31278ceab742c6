package dev.imagesdk.core.http;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.auth.AuthContext;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.http.Calls;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceClientSendTest {
    private MockWebServer server;
    private ServiceClient client;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = ServiceClient.builder().endpoint(server.url("/image").toString()).auth(Auth.token("tok-1"))
                .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(2)).build())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .addHeader("X-Openstack-Request-Id", "req-" + code).body(body).build();
    }

    @Test
    void authHeaderIsAppliedAndRepeatedQueryKeysAreKeptInOrder() throws Exception {
        server.enqueue(json(200, "{}"));
        client.send(ServiceRequest.get("images").query("tag", "a").query("tag", "b").query("limit", "2").build()).close();
        RecordedRequest r = server.takeRequest();
        assertThat(r.getTarget()).isEqualTo("/image/v2/images?tag=a&tag=b&limit=2");
        assertThat(r.getHeaders().get("X-Auth-Token")).isEqualTo("tok-1");
        assertThat(r.getMethod()).isEqualTo("GET");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonTreeIsReadWithLongsDoublesAndDocumentOrder() {
        server.enqueue(json(200, "{\"b\": 1, \"a\": [2.5, \"x\", true, null], \"big\": 12345678901234}"));
        try (ServiceResponse r = client.send(ServiceRequest.get("images").build())) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.requestId()).contains("req-200");
            assertThat(r.header("content-type")).contains("application/json");
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = (Map<String, Object>) r.bodyJson();
            assertThat(tree).containsOnlyKeys("b", "a", "big");
            assertThat(tree.keySet()).containsExactly("b", "a", "big");
            assertThat(tree.get("b")).isEqualTo(1L);
            assertThat(tree.get("big")).isEqualTo(12345678901234L);
            assertThat((List<Object>) tree.get("a")).containsExactly(2.5, "x", true, null);
        }
    }

    @Test
    void bodyIsReadAsAStream() throws IOException {
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                .body(new okio.Buffer().write(data)).build());
        try (ServiceResponse r = client.send(ServiceRequest.get("images", "i-1", "file").build());
             InputStream in = r.bodyStream()) {
            assertThat(in.readAllBytes()).isEqualTo(data);
            assertThat(r.url()).isEqualTo(URI.create(server.url("/image/v2/images/i-1/file").toString()));
        }
    }

    @Test
    void errorIsMappedToTypedExceptionWithRequestIdAndServerMessage() {
        server.enqueue(json(404, "{\"message\": \"No image found with ID x\", \"code\": \"404 Not Found\", \"title\": \"Not Found\"}"));
        assertThatThrownBy(() -> client.send(ServiceRequest.get("images", "x").build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.requestId()).contains("req-404");
                    assertThat(e.getMessage()).contains("No image found with ID x");
                });
    }

    @Test
    void a503IsRetriedAndAReplayableFileBodyIsSentAgain() throws Exception {
        Path file = dir.resolve("body.bin");
        Files.writeString(file, "file content");
        server.enqueue(json(503, "{}"));
        server.enqueue(new MockResponse.Builder().code(204).build());
        try (ServiceResponse r = client.send(ServiceRequest.put("images", "i-1", "file")
                .body(RequestContent.ofFile(file, "application/octet-stream")).build())) {
            assertThat(r.status()).isEqualTo(204);
        }
        assertThat(server.takeRequest().getBody().utf8()).isEqualTo("file content");
        assertThat(server.takeRequest().getBody().utf8()).isEqualTo("file content");
    }

    @Test
    void aStreamBodyIsNeverSentTwice() {
        server.enqueue(json(503, "{}"));
        InputStream in = new ByteArrayInputStream("once".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> client.send(ServiceRequest.put("images", "i-1", "file")
                .body(RequestContent.ofStream(in, 4, "application/octet-stream")).build()))
                .isInstanceOf(ServerException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void jsonBodyFromATreeAndPostIsNotRetried() throws Exception {
        server.enqueue(json(503, "{}"));
        assertThatThrownBy(() -> client.send(ServiceRequest.post("images")
                .jsonBody(Map.of("name", "n", "tags", List.of("a"))).build())).isInstanceOf(ServerException.class);
        RecordedRequest r = server.takeRequest();
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(r.getBody().utf8()).contains("\"name\":\"n\"", "\"tags\":[\"a\"]");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void serviceRootAcceptedStatusesAndSameOriginUrls() throws Exception {
        server.enqueue(json(300, "{\"versions\": []}"));
        try (ServiceResponse r = client.send(ServiceRequest.get().belowServiceRoot().acceptStatus(300).build())) {
            assertThat(r.status()).isEqualTo(300);
            assertThat(r.bodyText()).isEqualTo("{\"versions\": []}");
        }
        assertThat(server.takeRequest().getTarget()).isEqualTo("/image/");
        server.enqueue(json(200, "{}"));
        client.send(ServiceRequest.toUrl("GET", URI.create(server.url("/image/v2/images?marker=m").toString())).build()).close();
        assertThat(server.takeRequest().getTarget()).isEqualTo("/image/v2/images?marker=m");
        assertThatThrownBy(() -> client.send(ServiceRequest.toUrl("GET", URI.create("http://elsewhere.example/v2/images")).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("another origin");
    }

    @Test
    void theBuilderRefusesCredentialsAndBadInput() {
        assertThatThrownBy(() -> ServiceRequest.get("images").header("X-Auth-Token", "t")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> client.send(ServiceRequest.get("").build())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> client.send(ServiceRequest.delete("images", "..").build())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ServiceRequest.toUrl("GET", URI.create("ftp://h/x"))).isInstanceOf(ValidationException.class);
        assertThat(server.getRequestCount()).isZero();
        assertThatThrownBy(() -> ServiceRequest.builder("GE T")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ServiceRequest.get("images").header("X-Foo", "a\r\nb")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RequestContent.ofJson(Map.of("when", new Object()))).isInstanceOf(ValidationException.class);
    }

    @Test
    void identityRequestsOfAnAuthCarryNoCredentialsAndAreNotRetried() throws Exception {
        server.enqueue(json(503, "{}"));
        AuthContext context = Calls.of(client).transport();
        assertThatThrownBy(() -> context.sendUnauthenticated(ServiceRequest.toUrl("POST",
                URI.create(server.url("/identity/v3/auth/tokens").toString())).jsonBody(Map.of("auth", Map.of())).build()))
                .isInstanceOf(ServerException.class);
        RecordedRequest r = server.takeRequest();
        assertThat(r.getHeaders().get("X-Auth-Token")).isNull();
        assertThat(r.getBody().utf8()).isEqualTo("{\"auth\":{}}");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
