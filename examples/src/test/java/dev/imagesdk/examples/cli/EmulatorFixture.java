package dev.imagesdk.examples.cli;

import dev.imagesdk.testing.ImageServiceEmulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An emulator with imagectl's demo identities, and imagectl runs against it as one of them. */
final class EmulatorFixture implements AutoCloseable {
    final ImageServiceEmulator emulator = ImageServiceEmulator.start();
    final String endpoint;

    EmulatorFixture() {
        DemoIdentities.register(emulator);
        endpoint = emulator.endpoint().toString();
    }

    /** Runs imagectl as the caller with {@code token}, not on a terminal. */
    Cli.Result as(String token, String... args) {
        return run(false, token, args);
    }

    Cli.Result run(boolean interactive, String token, String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint", endpoint, "--token", token));
        all.addAll(List.of(args));
        return Cli.run(Map.of(), interactive, all.toArray(new String[0]));
    }

    /** Like {@link #as} but fails unless the exit code is 0. */
    String ok(String token, String... args) {
        Cli.Result r = as(token, args);
        if (r.exitCode() != 0) {
            throw new AssertionError("imagectl " + String.join(" ", args) + " failed: " + r);
        }
        return r.out();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
