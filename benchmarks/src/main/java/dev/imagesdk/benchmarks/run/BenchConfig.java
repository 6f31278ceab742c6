package dev.imagesdk.benchmarks.run;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The run's settings, written by {@code benchmarks/run.sh} as a properties file and read by the
 * harness and by every worker JVM it starts. The token itself sits in its own file ({@code token.file},
 * mode 600) and is never printed.
 */
public final class BenchConfig {
    private final Path file;
    private final Properties props = new Properties();

    private BenchConfig(Path file) throws IOException {
        this.file = file.toAbsolutePath();
        try (Reader r = Files.newBufferedReader(file)) {
            props.load(r);
        }
    }

    /** Reads the properties file. */
    public static BenchConfig load(Path file) throws IOException {
        return new BenchConfig(file);
    }

    /** The file this was read from. */
    public Path file() {
        return file;
    }

    /** A required setting. */
    public String get(String key) {
        String v = props.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing setting '" + key + "' in " + file);
        }
        return v.trim();
    }

    /** Whether a setting is present and not blank. */
    public boolean has(String key) {
        String v = props.getProperty(key);
        return v != null && !v.isBlank();
    }

    /** An optional setting. */
    public String get(String key, String fallback) {
        String v = props.getProperty(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** An integer setting. */
    public int getInt(String key, int fallback) {
        return Integer.parseInt(get(key, Integer.toString(fallback)));
    }

    /** A long setting. */
    public long getLong(String key) {
        return Long.parseLong(get(key));
    }

    /** A path setting. */
    public Path path(String key) {
        return Path.of(get(key));
    }

    /** The Keystone token every contender uses (read from {@code token.file}). */
    public String token() {
        try {
            return Files.readString(path("token.file")).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read token.file", e);
        }
    }

    /** The {@code info.*} settings (machine, versions), key without the prefix, in key order. */
    public java.util.List<java.util.Map.Entry<Object, Object>> infoEntries() {
        java.util.List<java.util.Map.Entry<Object, Object>> out = new java.util.ArrayList<>();
        props.entrySet().stream().filter(e -> e.getKey().toString().startsWith("info."))
                .sorted(java.util.Comparator.comparing(e -> e.getKey().toString()))
                .forEach(e -> out.add(java.util.Map.entry(e.getKey().toString().substring(5), e.getValue())));
        return out;
    }

    /** The endpoint (service root, without /v2) of a target: {@code glance}, {@code nginx} or {@code nginx-big}. */
    public String endpoint(String target) {
        return get(target + ".url");
    }
}
