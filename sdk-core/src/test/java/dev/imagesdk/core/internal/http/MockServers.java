package dev.imagesdk.core.internal.http;

import mockwebserver3.MockResponse;

/** Canned Glance answers for transport tests. */
final class MockServers {
    private MockServers() {
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .addHeader("X-Openstack-Request-Id", "req-" + code + "-test").body(body).build();
    }

    static MockResponse glanceError(int code, String title, String message) {
        return json(code, "{\"message\": \"" + message + "<br /><br />\\n\\n\\n\", \"code\": \"" + code + " " + title
                + "\", \"title\": \"" + title + "\"}");
    }
}
