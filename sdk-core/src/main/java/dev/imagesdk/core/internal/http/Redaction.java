package dev.imagesdk.core.internal.http;

import okhttp3.Headers;
import okhttp3.HttpUrl;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Removes credentials from what the SDK logs or puts into exceptions. */
public final class Redaction {
    /** Shown instead of a secret. */
    public static final String REDACTED = "<redacted>";

    private static final Set<String> SECRET_HEADERS = Set.of(
            "x-auth-token", "x-subject-token", "x-service-token", "authorization", "proxy-authorization",
            "cookie", "set-cookie", "x-storage-token", "x-auth-key");
    private static final Pattern SECRET_NAME = Pattern.compile(
            ".*(token|secret|password|passwd|signature|credential|api[_-]?key|sig).*", Pattern.CASE_INSENSITIVE);

    private Redaction() {
    }

    /** {@code true} for headers that carry credentials. */
    public static boolean isSecretHeader(String name) {
        return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** {@code true} for parameter or property names that look like they hold a secret. */
    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    /** The URL without user info and with secret-looking query values replaced. */
    public static String url(HttpUrl url) {
        HttpUrl.Builder b = url.newBuilder().username("").password("");
        for (String name : url.queryParameterNames()) {
            if (isSecretName(name)) {
                b.setQueryParameter(name, REDACTED);
            }
        }
        return b.build().toString();
    }

    /** Headers as a map with credential values replaced; names are case-insensitive. */
    public static Map<String, List<String>> headers(Headers headers) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : headers.names()) {
            out.put(name, isSecretHeader(name) ? List.of(REDACTED) : headers.values(name));
        }
        return out;
    }

    /** Headers without the credential headers at all (for exceptions that outlive the request). */
    public static Map<String, List<String>> withoutSecrets(Headers headers) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : headers.names()) {
            if (!isSecretHeader(name)) {
                out.put(name, headers.values(name));
            }
        }
        return out;
    }
}
