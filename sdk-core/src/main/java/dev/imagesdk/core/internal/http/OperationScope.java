package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.error.CancelledException;
import dev.imagesdk.core.error.DeadlineExceededException;
import dev.imagesdk.core.error.TransportException;
import okhttp3.Call;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time limits of the operation running on the calling thread, and its cancellation. One place for
 * all of them, enforced on the running exchange:
 * <ul>
 * <li>an overall deadline: the operation's start plus its timeout, covering every attempt, back-off
 * pause, redirect and renewal of credentials ({@link #enter(Duration)}; nested scopes never extend an
 * outer deadline);
 * <li>for image data, a progress rule instead of a total time: the transfer fails when fewer than
 * {@link #MIN_PROGRESS_BYTES} moved within the progress window ({@link #transfer(Duration)},
 * {@link #progress(long)});
 * <li>cancellation: an interrupt of the calling thread ({@link Thread#interrupt()}) stops the operation.
 * </ul>
 * A single daemon thread ({@code imagesdk-deadlines}) looks at the running operations every
 * {@value #TICK_MS} ms (and sleeps while there are none) and cancels the OkHttp call of one whose
 * deadline passed, whose transfer stalled or whose thread was interrupted: that also ends a socket read
 * that an interrupt alone would not wake. The failure of the cancelled call is then reported as
 * {@link DeadlineExceededException} or {@link CancelledException} ({@link #failure}), never retried.
 */
public final class OperationScope implements AutoCloseable {
    /** Fewest bytes a transfer must move within its progress window. */
    public static final long MIN_PROGRESS_BYTES = 64 * 1024;
    /** Progress window of image data transfers unless the caller sets another. */
    public static final Duration DEFAULT_PROGRESS_TIMEOUT = Duration.ofSeconds(60);
    /** How often the watchdog looks at running operations. */
    public static final long TICK_MS = 50;

    private static final ThreadLocal<Watch> CURRENT = new ThreadLocal<>();
    private static final Set<Watch> ACTIVE = ConcurrentHashMap.newKeySet();
    private static final Object LOCK = new Object();
    private static Thread watchdog;

    private final Watch watch;
    private final boolean hadDeadline;
    private final long previousDeadline;
    private final Duration previousLimit;
    private final long previousWindow;
    private final long previousTransferWindow;
    private boolean closed;

    private OperationScope(Watch watch) {
        this.watch = watch;
        this.hadDeadline = watch.hasDeadline;
        this.previousDeadline = watch.deadline;
        this.previousLimit = watch.limit;
        this.previousWindow = watch.windowNanos;
        this.previousTransferWindow = watch.transferWindowNanos;
    }

    /** Why an operation was stopped. */
    private enum Kind { DEADLINE, STALLED, INTERRUPTED }

    private record Reason(Kind kind, Duration limit) {
        TransportException exception(String method, String url, Throwable cause) {
            switch (kind) {
                case DEADLINE:
                    return new DeadlineExceededException("Operation timed out: its deadline of " + format(limit)
                            + " passed", method, url, limit, cause);
                case STALLED:
                    return new DeadlineExceededException("Transfer stalled: fewer than " + MIN_PROGRESS_BYTES
                            + " bytes moved in " + format(limit) + " (progress timeout)", method, url, limit, cause);
                default:
                    return new CancelledException("Cancelled: the calling thread was interrupted", method, url, cause);
            }
        }
    }

    /** The running operation of one thread. */
    private static final class Watch {
        final Thread thread = Thread.currentThread();
        int depth;
        volatile boolean hasDeadline;
        volatile long deadline;
        volatile Duration limit;
        volatile Call call;
        volatile Reason reason;
        volatile long windowNanos;
        /** The progress window of the enclosing transfer, which each attempt's body re-arms. */
        volatile long transferWindowNanos;
        volatile long bytes;
        volatile long markBytes;
        volatile long markNanos;

        synchronized void check(long now) {
            if (reason != null) {
                return;
            }
            if (thread.isInterrupted()) {
                cancel(new Reason(Kind.INTERRUPTED, null));
            } else if (hasDeadline && now - deadline >= 0) {
                cancel(new Reason(Kind.DEADLINE, limit));
            } else if (windowNanos > 0 && now - markNanos >= windowNanos) {
                cancel(new Reason(Kind.STALLED, Duration.ofNanos(windowNanos)));
            }
        }

        synchronized void cancel(Reason why) {
            if (reason == null) {
                reason = why;
            }
            Call c = call;
            if (c != null) {
                c.cancel();
            }
        }

        synchronized void attach(Call c) {
            call = c;
            if (reason != null) {
                c.cancel();
            }
        }
    }

    private static Watch enterWatch() {
        Watch w = CURRENT.get();
        if (w == null) {
            w = new Watch();
            CURRENT.set(w);
            ACTIVE.add(w);
            wakeWatchdog();
        }
        w.depth++;
        return w;
    }

    /**
     * Opens a scope with an overall deadline of {@code timeout} from now; {@code null} or zero adds none.
     * An enclosing scope's earlier deadline stays in force. Close it (try-with-resources).
     */
    public static OperationScope enter(Duration timeout) {
        Watch w = enterWatch();
        OperationScope scope = new OperationScope(w);
        if (timeout != null && !timeout.isZero() && !timeout.isNegative()) {
            long candidate = System.nanoTime() + timeout.toNanos();
            if (!w.hasDeadline || candidate - w.deadline < 0) {
                w.limit = timeout;
                w.deadline = candidate;
                w.hasDeadline = true;
            }
        }
        return scope;
    }

    /**
     * Opens a scope for an image data transfer: no overall deadline of its own, but it fails when fewer
     * than {@link #MIN_PROGRESS_BYTES} moved (reported through {@link #progress(long)}) within
     * {@code window}, counted from now; zero means no progress rule.
     */
    public static OperationScope transfer(Duration window) {
        Watch w = enterWatch();
        OperationScope scope = new OperationScope(w);
        if (window != null && !window.isZero() && !window.isNegative()) {
            w.markBytes = w.bytes;
            w.markNanos = System.nanoTime();
            w.windowNanos = window.toNanos();
            w.transferWindowNanos = w.windowNanos;
        }
        return scope;
    }

    /** Reports {@code n} bytes of image data moved by the calling thread's transfer. */
    public static void progress(long n) {
        Watch w = CURRENT.get();
        if (w == null || w.windowNanos == 0 || n <= 0) {
            return;
        }
        long total = w.bytes + n;
        w.bytes = total;
        if (total - w.markBytes >= MIN_PROGRESS_BYTES) {
            w.markBytes = total;
            w.markNanos = System.nanoTime();
        }
    }

    /**
     * Re-arms the progress rule of the calling thread's transfer as a body starts to be written: each
     * attempt of an upload (a resend after a refusal included) gets the full window, counted from now,
     * and the pauses between attempts never count against it.
     */
    public static void bodyStarted() {
        Watch w = CURRENT.get();
        if (w != null && w.transferWindowNanos > 0) {
            w.markBytes = w.bytes;
            w.markNanos = System.nanoTime();
            w.windowNanos = w.transferWindowNanos;
        }
    }

    /**
     * Ends the progress rule of the calling thread's transfer: an upload's body is sent (or its writing
     * ended), and the wait for the server's answer is bounded by the read timeout instead.
     */
    public static void bodySent() {
        Watch w = CURRENT.get();
        if (w != null) {
            w.windowNanos = 0;
        }
    }

    /** Makes {@code call} the one to cancel when the calling thread's operation is stopped. */
    static void attach(Call call) {
        Watch w = CURRENT.get();
        if (w != null) {
            w.attach(call);
        }
    }

    /**
     * Throws when the calling thread's operation must not go on: {@link CancelledException} when the
     * thread is interrupted, {@link DeadlineExceededException} when its deadline passed or its transfer
     * stalled.
     *
     * @param cause the failure to report with it (the last attempt's), or {@code null}
     */
    public static void checkpoint(String method, String url, Throwable cause) {
        Watch w = CURRENT.get();
        if (w == null) {
            if (Thread.currentThread().isInterrupted()) {
                throw new Reason(Kind.INTERRUPTED, null).exception(method, url, cause);
            }
            return;
        }
        w.check(System.nanoTime());
        Reason r = w.reason;
        if (r != null) {
            throw r.exception(method, url, cause);
        }
    }

    /**
     * The typed exception for an I/O failure caused by stopping the operation (its call was cancelled
     * because the deadline passed, the transfer stalled or the thread was interrupted), or {@code null}
     * when {@code e} is an ordinary failure.
     */
    public static TransportException failure(IOException e, String method, String url) {
        Watch w = CURRENT.get();
        Reason r = w == null ? null : w.reason;
        if (r == null && Thread.currentThread().isInterrupted()) {
            r = new Reason(Kind.INTERRUPTED, null);
        }
        return r == null ? null : r.exception(method, url, e);
    }

    /** Whether the calling thread's operation has been stopped (its calls are being cancelled). */
    public static boolean isStopped() {
        Watch w = CURRENT.get();
        return Thread.currentThread().isInterrupted() || (w != null && w.reason != null);
    }

    /** Time left before the calling thread's deadline, or {@code null} when it has none. */
    public static Duration remaining() {
        Watch w = CURRENT.get();
        if (w == null || !w.hasDeadline) {
            return null;
        }
        long left = w.deadline - System.nanoTime();
        return Duration.ofNanos(Math.max(0, left));
    }

    /**
     * The exception for a retry that the deadline leaves no time for.
     *
     * @param pause the pause the retry would have needed
     * @param last the last attempt's failure
     */
    public static DeadlineExceededException noTimeFor(Duration pause, String method, String url, Throwable last) {
        Watch w = CURRENT.get();
        Duration limit = w == null ? null : w.limit;
        return new DeadlineExceededException("Operation timed out: its deadline of " + format(limit)
                + " leaves no time for the " + format(pause) + " pause before another attempt", method, url, limit, last);
    }

    /** Ends this scope: restores the enclosing deadline; the outermost one stops watching the thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (watch) {
            watch.hasDeadline = hadDeadline;
            watch.deadline = previousDeadline;
            watch.limit = previousLimit;
            watch.windowNanos = previousWindow;
            watch.transferWindowNanos = previousTransferWindow;
            if (watch.reason != null && watch.reason.kind() != Kind.INTERRUPTED) {
                watch.reason = null;
            }
            if (--watch.depth == 0) {
                watch.call = null;
                watch.reason = null;
                ACTIVE.remove(watch);
                CURRENT.remove();
            }
        }
    }

    /** {@code 3 s}, {@code 1500 ms}, {@code 2 min}. */
    static String format(Duration d) {
        if (d == null) {
            return "?";
        }
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms >= 120_000) {
            return (ms / 60_000) + " min";
        }
        if (ms % 1000 == 0 && ms > 0) {
            return (ms / 1000) + " s";
        }
        return ms + " ms";
    }

    private static void wakeWatchdog() {
        synchronized (LOCK) {
            if (watchdog == null) {
                watchdog = new Thread(OperationScope::watch, "imagesdk-deadlines");
                watchdog.setDaemon(true);
                watchdog.start();
            }
            LOCK.notifyAll();
        }
    }

    private static void watch() {
        while (true) {
            try {
                synchronized (LOCK) {
                    while (ACTIVE.isEmpty()) {
                        LOCK.wait();
                    }
                }
                Thread.sleep(TICK_MS);
                long now = System.nanoTime();
                for (Watch w : ACTIVE) {
                    try {
                        w.check(now);
                    } catch (RuntimeException e) {
                        Logging.LOG.debug("cancelling a call failed", e);
                    }
                }
            } catch (InterruptedException e) {
                // the watchdog is never interrupted on purpose; keep watching
            }
        }
    }
}
