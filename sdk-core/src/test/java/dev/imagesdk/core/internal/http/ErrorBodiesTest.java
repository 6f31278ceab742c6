package dev.imagesdk.core.internal.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorBodiesTest {
    private static String message(String contentType, String body) {
        return ErrorBodies.message(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void glanceJsonWithMarkup() {
        assertThat(message("application/json", "{\"message\": \"No image found with ID x<br /><br />\\n\\n\\n\", "
                + "\"code\": \"404 Not Found\", \"title\": \"Not Found\"}")).isEqualTo("No image found with ID x");
    }

    @Test
    void glanceHtmlPage() {
        assertThat(message("text/html; charset=UTF-8", "<html>\n <head>\n  <title>403 Forbidden</title>\n </head>\n <body>\n"
                + "  <h1>403 Forbidden</h1>\n  Image status transition from active to saving is not allowed<br /><br />\n\n\n\n </body>\n</html>"))
                .isEqualTo("Image status transition from active to saving is not allowed");
    }

    @Test
    void nestedAndListShapes() {
        assertThat(message("application/json", "{\"badRequest\": {\"message\": \"Invalid sort key\", \"code\": 400}}"))
                .isEqualTo("Invalid sort key");
        assertThat(message("application/json", "{\"errors\": [{\"detail\": \"limit must be positive\"}]}"))
                .isEqualTo("limit must be positive");
        assertThat(message("application/json", "{\"title\": \"Conflict\"}")).isEqualTo("Conflict");
    }

    @Test
    void plainEmptyAndBrokenBodies() {
        assertThat(message("text/plain", "  Request Entity Too Large \n")).isEqualTo("Request Entity Too Large");
        assertThat(message(null, "")).isNull();
        assertThat(message("application/json", "{\"message\": ")).isEqualTo("{\"message\":");
        assertThat(message("text/plain", "x".repeat(5000))).hasSizeLessThan(2100);
    }
}
