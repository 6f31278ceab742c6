package dev.imagesdk.testing.internal.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.imagesdk.testing.internal.emulator.auth.Authenticator;
import dev.imagesdk.testing.internal.emulator.glance.ImageDataApi;
import dev.imagesdk.testing.internal.emulator.glance.ImagesApi;
import dev.imagesdk.testing.internal.emulator.glance.ServiceApi;
import dev.imagesdk.testing.internal.emulator.glance.StoresConfig;
import dev.imagesdk.testing.internal.emulator.http.Exchange;
import dev.imagesdk.testing.internal.emulator.http.Exchanges;
import dev.imagesdk.testing.internal.emulator.http.GlanceError;
import dev.imagesdk.testing.internal.emulator.http.ResponseShaper;
import dev.imagesdk.testing.internal.emulator.links.LinksApi;
import dev.imagesdk.testing.internal.emulator.metadefs.MetadefCatalog;
import dev.imagesdk.testing.internal.emulator.metadefs.MetadefsApi;
import dev.imagesdk.testing.internal.emulator.store.EmulatorState;
import dev.imagesdk.testing.faults.Fault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The HTTP side of the emulator on the JDK's {@link HttpServer}: request ids, scripted faults,
 * authentication, routing to the Glance and image-link handlers, and Glance-style error answers.
 */
