package dev.imagesdk.testing.contract;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;

/**
 * The contract against the emulator (every build). Project A acts through a registered token, project
 * B and the administrator through the trusted identity headers, as the real Glance's tests do. Also
 * runs the image-links contract, which only the emulator serves. Runs in the shuffle mode, so a contract
 * test that relied on the order of an image's tags (which Glance does not keep) would fail here.
 */
class EmulatorContractTest extends ImageServiceContract implements ImageLinksContract, GlanceWireContract,
        MetadefsWireContract {
    private static final String PROJECT_A = "a0000000000000000000000000000000";
    private static final String PROJECT_B = "b0000000000000000000000000000000";
    private static ImageServiceEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        // shuffled tags: no contract test may rely on an order Glance does not keep
        emulator = ImageServiceEmulator.builder().importDelay(Duration.ofMillis(100)).shuffleUnordered(19).start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Override
    protected ServiceClient projectA() {
        return emulator.client(Identity.builder().project(PROJECT_A).user("user-a").build());
    }

    @Override
    protected ServiceClient projectB() {
        return emulator.headersClient(Identity.builder().project(PROJECT_B).user("user-b").build());
    }

    @Override
    protected ServiceClient administrator() {
        return emulator.headersClient(Identity.builder().project("adm00000000000000000000000000000").user("user-admin")
                .roles("admin", "member", "reader").build());
    }

    @Override
    protected String projectAId() {
        return PROJECT_A;
    }

    @Override
    protected String projectBId() {
        return PROJECT_B;
    }

    @Override
    public String wireEndpoint() {
        return emulator.endpoint().toString();
    }

    @Override
    public ServiceClient linkCaller(Identity identity) {
        return emulator.client(identity);
    }
}
