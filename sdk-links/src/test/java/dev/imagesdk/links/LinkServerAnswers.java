package dev.imagesdk.links;

import mockwebserver3.MockResponse;

/** Canned answers of an image-link server and of Glance, following the contract in the module README. */
final class LinkServerAnswers {
    static final String IMAGE = "3c441d1e-aa40-4d8a-b060-2a7e24d1af6a";

    private LinkServerAnswers() {
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .addHeader("X-Openstack-Request-Id", "req-00000000-0000-0000-0000-000000000" + code).body(body).build();
    }

    static MockResponse created(String body, String linkId) {
        return new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                .addHeader("Location", "/v2/image-links/" + linkId).body(body).build();
    }

    static MockResponse noContent() {
        return new MockResponse.Builder().code(204).build();
    }

    static MockResponse error(int code, String title, String message) {
        return json(code, "{\"message\": \"" + message + "\", \"code\": \"" + code + " " + title + "\", \"title\": \"" + title + "\"}");
    }

    static String link(String linkId, String org, String space, int priority) {
        return "{\"linkid\": \"" + linkId + "\", \"imid\": \"" + IMAGE + "\", \"org_slug\": " + quoted(org) + ", \"space_slug\": "
                + quoted(space) + ", \"priority\": " + priority + ", \"space_type\": " + (space == null ? "null" : "\"research\"")
                + ", \"comment\": null}";
    }

    static String page(String next, String... links) {
        return "{\"image_links\": [" + String.join(", ", links) + "]" + (next == null ? "" : ", \"next\": \"" + next + "\"") + "}";
    }

    static String image(boolean isProtected) {
        return "{\"name\": \"published\", \"disk_format\": \"raw\", \"container_format\": \"bare\", \"visibility\": \"shared\","
                + " \"size\": null, \"virtual_size\": null, \"status\": \"queued\", \"checksum\": null, \"protected\": " + isProtected + ","
                + " \"min_ram\": 0, \"min_disk\": 0, \"owner\": \"aaaa\", \"os_hidden\": false, \"os_hash_algo\": null,"
                + " \"os_hash_value\": null, \"id\": \"" + IMAGE + "\", \"created_at\": \"2026-11-22T12:50:42Z\","
                + " \"updated_at\": \"2026-11-22T12:50:42Z\", \"tags\": [], \"self\": \"/v2/images/" + IMAGE + "\","
                + " \"file\": \"/v2/images/" + IMAGE + "/file\", \"schema\": \"/v2/schemas/image\"}";
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
