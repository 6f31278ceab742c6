package dev.imagesdk.testing.faults;

import dev.imagesdk.core.internal.Arguments;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A scripted failure the emulator applies to matching requests, for a client's own resilience tests:
 * added latency, an error status (503, 429 with {@code Retry-After}, any other), a connection closed
 * before the answer or in the middle of its body, or a body cut short but well-formed (a truncated
 * download that only a checksum reveals).
 *
 * <pre>
 * emulator.addFault(Fault.on("GET", "/v2/images/&#42;/file").times(2).status(503));
 * emulator.addFault(Fault.on("/v2/images").rateLimited(Duration.ofSeconds(1)));
 * emulator.addFault(Fault.on("GET", "/v2/images/&#42;/file").truncateAfterBytes(1000));
 * </pre>
 *
 * <p>Path patterns match the raw request path: {@code *} stands for one path segment (or part of
 * one), {@code **} for any number of characters including {@code /}; a pattern starting with
 * {@code regex:} is a Java regular expression. A fault applies to the first {@link Builder#times(int)}
 * matching requests (after skipping {@link Builder#skip(int)} of them), then stops.
 *
 * <p>Immutable: a fault only describes the failure. The emulator it is added to counts the requests
 * it was applied to ({@code ImageServiceEmulator.applied(Fault)}).
 */
public final class Fault {

    /** What happens to a matching request. */
    public enum Kind {
        /** Only the latency; the request is then served normally. */
        LATENCY,
        /** An error answer with {@link #status()} in Glance's error format. */
        STATUS,
        /** The connection is closed before any answer. */
        DROP_CONNECTION,
        /** The answer starts, and the connection is closed after {@link #bytes()} body bytes. */
        DROP_MID_BODY,
        /** The body ends cleanly after {@link #bytes()} bytes (sent chunked). */
        TRUNCATE_BODY
    }

    private final String method;
    private final String pattern;
    private final Pattern regex;
    private final Kind kind;
    private final Duration latency;
    private final int status;
    private final String message;
    private final Duration retryAfter;
    private final long bytes;
    private final int skip;
    private final int times;

    private Fault(Builder b, Kind kind) {
        this.method = b.method;
        this.pattern = b.pattern;
        this.regex = toRegex(b.pattern);
        this.kind = kind;
        this.latency = b.latency;
        this.status = b.status;
        this.message = b.message;
        this.retryAfter = b.retryAfter;
        this.bytes = b.bytes;
        this.skip = b.skip;
        this.times = b.times;
    }

    private static Pattern toRegex(String pattern) {
        if (pattern.startsWith("regex:")) {
            return Pattern.compile(pattern.substring("regex:".length()));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    sb.append(".*");
                    i++;
                } else {
                    sb.append("[^/]*");
                }
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString());
    }

    /** Faults for requests of any method whose path matches {@code pathPattern}. */
    public static Builder on(String pathPattern) {
        return new Builder(null, pathPattern);
    }

    /** Faults for {@code method} requests whose path matches {@code pathPattern}. */
    public static Builder on(String method, String pathPattern) {
        return new Builder(Arguments.notNull(method, "method").toUpperCase(Locale.ROOT), pathPattern);
    }

    /**
     * {@code true} when a request with this method and raw path (no query) matches the fault's method
     * and path pattern; does not count it.
     */
    public boolean matches(String requestMethod, String rawPath) {
        return (method == null || method.equalsIgnoreCase(requestMethod)) && regex.matcher(rawPath).matches();
    }

    /** The request method the fault applies to (upper case), or {@code null} for any method. */
    public String method() {
        return method;
    }

    /** The path pattern, as given to {@link #on(String)}. */
    public String pathPattern() {
        return pattern;
    }

    /** How many matching requests pass unharmed before the fault applies ({@link Builder#skip(int)}). */
    public int skip() {
        return skip;
    }

    /** How many matching requests the fault applies to, or {@code -1} for every one ({@link Builder#always()}). */
    public int times() {
        return times;
    }

    /** What the emulator does to a matching request (see {@link Kind}). */
    public Kind kind() {
        return kind;
    }

    /** Latency added before the request is handled (zero for none). */
    public Duration latency() {
        return latency;
    }

    /** The status of a {@link Kind#STATUS} fault. */
    public int status() {
        return status;
    }

    /** The error message of a {@link Kind#STATUS} fault. */
    public String message() {
        return message;
    }

    /** {@code Retry-After} of a 429/503 fault, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Body bytes sent before a drop or truncation. */
    public long bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return "Fault(" + (method == null ? "*" : method) + " " + pattern + " " + kind
                + (kind == Kind.STATUS ? " " + status : "") + (skip > 0 ? ", skip " + skip : "")
                + ", " + (times >= 0 ? times + "x" : "always") + ")";
    }

    /** Describes a {@link Fault}; ends with the call that says what the fault does. */
    public static final class Builder {
        private final String method;
        private final String pattern;
        private Duration latency = Duration.ZERO;
        private int status;
        private String message;
        private Duration retryAfter;
        private long bytes;
        private int skip;
        private int times = 1;

        private Builder(String method, String pattern) {
            this.method = method;
            this.pattern = Arguments.notNull(pattern, "pathPattern");
        }

        /** Applies to this many matching requests (default 1). */
        public Builder times(int times) {
            if (times < 1) {
                throw new IllegalArgumentException("times must be at least 1");
            }
            this.times = times;
            return this;
        }

        /** Applies to every matching request until removed. */
        public Builder always() {
            this.times = -1;
            return this;
        }

        /** Lets the first {@code n} matching requests through unharmed. */
        public Builder skip(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("skip must not be negative");
            }
            this.skip = n;
            return this;
        }

        /** Waits this long before handling (combined with the final action, or alone via {@link #latency(Duration)}). */
        public Builder delay(Duration latency) {
            this.latency = Arguments.notNull(latency, "latency");
            return this;
        }

        /** Only adds latency; the request is then served normally. */
        public Fault latency(Duration latency) {
            delay(latency);
            return new Fault(this, Kind.LATENCY);
        }

        /** Answers with {@code status} and a Glance-style error body. */
        public Fault status(int status) {
            return status(status, "Injected fault: " + status);
        }

        /** Answers with {@code status} and a Glance-style error body carrying {@code message}. */
        public Fault status(int status, String message) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
            }
            this.status = status;
            this.message = Arguments.notNull(message, "message");
            return new Fault(this, Kind.STATUS);
        }

        /** Answers 503 with {@code Retry-After}. */
        public Fault unavailable(Duration retryAfter) {
            this.retryAfter = Arguments.notNull(retryAfter, "retryAfter");
            return status(503, "The server is currently unavailable. Please try again at a later time.");
        }

        /** Answers 429 Too Many Requests with {@code Retry-After} (whole seconds, rounded up). */
        public Fault rateLimited(Duration retryAfter) {
            this.retryAfter = Arguments.notNull(retryAfter, "retryAfter");
            return status(429, "Too many requests.");
        }

        /** Closes the connection without answering. */
        public Fault dropConnection() {
            return new Fault(this, Kind.DROP_CONNECTION);
        }

        /** Starts the answer, then closes the connection after {@code bytes} body bytes. */
        public Fault dropAfterBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("bytes must not be negative");
            }
            this.bytes = bytes;
            return new Fault(this, Kind.DROP_MID_BODY);
        }

        /** Sends only the first {@code bytes} body bytes, ending the response cleanly. */
        public Fault truncateAfterBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("bytes must not be negative");
            }
            this.bytes = bytes;
            return new Fault(this, Kind.TRUNCATE_BODY);
        }
    }
}
