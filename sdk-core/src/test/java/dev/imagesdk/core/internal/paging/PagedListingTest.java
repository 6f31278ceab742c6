package dev.imagesdk.core.internal.paging;

import dev.imagesdk.core.internal.http.Calls;

import com.squareup.moshi.JsonAdapter;
import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.PaginationException;
import dev.imagesdk.core.error.ResponseFormatException;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.paging.Page;
import dev.imagesdk.core.paging.Paged;
import mockwebserver3.SocketEffect;
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

class PagedListingTest {
    private MockWebServer server;
    private ServiceClient client;
    private Paged<Map<String, Object>> images;
    private JsonAdapter<Map<String, Object>> item;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = ServiceClient.builder().endpoint(server.url("/image/v2").toString()).auth(Auth.token("t"))
                .retryPolicy(RetryPolicy.none()).build();
        item = (JsonAdapter<Map<String, Object>>) (JsonAdapter<?>) Calls.of(client).moshi().adapter(Map.class);
        images = PagedListing.of(client, ApiRequest.get("images").query("limit", 2).build(), JsonPages.reader("images", item));
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
    void aPageThatArrivedThroughASameOriginRedirectWithAPrefixedNextLinkStillContinues() throws InterruptedException {
        // issue 14: the service moved below /glance; its next link carries that prefix, which the configured
        // endpoint (/image) does not have. Only the marker is taken from the link, so page 2 is asked at the
        // configured URL again and follows the same redirect.
        server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/glance/v2/images?limit=2").build());
        server.enqueue(page("/glance/v2/images?limit=2&marker=b", "a", "b"));
        server.enqueue(new MockResponse.Builder().code(301)
                .addHeader("Location", "/glance/v2/images?limit=2&marker=b").build());
        server.enqueue(page(null, "c"));

        assertThat(images.stream().map(m -> m.get("id"))).containsExactly("a", "b", "c");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/image/v2/images?limit=2");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/glance/v2/images?limit=2");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/image/v2/images?limit=2&marker=b");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/glance/v2/images?limit=2&marker=b");
    }

    /** Issue 14: a server that repeats an id across pages; the plain listing passes it on, distinct() drops it. */
    @Test
    void repeatsAcrossPagesArePassedOnAndDistinctDropsThem() throws InterruptedException {
        Paged<Map<String, Object>> byId = PagedListing.of(client, ApiRequest.get("images").query("limit", 2).build(),
                JsonPages.reader("images", item), m -> m.get("id"));
        for (int run = 0; run < 2; run++) {
            server.enqueue(page("/v2/images?limit=2&marker=b", "a", "b"));
            server.enqueue(page("/v2/images?limit=2&marker=c", "b", "c"));
            server.enqueue(page("/v2/images?limit=2&marker=a2", "a", "a2"));
            server.enqueue(page(null, "d"));
        }
        assertThat(byId.stream().map(m -> m.get("id"))).containsExactly("a", "b", "b", "c", "a", "a2", "d");
        Paged<Map<String, Object>> distinct = byId.distinct();
        assertThat(distinct.stream().map(m -> m.get("id"))).containsExactly("a", "b", "c", "a2", "d");
        assertThat(server.getRequestCount()).isEqualTo(8);
        for (int i = 0; i < 4; i++) {
            server.takeRequest();
        }
        assertThat(server.takeRequest().getTarget()).isEqualTo("/image/v2/images?limit=2");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/image/v2/images?limit=2&marker=b");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/image/v2/images?limit=2&marker=c");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/image/v2/images?limit=2&marker=a2");
        assertThat(distinct.distinct()).isSameAs(distinct);
    }

    @Test
    void distinctKeepsGoingPastAPageOfRepeatsAndStartsAfreshOnEachIteration() {
        Paged<Map<String, Object>> distinct = PagedListing.of(client, ApiRequest.get("images").query("limit", 2).build(),
                JsonPages.reader("images", item), m -> m.get("id")).distinct();
        server.enqueue(page("/v2/images?limit=2&marker=b", "a", "b"));
        server.enqueue(page("/v2/images?limit=2&marker=b2", "a", "b"));
        server.enqueue(page(null, "c"));
        List<List<Object>> pages = new java.util.ArrayList<>();
        for (Page<Map<String, Object>> p : distinct.pages()) {
            pages.add(p.items().stream().map(m -> m.get("id")).collect(Collectors.toList()));
        }
        assertThat(pages).containsExactly(List.of("a", "b"), List.of(), List.of("c"));

        server.enqueue(page(null, "a", "a", "b"));
        assertThat(distinct.firstPage().items()).extracting(m -> m.get("id")).containsExactly("a", "b");
    }

    @Test
    void distinctWithoutIdsComparesItemsAndPassesItemsWithoutId() {
        server.enqueue(page("/v2/images?limit=2&marker=b", "a", "b"));
        server.enqueue(page(null, "a", "c"));
        assertThat(images.distinct().stream().map(m -> m.get("id"))).containsExactly("a", "b", "c");

        Paged<Map<String, Object>> byId = PagedListing.of(client, ApiRequest.get("images").query("limit", 2).build(),
                JsonPages.reader("images", item), m -> m.get("no-such-key")).distinct();
        server.enqueue(page(null, "a", "a"));
        assertThat(byId.stream().map(m -> m.get("id"))).containsExactly("a", "a");
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

    private Paged<Map<String, Object>> listing(ApiRequest first) {
        return PagedListing.of(client, first, JsonPages.reader("images", item));
    }

    private List<String> targets(int n) throws InterruptedException {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(server.takeRequest().getTarget());
        }
        return out;
    }

    @Test
    void repeatedTagKeysAreSentOnEveryPageThoughTheServerLinkKeepsOnlyTheLast() throws InterruptedException {
        // Glance's next link is built from a dict of the query: tag=a&tag=b comes back as tag=b
        server.enqueue(page("/v2/images?limit=2&tag=b&marker=i2", "i1", "i2"));
        server.enqueue(page("/v2/images?limit=2&tag=b&marker=i4", "i3", "i4"));
        server.enqueue(page(null, "i5"));
        Paged<Map<String, Object>> tagged = listing(ApiRequest.get("images").query("limit", 2).query("tag", "a").query("tag", "b").build());

        assertThat(tagged.stream().map(m -> m.get("id"))).containsExactly("i1", "i2", "i3", "i4", "i5");
        assertThat(targets(3)).containsExactly(
                "/image/v2/images?limit=2&tag=a&tag=b",
                "/image/v2/images?limit=2&tag=a&tag=b&marker=i2",
                "/image/v2/images?limit=2&tag=a&tag=b&marker=i4");
    }

    @Test
    void repeatedSortKeysAreSentOnEveryPage() throws InterruptedException {
        server.enqueue(page("/v2/images?sort_key=created_at&sort_dir=desc&limit=2&marker=i2", "i1", "i2"));
        server.enqueue(page(null, "i3"));
        Paged<Map<String, Object>> sorted = listing(ApiRequest.get("images").query("limit", 2).query("sort_key", "name")
                .query("sort_dir", "asc").query("sort_key", "created_at").query("sort_dir", "desc").build());

        assertThat(sorted.stream().count()).isEqualTo(3);
        assertThat(targets(2)).containsExactly(
                "/image/v2/images?limit=2&sort_key=name&sort_dir=asc&sort_key=created_at&sort_dir=desc",
                "/image/v2/images?limit=2&sort_key=name&sort_dir=asc&sort_key=created_at&sort_dir=desc&marker=i2");
    }

    @Test
    void theCallersMarkerIsReplacedNotDuplicatedAndNothingElseIsTakenFromTheLink() throws InterruptedException {
        server.enqueue(page("/v2/images?limit=999&name=other&marker=i2", "i1", "i2"));
        server.enqueue(page("http://" + server.getHostName() + ":" + server.getPort() + "/image/v2/images?marker=i3", "i3"));
        server.enqueue(page(null, "i4"));
        Paged<Map<String, Object>> fromMarker = listing(ApiRequest.get("images").query("marker", "i0").query("limit", 2)
                .query("name", "in:x,y").build());

        assertThat(fromMarker.stream().count()).isEqualTo(4);
        assertThat(targets(3)).containsExactly(
                "/image/v2/images?marker=i0&limit=2&name=in%3Ax%2Cy",
                "/image/v2/images?limit=2&name=in%3Ax%2Cy&marker=i2",
                "/image/v2/images?limit=2&name=in%3Ax%2Cy&marker=i3");
    }

    @Test
    void aMarkerSeenBeforeIsALoopEvenUnderAnotherLink() {
        server.enqueue(page("/v2/images?limit=2&marker=i2", "i1", "i2"));
        server.enqueue(page("/v2/images?limit=2&tag=x&marker=i2&foo=1", "i3", "i4"));
        assertThatThrownBy(() -> images.stream().count()).isInstanceOf(PaginationException.class)
                .hasMessageContaining("already followed");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aNextLinkBackToTheCallersOwnMarkerIsALoop() {
        server.enqueue(page("/v2/images?marker=i0", "i1", "i2"));
        Paged<Map<String, Object>> fromMarker = listing(ApiRequest.get("images").query("marker", "i0").build());
        assertThatThrownBy(() -> fromMarker.stream().count()).isInstanceOf(PaginationException.class)
                .hasMessageContaining("already followed");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aNextLinkWithoutMarkerIsAPaginationError() {
        server.enqueue(page("/v2/images?limit=2&page=2", "i1", "i2"));
        assertThatThrownBy(() -> images.stream().count()).isInstanceOf(PaginationException.class)
                .hasMessageContaining("without a marker");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aPageWhoseBodyBreaksOffIsFetchedAgainWithinTheRetryPolicy() throws InterruptedException {
        ServiceClient retrying = ServiceClient.builder().endpoint(server.url("/image/v2").toString()).auth(Auth.token("t"))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialDelay(java.time.Duration.ofMillis(1))
                        .maxDelay(java.time.Duration.ofMillis(1)).build()).build();
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"id\": \"x").append(i).append("\"}");
        }
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"images\": [" + many + "]}").onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(page(null, "a", "b"));
        Paged<Map<String, Object>> listing = PagedListing.of(retrying, ApiRequest.get("images").build(), JsonPages.reader("images", item));

        assertThat(listing.stream().map(m -> m.get("id"))).containsExactly("a", "b");
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
