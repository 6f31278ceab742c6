package dev.imagesdk.testing.internal.emulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer in Glance's (webob's) format: thrown anywhere in a handler, rendered by
 * {@link ErrorPages} as HTML or, with {@code Accept: application/json}, as
 * {@code {"message", "code", "title"}}.
 */
public final class GlanceError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String explanation;
    private final String detail;
    private final String rawMessage;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean withoutRequestId;

    private GlanceError(int status, String explanation, String detail, String rawMessage) {
        super(status + " " + (rawMessage != null ? rawMessage : explanation), null, false, false);
        this.status = status;
        this.explanation = explanation;
        this.detail = detail == null ? "" : detail;
        this.rawMessage = rawMessage;
    }

    /** An error whose message is {@code explanation}. */
    public static GlanceError of(int status, String explanation) {
        return new GlanceError(status, explanation, "", null);
    }

    /** An error with webob's generic explanation for the status plus a detail line. */
    public static GlanceError withDetail(int status, String explanation, String detail) {
        return new GlanceError(status, explanation, detail, null);
    }

    /** An error whose JSON message is exactly {@code message} (webob's irregular 405/415 bodies). */
    public static GlanceError raw(int status, String message) {
        return new GlanceError(status, null, null, message);
    }

    /** A 400 in Glance's error format. */
    public static GlanceError badRequest(String explanation) {
        return of(400, explanation);
    }

    /** A 403 in Glance's error format. */
    public static GlanceError forbidden(String explanation) {
        return of(403, explanation);
    }

    /** A 404 in Glance's error format. */
    public static GlanceError notFound(String explanation) {
        return of(404, explanation);
    }

    /** A 409 in Glance's error format. */
    public static GlanceError conflict(String explanation) {
        return of(409, explanation);
    }

    /** 403 for a policy rule, worded as Glance's policy enforcer does. */
    public static GlanceError policy(String action) {
        return of(403, "You are not authorized to complete " + action + " action.");
    }

    /** Adds a response header (e.g. {@code Allow}, {@code Accept-Patch}). */
    public GlanceError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Sends this error without {@code X-Openstack-Request-Id} (answers from before Glance's request-id middleware). */
    public GlanceError withoutRequestId() {
        this.withoutRequestId = true;
        return this;
    }

    /** {@code true} when the answer carries no request id. */
    public boolean isWithoutRequestId() {
        return withoutRequestId;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Extra response headers (e.g. {@code Retry-After}). */
    public Map<String, String> headers() {
        return headers;
    }

    /** The {@code message} member of the JSON body. */
    public String jsonMessage() {
        if (rawMessage != null) {
            return rawMessage;
        }
        return explanation + "<br /><br />\n" + detail + "\n\n";
    }

    /** The body text of the HTML page: explanation and detail HTML-escaped, as webob does. */
    public String htmlMessage() {
        if (rawMessage != null) {
            return rawMessage;
        }
        return escape(explanation) + "<br /><br />\n" + escape(detail) + "\n\n";
    }

    /** Python's {@code html.escape(s, quote=True)}, which webob applies to HTML error pages. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#x27;"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }
}
