package dev.imagesdk.core.auth;

import dev.imagesdk.core.internal.Arguments;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable set of credential headers for one request. Its {@code toString()} shows header
 * names only, so it can never leak a token into a log.
 */
public final class AuthHeaders {
    private static final AuthHeaders NONE = new AuthHeaders(Map.of(), 0);

    private final Map<String, String> headers;
    private final long generation;

    private AuthHeaders(Map<String, String> headers, long generation) {
        this.headers = headers;
        this.generation = generation;
    }

    /** No credentials at all. */
    public static AuthHeaders none() {
        return NONE;
    }

    /**
     * Credentials made of the given headers.
     *
     * @param headers header names and values, in sending order
     * @param generation increases each time the issuing {@link Auth} obtains new credentials; lets
     *                   it tell a stale 401 from a current one
     */
    public static AuthHeaders of(Map<String, String> headers, long generation) {
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> copy.put(Arguments.notNull(k, "header name"), Arguments.notNull(v, "header value")));
        return new AuthHeaders(Collections.unmodifiableMap(copy), generation);
    }

    /** Header names and values, in sending order. */
    public Map<String, String> asMap() {
        return headers;
    }

    /** Which credential generation these headers belong to (see {@link #of(Map, long)}). */
    public long generation() {
        return generation;
    }

    @Override
    public String toString() {
        Set<String> names = new TreeSet<>(headers.keySet());
        return "AuthHeaders" + names + "#" + generation;
    }
}
