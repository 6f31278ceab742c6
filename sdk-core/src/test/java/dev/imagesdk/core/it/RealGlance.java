package dev.imagesdk.core.it;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.util.UUID;

/**
 * Where the integration tests find the real Glance started by {@code scripts/glance.sh}
 * ({@code scripts/test-all.sh} exports the variables). Without {@code IMAGESDK_GLANCE_URL} the ITs are
 * skipped, unless {@code IMAGESDK_IT_REQUIRED=true} (set in CI), where a missing server fails them.
 *
 * <p>Each test JVM acts as two fresh projects (A and B, random ids) plus an admin, through Glance's
 * trusted identity headers, so runs never see each other's images.
 */
public final class RealGlance {
    /** Project A's id for this JVM. */
    public static final String PROJECT_A = hex();
    /** Project B's id for this JVM. */
    public static final String PROJECT_B = hex();
    /** The admin's project id for this JVM. */
    public static final String PROJECT_ADMIN = hex();

    private static volatile ServiceClient base;

    private RealGlance() {
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Value of an environment variable or the same-named system property, or {@code null}. */
    public static String setting(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            v = System.getenv(name);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** {@code true} when CI demands the real servers (a missing one fails instead of skipping). */
    public static boolean required() {
        return "true".equalsIgnoreCase(setting("IMAGESDK_IT_REQUIRED"));
    }

    /** Skips (or, in CI, fails) the calling test when {@code variable} is not set; returns its value. */
    public static String require(String variable) {
        String v = setting(variable);
        if (v == null) {
            String message = variable + " is not set: start the servers with scripts/test-all.sh (or scripts/it-env.sh up)";
            if (required()) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return v;
    }

    /** The headers-mode Glance endpoint, e.g. {@code http://127.0.0.1:9292}. */
    public static String endpoint() {
        return require("IMAGESDK_GLANCE_URL");
    }

    private static ServiceClient base() {
        ServiceClient b = base;
        if (b == null) {
            synchronized (RealGlance.class) {
                if (base == null) {
                    base = ServiceClient.builder().endpoint(endpoint()).retryPolicy(RetryPolicy.none()).build();
                }
                b = base;
            }
        }
        return b;
    }

    /** A client acting as project A (roles member, reader). */
    public static ServiceClient projectA() {
        return base().withAuth(Auth.trustedHeaders(PROJECT_A, "user-a", "member", "reader"));
    }

    /** A client acting as project B (roles member, reader). */
    public static ServiceClient projectB() {
        return base().withAuth(Auth.trustedHeaders(PROJECT_B, "user-b", "member", "reader"));
    }

    /** A client acting as an administrator. */
    public static ServiceClient admin() {
        return base().withAuth(Auth.trustedHeaders(PROJECT_ADMIN, "user-admin", "admin", "member", "reader"));
    }
}
