package dev.imagesdk.testing.contract;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A little http server on 127.0.0.1 holding the data of image locations for one test: {@code /a.img}
 * (3000 bytes), {@code /b.img} (5000 bytes), {@code /x<N>.img} (1000 bytes each), {@code /redirect/<name>}
 * (302 to {@code /<name>}), {@code /claims/<N>.img} (a {@code HEAD} that claims N bytes), anything else
 * 404. It records every request ({@code METHOD /path}).
 */
final class LocationDataServer implements AutoCloseable {
    private static final Pattern CLAIMS = Pattern.compile("/claims/(\\d+)\\.img");
    private static final Pattern X = Pattern.compile("/x\\d+\\.img");

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    LocationDataServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The bytes of {@code /a.img}, {@code /b.img} or {@code /xN.img}: a pattern that differs per file. */
    static byte[] data(String name) {
        int length = name.equals("a.img") ? 3000 : name.equals("b.img") ? 5000 : 1000;
        int seed = name.hashCode();
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    /** The url of {@code path} (starting with {@code /}) on this server. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Every request so far, as {@code METHOD /path}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        requests.add(method + " " + path);
        try (ex) {
            ex.getRequestBody().readAllBytes();
            Matcher claims = CLAIMS.matcher(path);
            if (path.startsWith("/redirect/")) {
                ex.getResponseHeaders().set("Location", url(path.substring("/redirect".length())));
                ex.sendResponseHeaders(302, -1);
            } else if (claims.matches() && method.equals("HEAD")) {
                ex.getResponseHeaders().set("Content-Length", claims.group(1));
                ex.sendResponseHeaders(200, -1);
            } else if (path.equals("/a.img") || path.equals("/b.img") || X.matcher(path).matches()) {
                byte[] body = data(path.substring(1));
                ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
                if (method.equals("HEAD")) {
                    ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
                    ex.sendResponseHeaders(200, -1);
                } else {
                    ex.sendResponseHeaders(200, body.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(body);
                    }
                }
            } else {
                ex.sendResponseHeaders(404, -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
