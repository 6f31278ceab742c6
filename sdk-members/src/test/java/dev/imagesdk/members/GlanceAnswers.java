package dev.imagesdk.members;

import mockwebserver3.MockResponse;

/** Canned Glance answers, shaped like the recorded exchanges in shared/glance/transcript.md. */
final class GlanceAnswers {
    static final String IMAGE = "3c441d1e-aa40-4d8a-b060-2a7e24d1af6a";
    static final String OWNER = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    static final String PROJECT_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private GlanceAnswers() {
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .addHeader("X-Openstack-Request-Id", "req-00000000-0000-0000-0000-000000000" + code).body(body).build();
    }

    static MockResponse noContent() {
        return new MockResponse.Builder().code(204).addHeader("Content-Type", "text/html; charset=UTF-8")
                .addHeader("X-Openstack-Request-Id", "req-00000000-0000-0000-0000-000000000204").build();
    }

    static MockResponse error(int code, String title, String message) {
        return json(code, "{\"message\": \"" + message + "<br /><br />\\n\\n\\n\", \"code\": \"" + code + " " + title
                + "\", \"title\": \"" + title + "\"}");
    }

    static String member(String status) {
        return "{\"member_id\": \"" + PROJECT_B + "\", \"image_id\": \"" + IMAGE + "\", \"status\": \"" + status
                + "\", \"created_at\": \"2026-11-22T12:50:43Z\", \"updated_at\": \"2026-11-22T12:50:44Z\", \"schema\": \"/v2/schemas/member\"}";
    }

    static String image(String visibility) {
        return "{\"name\": \"a-shared\", \"disk_format\": \"raw\", \"container_format\": \"bare\", \"visibility\": \"" + visibility
                + "\", \"size\": null, \"virtual_size\": null, \"status\": \"queued\", \"checksum\": null, \"protected\": false,"
                + " \"min_ram\": 0, \"min_disk\": 0, \"owner\": \"" + OWNER + "\", \"os_hidden\": false, \"os_hash_algo\": null,"
                + " \"os_hash_value\": null, \"id\": \"" + IMAGE + "\", \"created_at\": \"2026-11-22T12:50:42Z\","
                + " \"updated_at\": \"2026-11-22T12:50:42Z\", \"tags\": [], \"self\": \"/v2/images/" + IMAGE + "\","
                + " \"file\": \"/v2/images/" + IMAGE + "/file\", \"schema\": \"/v2/schemas/image\"}";
    }
}
