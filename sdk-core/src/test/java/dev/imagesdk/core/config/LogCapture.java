package dev.imagesdk.core.config;

import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the SDK logged (TRACE included) since {@link #start()}: the test logging binding writes every
 * {@code dev.imagesdk} logger to {@code target/imagesdk-test.log} (see simplelogger.properties).
 */
public final class LogCapture implements AutoCloseable {
    private static final Path LOG = Path.of("target", "imagesdk-test.log");
    private final long offset;

    private LogCapture() {
        LoggerFactory.getLogger("dev.imagesdk.config"); // the binding creates (truncates) the file on first use
        this.offset = size();
    }

    /** Starts capturing from the current end of the test log. */
    public static LogCapture start() {
        return new LogCapture();
    }

    private static long size() {
        try {
            return Files.exists(LOG) ? Files.size(LOG) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What was logged since {@link #start()}. */
    public String text() {
        try {
            if (!Files.exists(LOG)) {
                return "";
            }
            byte[] all = Files.readAllBytes(LOG);
            return new String(Arrays.copyOfRange(all, (int) Math.min(offset, all.length), all.length), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // nothing to restore: the log file belongs to the test run
    }
}
