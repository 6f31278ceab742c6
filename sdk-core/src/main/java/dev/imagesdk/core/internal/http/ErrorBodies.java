package dev.imagesdk.core.internal.http;

import com.squareup.moshi.JsonReader;
import okio.Buffer;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Extracts the server's own explanation from an error body. Glance (webob) sends JSON
 * {@code {"message": "...<br /><br />", "code": "404 Not Found", "title": "Not Found"}} when asked for
 * JSON, HTML pages otherwise, and sometimes plain text; Keystone sends
 * {@code {"error": {"message": ..., "code": 401, "title": ...}}}.
 */
final class ErrorBodies {
    private static final int MAX_MESSAGE = 2000;
    private static final Pattern HEAD = Pattern.compile("(?is)<head\\b.*?</head>");
    private static final Pattern TITLE = Pattern.compile("(?is)<title\\b.*?</title>");
    private static final Pattern H1 = Pattern.compile("(?is)<h1\\b.*?</h1>");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)\\b.*?</\\1>");
    private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private ErrorBodies() {
    }

    /** The cleaned message, or {@code null} when the body says nothing useful. */
    static String message(String contentType, byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        String trimmed = text.trim();
        String ct = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (ct.contains("json") || trimmed.startsWith("{")) {
            String fromJson = fromJson(body);
            if (fromJson != null) {
                return clean(fromJson);
            }
        }
        if (ct.contains("html") || trimmed.startsWith("<")) {
            return clean(fromHtml(text));
        }
        return clean(text);
    }

    private static String fromJson(byte[] body) {
        try {
            Object value = JsonReader.of(new Buffer().write(body)).readJsonValue();
            return find(value, 0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String find(Object value, int depth) {
        if (depth > 3 || !(value instanceof Map)) {
            if (value instanceof List && depth <= 3) {
                for (Object item : (List<?>) value) {
                    String found = find(item, depth + 1);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
        Map<?, ?> map = (Map<?, ?>) value;
        for (String key : new String[] {"message", "detail", "faultstring", "error_description"}) {
            Object m = map.get(key);
            if (m instanceof String && !((String) m).isBlank()) {
                return (String) m;
            }
        }
        for (Object nested : map.values()) {
            String found = find(nested, depth + 1);
            if (found != null) {
                return found;
            }
        }
        Object title = map.get("title");
        return title instanceof String ? (String) title : null;
    }

    private static String fromHtml(String html) {
        String s = SCRIPT.matcher(html).replaceAll(" ");
        s = HEAD.matcher(s).replaceAll(" ");
        String withoutH1 = H1.matcher(s).replaceAll(" ");
        s = TITLE.matcher(withoutH1).replaceAll(" ");
        return s;
    }

    private static String clean(String raw) {
        String s = BR.matcher(raw).replaceAll(" ");
        s = TAG.matcher(s).replaceAll(" ");
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&");
        s = SPACE.matcher(s).replaceAll(" ").trim();
        if (s.isEmpty()) {
            return null;
        }
        return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "…" : s;
    }
}
