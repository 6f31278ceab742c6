package dev.imagesdk.images.internal.importing;

import dev.imagesdk.images.importing.*;

import dev.imagesdk.core.it.HostileBodies;
import dev.imagesdk.core.it.JsonReplies;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Glance 25's real {@code /v2/info/import} and {@code /v2/info/stores} answers (transcript), mutated every
 * way {@link HostileBodies} knows, fed through the import discovery calls: each call either succeeds or
 * throws an {@link dev.imagesdk.core.error.ImageServiceException} subtype, never a parser exception or an NPE.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageImportHostileResponsesTest {
    private static final String IMPORT_INFO = "{\"import-methods\": {\"description\": \"Import methods available.\", "
            + "\"type\": \"array\", \"value\": [\"glance-direct\", \"copy-image\"]}}";
    private static final String STORES = "{\"stores\": [{\"id\": \"fast\", \"description\": \"Fast local filesystem store\", "
            + "\"default\": \"true\"}, {\"id\": \"cheap\", \"description\": \"Cheap local filesystem store\"}]}";

    private final JsonReplies replies = JsonReplies.start();
    private final ImageImport imports = ImageImport.of(replies.client());

    @AfterAll
    void stop() {
        replies.close();
    }

    @Test
    void importMethodsSurviveEveryMutation() {
        assertThat(HostileBodies.untypedFailures(IMPORT_INFO, m -> {
            replies.serve(m.body());
            assertThat(imports.importMethods()).isNotNull();
        })).isEmpty();
    }

    @Test
    void storesSurviveEveryMutation() {
        assertThat(HostileBodies.untypedFailures(STORES, m -> {
            replies.serve(m.body());
            assertThat(imports.stores()).isNotNull();
        })).isEmpty();
    }
}
