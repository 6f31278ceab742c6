package dev.imagesdk.testing.contract;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * {@link MetadefsContract} on the emulator, with sample definition files loaded: the administrator and another
 * project through the trusted identity headers.
 */
class EmulatorMetadefsContractTest extends MetadefsContract {
    private static ImageServiceEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        // definition files in glance-common's format loaded as db_load_metadefs does, like the real Glance's
        try {
            emulator = ImageServiceEmulator.builder().metadefDefinitions(
                    Path.of(EmulatorMetadefsContractTest.class.getResource("/metadefs-sample").toURI())).start();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Override
    protected ServiceClient administrator() {
        return emulator.headersClient(Identity.builder().project("adm00000000000000000000000000000").user("user-admin")
                .roles("admin", "member", "reader").build());
    }

    @Override
    protected ServiceClient member() {
        return emulator.headersClient(Identity.builder().project("a0000000000000000000000000000000").user("user-a")
                .roles("member", "reader").build());
    }
}
