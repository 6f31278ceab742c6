package dev.imagesdk.testing.internal.emulator.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request and its answer, on top of the JDK's {@link HttpExchange}: decoded path segments and
 * query, the caller's {@link Caller}, and response helpers that add Glance's headers and apply the
 * scripted {@link ResponseShaper fault} to the body.
 */
public final class Exchange {
    /** Largest JSON request body read into memory (image data is always streamed). */
    public static final int MAX_JSON_BODY = 4 * 1024 * 1024;

    private final HttpExchange http;
    private final String method;
    private final String rawPath;
    private final List<String> segments;
    private final QueryString query;
    private final String requestId;
    private Caller identity;
    private ResponseShaper shaper = ResponseShaper.NONE;
    private boolean responded;
    private int status;

    Exchange(HttpExchange http, String requestId) {
        this.http = http;
        this.method = http.getRequestMethod().toUpperCase(Locale.ROOT);
        URI uri = http.getRequestURI();
        this.rawPath = uri.getRawPath() == null ? "/" : uri.getRawPath();
        this.segments = splitPath(rawPath);
        this.query = QueryString.parse(uri.getRawQuery());
        this.requestId = requestId;
    }

    private static List<String> splitPath(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/", -1)) {
            // WSGI hands Glance the path as Latin-1: UTF-8 in a tag URL arrives garbled ("wÃ¶rld"), here too
            out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.ISO_8859_1));
        }
        if (!out.isEmpty() && out.get(0).isEmpty()) {
            out.remove(0);
        }
        return out;
    }

    /** The request method, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    /** The raw request path, e.g. {@code /v2/images/abc/file}. */
    public String path() {
        return rawPath;
    }

    /** Decoded path segments without the leading empty one; a trailing slash gives a trailing "". */
    public List<String> segments() {
        return segments;
    }

    /** The decoded query parameters. */
    public QueryString query() {
        return query;
    }

    /** The {@code X-Openstack-Request-Id} of this exchange (the caller's, or a new {@code req-<uuid>}). */
    public String requestId() {
        return requestId;
    }

    /** A request header (case-insensitive), or {@code null}. */
    public String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    /** The request headers as received. */
    public Headers requestHeaders() {
        return http.getRequestHeaders();
    }

    /** The media type of the request body without parameters, lower case, or "". */
    public String contentType() {
        String ct = header("Content-Type");
        if (ct == null) {
            return "";
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** {@code true} when the client asked for JSON error bodies. */
    public boolean wantsJson() {
        String accept = header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json");
    }

    /** Scheme, host and port the client used, e.g. {@code http://127.0.0.1:9292}. */
    public String baseUrl() {
        String host = header("Host");
        if (host == null || host.isBlank()) {
            host = http.getLocalAddress().getHostString() + ":" + http.getLocalAddress().getPort();
        }
        return "http://" + host;
    }

    /** The authenticated caller, or {@code null} before authentication. */
    public Caller identity() {
        return identity;
    }

    void identity(Caller identity) {
        this.identity = identity;
    }

    void shaper(ResponseShaper shaper) {
        this.shaper = shaper;
    }

    /** The request body as a stream (for image data). */
    public InputStream body() {
        return http.getRequestBody();
    }

    /** The request body as UTF-8 text (JSON bodies; capped at {@link #MAX_JSON_BODY}). */
    public String bodyText() {
        try (InputStream in = http.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > MAX_JSON_BODY) {
                    throw GlanceError.of(413, "Request body too large for a JSON document.");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code true} once response headers have been sent. */
    public boolean responded() {
        return responded;
    }

    /** The status sent, or 0. */
    public int status() {
        return status;
    }

    /** Sets a response header (before the response starts). */
    public Exchange responseHeader(String name, String value) {
        http.getResponseHeaders().set(name, value);
        return this;
    }

    /** Removes a response header set earlier (before the response starts). */
    public Exchange removeResponseHeader(String name) {
        http.getResponseHeaders().remove(name);
        return this;
    }

    /** Sends a JSON document. */
    public void sendJson(int code, Object document) {
        byte[] body = Json.write(document).getBytes(StandardCharsets.UTF_8);
        responseHeader("Content-Type", "application/json");
        sendBytes(code, body);
    }

    /** Sends plain text. */
    public void sendText(int code, String contentType, String text) {
        responseHeader("Content-Type", contentType);
        sendBytes(code, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends an answer without a body (202, 204, 302, 405 …), {@code Content-Type: text/html} as Glance
     * does, and a 204 with {@code Content-Length: 0} (which the JDK server leaves off by itself).
     */
    public void sendEmpty(int code) {
        if (code != 204 || !http.getResponseHeaders().containsKey("Content-Type")) {
            responseHeader("Content-Type", "text/html; charset=UTF-8");
        }
        sendEmptyUntyped(code);
    }

    /** Like {@link #sendEmpty(int)} without a {@code Content-Type} (Glance's 204 for an image without data). */
    public void sendEmptyUntyped(int code) {
        if (code == 204) {
            responseHeader("Content-Length", "0");
        }
        begin(code, -1);
        close();
    }

    /** Sends an error in Glance's format. */
    public void sendError(GlanceError e) {
        if (e.isWithoutRequestId()) {
            removeResponseHeader("X-Openstack-Request-Id");
        }
        e.headers().forEach(this::responseHeader);
        if (method.equals("HEAD")) {
            sendEmpty(e.status());
        } else if (wantsJson()) {
            sendJson(e.status(), ErrorPages.json(e));
        } else if (header("Accept") == null) {
            // webob answers a request without Accept in plain text
            sendText(e.status(), "text/plain; charset=UTF-8", ErrorPages.text(e));
        } else {
            sendText(e.status(), "text/html; charset=UTF-8", ErrorPages.html(e));
        }
    }

    private void sendBytes(int code, byte[] body) {
        try (OutputStream out = startBody(code, body.length)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a response with a body of {@code length} bytes ({@code 0} = unknown, sent chunked) and
     * returns the stream to write it to; closing it ends the exchange.
     */
    public OutputStream startBody(int code, long length) {
        long sent = shaper.forcesChunked() ? 0 : length;
        begin(code, sent);
        return shaper.wrap(http.getResponseBody(), method, rawPath);
    }

    private void begin(int code, long length) {
        if (responded) {
            throw new IllegalStateException("response already started");
        }
        responded = true;
        status = code;
        try {
            http.sendResponseHeaders(code, code == 204 || code == 304 ? -1 : length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void close() {
        http.close();
    }

    /** All response headers set so far. */
    public Map<String, List<String>> responseHeaders() {
        return http.getResponseHeaders();
    }
}
