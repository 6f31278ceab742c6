package dev.imagesdk.links;

import dev.imagesdk.core.error.PaginationException;
import dev.imagesdk.core.it.HostileBodies;
import dev.imagesdk.core.it.JsonReplies;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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

    private final JsonReplies replies = JsonReplies.start();
    private final ImageLinks links = ImageLinks.of(replies.client());

    @AfterAll
    void stop() {
        replies.close();
    }

    @Test
    void listSurvivesEveryMutation() {
        replies.serve(PAGE);
        assertThat(links.list().stream().count()).as("the unmutated page reads").isEqualTo(2);
        assertThat(HostileBodies.untypedFailures(PAGE, m -> {
            replies.serve(m.body());
            links.list().forEach(link -> assertThat(link).isNotNull());
        })).isEmpty();
    }

    @Test
    void getAndLinksOfImageSurviveEveryMutation() {
        assertThat(HostileBodies.untypedFailures(LINK, m -> {
            replies.serve(m.body());
            links.get("7d0c5e1a-3f55-4a4e-9a51-2b8f2b3c9e10");
        })).isEmpty();
        assertThat(HostileBodies.untypedFailures(PAGE, m -> {
            replies.serve(m.body());
            links.listForImage("3c441d1e-aa40-4d8a-b060-2a7e24d1af6a");
        })).isEmpty();
    }

    @Test
    void nextLinksToAnotherHostAreRefused() {
        replies.serve(PAGE.replace("\"first\"", "\"next\": \"https://elsewhere.invalid/v2/image-links?marker=x\", \"first\""));
        assertThatThrownBy(() -> links.list().stream().count()).isInstanceOf(PaginationException.class);
    }
}
