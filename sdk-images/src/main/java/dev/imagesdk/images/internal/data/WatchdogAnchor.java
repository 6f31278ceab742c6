package dev.imagesdk.images.internal.data;

import okio.AsyncTimeout;

import java.util.concurrent.TimeUnit;

/**
 * Keeps okio's timeout watchdog thread asleep while a large transfer runs. With read and write
 * timeouts set, okio queues a deadline for every socket read and write (8 KiB each) and wakes its
 * watchdog thread whenever the new deadline is the earliest one queued — with one transfer running
 * that is every time: some 130,000 thread wake-ups per GiB. While an anchor is open it keeps an entry
 * that is due sooner than any socket deadline (re-armed every {@link #PERIOD_MS} ms by the watchdog
 * itself), so the socket deadlines queue behind it without waking anyone. The socket timeouts are
 * unchanged: the watchdog still fires each one on time.
 */
public final class WatchdogAnchor extends AsyncTimeout implements AutoCloseable {
    /** How far ahead the anchor's deadline lies; socket timeouts shorter than this get no benefit (and no harm). */
    public static final long PERIOD_MS = 1000;

    private boolean open = true;

    private WatchdogAnchor() {
        timeout(PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Puts an anchor into okio's timeout queue until {@link #close()}. */
    public static WatchdogAnchor open() {
        WatchdogAnchor anchor = new WatchdogAnchor();
        anchor.enter();
        return anchor;
    }

    /** Called on the watchdog thread (outside okio's lock) when the anchor is due: queue it again. */
    @Override
    protected synchronized void timedOut() {
        if (open) {
            exit();
            enter();
        }
    }

    /** Takes the anchor out of the queue. */
    @Override
    public synchronized void close() {
        open = false;
        exit();
    }
}
