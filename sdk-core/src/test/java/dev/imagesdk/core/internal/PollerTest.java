package dev.imagesdk.core.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PollerTest {
    private final Poller poller = new Poller(Duration.ofMillis(1), Duration.ofMillis(4), 2);

    @Test
    void readsUntilTheStateIsReached() {
        AtomicInteger reads = new AtomicInteger();
        Poller.Outcome<Integer> o = poller.await(reads::incrementAndGet, n -> n == 3, Duration.ofSeconds(10));
        assertThat(o.ending()).isEqualTo(Poller.Ending.REACHED);
        assertThat(o.last()).isEqualTo(3);
    }

    @Test
    void givesUpAfterTheTimeoutWithTheLastValue() {
        AtomicInteger reads = new AtomicInteger();
        Poller.Outcome<Integer> o = poller.await(reads::incrementAndGet, n -> false, Duration.ofMillis(30));
        assertThat(o.ending()).isEqualTo(Poller.Ending.TIMED_OUT);
        assertThat(o.last()).isGreaterThan(1).isEqualTo(reads.get());
    }

    @Test
    void aZeroTimeoutReadsOnce() {
        AtomicInteger reads = new AtomicInteger();
        assertThat(poller.await(reads::incrementAndGet, n -> false, Duration.ZERO).last()).isEqualTo(1);
    }

    @Test
    void anInterruptEndsTheWaitAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        try {
            Poller.Outcome<String> o = poller.await(() -> "saving", s -> false, Duration.ofSeconds(10));
            assertThat(o.ending()).isEqualTo(Poller.Ending.INTERRUPTED);
            assertThat(o.interruption()).isPresent();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
