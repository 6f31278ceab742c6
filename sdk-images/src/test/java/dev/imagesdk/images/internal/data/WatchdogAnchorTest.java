package dev.imagesdk.images.internal.data;

import okio.AsyncTimeout;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class WatchdogAnchorTest {
    private static final class Recorded extends AsyncTimeout {
        final CountDownLatch fired = new CountDownLatch(1);

        Recorded(long ms) {
            timeout(ms, TimeUnit.MILLISECONDS);
        }

        @Override
        protected void timedOut() {
            fired.countDown();
        }
    }

    @Test
    void aDeadlineQueuedBehindTheAnchorStillFires() throws Exception {
        Recorded later = new Recorded(WatchdogAnchor.PERIOD_MS + 500);
        try (WatchdogAnchor ignored = WatchdogAnchor.open()) {
            later.enter();
            // generous bound: the deadline is 1.5 s away, a loaded machine may run the watchdog late
            assertThat(later.fired.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(later.exit()).isTrue();
        }
    }

    @Test
    void aDeadlineShorterThanTheAnchorFiresFirst() throws Exception {
        Recorded sooner = new Recorded(50);
        try (WatchdogAnchor ignored = WatchdogAnchor.open()) {
            sooner.enter();
            assertThat(sooner.fired.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(sooner.exit()).isTrue();
        }
    }

    @Test
    void aDeadlineThatIsMetIsNotReportedAndAnAnchorCanBeClosedTwice() {
        Recorded met = new Recorded(60_000);
        WatchdogAnchor anchor = WatchdogAnchor.open();
        met.enter();
        assertThat(met.exit()).isFalse();
        anchor.close();
        anchor.close();
        assertThat(met.fired.getCount()).isEqualTo(1);
    }
}
