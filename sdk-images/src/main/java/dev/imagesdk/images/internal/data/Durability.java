package dev.imagesdk.images.internal.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Flushes a finished download to stable storage: the temporary file's data before it is renamed to the
 * target ({@link #forceFile}), the directory after the rename ({@link #syncDirectory}), so that after a
 * crash or power loss the target either is the old file or holds every byte of the new one.
 * {@link #SYSTEM} is the real thing; tests record the order through their own implementation.
 */
interface Durability {
    /** Forces the file's data and metadata to the storage device ({@code fsync}); a failure fails the download. */
    void forceFile(FileChannel file, Path path) throws IOException;

    /**
     * Syncs a directory so that a rename in it survives a crash. Best effort: where the platform cannot
     * open a directory (Windows) or refuses to sync it, nothing happens.
     */
    void syncDirectory(Path dir);

    /** {@code fsync} of the file, then of the directory. */
    Durability SYSTEM = new Durability() {
        @Override
        public void forceFile(FileChannel file, Path path) throws IOException {
            file.force(true);
        }

        @Override
        public void syncDirectory(Path dir) {
            try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (IOException | UnsupportedOperationException refused) {
                // Windows cannot open a directory as a channel; some file systems refuse fsync on one:
                // the rename is then as durable as the platform makes it
            }
        }
    };
}
