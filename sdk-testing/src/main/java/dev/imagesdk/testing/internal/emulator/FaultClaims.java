package dev.imagesdk.testing.internal.emulator;

import dev.imagesdk.testing.faults.Fault;

/**
 * The emulator's way to ask a {@link Fault} whether it applies to a request (and count it), without
 * that hook being part of {@code Fault}'s public API. {@code Fault} registers its implementation when
 * the class is initialized, which has happened by the time any {@code Fault} instance exists.
 */
public final class FaultClaims {
    /** Decides whether a fault applies to a request, counting it when it matches. */
    @FunctionalInterface
    public interface Claimer {
        /** {@code true} when {@code fault} applies to this request (and is now counted as applied). */
        boolean claim(Fault fault, String requestMethod, String rawPath);
    }

    private static volatile Claimer claimer;

    private FaultClaims() {
    }

    /** Called once by {@code Fault}'s static initializer. */
    public static void register(Claimer c) {
        claimer = c;
    }

    /** Whether {@code fault} applies to a request with this method and raw path; counts it when it does. */
    public static boolean claim(Fault fault, String requestMethod, String rawPath) {
        return claimer.claim(fault, requestMethod, rawPath);
    }
}
