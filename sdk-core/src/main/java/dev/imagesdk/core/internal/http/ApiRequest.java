package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.error.ServiceResponseException;
import dev.imagesdk.core.error.ValidationException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One call to the image service, before credentials and the endpoint are applied. Built by the SDK's
 * API modules; path segments are percent-encoded one by one, and the builder refuses (with
 * {@link ValidationException}, before anything is sent) a segment that is empty, {@code .}, {@code ..}
 * or holds a control character ({@link Arguments#pathSegment}), so an id can never escape its segment.
 *
 * <p>Instances are immutable and can be sent again (retries, replays) as long as their body is not
 * one-shot ({@link RequestBody#isOneShot()}).
 */
public final class ApiRequest {
    /** {@code application/json; charset=utf-8}. */
    public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** Where the path of a request starts. */
    public enum Base {
        /** Below the Image API v2 root, for example {@code images/{id}} → {@code https://host/image/v2/images/{id}}. */
        V2,
        /** Below the service root, for example version discovery {@code GET /} → {@code https://host/image/}. */
        ROOT,
        /** An absolute URL (a paging link already checked to point at the service). */
        ABSOLUTE
    }

    private final String method;
    private final Base base;
    private final List<String> segments;
    private final HttpUrl absoluteUrl;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, String> headers;
    private final RequestBody body;
    private final boolean retryable;
    private final Set<ApiFeature> features;
    private final java.time.Duration timeout;
    private final ResendCheck resendCheck;
    private final List<SwitchedOff> switchedOff;

    /**
     * How a server whose configuration switched {@code feature} off answers this request: {@code status}
     * with a message containing {@code serverMessage} (see {@link Builder#switchedOffWhen}).
     */
    public record SwitchedOff(ApiFeature feature, int status, String serverMessage) {
        /** Whether {@code answer} is that refusal. */
        public boolean matches(ServiceResponseException answer) {
            return answer.status() == status && answer.serverMessage().map(m -> m.contains(serverMessage)).orElse(false);
        }
    }

    /**
     * Confirms, for a request that is not retried in general, that sending it again after the server
     * refused it is safe (see {@link Builder#resendAfterRefusal(ResendCheck)}).
     */
    @FunctionalInterface
    public interface ResendCheck {
        /**
         * Whether the request may be sent again after {@code refusal}; may ask the server (it runs
         * before the pause that precedes the next attempt).
         *
         * @param refusal the server's answer (502, 503, 504 or 429)
         */
        boolean maySendAgain(ServiceResponseException refusal);
    }

    private ApiRequest(Builder b) {
        this.method = b.method;
        this.base = b.base;
        this.segments = List.copyOf(b.segments);
        this.absoluteUrl = b.absoluteUrl;
        this.query = Collections.unmodifiableList(new ArrayList<>(b.query));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.body = b.body;
        this.retryable = b.retryable != null ? b.retryable : isIdempotent(method);
        this.features = b.features.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(b.features));
        this.resendCheck = b.resendCheck;
        this.switchedOff = List.copyOf(b.switchedOff);
        this.timeout = b.timeout;
    }

    /**
     * The overall deadline of this request (all attempts, pauses, redirects), or {@code null} for the
     * client's {@code callTimeout}; zero means none (image data, which has a progress rule instead).
     */
    public java.time.Duration timeout() {
        return timeout;
    }

    /** A {@code GET} of the given path segments below the v2 root. */
    public static Builder get(String... segments) {
        return new Builder("GET", Base.V2, segments);
    }

    /** A {@code HEAD} of the given path segments below the v2 root. */
    public static Builder head(String... segments) {
        return new Builder("HEAD", Base.V2, segments);
    }

    /** A {@code POST} to the given path segments below the v2 root. */
    public static Builder post(String... segments) {
        return new Builder("POST", Base.V2, segments);
    }

    /** A {@code PUT} to the given path segments below the v2 root. */
    public static Builder put(String... segments) {
        return new Builder("PUT", Base.V2, segments);
    }

    /** A {@code PATCH} of the given path segments below the v2 root. */
    public static Builder patch(String... segments) {
        return new Builder("PATCH", Base.V2, segments);
    }

    /** A {@code DELETE} of the given path segments below the v2 root. */
    public static Builder delete(String... segments) {
        return new Builder("DELETE", Base.V2, segments);
    }

    /** A request relative to the service root instead of the v2 root (version discovery, health check). */
    public static Builder atRoot(String method, String... segments) {
        return new Builder(method, Base.ROOT, segments);
    }

    /** A request to an absolute URL; the caller has checked that it belongs to the service. */
    public static Builder toUrl(String method, HttpUrl url) {
        Builder b = new Builder(method, Base.ABSOLUTE, new String[0]);
        b.absoluteUrl = Arguments.notNull(url, "url");
        return b;
    }

    static boolean isIdempotent(String method) {
        switch (method) {
            case "GET":
            case "HEAD":
            case "PUT":
            case "DELETE":
            case "OPTIONS":
                return true;
            default:
                return false;
        }
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** Where {@link #segments()} start. */
    public Base base() {
        return base;
    }

    /** Unencoded path segments below {@link #base()}. */
    public List<String> segments() {
        return segments;
    }

    /** The absolute URL, for {@link Base#ABSOLUTE} requests; otherwise {@code null}. */
    public HttpUrl absoluteUrl() {
        return absoluteUrl;
    }

    /** Query parameters in order; a name may repeat. */
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    /** Extra request headers (credentials are added by the transport, never here). */
    public Map<String, String> headers() {
        return headers;
    }

    /** The body, or {@code null}. */
    public RequestBody body() {
        return body;
    }

    /** {@code true} when the body (if any) can be sent again. */
    public boolean isReplayable() {
        return body == null || !body.isOneShot();
    }

    /**
     * Whether the transport may retry this request after a failure the retry policy covers. Defaults
     * to {@code true} for GET, HEAD, PUT and DELETE, {@code false} for POST and PATCH. A one-shot body
     * is never retried either way.
     */
    public boolean isRetryable() {
        return retryable && isReplayable();
    }

    /** The optional API features this request needs the server to serve (usually none). */
    public Set<ApiFeature> features() {
        return features;
    }

    /** The check that allows sending this request again after a refusal, or {@code null} (see {@link Builder#resendAfterRefusal}). */
    public ResendCheck resendCheck() {
        return resendCheck;
    }

    /** The answers that mean the server switched a feature off (usually none). */
    public List<SwitchedOff> switchedOff() {
        return switchedOff;
    }

    /** A builder pre-filled with this request. */
    public Builder toBuilder() {
        Builder b = new Builder(method, base, segments.toArray(new String[0]));
        b.absoluteUrl = absoluteUrl;
        b.query.addAll(query);
        b.headers.putAll(headers);
        b.body = body;
        b.retryable = retryable;
        b.features.addAll(features);
        b.timeout = timeout;
        b.resendCheck = resendCheck;
        b.switchedOff.addAll(switchedOff);
        return b;
    }

    @Override
    public String toString() {
        return method + " " + (base == Base.ABSOLUTE ? absoluteUrl : base + ":" + String.join("/", segments));
    }

    /** Builds an {@link ApiRequest}. */
    public static final class Builder {
        private String method;
        private final Base base;
        private final List<String> segments = new ArrayList<>();
        private HttpUrl absoluteUrl;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private RequestBody body;
        private Boolean retryable;
        private final Set<ApiFeature> features = EnumSet.noneOf(ApiFeature.class);
        private java.time.Duration timeout;
        private ResendCheck resendCheck;
        private final List<SwitchedOff> switchedOff = new ArrayList<>();

        private Builder(String method, Base base, String[] segments) {
            if (method == null || method.isBlank()) {
                throw new ValidationException("HTTP method must not be blank");
            }
            this.method = method.toUpperCase(Locale.ROOT);
            this.base = base;
            for (String s : segments) {
                this.segments.add(Arguments.pathSegment(s, "path segment"));
            }
        }

        /** Replaces the HTTP method (used when a redirect turns a POST into a GET). */
        public Builder method(String method) {
            this.method = method.toUpperCase(Locale.ROOT);
            return this;
        }

        /** Adds a query parameter; a {@code null} value adds nothing. Names may repeat. */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.add(Map.entry(name, String.valueOf(value)));
            }
            return this;
        }

        /** Adds a request header (never a credential: {@code Auth} adds those). */
        public Builder header(String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
            return this;
        }

        /** Sets a JSON body of the given media type (for example Glance's JSON-patch type). */
        public Builder jsonBody(String json, MediaType mediaType) {
            this.body = RequestBody.create(json, mediaType);
            return this;
        }

        /** Sets a {@code application/json} body. */
        public Builder jsonBody(String json) {
            return jsonBody(json, JSON);
        }

        /** Sets any body; a one-shot body ({@link RequestBody#isOneShot()}) is never replayed or retried. */
        public Builder body(RequestBody body) {
            this.body = body;
            return this;
        }

        /**
         * Marks the request as needing {@code feature} (in addition to any marked before): when the
         * server's version document shows that it does not serve it, the request is not sent and fails
         * with {@link dev.imagesdk.core.error.UnsupportedFeatureException}.
         */
        public Builder requires(ApiFeature feature) {
            this.features.add(java.util.Objects.requireNonNull(feature, "feature"));
            return this;
        }

        /**
         * Declares how the server answers when its configuration switched {@code feature} off and no
         * version document says so: that answer ({@code status}, message containing {@code serverMessage})
         * fails with {@link dev.imagesdk.core.error.UnsupportedFeatureException} instead of its status's
         * exception (which becomes the cause).
         */
        public Builder switchedOffWhen(ApiFeature feature, int status, String serverMessage) {
            switchedOff.add(new SwitchedOff(java.util.Objects.requireNonNull(feature, "feature"), status,
                    java.util.Objects.requireNonNull(serverMessage, "serverMessage")));
            return this;
        }

        /** Overrides whether the transport may retry this request (see {@link ApiRequest#isRetryable()}). */
        public Builder retryable(boolean retryable) {
            this.retryable = retryable;
            return this;
        }

        /** The overall deadline (see {@link ApiRequest#timeout()}); zero = none, {@code null} = the client's. */
        public Builder timeout(java.time.Duration timeout) {
            if (timeout != null && timeout.isNegative()) {
                throw new ValidationException("timeout must be zero or positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Lets the transport send a request that is not retryable in general (an image data upload:
         * Glance takes data once) again when the server <em>refused</em> it: answered 502, 503, 504 or
         * 429, within the retry policy, honouring {@code Retry-After}, and only when {@code check}
         * confirms it is safe (for an upload: the image is still {@code queued}). Never for a one-shot
         * body. A broken connection is not a refusal: this does not cover it.
         */
        public Builder resendAfterRefusal(ResendCheck check) {
            this.resendCheck = check;
            return this;
        }

        /** The immutable request. */
        public ApiRequest build() {
            return new ApiRequest(this);
        }
    }
}
