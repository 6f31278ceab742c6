package dev.imagesdk.links;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.PaginationException;
import dev.imagesdk.core.it.HostileBodies;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Link documents of the sdk-links contract, mutated every way {@link HostileBodies} knows: only typed exceptions reach the caller. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageLinksHostileResponsesTest {
    static final String LINK = "{\"linkid\": \"7d0c5e1a-3f55-4a4e-9a51-2b8f2b3c9e10\", \"imid\": \"3c441d1e-aa40-4d8a-b060-2a7e24d1af6a\", "
            + "\"org_slug\": \"acme\", \"space_slug\": \"ml-lab\", \"priority\": 10, \"space_type\": \"research\", "
            + "\"comment\": \"GPU image for the lab\"}";
    static final String GLOBAL = "{\"linkid\": \"8d0c5e1a-3f55-4a4e-9a51-2b8f2b3c9e10\", \"imid\": \"3c441d1e-aa40-4d8a-b060-2a7e24d1af6a\", "
            + "\"org_slug\": null, \"space_slug\": null, \"priority\": 0, \"space_type\": null, \"comment\": null}";
    static final String PAGE = "{\"image_links\": [" + GLOBAL + ", " + LINK + "], \"first\": \"/v2/image-links?limit=2\"}";

    private MockWebServer server;
    private ImageLinks links;

    @BeforeAll
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        links = ImageLinks.of(ServiceClient.builder().endpoint(server.url("/").toString()).auth(Auth.token("t"))
                .retryPolicy(RetryPolicy.none()).build());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private void serve(String body) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build());
    }

    @Test
    void listSurvivesEveryMutation() {
        serve(PAGE);
        assertThat(links.list().stream().count()).as("the unmutated page reads").isEqualTo(2);
        assertThat(HostileBodies.untypedFailures(PAGE, m -> {
            serve(m.body());
            links.list().forEach(link -> assertThat(link).isNotNull());
        })).isEmpty();
    }

    @Test
    void getAndLinksOfImageSurviveEveryMutation() {
        assertThat(HostileBodies.untypedFailures(LINK, m -> {
            serve(m.body());
            links.get("7d0c5e1a-3f55-4a4e-9a51-2b8f2b3c9e10");
        })).isEmpty();
        assertThat(HostileBodies.untypedFailures(PAGE, m -> {
            serve(m.body());
            links.linksOfImage("3c441d1e-aa40-4d8a-b060-2a7e24d1af6a");
        })).isEmpty();
    }

    @Test
    void nextLinksToAnotherHostAreRefused() {
        serve(PAGE.replace("\"first\"", "\"next\": \"https://elsewhere.invalid/v2/image-links?marker=x\", \"first\""));
        assertThatThrownBy(() -> links.list().stream().count()).isInstanceOf(PaginationException.class);
    }
}
