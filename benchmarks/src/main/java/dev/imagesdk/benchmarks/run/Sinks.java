package dev.imagesdk.benchmarks.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing what an upload left in the canned server's PUT sink. */
public final class Sinks {
    private Sinks() {
    }

    /**
     * Deletes a file or directory tree if it exists. Every upload repetition removes its sink file right
     * after it is timed, so that each contender writes into memory the previous one just freed: on this
     * VM, filling tmpfs pages the guest has not touched before is up to 2-3× slower, and without this the
     * later repetitions of a contender measured the machine, not the client.
     */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
