package dev.imagesdk.core.http;

import dev.imagesdk.core.error.ValidationException;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Any request to the image service, for what the SDK does not type; send it with
 * {@code ServiceClient.send(ServiceRequest)}. The path is given as segments, each percent-encoded on
 * its own (an id can never escape its segment), below the Image API v2 root ({@link #get(String...)}),
 * below the service root ({@link Builder#belowServiceRoot()}), or as an absolute URL of the service's
 * own origin ({@link #toUrl(String, URI)}). Immutable.
 *
 * <pre>{@code
 * ServiceRequest r = ServiceRequest.builder("PATCH", "images", imageId)
 *         .body(RequestContent.ofJsonText(patch, "application/openstack-images-v2.1-json-patch"))
 *         .build();
 * }</pre>
 */
public final class ServiceRequest {
    /** Where the path of a request starts. */
    public enum Target {
        /** Below the Image API v2 root: {@code images} → {@code https://host/image/v2/images}. */
        V2,
        /** Below the service root: {@code versions} → {@code https://host/image/versions}. */
        SERVICE_ROOT,
        /** An absolute URL; it must have the service's origin (scheme, host and port). */
        ABSOLUTE_URL
    }

    private final String method;
    private final Target target;
    private final List<String> segments;
    private final URI url;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, String> headers;
    private final RequestContent body;
    private final Boolean retryable;
    private final Set<Integer> acceptedStatuses;
    private final Duration timeout;

    private ServiceRequest(Builder b) {
        this.method = b.method;
        this.target = b.target;
        this.segments = List.copyOf(b.segments);
        this.url = b.url;
        this.query = Collections.unmodifiableList(new ArrayList<>(b.query));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.body = b.body;
        this.retryable = b.retryable;
        this.acceptedStatuses = Collections.unmodifiableSet(new LinkedHashSet<>(b.acceptedStatuses));
        this.timeout = b.timeout;
    }

    /** A request with {@code method} to the given path segments below the v2 root. */
    public static Builder builder(String method, String... segments) {
        return new Builder(method, Target.V2, segments, null);
    }

    /** A {@code GET} of the given path segments below the v2 root. */
    public static Builder get(String... segments) {
        return builder("GET", segments);
    }

    /** A {@code HEAD} of the given path segments below the v2 root. */
    public static Builder head(String... segments) {
        return builder("HEAD", segments);
    }

    /** A {@code POST} to the given path segments below the v2 root. */
    public static Builder post(String... segments) {
        return builder("POST", segments);
    }

    /** A {@code PUT} to the given path segments below the v2 root. */
    public static Builder put(String... segments) {
        return builder("PUT", segments);
    }

    /** A {@code PATCH} of the given path segments below the v2 root. */
    public static Builder patch(String... segments) {
        return builder("PATCH", segments);
    }

    /** A {@code DELETE} of the given path segments below the v2 root. */
    public static Builder delete(String... segments) {
        return builder("DELETE", segments);
    }

    /**
     * A request to an absolute URL (for example a link a response carried). It must have the
     * service's origin; {@code send} refuses another one, so credentials never leave the service.
     */
    public static Builder toUrl(String method, URI url) {
        if (url == null || url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
            throw new ValidationException("url must be an absolute http(s) URL, was " + url);
        }
        return new Builder(method, Target.ABSOLUTE_URL, new String[0], url);
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** Where {@link #segments()} start. */
    public Target target() {
        return target;
    }

    /** The unencoded path segments below {@link #target()} (empty for an absolute URL). */
    public List<String> segments() {
        return segments;
    }

    /** The absolute URL, for {@link Target#ABSOLUTE_URL}. */
    public Optional<URI> url() {
        return Optional.ofNullable(url);
    }

    /** Query parameters in order; a name may repeat ({@code tag=a&tag=b}). */
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    /** Extra headers; credentials are added by the client's {@code Auth}, never here. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The body, if any. */
    public Optional<RequestContent> body() {
        return Optional.ofNullable(body);
    }

    /**
     * Whether the client may repeat this request after a failure its retry policy covers, when set;
     * by default GET, HEAD, PUT and DELETE may be repeated, POST and PATCH not. A stream body is never
     * repeated either way.
     */
    public Optional<Boolean> retryable() {
        return Optional.ofNullable(retryable);
    }

    /** Non-2xx statuses that are answers to read rather than errors (for example 300). */
    public Set<Integer> acceptedStatuses() {
        return acceptedStatuses;
    }

    /**
     * This request's overall deadline, when set (see {@link Builder#timeout(Duration)}); otherwise the
     * client's {@code callTimeout} applies.
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    @Override
    public String toString() {
        return method + " " + (target == Target.ABSOLUTE_URL ? "<url>" : target + ":" + String.join("/", segments));
    }

    /** Builds a {@link ServiceRequest}. */
    public static final class Builder {
        private static final Set<String> CREDENTIAL_HEADERS = Set.of("x-auth-token", "authorization",
                "x-subject-token", "x-service-token");

        private final String method;
        private Target target;
        private final List<String> segments = new ArrayList<>();
        private final URI url;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private RequestContent body;
        private Boolean retryable;
        private final Set<Integer> acceptedStatuses = new LinkedHashSet<>();
        private Duration timeout;

        private Builder(String method, Target target, String[] segments, URI url) {
            if (method == null || method.isBlank() || !method.chars().allMatch(c -> c > 0x20 && c < 0x7f
                    && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
                throw new ValidationException("HTTP method must be a token such as GET, was \"" + method + "\"");
            }
            this.method = method.toUpperCase(Locale.ROOT);
            this.target = target;
            this.url = url;
            if (segments == null) {
                throw new ValidationException("path segments must not be null");
            }
            for (String s : segments) {
                if (s == null) {
                    throw new ValidationException("path segment must not be null");
                }
                this.segments.add(s);
            }
        }

        /** Starts the path at the service root instead of the v2 root (version discovery, health checks). */
        public Builder belowServiceRoot() {
            if (target == Target.ABSOLUTE_URL) {
                throw new ValidationException("an absolute URL has no path segments");
            }
            this.target = Target.SERVICE_ROOT;
            return this;
        }

        /** Adds a query parameter; names may repeat, the order is kept. */
        public Builder query(String name, String value) {
            if (name == null || name.isEmpty() || value == null) {
                throw new ValidationException("query parameter name must not be empty and value not null");
            }
            query.add(Map.entry(name, value));
            return this;
        }

        /**
         * Sets a header, replacing one of the same name. Credential headers are refused: the client's
         * {@code Auth} adds those (and keeps them from other origins).
         */
        public Builder header(String name, String value) {
            if (name == null || name.isBlank() || value == null
                    || name.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || c == ':')
                    || value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
                throw new ValidationException("header name must be a token and the value must not hold control characters");
            }
            if (CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new ValidationException("credentials come from the client's Auth, not from a request header: " + name);
            }
            headers.put(name, value);
            return this;
        }

        /** Sets the body; see {@link RequestContent} for text, JSON, bytes, files and streams. */
        public Builder body(RequestContent body) {
            if (body == null) {
                throw new ValidationException("body must not be null");
            }
            this.body = body;
            return this;
        }

        /** Sets a JSON body written from a tree (see {@link RequestContent#ofJson(Object)}). */
        public Builder jsonBody(Object tree) {
            return body(RequestContent.ofJson(tree));
        }

        /** Overrides whether the request may be repeated (see {@link ServiceRequest#retryable()}). */
        public Builder retryable(boolean retryable) {
            this.retryable = retryable;
            return this;
        }

        /**
         * The overall deadline of this request instead of the client's {@code callTimeout}: from the
         * call until the response headers arrived, covering every attempt, pause between retries,
         * redirect and renewal of credentials; zero means none. When it passes, the exchange in
         * progress is cancelled and the call fails with
         * {@link dev.imagesdk.core.error.DeadlineExceededException}. Reading the body of the response
         * afterwards is bounded by the client's read timeout.
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative()) {
                throw new ValidationException("timeout must be zero or positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Hands back these non-2xx statuses as responses instead of raising exceptions. */
        public Builder acceptStatus(int... statuses) {
            for (int s : statuses) {
                if (s < 100 || s > 599) {
                    throw new ValidationException("not an HTTP status: " + s);
                }
                acceptedStatuses.add(s);
            }
            return this;
        }

        /**
         * The immutable request. Path segments are checked when it is sent, by the same rule as every
         * request of the SDK (an empty segment, {@code .} and {@code ..} are refused).
         */
        public ServiceRequest build() {
            return new ServiceRequest(this);
        }
    }
}
