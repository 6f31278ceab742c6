package dev.imagesdk.images.internal.data;

import dev.imagesdk.core.internal.http.Calls;
import dev.imagesdk.core.internal.http.OperationScope;
import dev.imagesdk.core.internal.http.Retry;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.images.data.ByteRange;
import dev.imagesdk.images.data.ContentRange;
import dev.imagesdk.images.data.RangeIgnoredException;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.ApiResponse;
import okio.Buffer;
import okio.BufferedSource;
import okio.Source;
import okio.Timeout;

import java.io.IOException;

/**
 * The body of a whole-image download that survives broken connections: when reading fails before
 * the image's known size has arrived, it asks again for the rest ({@code Range: bytes=<received>-},
 * which Glance answers with 206) and carries on from there, a limited number of times, pausing the
 * retry step's back-off before each resume ({@code Retry#resumeDelay}). Bytes are
 * never delivered twice, so a running digest stays correct. A read timeout, a stalled transfer and a
 * cancelled one are not resumed.
 */
public final class ResumingSource implements Source {
    private final ServiceClient client;
    private final String imageId;
    private final long total;
    private int resumesLeft;
    private ApiResponse current;
    private BufferedSource source;
    private long position;
    private int resumes;

    public ResumingSource(ServiceClient client, String imageId, ApiResponse first, long total, int maxResumes) {
        this.client = client;
        this.imageId = imageId;
        this.current = first;
        this.source = first.bodySource();
        this.total = total;
        this.resumesLeft = maxResumes;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
        while (true) {
            try {
                long n = source.read(sink, byteCount);
                if (n > 0) {
                    position += n;
                }
                return n;
            } catch (IOException e) {
                if (resumesLeft <= 0 || position >= total || OperationScope.isStopped() || Retry.isTimeout(e)) {
                    // cancelled, out of time, or a read timeout: not a broken connection to resume
                    throw e;
                }
                resumesLeft--;
                pause(e);
                resumeAt(position, e);
            }
        }
    }

    /** Waits the retry step's back-off before asking again (the resume request itself is retried there too). */
    private void pause(IOException cause) throws IOException {
        try {
            Thread.sleep(Calls.of(client).transport().retry().resumeDelay(resumes).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            java.io.InterruptedIOException interrupted = new java.io.InterruptedIOException("interrupted before resuming the download");
            interrupted.addSuppressed(cause);
            throw interrupted;
        }
    }

    private void resumeAt(long offset, IOException cause) throws IOException {
        current.close();
        ApiResponse next = Calls.of(client).execute(ApiRequest.get("images", imageId, "file")
                .header("Range", "bytes=" + offset + "-").timeout(java.time.Duration.ZERO).build());
        ContentRange range = ContentRange.parse(next.header("Content-Range").orElse(null)).orElse(null);
        ByteRange asked = ByteRange.from(offset);
        if (next.status() != 206 || !asked.isAnsweredBy(range)) {
            next.close();
            RangeIgnoredException refusal = new RangeIgnoredException(asked, next.status(),
                    next.header("Content-Range").orElse(null), next.method(), next.url(), next.requestId().orElse(null));
            refusal.addSuppressed(cause);
            throw new ResumeRefused(refusal);
        }
        current = next;
        source = next.bodySource();
        resumes++;
    }

    /**
     * The server did not answer a resume with the bytes asked for (a 200 with the whole image, or another
     * range): carried through okio's {@link IOException} contract to the download, which throws the refusal
     * instead of reporting a broken stream.
     */
    public static final class ResumeRefused extends IOException {
        private static final long serialVersionUID = 1L;
        private final RangeIgnoredException refusal;

        ResumeRefused(RangeIgnoredException refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }

        /** What the server answered instead of the range. */
        public RangeIgnoredException refusal() {
            return refusal;
        }
    }

    /** How many times the download was resumed. */
    public int resumes() {
        return resumes;
    }

    @Override
    public Timeout timeout() {
        return source.timeout();
    }

    /** Closes the response being read (closing the first one again is harmless). */
    @Override
    public void close() {
        current.close();
    }
}
