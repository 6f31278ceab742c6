package dev.imagesdk.images.internal.data;

import dev.imagesdk.images.data.LocalFileException;
import dev.imagesdk.images.data.TransferListener;

import dev.imagesdk.core.error.CancelledException;
import dev.imagesdk.core.error.ImageServiceException;
import dev.imagesdk.core.internal.http.OperationScope;
import dev.imagesdk.core.error.TransportException;
import okio.BufferedSource;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Moves a response body to its destination while hashing it. Large transfers run as a two-stage
 * pipeline: the calling thread reads the network into a fixed ring of buffers while a helper thread
 * hashes each buffer and writes it out, so reading and hashing overlap (hashing SHA-512 is the
 * slowest step). Memory is bounded by the ring ({@link #BUFFERS} × {@link #CHUNK} bytes) whatever the
 * image size. Small transfers are done inline. Large ones hold a {@link WatchdogAnchor} so that the
 * thousands of socket reads do not each wake okio's timeout watchdog.
 */
public final class DownloadPipeline {
    /** Size of one buffer. */
    public static final int CHUNK = 512 * 1024;
    /** Buffers in the ring. */
    public static final int BUFFERS = 4;
    /** Below this many expected bytes the helper thread is not worth starting. */
    public static final long INLINE_BELOW = 4L * 1024 * 1024;

    private static final Chunk END = new Chunk(new byte[0]);

    private DownloadPipeline() {
    }

    private static final class Chunk {
        final byte[] data;
        int length;

        Chunk(byte[] data) {
            this.data = data;
        }
    }

    /** What the destination side does with each buffer (hash with each digest, then write). */
    private static final class Sink {
        private final OutputStream out;
        private final MessageDigest[] digests;
        private final String targetName;
        private long written;

        Sink(OutputStream out, List<MessageDigest> digests, String targetName) {
            this.out = out;
            this.digests = digests.toArray(new MessageDigest[0]);
            this.targetName = targetName;
        }

        void accept(byte[] data, int length) {
            for (MessageDigest digest : digests) {
                digest.update(data, 0, length);
            }
            try {
                out.write(data, 0, length);
            } catch (IOException e) {
                throw new LocalFileException("writing to " + targetName + " failed after " + written + " bytes", e);
            }
            written += length;
        }
    }

    /**
     * Copies the body to {@code out}, updating every digest in {@code digests} (may be empty) in the same
     * pass over the bytes.
     *
     * @return the number of bytes moved
     */
    public static long run(BufferedSource source, OutputStream out, List<MessageDigest> digests, long expected,
                    TransferListener listener, String targetName, String method, String url) {
        Sink sink = new Sink(out, digests, targetName);
        if (expected >= 0 && expected < INLINE_BELOW) {
            return inline(source, sink, expected, listener, method, url);
        }
        try (WatchdogAnchor ignored = WatchdogAnchor.open()) {
            return pipelined(source, sink, expected, listener, method, url);
        }
    }

    /** Fills {@code buffer} from the network; 0 means end of body. */
    private static int fill(BufferedSource source, byte[] buffer, long before, String method, String url) {
        int filled = 0;
        try {
            while (filled < buffer.length) {
                int n = source.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
                OperationScope.progress(n);
            }
        } catch (ResumingSource.ResumeRefused e) {
            throw e.refusal();
        } catch (IOException e) {
            TransportException stopped = OperationScope.failure(e, method, url);
            if (stopped != null) {
                throw stopped;
            }
            throw new TransportException("the image data stream broke off after " + (before + filled) + " bytes",
                    method, url, e, false);
        }
        return filled;
    }

    private static long inline(BufferedSource source, Sink sink, long expected, TransferListener listener,
                               String method, String url) {
        byte[] buffer = new byte[CHUNK];
        long received = 0;
        int n;
        while ((n = fill(source, buffer, received, method, url)) > 0) {
            sink.accept(buffer, n);
            received += n;
            listener.onProgress(received, expected);
        }
        return received;
    }

    private static long pipelined(BufferedSource source, Sink sink, long expected, TransferListener listener,
                                  String method, String url) {
        BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new Chunk(new byte[CHUNK]));
        }
        RuntimeException[] workerFailure = new RuntimeException[1];
        Thread worker = new Thread(() -> {
            boolean failed = false;
            while (true) {
                Chunk c;
                try {
                    c = full.take();
                } catch (InterruptedException e) {
                    return;
                }
                if (c == END) {
                    return;
                }
                if (!failed) {
                    try {
                        sink.accept(c.data, c.length);
                    } catch (RuntimeException e) {
                        synchronized (workerFailure) {
                            workerFailure[0] = e;
                        }
                        failed = true;
                    }
                }
                free.add(c);
            }
        }, "imagesdk-download-digest");
        worker.setDaemon(true);
        worker.start();
        long received = 0;
        RuntimeException failure = null;
        try {
            while (true) {
                synchronized (workerFailure) {
                    if (workerFailure[0] != null) {
                        break;
                    }
                }
                Chunk c = free.poll(100, TimeUnit.MILLISECONDS);
                if (c == null) {
                    if (!worker.isAlive()) {
                        throw new ImageServiceException("the download's digest thread died", method, url, null, null);
                    }
                    continue;
                }
                int n = fill(source, c.data, received, method, url);
                if (n == 0) {
                    break;
                }
                c.length = n;
                full.put(c);
                received += n;
                listener.onProgress(received, expected);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new CancelledException("Cancelled: the calling thread was interrupted while downloading",
                    method, url, e);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            full.add(END);
            boolean interrupted = false;
            while (true) {
                try {
                    worker.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (workerFailure) {
            if (workerFailure[0] != null) {
                throw workerFailure[0];
            }
        }
        if (failure != null) {
            throw failure;
        }
        return received;
    }
}
