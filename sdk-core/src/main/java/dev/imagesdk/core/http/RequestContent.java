package dev.imagesdk.core.http;

import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.JsonTrees;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The body of a {@link ServiceRequest}. Text, JSON, bytes and files can be sent again (after a
 * retry, a 401 replay or a 307 redirect); a stream is sent once only, so a request with one is never
 * repeated.
 */
public abstract class RequestContent {
    private final String contentType;

    private RequestContent(String contentType) {
        this.contentType = checkContentType(contentType);
    }

    /** Text in UTF-8 with the given media type (for example {@code text/plain}). */
    public static RequestContent ofString(String text, String contentType) {
        return ofBytes(notNull(text, "text").getBytes(StandardCharsets.UTF_8), contentType);
    }

    /**
     * A JSON document written from a tree of {@code Map<String, ?>}, {@code List}, {@code String},
     * {@code Number}, {@code Boolean} and {@code null}, sent as {@code application/json}.
     *
     * @throws ValidationException when the tree holds anything else
     */
    public static RequestContent ofJson(Object tree) {
        return ofBytes(JsonTrees.write(tree).getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8");
    }

    /**
     * A JSON document given as text, sent with {@code contentType} (for example Glance's
     * {@code application/openstack-images-v2.1-json-patch}).
     */
    public static RequestContent ofJsonText(String json, String contentType) {
        return ofString(json, contentType);
    }

    /** These bytes (copied). */
    public static RequestContent ofBytes(byte[] bytes, String contentType) {
        byte[] copy = notNull(bytes, "bytes").clone();
        return new RequestContent(contentType) {
            @Override
            public long length() {
                return copy.length;
            }

            @Override
            public boolean isReplayable() {
                return true;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(copy);
            }
        };
    }

    /** The content of a file, read when sent (and again when the request is repeated). */
    public static RequestContent ofFile(Path file, String contentType) {
        notNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new ValidationException("not a readable file: " + file);
        }
        return new RequestContent(contentType) {
            @Override
            public long length() {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return -1;
                }
            }

            @Override
            public boolean isReplayable() {
                return true;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                Files.copy(file, out);
            }
        };
    }

    /**
     * A stream, read once when the request is sent; the SDK does not close it. A request with a
     * stream is never retried or replayed.
     *
     * @param length the number of bytes, or {@code -1} when unknown (sent chunked)
     */
    public static RequestContent ofStream(InputStream in, long length, String contentType) {
        notNull(in, "stream");
        if (length < -1) {
            throw new ValidationException("length must be -1 (unknown) or more, was " + length);
        }
        AtomicBoolean used = new AtomicBoolean();
        return new RequestContent(contentType) {
            @Override
            public long length() {
                return length;
            }

            @Override
            public boolean isReplayable() {
                return false;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                if (used.getAndSet(true)) {
                    throw new IOException("a stream body can be sent once only");
                }
                in.transferTo(out);
            }
        };
    }

    /** The media type sent as {@code Content-Type}. */
    public final String contentType() {
        return contentType;
    }

    /** The length in bytes, or {@code -1} when unknown. */
    public abstract long length();

    /** {@code true} when the content can be sent again. */
    public abstract boolean isReplayable();

    /**
     * Writes the content to {@code out} (called by the SDK when sending).
     *
     * @throws IOException when the content cannot be read
     */
    public abstract void writeTo(OutputStream out) throws IOException;

    @Override
    public String toString() {
        return "RequestContent{" + contentType + ", " + (length() < 0 ? "unknown length" : length() + " bytes")
                + (isReplayable() ? "" : ", one-shot") + "}";
    }

    private static <T> T notNull(T value, String what) {
        if (value == null) {
            throw new ValidationException(what + " must not be null");
        }
        return value;
    }

    private static String checkContentType(String contentType) {
        if (contentType == null || contentType.isBlank() || contentType.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new ValidationException("content type must not be blank or hold control characters, was \""
                    + contentType + "\"");
        }
        return contentType.trim();
    }
}
