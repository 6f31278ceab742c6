package dev.imagesdk.core.it;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mutations of a real server response, for hostile-input tests: every call fed any of these must
 * either succeed or throw an {@code ImageServiceException} subtype — never a parser exception, an NPE
 * or an endless loop.
 *
 * <p>Mutations: the body truncated at several points, every field (at any depth) set to {@code null},
 * to a value of each other JSON type, to a huge string and to an unknown enum-like value; deep
 * nesting; non-JSON bodies (HTML, text, binary, empty); and the top level replaced by another type.
 */
public final class HostileBodies {
    private static final Moshi MOSHI = new Moshi.Builder().build();
    private static final JsonAdapter<Object> JSON = MOSHI.adapter(Object.class).serializeNulls();

    private HostileBodies() {
    }

    /** One mutated body: what was done, and the bytes to serve. */
    public static final class Mutation {
        private final String description;
        private final String body;

        Mutation(String description, String body) {
            this.description = description;
            this.body = body;
        }

        /** What the mutation did, for test names. */
        public String description() {
            return description;
        }

        /** The mutated body. */
        public String body() {
            return body;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /**
     * Serves every mutation of {@code json} through {@code call} (which serves the body and makes one SDK
     * call) and returns a description of each mutation that ended in anything but success or an
     * {@code ImageServiceException}; an empty list is the expected outcome.
     */
    public static List<String> untypedFailures(String json, java.util.function.Consumer<Mutation> call) {
        List<String> escaped = new ArrayList<>();
        for (Mutation m : of(json)) {
            try {
                call.accept(m);
            } catch (dev.imagesdk.core.error.ImageServiceException typed) {
                if (typed.getMessage() == null || typed.getMessage().isBlank()) {
                    escaped.add(m.description() + " -> exception without a message: " + typed.getClass().getName());
                }
            } catch (RuntimeException | StackOverflowError e) {
                escaped.add(m.description() + " -> " + e);
            }
        }
        return escaped;
    }

    /** All mutations of {@code json} (a real response body). */
    public static List<Mutation> of(String json) {
        Object root;
        try {
            root = JSON.fromJson(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Mutation> out = new ArrayList<>();
        for (int cut : new int[] {0, 1, json.length() / 3, json.length() / 2, json.length() - 1}) {
            out.add(new Mutation("truncated at " + cut, json.substring(0, Math.max(0, cut))));
        }
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(root, new ArrayList<>(), paths);
        Object[] replacements = {null, 12345, -1.5e300, true, "", "x".repeat(256 * 1024), "∅-unknown-value-∅", List.of(), Map.of(),
                List.of(Map.of("a", java.util.Arrays.asList(1, null, "z")))};
        for (List<Object> path : paths) {
            for (Object replacement : replacements) {
                Object copy = deepCopy(root);
                set(copy, path, replacement);
                String what = replacement instanceof String && ((String) replacement).length() > 100 ? "256 KiB string"
                        : String.valueOf(replacement);
                out.add(new Mutation(path + " = " + what, JSON.toJson(copy)));
            }
        }
        out.add(new Mutation("nested 5000 levels deep", "[".repeat(5000) + "]".repeat(5000)));
        out.add(new Mutation("object nested 300 levels deep", "{\"a\":".repeat(300) + "1" + "}".repeat(300)));
        out.add(new Mutation("html page", "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>"));
        out.add(new Mutation("plain text", "OK"));
        out.add(new Mutation("empty body", ""));
        out.add(new Mutation("binary", new String(new char[] {0, 1, 2, 0xfffd, 0x7f}, 0, 5)));
        out.add(new Mutation("top level array", "[]"));
        out.add(new Mutation("top level string", "\"images\""));
        out.add(new Mutation("top level null", "null"));
        out.add(new Mutation("trailing garbage", json + "}}]]"));
        return out;
    }

    /** A JSON array nested this deep: far past the 255 levels Moshi's reader allows. */
    public static final int PATHOLOGICAL_DEPTH = 5000;

    private static final String DEEP = "[".repeat(PATHOLOGICAL_DEPTH) + "]".repeat(PATHOLOGICAL_DEPTH);
    private static final String DEEP_MARK = "\u0000deep\u0000";

    /**
     * Mutations of the <em>first item</em> of the listing page {@code pageJson} (its array under
     * {@code collectionKey}), the other items untouched: each of the item's fields set to each value of
     * {@link #of(String)}'s list and to an array nested {@value #PATHOLOGICAL_DEPTH} levels deep, a new
     * property holding such an array, and the item replaced by a value that is not an object. A tolerant
     * listing reads every other item of each of these pages unchanged.
     */
    @SuppressWarnings("unchecked")
    public static List<Mutation> ofFirstItem(String pageJson, String collectionKey) {
        Map<String, Object> page;
        try {
            page = (Map<String, Object>) JSON.fromJson(pageJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Object> items = (List<Object>) page.get(collectionKey);
        if (items == null || items.size() < 2) {
            throw new IllegalArgumentException("the page needs at least two items under " + collectionKey);
        }
        Map<String, Object> item = (Map<String, Object>) items.get(0);
        Object[] replacements = {null, 12345, -1.5e300, 1.5, true, "", "x".repeat(256 * 1024), "∅-unknown-value-∅",
                List.of(), Map.of(), List.of(Map.of("a", java.util.Arrays.asList(1, null, "z"))), DEEP_MARK};
        List<Mutation> out = new ArrayList<>();
        for (String field : item.keySet()) {
            for (Object replacement : replacements) {
                Map<String, Object> copy = (Map<String, Object>) deepCopy(page);
                ((Map<String, Object>) ((List<Object>) copy.get(collectionKey)).get(0)).put(field, replacement);
                String what = replacement == DEEP_MARK ? "an array nested " + PATHOLOGICAL_DEPTH + " levels deep"
                        : replacement instanceof String && ((String) replacement).length() > 100 ? "256 KiB string"
                        : String.valueOf(replacement);
                out.add(new Mutation("first item: " + field + " = " + what, render(copy)));
            }
        }
        Map<String, Object> withDeep = (Map<String, Object>) deepCopy(page);
        ((Map<String, Object>) ((List<Object>) withDeep.get(collectionKey)).get(0)).put("x_deep", DEEP_MARK);
        out.add(new Mutation("first item: new property nested " + PATHOLOGICAL_DEPTH + " levels deep", render(withDeep)));
        Map<String, Object> withDeepObject = (Map<String, Object>) deepCopy(page);
        ((Map<String, Object>) ((List<Object>) withDeepObject.get(collectionKey)).get(0)).put("x_deep_object",
                Map.of("k", DEEP_MARK));
        out.add(new Mutation("first item: new object holding an array nested " + PATHOLOGICAL_DEPTH + " levels deep",
                render(withDeepObject)));
        for (Object replacement : new Object[] {null, "text", 7, List.of(), List.of(1, 2), DEEP_MARK}) {
            Map<String, Object> copy = (Map<String, Object>) deepCopy(page);
            ((List<Object>) copy.get(collectionKey)).set(0, replacement);
            String what = replacement == DEEP_MARK ? "an array nested " + PATHOLOGICAL_DEPTH + " levels deep" : String.valueOf(replacement);
            out.add(new Mutation("first item replaced by " + what, render(copy)));
        }
        return out;
    }

    /** JSON of {@code node}, with the pathological array where {@link #DEEP_MARK} stands (Moshi cannot write it). */
    private static String render(Object node) {
        String marked = JSON.toJson(node);
        return marked.replace(JSON_DEEP_MARK, DEEP);
    }

    private static final String JSON_DEEP_MARK = MOSHI.adapter(String.class).toJson(DEEP_MARK);

    @SuppressWarnings("unchecked")
    private static void collectPaths(Object node, List<Object> prefix, List<List<Object>> out) {
        if (node instanceof Map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) node).entrySet()) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(e.getKey());
                out.add(p);
                collectPaths(e.getValue(), p, out);
            }
        } else if (node instanceof List) {
            List<Object> list = (List<Object>) node;
            // the first element stands for all: mutating every item of a large page adds nothing
            if (!list.isEmpty()) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(0);
                out.add(p);
                collectPaths(list.get(0), p, out);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object node) {
        if (node instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) node).forEach((k, v) -> copy.put(k, deepCopy(v)));
            return copy;
        }
        if (node instanceof List) {
            List<Object> copy = new ArrayList<>();
            for (Object v : (List<Object>) node) {
                copy.add(deepCopy(v));
            }
            return copy;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static void set(Object root, List<Object> path, Object value) {
        Object node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object key = path.get(i);
            node = key instanceof Integer ? ((List<Object>) node).get((Integer) key) : ((Map<String, Object>) node).get(key);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer) {
            ((List<Object>) node).set((Integer) last, value);
        } else {
            ((Map<String, Object>) node).put((String) last, value);
        }
    }
}
