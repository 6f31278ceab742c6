package dev.imagesdk.testing.load;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** 64 threads sharing one client run 10,000 mixed operations against the emulator: no errors, no lost image, no leak. */
class ConcurrentLoadTest {

    @Test
    void sixtyFourThreadsShareOneClient() throws InterruptedException {
        int operations = Integer.getInteger("imagesdk.load.emulatorOperations", 10_000);
        try (ImageServiceEmulator emulator = ImageServiceEmulator.builder().threads(64).start()) {
            ServiceClient client = emulator.client(Identity.member("load-project"));
            LoadScenario.Result result = LoadScenario.run(client, 64, operations, "load-" + UUID.randomUUID());
            System.out.println("[load] emulator: " + result);
            assertThat(result.failures).isEmpty();
            assertThat(result.operations).isEqualTo(operations);
            assertThat(result.listed).isEqualTo(result.alive);
            assertThat(result.created - result.deleted).isEqualTo(result.alive.size());
            assertThat(emulator.imageCount()).isEqualTo(result.alive.size());
            assertThat(result.connectionsInUse).isZero();
            assertThat(result.connections).isLessThanOrEqualTo(64);
            LoadScenario.cleanUp(client, result.alive);
            assertThat(emulator.imageCount()).isZero();
        }
    }
}
