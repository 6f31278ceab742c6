package dev.imagesdk.testing.contract;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.links.ImageLinks;
import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The image-links contract with the links kept in Glance ({@code ImageLinks.inGlance}) on the emulator's Glance
 * images API (every build): the same tests as {@link EmulatorContractTest}'s run on the emulator's image-link
 * service, plus the tests only links kept in Glance have ({@link GlanceKeptLinksContract}).
 */
class EmulatorGlanceLinksContractTest implements ImageLinksContract, GlanceKeptLinksContract {
    private static ImageServiceEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = ImageServiceEmulator.builder().shuffleUnordered(23).start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Override
    public ServiceClient linkCaller(Identity identity) {
        return emulator.headersClient(identity);
    }

    @Override
    public ImageLinks links(Identity identity) {
        return ImageLinks.inGlance(linkCaller(identity), ImageLinksContract.callerRoles(identity));
    }
}
