package dev.imagesdk.testing;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.testing.internal.emulator.EmulatorOptions;
import dev.imagesdk.testing.internal.emulator.EmulatorServer;
import dev.imagesdk.testing.internal.emulator.glance.Quotas;
import dev.imagesdk.testing.internal.emulator.http.Caller;
import dev.imagesdk.testing.internal.emulator.metadefs.MetadefDefinitions;
import dev.imagesdk.testing.faults.Fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An in-process emulator of the image service (Glance Image API v2.16, as the real Glance 25 answers
 * it) plus the SDK's image-links resource, on a loopback HTTP port: for integration tests of services
 * that use this SDK, without a cloud.
 *
 * <pre>{@code
 * try (ImageServiceEmulator emulator = ImageServiceEmulator.start()) {
 *     ServiceClient alice = emulator.client(Identity.member("project-a"));
 *     ...
 * }
 * }</pre>
 *
 * <p>What it does like Glance: version discovery, images with every attribute Glance shows, custom
 * properties, tags, JSON-patch updates with Glance's status codes, data upload/download streamed
 * through temporary files with size/md5/sha512 computed on the way, ranges, staging and
 * glance-direct/copy-image import, deactivation, members and visibility between projects, tasks,
 * info, schemas, the cache API, metadata definitions ({@code /v2/metadefs}: namespaces, objects,
 * properties, tags, resource types; see {@link Builder#metadefDefinitions(Path)}), and Glance's error
 * bodies and request ids. Glance's quotas (properties,
 * tags, members per image, image size cap, per-project storage) are enforced with Glance's defaults and
 * 413 answers, and can be set on the {@link Builder}; {@link Builder#shuffleUnordered(long)} shuffles the
 * tags Glance keeps unordered; {@link Builder#showMultipleLocations(boolean)} shows image locations and
 * serves Glance's location operations (http locations read from their urls). Callers authenticate with
 * a token registered here ({@link #registerToken(String, Identity)}) or with the trusted identity
 * headers Glance accepts behind an authenticating proxy. Scripted {@link Fault faults} let
 * resilience tests see latency, 503/429 answers, dropped connections and truncated bodies.
 *
 * <p>Thread-safe. {@link #close()} stops the server and deletes the image data.
 */
public final class ImageServiceEmulator implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmulatorServer server;
    private final URI endpoint;
    private final boolean ownsDataDir;
    private final UnaryOperator<ServiceClient.Builder> clientCustomizer;
    private volatile ServiceClient base;
    private volatile boolean closed;

    private ImageServiceEmulator(Builder b) {
        // read before anything is bound or created, so a bad file leaves nothing behind
        MetadefDefinitions definitions = b.metadefDefinitions == null ? null : MetadefDefinitions.read(b.metadefDefinitions);
        Path dir = b.dataDirectory;
        this.ownsDataDir = dir == null;
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("imagesdk-emulator-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the emulator's data directory", e);
            }
        }
        this.server = new EmulatorServer(b.host, b.port, b.threads, dir, new EmulatorOptions(b.importDelay,
                new Quotas(b.imagePropertyQuota, b.imageTagQuota, b.imageMemberQuota, b.imageSizeCap,
                        b.userStorageQuota, b.imageLocationQuota), b.shuffleSeed, b.storeDescriptions,
                b.showMultipleLocations));
        this.clientCustomizer = b.clientCustomizer;
        if (definitions != null) {
            server.metadefs().seed(definitions);
        }
        server.start();
        this.endpoint = URI.create("http://" + hostForUri(b.host) + ":" + server.address().getPort());
    }

    private static String hostForUri(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Starts an emulator on a free loopback port with default settings. */
    public static ImageServiceEmulator start() {
        return builder().start();
    }

    /** A builder for an emulator with chosen settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** The service root, e.g. {@code http://127.0.0.1:41234} (the image API is below {@code /v2}). */
    public URI endpoint() {
        return endpoint;
    }

    /** The port the emulator listens on. */
    public int port() {
        return endpoint.getPort();
    }

    /** Accepts {@code token} (sent as {@code X-Auth-Token}) as {@code identity}. */
    public void registerToken(String token, Identity identity) {
        Arguments.notNull(token, "token");
        Arguments.notNull(identity, "identity");
        server.authenticator().registerToken(token, caller(identity));
    }

    /**
     * Remembers {@code identity}'s organization and space roles for requests that identify its user
     * with the trusted headers (which cannot carry them).
     */
    public void registerUser(Identity identity) {
        server.authenticator().registerUser(caller(Arguments.notNull(identity, "identity")));
    }

    /**
     * A client acting as {@code identity} through a fresh token registered on this emulator. Clients
     * share one connection pool; they are closed with the emulator.
     */
    public ServiceClient client(Identity identity) {
        String token = "emu-" + HexFormat.of().formatHex(nextToken());
        registerToken(token, identity);
        return base().withAuth(Auth.token(token));
    }

    /** A client acting as {@code identity} through the trusted identity headers (as against Glance). */
    public ServiceClient headersClient(Identity identity) {
        registerUser(identity);
        return base().withAuth(Auth.trustedHeaders(identity.projectId(), identity.userId(),
                identity.roles().toArray(String[]::new)));
    }

    /** The emulator's internal form of {@code identity}. */
    private static Caller caller(Identity identity) {
        return new Caller(identity.projectId(), identity.userId(), identity.roles(),
                grants(identity.organizationRoles()), grants(identity.spaceRoles()));
    }

    private static List<Caller.Grant> grants(List<Identity.Grant> grants) {
        return grants.stream().map(g -> new Caller.Grant(g.organization(), g.space(), g.active())).toList();
    }

    private static byte[] nextToken() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    private ServiceClient base() {
        ServiceClient b = base;
        if (b == null) {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("the emulator is closed");
                }
                if (base == null) {
                    ServiceClient.Builder builder = ServiceClient.builder().endpoint(endpoint.toString())
                            .retryPolicy(RetryPolicy.none());
                    base = clientCustomizer.apply(builder).build();
                }
                b = base;
            }
        }
        return b;
    }

    /**
     * Adds a scripted fault, applied to matching requests from now on (before any fault added later);
     * returns it, to remove it or read {@link #applied(Fault)} later.
     */
    public Fault addFault(Fault fault) {
        server.addFault(Arguments.notNull(fault, "fault"));
        return fault;
    }

    /** Removes one fault added with {@link #addFault(Fault)}; requests are served normally again. */
    public void removeFault(Fault fault) {
        server.removeFault(Arguments.notNull(fault, "fault"));
    }

    /** Removes every fault. */
    public void clearFaults() {
        server.clearFaults();
    }

    /**
     * How many requests this emulator applied {@code fault} to (0 for a fault never added here); counts
     * survive {@link #removeFault(Fault)} and {@link #clearFaults()}.
     */
    public int applied(Fault fault) {
        return server.applied(Arguments.notNull(fault, "fault"));
    }

    /** {@code true} once this emulator applied {@code fault} {@link Fault#times()} times (never for {@code always()}). */
    public boolean exhausted(Fault fault) {
        return server.exhausted(Arguments.notNull(fault, "fault"));
    }

    /**
     * Forgets every image, member, task, link and cache entry, and every metadata definition except the
     * ones loaded with {@link Builder#metadefDefinitions(Path)}, which are loaded again (tokens and faults stay).
     */
    public void reset() {
        server.state().clear();
        server.metadefs().reset();
    }

    /**
     * Puts an image into {@code imageStatus} directly, for tests of how a client handles states Glance only
     * reaches on server-side failures ({@code killed}, {@code pending_delete}); {@code killed} also
     * discards its data, as Glance does.
     *
     * @throws IllegalArgumentException when there is no such image
     */
    public void forceStatus(String imageId, ImageStatus imageStatus) {
        String status = Arguments.notNull(imageStatus, "status").value();
        server.state().locked(() -> {
            var image = server.state().images().get(imageId);
            if (image == null) {
                throw new IllegalArgumentException("no image " + imageId);
            }
            image.status = status;
            if (status.equals("killed")) {
                dev.imagesdk.testing.internal.emulator.store.EmulatorState.deleteQuietly(image.dataFile);
                image.dataFile = null;
                image.locations.clear();
            }
            image.updatedAt = server.state().now();
        });
    }

    /** How many images the emulator holds, whoever owns them. */
    public int imageCount() {
        return server.state().locked(() -> server.state().images().size());
    }

    /** How many requests reached the emulator so far. */
    public long requestCount() {
        return server.requestCount();
    }

    /** Stops the server, closes the clients made by {@link #client(Identity)} and deletes the image data. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        ServiceClient b = base;
        if (b != null) {
            b.close();
        }
        server.stop(ownsDataDir);
    }

    @Override
    public String toString() {
        return "ImageServiceEmulator(" + endpoint + ")";
    }

    /** Settings for an {@link ImageServiceEmulator}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private int threads = 64;
        private Path dataDirectory;
        private Duration importDelay = Duration.ofMillis(50);
        private UnaryOperator<ServiceClient.Builder> clientCustomizer = UnaryOperator.identity();
        private int imagePropertyQuota = 128;
        private int imageTagQuota = 128;
        private int imageMemberQuota = 128;
        private long imageSizeCap = 1L << 40;
        private long userStorageQuota;
        private int imageLocationQuota = 10;
        private boolean showMultipleLocations;
        private Long shuffleSeed;
        private final Map<String, String> storeDescriptions = new LinkedHashMap<>();
        private Path metadefDefinitions;

        private Builder() {
        }

        /**
         * Loads metadata definition files at start (and again on {@link ImageServiceEmulator#reset()}), as
         * {@code glance-manage db_load_metadefs} loads them into Glance: {@code path} is one {@code .json}
         * file or a directory of them in the format of Glance's {@code etc/metadefs} (Debian's
         * {@code /usr/share/glance-common/metadefs}). Each becomes a namespace owned by {@code admin}
         * (unless the file names an owner), {@code private} unless the file says {@code public}, with its
         * resource-type associations, properties, objects and tags. Without it the emulator starts with no
         * namespaces and no resource types, like a Glance whose definitions were never loaded.
         *
         * {@link #start()} fails with {@link IllegalArgumentException} when a file is not a definition, and
         * with {@link UncheckedIOException} when one cannot be read.
         *
         * @throws dev.imagesdk.core.error.ValidationException when {@code path} is null
         */
        public Builder metadefDefinitions(Path path) {
            this.metadefDefinitions = Arguments.notNull(path, "path");
            return this;
        }

        /**
         * Glance's {@code image_property_quota}: custom properties per image (default 128; negative =
         * unlimited). One more, on create or through a patch that adds a property, is answered 413.
         */
        public Builder imagePropertyQuota(int quota) {
            this.imagePropertyQuota = quota;
            return this;
        }

        /** Glance's {@code image_tag_quota}: tags per image (default 128; negative = unlimited); more → 413. */
        public Builder imageTagQuota(int quota) {
            this.imageTagQuota = quota;
            return this;
        }

        /** Glance's {@code image_member_quota}: members per image (default 128; negative = unlimited); more → 413. */
        public Builder imageMemberQuota(int quota) {
            this.imageMemberQuota = quota;
            return this;
        }

        /**
         * Glance's {@code image_size_cap}: the largest image data accepted, in bytes (default 1 TiB); an
         * upload or stage beyond it is answered 413 and the image goes back to {@code queued}.
         */
        public Builder imageSizeCap(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("imageSizeCap must be positive");
            }
            this.imageSizeCap = bytes;
            return this;
        }

        /**
         * Glance's {@code user_storage_quota}: bytes of image data one project may hold in stores (default
         * 0 = no quota); an upload beyond it is answered 413. As in Glance, staging is neither counted nor
         * checked, and a glance-direct import that does not fit fails its task and leaves the image
         * {@code importing} with the store in {@code os_glance_failed_import}.
         */
        public Builder userStorageQuota(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("userStorageQuota must not be negative");
            }
            this.userStorageQuota = bytes;
            return this;
        }

        /**
         * Glance's {@code show_multiple_locations} (default {@code false}, as Glance's default). When
         * {@code true}, images show their {@code locations} ({@code file:///} urls with
         * {@code {"store": id}} for data the emulator holds; {@code []} for none), the read-only http store
         * {@code web} is listed by {@code GET /v2/info/stores}, and the location operations of the JSON
         * patch ({@code add}/{@code remove} on {@code /locations/N}, {@code replace} of {@code /locations})
         * are served as Glance 25 serves them: an added location must be a reachable http(s) url, whose size
         * (read with {@code HEAD}) a queued image takes when it becomes active; the data of such an image is
         * streamed from the url on download. When {@code false}, every location operation is refused as
         * Glance refuses it while locations are invisible.
         */
        public Builder showMultipleLocations(boolean show) {
            this.showMultipleLocations = show;
            return this;
        }

        /**
         * Glance's {@code image_location_quota}: locations per image (default 10, as Glance; negative =
         * unlimited); one more added through the location operations is answered 413. Reachable only with
         * {@link #showMultipleLocations(boolean)}.
         */
        public Builder imageLocationQuota(int quota) {
            this.imageLocationQuota = quota;
            return this;
        }

        /**
         * Shuffles what Glance leaves unordered (an image's {@code tags}) in every answer, from
         * {@code seed}, so that tests relying on an order Glance does not promise fail on the emulator
         * rather than in production. Off by default (insertion order).
         */
        public Builder shuffleUnordered(long seed) {
            this.shuffleSeed = seed;
            return this;
        }

        /**
         * The {@code description} of store {@code id} in {@code GET /v2/info/stores} (Glance's
         * {@code store_description}); the stores are {@code fast} (default) and {@code cheap}, plus the
         * read-only http store {@code web} with {@link #showMultipleLocations(boolean)}.
         */
        public Builder storeDescription(String id, String description) {
            storeDescriptions.put(Arguments.notNull(id, "id"), Arguments.notNull(description, "description"));
            return this;
        }

        /** The address to listen on (default {@code 127.0.0.1}). */
        public Builder host(String host) {
            this.host = Arguments.notNull(host, "host");
            return this;
        }

        /** The port (default 0: a free one). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Request-handling threads (default 64). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive");
            }
            this.threads = threads;
            return this;
        }

        /** Where image data goes (default: a new temporary directory, deleted on close). */
        public Builder dataDirectory(Path dir) {
            this.dataDirectory = Arguments.notNull(dir, "dir");
            return this;
        }

        /** How long an accepted import takes before the image is active (default 50 ms). */
        public Builder importDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative");
            }
            this.importDelay = delay;
            return this;
        }

        /**
         * Adjusts the clients handed out by {@link ImageServiceEmulator#client(Identity)} (timeouts, retry
         * policy…); by default they do not retry.
         */
        public Builder clients(UnaryOperator<ServiceClient.Builder> customizer) {
            this.clientCustomizer = Arguments.notNull(customizer, "customizer");
            return this;
        }

        /** Starts the emulator. */
        public ImageServiceEmulator start() {
            return new ImageServiceEmulator(this);
        }
    }
}
