package dev.imagesdk.testing.internal.emulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** Renders {@link GlanceError}s the way webob does for Glance: HTML by default, JSON on request. */
public final class ErrorPages {
    private ErrorPages() {
    }

    /** The reason phrase Glance uses for a status. */
    public static String title(int status) {
        switch (status) {
            case 300: return "Multiple Choices";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 409: return "Conflict";
            case 413: return "Request Entity Too Large";
            case 415: return "Unsupported Media Type";
            case 416: return "Request Range Not Satisfiable";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return "Error";
        }
    }

    /** The JSON document ({@code message}, {@code code}, {@code title}). */
    public static Map<String, Object> json(GlanceError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", e.jsonMessage());
        m.put("code", e.status() + " " + title(e.status()));
        m.put("title", title(e.status()));
        return m;
    }

    /**
     * The plain-text page webob sends when the request has no {@code Accept}: status line, blank line,
     * the message with newlines as spaces and {@code <br />} as newlines.
     */
    public static String text(GlanceError e) {
        return e.status() + " " + title(e.status()) + "\n\n"
                + e.jsonMessage().replace("\n", " ").replace("<br />", "\n");
    }

    /** The HTML page. */
    public static String html(GlanceError e) {
        String code = e.status() + " " + title(e.status());
        return "<html>\n <head>\n  <title>" + code + "</title>\n </head>\n <body>\n  <h1>" + code + "</h1>\n  "
                + e.htmlMessage() + "\n </body>\n</html>";
    }
}
