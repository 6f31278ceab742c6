package dev.imagesdk.testing.internal.emulator;

import dev.imagesdk.testing.faults.Fault;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Fault} added to one emulator, with that emulator's counts: the matching requests seen and
 * the ones the fault was applied to (after {@link Fault#skip()}, up to {@link Fault#times()}).
 * Thread-safe.
 */
final class FaultRule {
    private final Fault fault;
    private final AtomicInteger seen = new AtomicInteger();
    private final AtomicInteger applied = new AtomicInteger();

    FaultRule(Fault fault) {
        this.fault = fault;
    }

    Fault fault() {
        return fault;
    }

    /** Whether the fault applies to this request; counts it when it does. */
    boolean claim(String requestMethod, String rawPath) {
        if (!fault.matches(requestMethod, rawPath)) {
            return false;
        }
        if (seen.incrementAndGet() <= fault.skip()) {
            return false;
        }
        int times = fault.times();
        while (true) {
            int a = applied.get();
            if (times >= 0 && a >= times) {
                return false;
            }
            if (applied.compareAndSet(a, a + 1)) {
                return true;
            }
        }
    }

    int applied() {
        return applied.get();
    }

    boolean exhausted() {
        int times = fault.times();
        return times >= 0 && applied.get() >= times;
    }
}
