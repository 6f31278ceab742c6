package dev.imagesdk.core.paging;

import dev.imagesdk.core.internal.paging.JsonPages;

import com.squareup.moshi.JsonAdapter;
import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.PaginationException;
import dev.imagesdk.core.error.ResponseFormatException;
import dev.imagesdk.core.internal.http.ApiRequest;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagedTest {
    private MockWebServer server;
    private ServiceClient client;
    private Paged<Map<String, Object>> images;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = ServiceClient.builder().endpoint(server.url("/image/v2").toString()).auth(Auth.token("t"))
                .retryPolicy(RetryPolicy.none()).build();
        JsonAdapter<Map<String, Object>> item = (JsonAdapter<Map<String, Object>>) (JsonAdapter<?>) client.moshi().adapter(Map.class);
        images = Paged.of(client, ApiRequest.get("images").query("limit", 2).build(), JsonPages.reader("images", item));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse page(String next, String... ids) {
        String items = List.of(ids).stream().map(id -> "{\"id\": \"" + id + "\"}").collect(Collectors.joining(","));
        String body = "{\"images\": [" + items + "], \"first\": \"/v2/images?limit=2\", \"schema\": \"/v2/schemas/images\""
                + (next == null ? "" : ", \"next\": \"" + next + "\"") + "}";
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void followsNextLinksKeepingThePathPrefixAndStopsWithoutNext() throws InterruptedException {
        server.enqueue(page("/v2/images?limit=2&marker=b", "a", "b"));
        server.enqueue(page("/v2/images?limit=2&marker=d", "c", "d"));
        server.enqueue(page(null, "e"));
        assertThat(images.stream().map(m -> m.get("id"))).containsExactly("a", "b", "c", "d", "e");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/image/v2/images?limit=2");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/image/v2/images?limit=2&marker=b");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/image/v2/images?limit=2&marker=d");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void isLazyAndHoldsOnePageAtATime() {
        server.enqueue(page("/v2/images?limit=2&marker=b", "a", "b"));
        server.enqueue(page(null, "c"));
        Iterator<Map<String, Object>> it = images.iterator();
        assertThat(server.getRequestCount()).as("nothing before iteration").isZero();
        assertThat(it.next().get("id")).isEqualTo("a");
        assertThat(it.next().get("id")).isEqualTo("b");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(it.next().get("id")).isEqualTo("c");
        assertThat(it.hasNext()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anEmptyPageEndsTheListingEvenWithANextLink() {
        server.enqueue(page("/v2/images?limit=2&marker=b", "a", "b"));
        server.enqueue(page("/v2/images?limit=2&marker=z"));
        assertThat(images.stream().count()).isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRepeatedNextLinkIsAnErrorNotAnEndlessLoop() {
        server.enqueue(page("/v2/images?limit=2&marker=b", "a", "b"));
        server.enqueue(page("/v2/images?limit=2&marker=b", "c", "d"));
        server.enqueue(page("/v2/images?limit=2&marker=b", "c", "d"));
        assertThatThrownBy(() -> images.stream().count()).isInstanceOf(PaginationException.class)
                .hasMessageContaining("already followed");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aNextLinkToAnotherHostIsRefusedAndNothingIsSentThere() {
        server.enqueue(page("http://attacker.invalid:8080/v2/images?marker=b", "a", "b"));
        Iterator<Map<String, Object>> it = images.iterator();
        assertThatThrownBy(() -> {
            while (it.hasNext()) {
                it.next();
            }
        }).isInstanceOf(PaginationException.class).hasMessageContaining("another origin");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void pagesExposeLinksAndRequestIds() {
        server.enqueue(page("/v2/images?limit=2&marker=b", "a", "b").newBuilder().addHeader("X-Openstack-Request-Id", "req-p1").build());
        server.enqueue(page(null, "c"));
        List<Page<Map<String, Object>>> pages = new java.util.ArrayList<>();
        images.pages().forEach(pages::add);
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).nextLink()).contains("/v2/images?limit=2&marker=b");
        assertThat(pages.get(0).requestId()).contains("req-p1");
        assertThat(pages.get(1).nextLink()).isEmpty();
    }

    @Test
    void firstPageIsOneRequest() {
        server.enqueue(page("/v2/images?limit=2&marker=b", "a", "b"));
        assertThat(images.firstPage().items()).hasSize(2);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aDocumentWithoutTheCollectionIsAFormatError() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("{\"members\": []}").build());
        assertThatThrownBy(() -> images.stream().count()).isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("images");
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body("<html>oops</html>").build());
        assertThatThrownBy(() -> images.stream().count()).isInstanceOfSatisfying(ResponseFormatException.class,
                e -> assertThat(e.bodySnippet()).startsWith("<html>oops"));
    }
}