public final class EmulatorServer {
    private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);
    private static final Pattern REQUEST_ID =
            Pattern.compile("req-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static {
        // Without TCP_NODELAY, header and body writes meet delayed ACKs: ~40 ms per small answer.
        // Read once by the JDK server's configuration, so it must be set before the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer http;
    private final ExecutorService handlers;
    private final ScheduledExecutorService worker;
    private final EmulatorState state;
    private final Authenticator auth = new Authenticator();
    private final List<FaultRule> faults = new CopyOnWriteArrayList<>();
    private final Map<Fault, FaultRule> faultCounts = new ConcurrentHashMap<>();
    private final Routes routes;
    private final MetadefCatalog metadefs = new MetadefCatalog();
    private final AtomicLong requests = new AtomicLong();

    /** An emulator bound to {@code host:port} (0 = a free port), with image data under {@code dataDir}; not started yet. */
    public EmulatorServer(String host, int port, int threads, Path dataDir, Duration importDelay) {
        this(host, port, threads, dataDir, EmulatorOptions.of(importDelay));
    }

    /** An emulator with these Glance-side options; not started yet. */
    public EmulatorServer(String host, int port, int threads, Path dataDir, EmulatorOptions options) {
        this.state = new EmulatorState(dataDir);
        if (options.shuffleSeed() != null) {
            state.shuffleUnordered(options.shuffleSeed());
        }
        StoresConfig stores = StoresConfig.reference(options.storeDescriptions(), options.showMultipleLocations());
        if (options.showMultipleLocations()) {
            state.showLocations();
        }
        this.worker = Executors.newSingleThreadScheduledExecutor(daemon("imagesdk-emulator-import"));
        ImagesApi images = new ImagesApi(state, stores, options.quotas());
        ImageDataApi data = new ImageDataApi(state, stores, images, worker, options.importDelay(), options.quotas());
        ServiceApi service = new ServiceApi(state, stores, images);
        this.routes = new Routes(images, data, service, new LinksApi(state), new MetadefsApi(metadefs));
        try {
            this.http = HttpServer.create(new InetSocketAddress(host, port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        this.handlers = Executors.newFixedThreadPool(threads, daemon("imagesdk-emulator-http"));
        http.setExecutor(handlers);
        http.createContext("/", this::handle);
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Starts answering requests. */
    public void start() {
        http.start();
    }

    /** Stops accepting requests, waits briefly for running ones, deletes the image data (and the directory). */
    public void stop(boolean deleteDataDir) {
        http.stop(0);
        handlers.shutdownNow();
        worker.shutdownNow();
        try {
            handlers.awaitTermination(2, TimeUnit.SECONDS);
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (deleteDataDir) {
            state.deleteDataDir();
        } else {
            state.clear();
        }
    }

    /** The address it listens on (the actual port when 0 was asked for). */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** The images, members, tasks and links it holds. */
    public EmulatorState state() {
        return state;
    }

    /** The metadata definitions (namespaces, objects, properties, tags, resource types) it holds. */
    public MetadefCatalog metadefs() {
        return metadefs;
    }

    /** Who the callers are: tokens and identities. */
    public Authenticator authenticator() {
        return auth;
    }

    /**
     * Adds {@code fault} after the ones already added; the first that matches a request is applied to it.
     * A fault added again (after removal) keeps counting from where it was.
     */
    public void addFault(Fault fault) {
        faults.add(faultCounts.computeIfAbsent(fault, FaultRule::new));
    }

    /** Removes {@code fault}; its counts stay readable. */
    public void removeFault(Fault fault) {
        faults.removeIf(r -> r.fault() == fault);
    }

    /** Removes every fault. */
    public void clearFaults() {
        faults.clear();
    }

    /** How many requests {@code fault} was applied to here (0 for a fault never added). */
    public int applied(Fault fault) {
        FaultRule r = faultCounts.get(fault);
        return r == null ? 0 : r.applied();
    }

    /** {@code true} once {@code fault} was applied here as many times as it allows. */
    public boolean exhausted(Fault fault) {
        FaultRule r = faultCounts.get(fault);
        return r != null && r.exhausted();
    }

    /** How many requests it has received so far. */
    public long requestCount() {
        return requests.get();
    }

    private void handle(HttpExchange raw) {
        requests.incrementAndGet();
        String sent = raw.getRequestHeaders().getFirst("X-Openstack-Request-Id");
        String requestId = sent != null && REQUEST_ID.matcher(sent.trim()).matches()
                ? sent.trim() : "req-" + UUID.randomUUID();
        Exchange ex = Exchanges.open(raw, requestId);
        ex.responseHeader("X-Openstack-Request-Id", requestId);
        boolean dropped = false;
        try {
            if (applyFault(ex)) {
                return;
            }
            routes.dispatch(ex, auth);
        } catch (GlanceError e) {
            answerError(ex, e);
        } catch (ResponseShaper.ConnectionDrop e) {
            dropped = true;
            throw e; // not closing the exchange: the JDK server closes the connection, the body stays unfinished
        } catch (RuntimeException e) {
            if (ex.responded()) {
                LOG.debug("emulator: {} {} failed after the answer started: {}", ex.method(), ex.path(), e.toString());
                dropped = true;
                throw e;
            }
            LOG.warn("emulator: {} {} failed", ex.method(), ex.path(), e);
            answerError(ex, GlanceError.of(500, "The server has either erred or is incapable of performing the "
                    + "requested operation."));
        } finally {
            if (!dropped) {
                Exchanges.close(ex);
            }
        }
    }

    private void answerError(Exchange ex, GlanceError e) {
        if (ex.responded()) {
            throw new ResponseShaper.ConnectionDrop("error after the answer started: " + e.getMessage());
        }
        Exchanges.drainRequestBody(ex);
        ex.sendError(e);
    }

    /** Applies the first matching fault; {@code true} when it fully answered (or dropped) the request. */
    private boolean applyFault(Exchange ex) {
        for (FaultRule rule : faults) {
            if (!rule.claim(ex.method(), ex.path())) {
                continue;
            }
            Fault f = rule.fault();
            if (!f.latency().isZero()) {
                try {
                    Thread.sleep(f.latency().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ResponseShaper.ConnectionDrop("interrupted");
                }
            }
            switch (f.kind()) {
                case STATUS:
                    if (f.retryAfter() != null) {
                        long seconds = (f.retryAfter().toMillis() + 999) / 1000;
                        ex.responseHeader("Retry-After", Long.toString(seconds));
                    }
                    Exchanges.drainRequestBody(ex);
                    ex.sendError(GlanceError.of(f.status(), f.message()));
                    return true;
                case DROP_CONNECTION:
                    throw new ResponseShaper.ConnectionDrop("fault: connection dropped");
                case DROP_MID_BODY:
                    Exchanges.shape(ex, ResponseShaper.dropAfter(f.bytes()));
                    return false;
                case TRUNCATE_BODY:
                    Exchanges.shape(ex, ResponseShaper.truncateAfter(f.bytes()));
                    return false;
                default:
                    return false;
            }
        }
        return false;
    }
}
