package dev.imagesdk.benchmarks.contenders;

import java.nio.file.Path;

/**
 * A Java client library as a contender. Each operation is what a user of that library writes for the
 * task; the harness times it.
 */
public interface JavaContender extends AutoCloseable {
    /**
     * Downloads image {@code id} into {@code dest} and verifies its SHA-512 against {@code expectedSha512};
     * throws if the data does not match. A library that cannot verify does a second pass over the file.
     */
    void downloadVerified(String id, Path dest, String expectedSha512) throws Exception;

    /** Uploads {@code source} as the data of the queued image {@code id}. */
    void upload(String id, Path source) throws Exception;

    /** Lists every image visible to the caller in pages of {@code pageSize}; returns how many it saw. */
    long listAll(int pageSize) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
