package dev.imagesdk.testing.internal.emulator.auth;

import dev.imagesdk.testing.internal.emulator.http.Caller;
import dev.imagesdk.testing.internal.emulator.http.Exchange;
import dev.imagesdk.testing.internal.emulator.http.GlanceError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells callers apart as Glance does behind keystonemiddleware: by a token registered on the
 * emulator ({@code X-Auth-Token}), or by the trusted identity headers ({@code X-Identity-Status:
 * Confirmed}, {@code X-Project-Id}, {@code X-User-Id}, {@code X-Roles}). Organization and space roles
 * of a header-identified user come from the identity registered for that user id.
 */
public final class Authenticator {
    static final String UNAUTHORIZED = "This server could not verify that you are authorized to access the "
            + "document you requested. Either you supplied the wrong credentials (e.g., bad password), or your "
            + "browser does not understand how to supply the credentials required.";

    private final Map<String, Caller> tokens = new ConcurrentHashMap<>();
    private final Map<String, Caller> users = new ConcurrentHashMap<>();

    /** Accepts {@code token} as {@code identity}. */
    public void registerToken(String token, Caller identity) {
        tokens.put(token, identity);
        registerUser(identity);
    }

    /** Gives header-identified requests of {@code identity.userId()} its organization and space roles. */
    public void registerUser(Caller identity) {
        users.put(identity.userId(), identity);
    }

    /** The caller, or 401 in Glance's words. */
    public Caller authenticate(Exchange ex) {
        String token = ex.header("X-Auth-Token");
        if (token != null) {
            Caller id = tokens.get(token.trim());
            if (id == null) {
                throw unauthorized(ex).header("WWW-Authenticate", "Keystone uri=\"" + ex.baseUrl() + "\"");
            }
            return id;
        }
        if (!"Confirmed".equalsIgnoreCase(trim(ex.header("X-Identity-Status")))) {
            throw unauthorized(ex);
        }
        String project = first(ex, "X-Project-Id", "X-Tenant-Id", "X-Tenant");
        if (project == null) {
            throw unauthorized(ex);
        }
        String user = first(ex, "X-User-Id", "X-User");
        List<String> roles = new ArrayList<>();
        String roleHeader = first(ex, "X-Roles", "X-Role");
        if (roleHeader != null) {
            for (String r : roleHeader.split(",")) {
                if (!r.isBlank()) {
                    roles.add(r.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        Caller registered = user == null ? null : users.get(user);
        Caller who = registered != null ? registered
                : new Caller(project, "anonymous", List.of(), List.of(), List.of());
        return who.with(project, user == null ? "anonymous" : user, roles.isEmpty() ? List.of("_member_") : roles);
    }

    /**
     * 401 as Glance words it. Glance answers before its request-id middleware, so the answer carries no
     * request id; only keystonemiddleware (a token was sent) adds {@code WWW-Authenticate}, the
     * trusted-headers pipeline does not.
     */
    private static GlanceError unauthorized(Exchange ex) {
        return GlanceError.of(401, UNAUTHORIZED).withoutRequestId();
    }

    private static String first(Exchange ex, String... names) {
        for (String n : names) {
            String v = trim(ex.header(n));
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
