package dev.imagesdk.examples.cli.output;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void rendersBarPercentBytesRateAndEta() {
        String s = ProgressBar.render("upload", 128L << 20, 256L << 20, 2 * SECOND);
        assertThat(s).isEqualTo("upload   [############------------]  50%  128.0 MiB / 256.0 MiB  64.0 MiB/s  ETA 0:02");
    }

    @Test
    void finishedBarShowsTotalTimeInsteadOfEta() {
        String s = ProgressBar.render("download", 10L << 20, 10L << 20, 5 * SECOND);
        assertThat(s).isEqualTo("download [########################] 100%  10.0 MiB / 10.0 MiB  2.0 MiB/s  5.0 s");
    }

    @Test
    void unknownTotalShowsBytesAndRateOnly() {
        assertThat(ProgressBar.render("upload", 3 << 10, -1, SECOND)).isEqualTo("upload   3.0 KiB  3.0 KiB/s");
    }

    @Test
    void unitsAndDurations() {
        assertThat(ProgressBar.bytes(1023)).isEqualTo("1023 B");
        assertThat(ProgressBar.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(ProgressBar.bytes(5L << 30)).isEqualTo("5.0 GiB");
        assertThat(ProgressBar.duration(61)).isEqualTo("1:01");
        assertThat(ProgressBar.duration(3725)).isEqualTo("1:02:05");
    }

    @Test
    void disabledBarWritesNothing() {
        StringWriter sw = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(sw), "upload", 100, false, () -> 0L);
        bar.update(50);
        bar.finish();
        assertThat(sw.toString()).isEmpty();
    }

    @Test
    void enabledBarRedrawsInPlaceAtMostTenTimesASecondAndEndsTheLine() {
        StringWriter sw = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintWriter(sw), "upload", 100, true, clock::get);
        bar.update(10);                 // drawn (first)
        clock.addAndGet(SECOND / 100);
        bar.update(20);                 // skipped (10 ms later)
        clock.addAndGet(SECOND / 5);
        bar.update(60);                 // drawn
        bar.finish();                   // drawn + newline
        String out = sw.toString();
        assertThat(out.chars().filter(c -> c == '\r').count()).isEqualTo(3);
        assertThat(out).doesNotContain(" 20%").contains(" 10%").contains(" 60%").endsWith(System.lineSeparator());
    }

    @Test
    void finishReturnsTheElapsedTimeTheBarShows() {
        StringWriter sw = new StringWriter();
        AtomicLong clock = new AtomicLong(1_000 * SECOND);
        ProgressBar bar = new ProgressBar(new PrintWriter(sw), "upload", 100, true, clock::get);
        bar.update(100);
        clock.addAndGet(2 * SECOND + SECOND / 4);
        assertThat(bar.finish()).isEqualTo(2 * SECOND + SECOND / 4);
        String last = sw.toString().substring(sw.toString().lastIndexOf('\r'));
        assertThat(last.stripTrailing()).endsWith("100 B / 100 B  44 B/s  2.3 s");
        assertThat(ProgressBar.seconds(2 * SECOND + SECOND / 4)).isEqualTo("2.3 s");
        assertThat(new ProgressBar(new PrintWriter(new StringWriter()), "x", 1, false, () -> 7L).finish())
                .as("also when not drawing").isZero();
    }
}
