package dev.imagesdk.images;

import dev.imagesdk.images.model.Image;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.ImageServiceException;
import dev.imagesdk.core.error.PaginationException;
import dev.imagesdk.core.it.HostileBodies;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real Glance responses (from the recorded transcript), mutated every way {@link HostileBodies} knows,
 * fed through every image read call: each call either succeeds or throws an
 * {@link ImageServiceException} subtype — never a parser exception or an NPE — and unknown values are kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileResponsesTest {
    /** A page of two real images from Glance 25 (transcript section 4), one with custom properties added. */
    static final String PAGE = "{\"images\": ["
            + "{\"name\": \"echo\", \"disk_format\": \"raw\", \"container_format\": \"bare\", \"visibility\": \"shared\", "
            + "\"size\": 1048576, \"virtual_size\": null, \"status\": \"active\", \"checksum\": \"5f363e0e58a95f06cbe9bbc662c5dfb6\", "
            + "\"protected\": false, \"min_ram\": 0, \"min_disk\": 0, \"owner\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", "
            + "\"os_hidden\": false, \"os_hash_algo\": \"sha512\", \"os_hash_value\": \"ab12\", \"stores\": \"fast,cheap\", "
            + "\"os_distro\": \"ubuntu\", \"id\": \"d190de35-9f27-41b8-8c44-99c928c6e9f4\", \"created_at\": \"2026-11-22T12:50:33Z\", "
            + "\"updated_at\": \"2026-11-22T12:50:33Z\", \"tags\": [\"bulk\"], \"self\": \"/v2/images/d190de35-9f27-41b8-8c44-99c928c6e9f4\", "
            + "\"file\": \"/v2/images/d190de35-9f27-41b8-8c44-99c928c6e9f4/file\", \"schema\": \"/v2/schemas/image\"},"
            + "{\"name\": null, \"disk_format\": null, \"container_format\": null, \"visibility\": \"shared\", \"size\": null, "
            + "\"virtual_size\": null, \"status\": \"queued\", \"checksum\": null, \"protected\": false, \"min_ram\": 0, \"min_disk\": 0, "
            + "\"owner\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", \"os_hidden\": false, \"os_hash_algo\": null, \"os_hash_value\": null, "
            + "\"id\": \"9539f646-bd8a-488d-ae23-97a66afd0a38\", \"created_at\": \"2026-11-22T12:50:30Z\", "
            + "\"updated_at\": \"2026-11-22T12:50:30Z\", \"tags\": [], \"self\": \"/v2/images/9539f646-bd8a-488d-ae23-97a66afd0a38\", "
            + "\"file\": \"/v2/images/9539f646-bd8a-488d-ae23-97a66afd0a38/file\", \"schema\": \"/v2/schemas/image\"}"
            + "], \"first\": \"/v2/images?limit=2\", \"schema\": \"/v2/schemas/images\"}";

    private MockWebServer server;
    private Images images;

    @BeforeAll
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        images = Images.of(ServiceClient.builder().endpoint(server.url("/").toString()).auth(Auth.token("t"))
                .retryPolicy(RetryPolicy.none()).build());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private void serve(String body, String contentType) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", contentType).body(body).build());
    }

    @Test
    void listingSurvivesEveryMutationOfARealPage() {
        assertThat(HostileBodies.of(PAGE)).hasSizeGreaterThan(200);
        assertThat(HostileBodies.untypedFailures(PAGE, m -> {
            serve(m.body(), "application/json");
            for (Image image : images.list()) {
                assertThat(image).isNotNull();
            }
        })).isEmpty();
    }

    /** Issue 14: every mutation of one image, a 5,000-level nested value included, spoils that image only. */
    @Test
    void oneMalformedImageSpoilsOnlyItself() {
        serve(PAGE, "application/json");
        Image second = images.list().stream().skip(1).findFirst().orElseThrow();
        assertThat(second.id()).isEqualTo("9539f646-bd8a-488d-ae23-97a66afd0a38");
        assertThat(second.isWellFormed()).isTrue();
        List<HostileBodies.Mutation> mutations = HostileBodies.ofFirstItem(PAGE, "images");
        assertThat(mutations).hasSizeGreaterThan(250);
        List<String> wrong = new ArrayList<>();
        for (HostileBodies.Mutation m : mutations) {
            serve(m.body(), "application/json");
            try {
                List<Image> got = images.list().stream().collect(Collectors.toList());
                if (got.size() != 2 || !got.get(1).equals(second)) {
                    wrong.add(m + " -> " + got);
                }
            } catch (RuntimeException | StackOverflowError e) {
                wrong.add(m + " -> " + e);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aPathologicallyNestedPropertyFlagsItsImageOnly() {
        String deep = "[".repeat(HostileBodies.PATHOLOGICAL_DEPTH) + "]".repeat(HostileBodies.PATHOLOGICAL_DEPTH);
        serve(PAGE.replace("\"os_distro\": \"ubuntu\"", "\"os_distro\": \"ubuntu\", \"x_deep\": " + deep), "application/json");
        List<Image> got = images.list().stream().collect(Collectors.toList());
        assertThat(got).extracting(Image::id).containsExactly("d190de35-9f27-41b8-8c44-99c928c6e9f4", "9539f646-bd8a-488d-ae23-97a66afd0a38");
        Image first = got.get(0);
        assertThat(first.isWellFormed()).isFalse();
        assertThat(first.decodingProblems()).containsExactly("x_deep: nested deeper than 64 levels; left out");
        assertThat(first.properties()).containsEntry("os_distro", "ubuntu").doesNotContainKey("x_deep");
        assertThat(first.name()).isEqualTo("echo");
        assertThat(first.updatedAt()).isEqualTo(java.time.Instant.parse("2026-11-22T12:50:33Z"));
        assertThat(got.get(1).isWellFormed()).isTrue();
    }

    /** Issue 14: an id repeated across pages is passed on; distinct() keeps its first occurrence only. */
    @Test
    void anIdRepeatedAcrossPagesIsPassedOnUnlessDistinct() {
        String first = PAGE.replace("\"first\"", "\"next\": \"/v2/images?marker=9539f646-bd8a-488d-ae23-97a66afd0a38\", \"first\"");
        String second = PAGE.replace("\"name\": \"echo\"", "\"name\": \"echo renamed\"");
        serve(first, "application/json");
        serve(second, "application/json");
        assertThat(images.list().stream().map(Image::name)).containsExactly("echo", null, "echo renamed", null);
        serve(first, "application/json");
        serve(second, "application/json");
        assertThat(images.list().distinct().stream().map(Image::id))
                .containsExactly("d190de35-9f27-41b8-8c44-99c928c6e9f4", "9539f646-bd8a-488d-ae23-97a66afd0a38");
    }

    @Test
    void getSurvivesEveryMutationOfARealImage() {
        String image = PAGE.substring(PAGE.indexOf('[') + 1, PAGE.indexOf("},{") + 1);
        assertThat(HostileBodies.untypedFailures(image, m -> {
            serve(m.body(), "application/json");
            assertThat(images.get("d190de35-9f27-41b8-8c44-99c928c6e9f4")).isNotNull();
        })).isEmpty();
    }

    @Test
    void wrongContentTypesAreTypedErrors() {
        for (String type : new String[] {"text/html", "application/octet-stream", "text/plain"}) {
            serve("<html>gateway says hi</html>", type);
            assertThatThrownBy(() -> images.get("d190de35-9f27-41b8-8c44-99c928c6e9f4")).isInstanceOf(ImageServiceException.class);
        }
    }

    @Test
    void unknownEnumValuesArePreservedNotDropped() {
        serve(PAGE.replace("\"status\": \"active\"", "\"status\": \"quantum_entangled\"")
                .replace("\"visibility\": \"shared\"", "\"visibility\": \"galactic\""), "application/json");
        Image first = images.list().iterator().next();
        assertThat(first.status().value()).isEqualTo("quantum_entangled");
        assertThat(first.status().isKnown()).isFalse();
        assertThat(first.visibility().value()).isEqualTo("galactic");
    }

    @Test
    void nextLinksToAnotherHostOrLoopingAreRefused() {
        serve(PAGE.replace("\"first\"", "\"next\": \"http://evil.invalid/v2/images?marker=x\", \"first\""), "application/json");
        assertThatThrownBy(() -> images.list().stream().count()).isInstanceOf(PaginationException.class);
        String looping = PAGE.replace("\"first\"", "\"next\": \"/v2/images?marker=same\", \"first\"");
        serve(looping, "application/json");
        serve(looping, "application/json");
        assertThatThrownBy(() -> images.list().stream().count()).isInstanceOf(PaginationException.class);
    }
}
