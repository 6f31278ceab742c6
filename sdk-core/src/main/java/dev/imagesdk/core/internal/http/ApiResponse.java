package dev.imagesdk.core.internal.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import dev.imagesdk.core.error.ImageServiceException;
import dev.imagesdk.core.error.ResponseFormatException;
import dev.imagesdk.core.error.TransportException;
import okhttp3.Headers;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A successful (2xx) answer whose body has not been read yet. Close it (try-with-resources) unless a
 * method here already consumed the body. JSON is read with a size cap; image data is streamed
 * through {@link #bodySource()} and never buffered.
 */
public final class ApiResponse implements Closeable {
    /** Largest JSON document the SDK reads (a 1000-image page is under 1 MiB). */
    public static final long MAX_JSON_BYTES = 64L * 1024 * 1024;
    private static final int SNIPPET_CHARS = 200;

    private final Response response;
    private final String method;
    private final String url;

    ApiResponse(Response response, String method, String url) {
        this.response = response;
        this.method = method;
        this.url = url;
    }

    /**
     * A response that did not come through the transport, for tests and benchmarks that read a canned body the
     * way a real answer is read.
     */
    public static ApiResponse of(Response response) {
        return new ApiResponse(response, response.request().method(), Redaction.url(response.request().url()));
    }

    /** The HTTP status (2xx). */
    public int status() {
        return response.code();
    }

    /** First value of a response header, case-insensitive. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(response.header(name));
    }

    /** All response headers. */
    public Headers headers() {
        return response.headers();
    }

    /** The server's {@code x-openstack-request-id}, when it sent one. */
    public Optional<String> requestId() {
        return Optional.ofNullable(ErrorMapping.requestId(response));
    }

    /** The method of the request that was answered. */
    public String method() {
        return method;
    }

    /** The URL that answered (after redirects), without credentials. */
    public String url() {
        return url;
    }

    /** The body length the server announced, when it announced one (Glance streams image data chunked). */
    public OptionalLong contentLength() {
        ResponseBody body = response.body();
        long length = body.contentLength();
        return length >= 0 ? OptionalLong.of(length) : OptionalLong.empty();
    }

    /** The body as a stream of bytes, for image data. Reading errors surface as {@link IOException}. */
    public BufferedSource bodySource() {
        return response.body().source();
    }

    /** The body as an {@link InputStream}, for image data. */
    public InputStream bodyStream() {
        return response.body().byteStream();
    }

    /**
     * Reads the whole body as JSON through {@code adapter} and closes the response.
     *
     * @throws ResponseFormatException when the body is empty, too large, not JSON or not of the expected shape
     * @throws TransportException when the body cannot be read
     */
    public <T> T readJson(JsonAdapter<T> adapter) {
        Buffer buffer = readBounded();
        try {
            if (buffer.size() == 0) {
                throw malformed("expected a JSON document but the body is empty", buffer, null);
            }
            JsonReader reader = JsonReader.of(buffer.peek());
            T value = adapter.fromJson(reader);
            if (value == null) {
                throw malformed("expected a JSON value but got null", buffer, null);
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ResponseFormatException) {
                throw (ResponseFormatException) e;
            }
            throw malformed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), buffer, e);
        }
    }

    /**
     * Reads the whole body through {@code reader} (which sees the parser positioned at the start of the
     * document) and closes the response. Any parser or mapping failure becomes a {@link ResponseFormatException}.
     * What {@code reader} returns must not refer to the body's buffer: it is cleared afterwards.
     */
    public <T> T readJson(JsonBodyReader<T> reader) {
        Buffer buffer = readBounded();
        try {
            if (buffer.size() == 0) {
                throw malformed("expected a JSON document but the body is empty", buffer, null);
            }
            return reader.readBuffered(buffer, this);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageServiceException && !(e instanceof dev.imagesdk.core.error.ValidationException)) {
                throw (ImageServiceException) e;
            }
            throw malformed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), buffer, e);
        } finally {
            buffer.clear();  // the document is decoded: its segments go back to okio's pool for the next read
        }
    }

    /** Reads a small body as text (at most {@link #MAX_JSON_BYTES}) and closes the response. */
    public String readText() {
        return readBounded().readUtf8();
    }

    /** Discards the body and closes the response. */
    @Override
    public void close() {
        response.close();
    }

    /**
     * A reader of one JSON document.
     *
     * @param <T> what it produces
     */
    @FunctionalInterface
    public interface JsonBodyReader<T> {
        /**
         * @param reader positioned before the document's first token
         * @param response the response being read (headers, request id)
         */
        T read(JsonReader reader, ApiResponse response) throws IOException;

        /**
         * Reads the document from the buffer the body was read into (the buffer itself, not a copy; it must not be
         * consumed). By default {@link #read(JsonReader, ApiResponse)} over a Moshi reader of it; a byte-level reader
         * (see {@code dev.imagesdk.core.internal.json.JsonBytes}) overrides this.
         *
         * @param body the whole body, at most {@link #MAX_JSON_BYTES}, not empty
         */
        default T readBuffered(Buffer body, ApiResponse response) throws IOException {
            return read(JsonReader.of(body.peek()), response);
        }
    }

    /** Builds a {@link ResponseFormatException} for this response, quoting the start of {@code body}. */
    public ResponseFormatException malformed(String problem, Buffer body, Throwable cause) {
        String snippet = body == null ? "" : snippet(body);
        return new ResponseFormatException(problem, status(), snippet, method, url, requestId().orElse(null), cause);
    }

    private static String snippet(Buffer body) {
        long n = Math.min(body.size(), SNIPPET_CHARS * 4L);
        String text = body.snapshot((int) n).string(StandardCharsets.UTF_8);
        return text.length() > SNIPPET_CHARS ? text.substring(0, SNIPPET_CHARS) + "…" : text;
    }

    private Buffer readBounded() {
        try (ResponseBody body = response.body()) {
            if (body.contentLength() > MAX_JSON_BYTES) {
                throw malformed("body of " + body.contentLength() + " bytes exceeds the " + MAX_JSON_BYTES
                        + "-byte limit for JSON", null, null);
            }
            Buffer buffer = new Buffer();
            BufferedSource source = body.source();
            while (!source.exhausted()) {
                buffer.write(source, Math.min(source.getBuffer().size(), MAX_JSON_BYTES + 1 - buffer.size()));
                if (buffer.size() > MAX_JSON_BYTES) {
                    throw malformed("body exceeds the " + MAX_JSON_BYTES + "-byte limit for JSON", null, null);
                }
            }
            return buffer;
        } catch (IOException e) {
            TransportException stopped = OperationScope.failure(e, method, url);
            if (stopped != null) {
                throw stopped;
            }
            throw new TransportException("Reading the response body failed: " + e, method, url, e, false);
        }
    }
}
