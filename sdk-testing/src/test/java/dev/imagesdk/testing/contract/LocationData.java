package dev.imagesdk.testing.contract;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * The data behind the http locations of the location contracts: a small http server on loopback (where
 * the real Glance's http store and the emulator read it), serving {@code /a.img} and {@code /c.img}
 * (the same 3,000 bytes) and {@code /b.img} (5,000 bytes) to GET and HEAD; any other path is 404. Started once per JVM.
 */
final class LocationData {
    /** 3,000 bytes: byte i is {@code i % 251}. */
    static final byte[] A = pattern(3000, 251);
    /** 5,000 bytes: byte i is {@code i % 241}. */
    static final byte[] B = pattern(5000, 241);

    /** SHA-512 of {@link #B}, computed with Python's hashlib (not by the SDK). */
    static final String SHA512_OF_B = "b81409e2250226ed774ff23f68a5bcc46bce22294ec44dcc58184fbfba66ba48"
            + "f5c62bffd6bf43ec710561504778b4b3a5c00cc778a4bcd9915d4f859fe0513e";
    /** MD5 of {@link #B}, computed with Python's hashlib. */
    static final String MD5_OF_B = "6ca89dc510d5ecfe4857a58771dc9d28";

    private static volatile HttpServer server;

    private LocationData() {
    }

    /** The URL of {@code /a.img}. */
    static String a() {
        return url("/a.img");
    }

    /** The URL of {@code /b.img}. */
    static String b() {
        return url("/b.img");
    }

    /** The URL of {@code /c.img}: the same bytes as {@code /a.img} under another URL. */
    static String c() {
        return url("/c.img");
    }

    /** A URL of the server that answers 404. */
    static String missing() {
        return url("/missing.img");
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + start().getAddress().getPort() + path;
    }

    private static byte[] pattern(int size, int modulus) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i % modulus);
        }
        return b;
    }

    private static synchronized HttpServer start() {
        if (server == null) {
            try {
                HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
                Map<String, byte[]> files = Map.of("/a.img", A, "/b.img", B, "/c.img", A);
                s.createContext("/", exchange -> serve(exchange, files.get(exchange.getRequestURI().getPath())));
                s.start();
                server = s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    private static void serve(HttpExchange exchange, byte[] body) throws IOException {
        try (exchange) {
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
