package dev.imagesdk.images.importing;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.it.HostileBodies;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;

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

    private MockWebServer server;
    private ImageImport imports;

    @BeforeAll
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        imports = ImageImport.of(ServiceClient.builder().endpoint(server.url("/").toString()).auth(Auth.token("t"))
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
    void importMethodsSurviveEveryMutation() {
        assertThat(HostileBodies.untypedFailures(IMPORT_INFO, m -> {
            serve(m.body());
            assertThat(imports.importMethods()).isNotNull();
        })).isEmpty();
    }

    @Test
    void storesSurviveEveryMutation() {
        assertThat(HostileBodies.untypedFailures(STORES, m -> {
            serve(m.body());
            assertThat(imports.stores()).isNotNull();
        })).isEmpty();
    }
}
