package dev.imagesdk.testing.internal.emulator.glance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Glance's read-only http store learns about a location url before accepting it: its size from
 * {@code HEAD} ({@code Content-Length}, 0 without one), following up to five 301/302 redirects; a 404 is
 * "not found", any other error status, another redirect status, too many redirects or a connection
 * failure a bad store uri. Urls of other schemes are not asked.
 *
 * @param kind what the store answered
 * @param size the size for {@link Kind#SIZE}, else 0
 */
record UrlProbe(Kind kind, long size) {
    /** The outcome, as glance_store's exceptions distinguish it. */
    enum Kind {
        /** The url answered; {@link #size()} is its length. */
        SIZE,
        /** 404: glance_store's NotFound. */
        NOT_FOUND,
        /** Unreachable, an error status, a bad redirect: glance_store's BadStoreUri. */
        BAD_URI,
        /** Not an http(s) url: the http store does not know it (UnknownScheme, or a restricted file url). */
        NOT_HTTP
    }

    private static final int MAX_REDIRECTS = 5;
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

    /** The url's scheme in lower case ({@code ""} without one), as Python's urlparse reads it. */
    static String scheme(String url) {
        Matcher m = SCHEME.matcher(url);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }

    /** {@code true} for the schemes of the http store ({@code http}, {@code https}). */
    static boolean isHttp(String url) {
        String s = scheme(url);
        return s.equals("http") || s.equals("https");
    }

    /** Asks {@code url} for its size as the http store does (no lock may be held: this is network I/O). */
    static UrlProbe of(String url) {
        if (!isHttp(url)) {
            return new UrlProbe(Kind.NOT_HTTP, 0);
        }
        URI target;
        try {
            target = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new UrlProbe(Kind.BAD_URI, 0);
        }
        try {
            for (int i = 0; i < MAX_REDIRECTS; i++) {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding());
                int status = r.statusCode();
                if (status < 300) {
                    long size = r.headers().firstValueAsLong("Content-Length").orElse(0);
                    return new UrlProbe(Kind.SIZE, size);
                }
                if (status == 404) {
                    return new UrlProbe(Kind.NOT_FOUND, 0);
                }
                if (status >= 400 || (status != 301 && status != 302)) {
                    return new UrlProbe(Kind.BAD_URI, 0);
                }
                String location = r.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    return new UrlProbe(Kind.BAD_URI, 0);
                }
                target = target.resolve(location);
            }
            return new UrlProbe(Kind.BAD_URI, 0);
        } catch (IOException | IllegalArgumentException e) {
            return new UrlProbe(Kind.BAD_URI, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new UrlProbe(Kind.BAD_URI, 0);
        }
    }
}
