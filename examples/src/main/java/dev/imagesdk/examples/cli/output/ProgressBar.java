package dev.imagesdk.examples.cli.output;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar with transferred bytes, rate and ETA, redrawn in place with a carriage
 * return:
 *
 * <pre>
 * upload   [##########----------]  50%  128.0 MiB / 256.0 MiB  95.3 MiB/s  ETA 0:01
 * </pre>
 *
 * <p>It draws only when enabled (imagectl enables it when attached to a terminal,
 * {@code System.console() != null}), so piped output carries no control characters. Redraws are
 * limited to about ten per second. When the total is unknown it shows bytes and rate only.
 */
public final class ProgressBar {
    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final String label;
    private long total;
    private final boolean enabled;
    private final LongSupplier nanoTime;
    private final long start;
    private long lastDraw = Long.MIN_VALUE;
    private long done;
    private int lastWidth;

    /**
     * @param out where to draw (imagectl uses stderr)
     * @param label what is being transferred, e.g. {@code upload}
     * @param total total bytes, or a negative number when unknown
     * @param enabled whether to draw at all
     * @param nanoTime the clock (System::nanoTime outside tests)
     */
    public ProgressBar(PrintWriter out, String label, long total, boolean enabled, LongSupplier nanoTime) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.enabled = enabled;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /** A bar drawn on {@code out} only when this JVM is attached to a terminal. */
    public static ProgressBar forTerminal(PrintWriter out, String label, long total) {
        return new ProgressBar(out, label, total, System.console() != null, System::nanoTime);
    }

    /** Whether this bar draws anything. */
    public boolean enabled() {
        return enabled;
    }

    /** Records progress with a (possibly newly known) total; negative total: unknown. */
    public synchronized void update(long bytesDone, long totalBytes) {
        if (totalBytes >= 0) {
            total = totalBytes;
        }
        update(bytesDone);
    }

    /** Records that {@code bytesDone} bytes are transferred so far; redraws at most ten times a second. */
    public synchronized void update(long bytesDone) {
        done = bytesDone;
        if (!enabled) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        draw(render(label, done, total, now - start));
    }

    /**
     * Draws the final state and ends the line; returns the elapsed time the bar shows, so that a
     * summary printed after it reports the same time and rate.
     */
    public synchronized long finish() {
        long elapsed = nanoTime.getAsLong() - start;
        if (enabled) {
            draw(render(label, done, total, elapsed));
            out.println();
            out.flush();
        }
        return elapsed;
    }

    /** Ends the line after a failed transfer (if anything was drawn), so an error message starts on its own line. */
    public synchronized void abandon() {
        if (enabled && lastWidth > 0) {
            out.println();
            out.flush();
            lastWidth = 0;
        }
    }

    private void draw(String line) {
        int pad = Math.max(0, lastWidth - line.length());
        out.print("\r" + line + " ".repeat(pad));
        out.flush();
        lastWidth = line.length();
    }

    /** The text of the bar for a state; pure, so it can be tested without a clock. */
    public static String render(String label, long done, long total, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        double rate = done / seconds;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-8s ", label));
        if (total >= 0) {
            double fraction = total == 0 ? 1.0 : Math.min(1.0, (double) done / total);
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            sb.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append(']');
            sb.append(String.format(Locale.ROOT, " %3d%%  %s / %s  %s/s", (int) Math.floor(fraction * 100),
                    bytes(done), bytes(total), bytes((long) rate)));
            if (done >= total) {
                sb.append("  ").append(seconds(elapsedNanos));
            } else if (rate > 0) {
                sb.append("  ETA ").append(duration((total - done) / rate));
            } else {
                sb.append("  ETA --:--");
            }
        } else {
            sb.append(String.format(Locale.ROOT, "%s  %s/s", bytes(done), bytes((long) rate)));
        }
        return sb.toString();
    }

    /** Bytes in binary units with one decimal ({@code 1.5 KiB}, {@code 256.0 MiB}). */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** An elapsed time as {@code 12.3 s}: the bar's final state and imagectl's summaries both use it. */
    public static String seconds(long elapsedNanos) {
        return String.format(Locale.ROOT, "%.1f s", Math.max(elapsedNanos, 1) / 1e9);
    }

    /** Seconds as {@code m:ss} or {@code h:mm:ss}. */
    public static String duration(double seconds) {
        long s = (long) Math.ceil(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
