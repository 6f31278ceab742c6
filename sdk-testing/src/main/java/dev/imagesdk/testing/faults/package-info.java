/**
 * Fault injection for resilience tests: scripted latency, error statuses, dropped connections and
 * truncated bodies that the emulator applies per path and per count.
 */
package dev.imagesdk.testing.faults;
