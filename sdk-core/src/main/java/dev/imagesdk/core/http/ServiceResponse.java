package dev.imagesdk.core.http;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The answer to a {@link ServiceRequest}: a 2xx status (or one the request accepted); error statuses
 * arrive as typed exceptions instead. Read the body once, with one of {@link #bodyStream()},
 * {@link #bodyText()} or {@link #bodyJson()}, and close the response (try-with-resources).
 */
public interface ServiceResponse extends AutoCloseable {

    /** The HTTP status. */
    int status();

    /**
     * The response headers, names case-insensitive, values in order. Headers that carry credentials
     * ({@code X-Subject-Token}, {@code Set-Cookie}, ...) are left out, so the map is safe to log.
     */
    Map<String, List<String>> headers();

    /**
     * The first value of a header, case-insensitive, credentials included (an identity service
     * returns its token in {@code X-Subject-Token}): never log what this returns for such a header.
     */
    Optional<String> header(String name);

    /** The server's request id ({@code X-Openstack-Request-Id}), when it sent one. */
    Optional<String> requestId();

    /** The URL that answered, after redirects (user info removed). */
    URI url();

    /** The body length the server announced, if it did. */
    OptionalLong contentLength();

    /**
     * The body as a stream, for large or binary bodies; closing the stream or the response releases
     * the connection. A read failure surfaces as {@link java.io.IOException} from the stream.
     */
    InputStream bodyStream();

    /**
     * The whole body as UTF-8 text, at most 64 MiB; closes the response.
     *
     * @throws dev.imagesdk.core.error.TransportException when reading fails
     * @throws dev.imagesdk.core.error.ResponseFormatException when the body is larger
     */
    String bodyText();

    /**
     * The whole body as a JSON tree: {@code Map<String, Object>} (document order), {@code List},
     * {@code String}, {@code Long} (integral numbers that fit) or {@code Double}, {@code Boolean} and
     * {@code null}; closes the response.
     *
     * @throws dev.imagesdk.core.error.ResponseFormatException when the body is not JSON
     * @throws dev.imagesdk.core.error.TransportException when reading fails
     */
    Object bodyJson();

    /** Releases the connection; the unread body is discarded. */
    @Override
    void close();
}
