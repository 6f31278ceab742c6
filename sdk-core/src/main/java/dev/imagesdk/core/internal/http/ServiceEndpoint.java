package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.error.PaginationException;
import dev.imagesdk.core.error.ValidationException;
import okhttp3.HttpUrl;

import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Where a client's requests go: the service root (configured, or found once in the service catalog),
 * how an {@link ApiRequest} and a link from a response are turned into a URL, and the origin rule for
 * links. Shared by a client and its views; thread-safe.
 */
public final class ServiceEndpoint {
    private static final Pattern VERSION_SEGMENT = Pattern.compile("v\\d+(\\.\\d+)?", Pattern.CASE_INSENSITIVE);

    private volatile HttpUrl root;

    /** @param configuredRoot the normalised root ({@link #normalizeRoot(String)}), or {@code null} to use the catalog */
    public ServiceEndpoint(HttpUrl configuredRoot) {
        this.root = configuredRoot;
    }

    /** The root when known yet, otherwise {@code null} (for {@code toString()}). */
    public HttpUrl rootIfKnown() {
        return root;
    }

    /**
     * The service root, ending with {@code /}; the first call of a client without a configured endpoint
     * asks {@code catalog} (the authentication's service catalog) once.
     */
    public HttpUrl root(Supplier<URI> catalog) {
        HttpUrl r = root;
        if (r == null) {
            synchronized (this) {
                r = root;
                if (r == null) {
                    r = normalizeRoot(catalog.get().toString());
                    root = r;
                }
            }
        }
        return r;
    }

    /**
     * Turns an endpoint as users write it into the service root: drops query and fragment, trailing
     * slashes and a trailing version segment ({@code /v2}, {@code /v2.16}, also {@code /v1}, so that an
     * old-style endpoint leads to version discovery instead of requests to {@code /v1/v2/...}); ends
     * with {@code /}.
     *
     * @throws ValidationException when the endpoint is blank or not an http(s) URL
     */
    public static HttpUrl normalizeRoot(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            throw new ValidationException("endpoint must not be blank");
        }
        HttpUrl url = HttpUrl.parse(endpoint.trim());
        if (url == null) {
            throw new ValidationException("endpoint is not an http(s) URL: \"" + endpoint + "\"");
        }
        HttpUrl.Builder b = url.newBuilder().query(null).fragment(null);
        HttpUrl probe = b.build();
        while (probe.pathSize() > 1 && probe.pathSegments().get(probe.pathSize() - 1).isEmpty()) {
            b.removePathSegment(probe.pathSize() - 1);
            probe = b.build();
        }
        if (probe.pathSize() > 0 && VERSION_SEGMENT.matcher(probe.pathSegments().get(probe.pathSize() - 1)).matches()) {
            b.removePathSegment(probe.pathSize() - 1);
            probe = b.build();
        }
        if (probe.pathSize() == 0 || !probe.pathSegments().get(probe.pathSize() - 1).isEmpty()) {
            b.addPathSegment("");
        }
        return b.build();
    }

    /** The Image API v2 root below {@code root} ({@code https://host/image/v2/}). */
    public static HttpUrl v2Root(HttpUrl root) {
        return root.newBuilder().addPathSegment("v2").addPathSegment("").build();
    }

    /** The full URL {@code request} goes to, below {@code root}. */
    public static HttpUrl resolve(HttpUrl root, ApiRequest request) {
        HttpUrl.Builder b;
        switch (request.base()) {
            case ABSOLUTE:
                b = request.absoluteUrl().newBuilder();
                break;
            case ROOT:
                b = root.newBuilder();
                break;
            default:
                b = root.newBuilder().addPathSegment("v2");
        }
        if (request.base() != ApiRequest.Base.ABSOLUTE) {
            trimEmptyLastSegment(b);
            for (String segment : request.segments()) {
                b.addPathSegment(segment);
            }
            if (request.segments().isEmpty() && request.base() == ApiRequest.Base.ROOT) {
                b.addPathSegment("");
            }
        }
        for (Map.Entry<String, String> q : request.query()) {
            b.addQueryParameter(q.getKey(), q.getValue());
        }
        return b.build();
    }

    private static void trimEmptyLastSegment(HttpUrl.Builder b) {
        HttpUrl probe = b.build();
        int size = probe.pathSize();
        if (size > 0 && probe.pathSegments().get(size - 1).isEmpty()) {
            b.removePathSegment(size - 1);
        }
    }

    /**
     * Joins a link from a response (Glance's {@code next}, {@code first}, {@code self}) to the
     * service. Glance sends them root-relative with the version included ({@code /v2/images?marker=x});
     * they are joined to the service root keeping any path prefix ({@code https://host/image} +
     * {@code /v2/images} → {@code https://host/image/v2/images}). Absolute links must point to the
     * service's own origin.
     *
     * @param root the service root
     * @param link the link as the server sent it
     * @param requestId request id of the response that carried it, for the error message
     * @throws PaginationException when the link is malformed or points to another origin
     */
    public static HttpUrl resolveLink(HttpUrl root, String link, String requestId) {
        if (link == null || link.isBlank()) {
            throw new PaginationException("empty link", null, requestId);
        }
        HttpUrl resolved;
        String trimmed = link.trim();
        if (trimmed.regionMatches(true, 0, "http://", 0, 7) || trimmed.regionMatches(true, 0, "https://", 0, 8)) {
            resolved = HttpUrl.parse(trimmed);
        } else if (trimmed.startsWith("//")) {
            resolved = root.resolve(trimmed);
        } else if (trimmed.startsWith("/")) {
            String prefix = root.encodedPath();
            prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            String path = !prefix.isEmpty() && trimmed.startsWith(prefix + "/") ? trimmed : prefix + trimmed;
            resolved = root.resolve(path);
        } else {
            resolved = v2Root(root).resolve(trimmed);
        }
        if (resolved == null) {
            throw new PaginationException("malformed link \"" + truncate(trimmed) + "\"", null, requestId);
        }
        if (!Origins.same(root, resolved)) {
            throw new PaginationException("refusing to follow a link to another origin (" + resolved.scheme() + "://"
                    + resolved.host() + ":" + resolved.port() + "); credentials are only sent to " + root.scheme()
                    + "://" + root.host() + ":" + root.port(), Redaction.url(resolved), requestId);
        }
        return resolved;
    }

    private static String truncate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
