package dev.imagesdk.core.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A loopback TCP proxy that injects network faults between a client and a real server, for
 * reliability tests. It rewrites every request and response to {@code Connection: close}, so each HTTP exchange
 * has its own connection and a fault applies to exactly one request. Faults are scripted as rules
 * (a request-line pattern and a count) and consumed in order; requests no rule matches pass through.
 *
 * <p>Listens on 127.0.0.1 only and forwards only to the loopback target it was given.
 */
public final class FaultProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final AtomicInteger faultsApplied = new AtomicInteger();
    private volatile boolean closed;

    private FaultProxy(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
        pool.execute(this::acceptLoop);
    }

    /**
     * Starts a proxy in front of {@code targetEndpoint} (for example {@code http://127.0.0.1:9292}).
     *
     * @throws IllegalArgumentException when the target is not a loopback address
     */
    public static FaultProxy start(String targetEndpoint) throws IOException {
        java.net.URI uri = java.net.URI.create(targetEndpoint);
        InetAddress address = InetAddress.getByName(uri.getHost());
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("the fault proxy only forwards to loopback, not " + uri.getHost());
        }
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new FaultProxy(server, new InetSocketAddress(address, uri.getPort() < 0 ? 80 : uri.getPort()));
    }

    /** The proxy's endpoint, to give the client instead of the server's. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Applies {@code fault} to the next {@code times} requests whose request line matches {@code requestLineRegex}. */
    public FaultProxy inject(String requestLineRegex, int times, Fault fault) {
        rules.add(new Rule(Pattern.compile(requestLineRegex), times, fault));
        return this;
    }

    /** Request lines seen so far ({@code GET /v2/images HTTP/1.1}), in order. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    /** How many faults were applied so far. */
    public int faultsApplied() {
        return faultsApplied.get();
    }

    /** Removes the rules not yet used up. */
    public void clearFaults() {
        rules.clear();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        pool.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                pool.execute(() -> handle(client));
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private synchronized Fault take(String requestLine) {
        for (Rule rule : rules) {
            if (rule.remaining > 0 && rule.pattern.matcher(requestLine).find()) {
                rule.remaining--;
                if (rule.remaining == 0) {
                    rules.remove(rule);
                }
                faultsApplied.incrementAndGet();
                return rule.fault;
            }
        }
        return null;
    }

    private void handle(Socket client) {
        try (client) {
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            byte[] head = readHead(fromClient);
            if (head == null) {
                return;
            }
            String headText = new String(head, StandardCharsets.ISO_8859_1);
            String requestLine = headText.substring(0, headText.indexOf("\r\n"));
            requestLines.add(requestLine);
            Fault fault = take(requestLine);
            if (fault != null && fault.kind == Fault.Kind.STATUS) {
                drainBody(fromClient, headText);
                String reason = fault.status == 429 ? "Too Many Requests" : fault.status == 503 ? "Service Unavailable" : "Error";
                String body = "{\"message\": \"injected " + fault.status + "\", \"code\": \"" + fault.status + " " + reason
                        + "\", \"title\": \"" + reason + "\"}";
                String response = "HTTP/1.1 " + fault.status + " " + reason + "\r\n"
                        + "Content-Type: application/json\r\n"
                        + (fault.retryAfter == null ? "" : "Retry-After: " + fault.retryAfter + "\r\n")
                        + "X-Openstack-Request-Id: req-00000000-0000-0000-0000-00000000fa17\r\n"
                        + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                        + "Connection: close\r\n\r\n" + body;
                client.getOutputStream().write(response.getBytes(StandardCharsets.UTF_8));
                client.getOutputStream().flush();
                return;
            }
            try (Socket upstream = new Socket()) {
                upstream.connect(target, 5000);
                upstream.setSoTimeout(120_000);
                OutputStream toUpstream = upstream.getOutputStream();
                toUpstream.write(withConnectionClose(headText).getBytes(StandardCharsets.ISO_8859_1));
                toUpstream.flush();
                pool.execute(() -> pumpRequestBody(fromClient, toUpstream, client, upstream, fault));
                pumpResponse(upstream.getInputStream(), client, fault);
            }
        } catch (IOException ignored) {
            // a broken connection is what some faults are for
        }
    }

    private void pumpRequestBody(InputStream from, OutputStream to, Socket client, Socket upstream, Fault fault) {
        long limit = fault != null && fault.kind == Fault.Kind.RESET_REQUEST ? fault.afterBytes : Long.MAX_VALUE;
        byte[] buffer = new byte[64 * 1024];
        long sent = 0;
        try {
            int n;
            while ((n = from.read(buffer, 0, (int) Math.min(buffer.length, Math.max(1, limit - sent)))) > 0) {
                to.write(buffer, 0, n);
                sent += n;
                if (sent >= limit) {
                    to.flush();
                    reset(client);
                    reset(upstream);
                    return;
                }
            }
            to.flush();
            upstream.shutdownOutput();
        } catch (IOException ignored) {
            // peer went away
        }
    }

    private void pumpResponse(InputStream upstream, Socket client, Fault fault) throws IOException {
        InputStream from = new BufferedInputStream(upstream);
        OutputStream to = client.getOutputStream();
        byte[] head = readHead(from);
        if (head == null) {
            return;
        }
        to.write(withConnectionClose(new String(head, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1));
        long limit = fault == null || fault.kind == Fault.Kind.RESET_REQUEST ? Long.MAX_VALUE : fault.afterBytes;
        byte[] buffer = new byte[64 * 1024];
        long relayed = 0;
        if (limit == 0) {
            to.flush();
        }
        int n;
        while (relayed < limit && (n = from.read(buffer, 0, (int) Math.min(buffer.length, limit - relayed))) > 0) {
            to.write(buffer, 0, n);
            relayed += n;
        }
        to.flush();
        if (relayed >= limit) {
            switch (fault.kind) {
                case DROP_RESPONSE:
                    reset(client);
                    return;
                case TRUNCATE_RESPONSE:
                    client.shutdownOutput();
                    return;
                case STALL_RESPONSE:
                    sleep(fault.stall);
                    return;
                default:
                    return;
            }
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (SocketException ignored) {
            // already closed
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
            if (matched == 4) {
                return head.toByteArray();
            }
            if (head.size() > 64 * 1024) {
                return null;
            }
        }
        return null;
    }

    private static void drainBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                long remaining = Long.parseLong(line.substring(15).trim());
                while (remaining > 0) {
                    long skipped = in.skip(remaining);
                    if (skipped <= 0) {
                        return;
                    }
                    remaining -= skipped;
                }
            }
        }
    }

    private static String withConnectionClose(String head) {
        List<String> lines = new ArrayList<>(List.of(head.split("\r\n")));
        lines.removeIf(l -> l.toLowerCase(Locale.ROOT).startsWith("connection:"));
        lines.add("Connection: close");
        return String.join("\r\n", lines) + "\r\n\r\n";
    }

    private static final class Rule {
        final Pattern pattern;
        int remaining;
        final Fault fault;

        Rule(Pattern pattern, int times, Fault fault) {
            this.pattern = pattern;
            this.remaining = times;
            this.fault = fault;
        }
    }

    /** One kind of misbehaviour. */
    public static final class Fault {
        enum Kind { STATUS, DROP_RESPONSE, TRUNCATE_RESPONSE, STALL_RESPONSE, RESET_REQUEST }

        final Kind kind;
        final int status;
        final String retryAfter;
        final long afterBytes;
        final Duration stall;

        private Fault(Kind kind, int status, String retryAfter, long afterBytes, Duration stall) {
            this.kind = kind;
            this.status = status;
            this.retryAfter = retryAfter;
            this.afterBytes = afterBytes;
            this.stall = stall;
        }

        /** Answers with {@code status} (and {@code Retry-After} when not {@code null}) without forwarding. */
        public static Fault status(int status, String retryAfter) {
            return new Fault(Kind.STATUS, status, retryAfter, 0, null);
        }

        /** Relays the response head and {@code bytes} of its body, then resets the connection. */
        public static Fault dropResponseAfter(long bytes) {
            return new Fault(Kind.DROP_RESPONSE, 0, null, bytes, null);
        }

        /** Relays the response head and {@code bytes} of its body, then closes cleanly: a short body. */
        public static Fault truncateResponseAfter(long bytes) {
            return new Fault(Kind.TRUNCATE_RESPONSE, 0, null, bytes, null);
        }

        /** Relays the response head and {@code bytes} of its body, then sends nothing for {@code stall} and closes. */
        public static Fault stallResponseAfter(long bytes, Duration stall) {
            return new Fault(Kind.STALL_RESPONSE, 0, null, bytes, stall);
        }

        /** Forwards {@code bytes} of the request (head excluded), then resets both connections. */
        public static Fault resetRequestAfter(long bytes) {
            return new Fault(Kind.RESET_REQUEST, 0, null, bytes, null);
        }
    }
}
