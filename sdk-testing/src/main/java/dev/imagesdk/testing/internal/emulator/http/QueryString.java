package dev.imagesdk.testing.internal.emulator.http;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A decoded query string: names in order of first appearance, each with all its values. */
public final class QueryString {
    private final Map<String, List<String>> params = new LinkedHashMap<>();

    /** Parses a raw (still percent-encoded) query; {@code null} is empty. */
    public static QueryString parse(String raw) {
        QueryString q = new QueryString();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            q.params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return q;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Form-encodes like Python's {@code urlencode} ({@code :} → {@code %3A}, space → {@code +}). */
    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }

    /** The last value of {@code name}, or {@code null}. */
    public String last(String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    /** Every value of {@code name}. */
    public List<String> all(String name) {
        return params.getOrDefault(name, Collections.emptyList());
    }

    /** {@code true} when the parameter is present (even with an empty value). */
    public boolean has(String name) {
        return params.containsKey(name);
    }

    /** Names in order of first appearance. */
    public List<String> names() {
        return new ArrayList<>(params.keySet());
    }

    /**
     * Re-encodes the parameters as Glance builds its {@code first}/{@code next} links: one entry per
     * name (its last value, as Python's dict of params keeps), in order of first appearance, without
     * {@code marker}.
     */
    public String glanceLinkQuery() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (e.getKey().equals("marker") || e.getValue().isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(encode(e.getKey())).append('=').append(encode(e.getValue().get(e.getValue().size() - 1)));
        }
        return sb.toString();
    }
}
