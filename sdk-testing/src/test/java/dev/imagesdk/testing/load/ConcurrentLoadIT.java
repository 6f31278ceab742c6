package dev.imagesdk.testing.load;

import dev.imagesdk.core.it.RealGlance;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.ListOpts;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** 64 threads sharing one client against the real Glance: nothing fails, nothing is lost, nothing leaks. */
class ConcurrentLoadIT {

    @Test
    void sixtyFourThreadsShareOneClient() throws InterruptedException {
        int operations = Integer.getInteger("imagesdk.load.glanceOperations", 2000);
        String tag = "load-" + UUID.randomUUID();
        LoadScenario.Result result = LoadScenario.run(RealGlance.projectA(), 64, operations, tag);
        System.out.println("[load] real Glance: " + result);
        try {
            assertThat(result.failures).isEmpty();
            assertThat(result.operations).isEqualTo(operations);
            assertThat(result.listed).as("every image created and not deleted is there, and nothing else").isEqualTo(result.alive);
            assertThat(result.created - result.deleted).isEqualTo(result.alive.size());
            assertThat(result.connectionsInUse).as("no response left open").isZero();
            assertThat(result.connections).as("pool stays bounded by the thread count").isLessThanOrEqualTo(64);
        } finally {
            LoadScenario.cleanUp(RealGlance.projectA(), result.listed);
        }
        assertThat(Images.of(RealGlance.projectA()).list(ListOpts.builder().tag(tag).build()).stream()).isEmpty();
    }
}
