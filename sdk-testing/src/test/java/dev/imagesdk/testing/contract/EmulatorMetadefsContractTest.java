package dev.imagesdk.testing.contract;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link MetadefsContract} on the emulator: the administrator and another project through the trusted identity headers. */
class EmulatorMetadefsContractTest extends MetadefsContract {
    private static ImageServiceEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = ImageServiceEmulator.builder().start();
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
