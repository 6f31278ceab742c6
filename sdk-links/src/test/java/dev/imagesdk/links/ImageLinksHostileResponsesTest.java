package dev.imagesdk.links;

import dev.imagesdk.core.error.PaginationException;
import dev.imagesdk.core.error.ResponseFormatException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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

    /** Issue 14: one malformed link is flagged, the other links of the page are read unchanged. */
    @Test
    void oneMalformedLinkSpoilsOnlyItself() {
        ImageLink second = ImageLink.builder().linkId("7d0c5e1a-3f55-4a4e-9a51-2b8f2b3c9e10")
                .imageId("3c441d1e-aa40-4d8a-b060-2a7e24d1af6a").orgSlug("acme").spaceSlug("ml-lab").priority(10)
                .spaceType("research").comment("GPU image for the lab").build();
        List<HostileBodies.Mutation> mutations = HostileBodies.ofFirstItem(PAGE, "image_links");
        assertThat(mutations).hasSizeGreaterThan(80);
        List<String> wrong = new ArrayList<>();
        for (HostileBodies.Mutation m : mutations) {
            try {
                replies.serve(m.body());
                List<ImageLink> listed = links.list().stream().collect(Collectors.toList());
                replies.serve(m.body());
                List<ImageLink> ofImage = links.listForImage("3c441d1e-aa40-4d8a-b060-2a7e24d1af6a");
                if (listed.size() != 2 || !listed.get(1).equals(second) || !ofImage.equals(listed)) {
                    wrong.add(m + " -> " + listed + " / " + ofImage);
                }
            } catch (RuntimeException | StackOverflowError e) {
                wrong.add(m + " -> " + e);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aMalformedLinkIsFlaggedNotDropped() {
        replies.serve(PAGE.replace("\"priority\": 0", "\"priority\": 0.5")
                .replace("\"comment\": null}", "\"comment\": " + "[".repeat(5000) + "]".repeat(5000) + "}"));
        List<ImageLink> got = links.list().stream().collect(Collectors.toList());
        assertThat(got).hasSize(2);
        ImageLink first = got.get(0);
        assertThat(first.linkId()).isEqualTo("8d0c5e1a-3f55-4a4e-9a51-2b8f2b3c9e10");
        assertThat(first.priority()).isNull();
        assertThat(first.comment()).isNull();
        assertThat(first.isWellFormed()).isFalse();
        assertThat(first.decodingProblems()).hasSize(2).anySatisfy(p -> assertThat(p).startsWith("priority:"))
                .anySatisfy(p -> assertThat(p).startsWith("comment:"));
        assertThat(got.get(1).isWellFormed()).isTrue();
    }

    @Test
    void aSingleLinkWithoutIdsIsAFormatError() {
        replies.serve(LINK.replace("\"imid\": \"3c441d1e-aa40-4d8a-b060-2a7e24d1af6a\", ", ""));
        assertThatThrownBy(() -> links.get("7d0c5e1a-3f55-4a4e-9a51-2b8f2b3c9e10"))
                .isInstanceOf(ResponseFormatException.class).hasMessageContaining("imid: missing");
    }

    @Test
    void nextLinksToAnotherHostAreRefused() {
        replies.serve(PAGE.replace("\"first\"", "\"next\": \"https://elsewhere.invalid/v2/image-links?marker=x\", \"first\""));
        assertThatThrownBy(() -> links.list().stream().count()).isInstanceOf(PaginationException.class);
    }
}
