package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.auth.Auth;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Response;

import java.util.List;
import java.util.Set;

/** Runs one pipeline step alone in front of a real network call, for the steps' unit tests. */
final class Steps {
    static final OkHttpClient HTTP = new OkHttpClient.Builder().followRedirects(false).followSslRedirects(false).build();
    static final RequestHeaders HEADERS = new RequestHeaders("imagesdk-test/1");

    private Steps() {
    }

    static Response run(Step step, Exchange exchange) {
        return new Pipeline(List.of(step), new NetworkCall(HTTP, HEADERS)).execute(exchange);
    }

    static Exchange get(MockWebServer server, String path, Auth auth) {
        return Exchange.of(ApiRequest.get().build(), server.url(path), auth, null, Set.of());
    }
}
