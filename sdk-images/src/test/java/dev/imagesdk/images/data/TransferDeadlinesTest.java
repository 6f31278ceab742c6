package dev.imagesdk.images.data;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.CancelledException;
import dev.imagesdk.core.error.DeadlineExceededException;
import dev.imagesdk.core.internal.http.Calls;
import dev.imagesdk.images.Images;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Image data: a progress rule instead of a total deadline, and cancelling downloads, uploads and
 * listings by an interrupt of the calling thread (issue 14).
 */
class TransferDeadlinesTest {
    private static final String ID = "b8fd9546-45a4-476f-93df-a13b5f7c2269";

    @TempDir
    Path dir;
    private MockWebServer server;
    private ServiceClient client;
    private Images images;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = ServiceClient.builder().endpoint(server.url("/").toString()).auth(Auth.token("t"))
                .retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(20)).writeTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(1)).build();
        images = Images.of(client);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static Buffer bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31);
        }
        return new Buffer().write(b);
    }

    private static DownloadOpts unverified(Duration progressTimeout) {
        return DownloadOpts.builder().verify(false).resumeAttempts(0).progressTimeout(progressTimeout).build();
    }

    private long leftoverFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    private void noConnectionInUse() {
        okhttp3.ConnectionPool pool = Calls.of(client).transport().httpClient().connectionPool();
        assertThat(pool.connectionCount()).as("no connection left in use").isEqualTo(pool.idleConnectionCount());
    }

    @Test
    void aTricklingDownloadFailsByTheProgressRule() throws IOException {
        // 10 KiB/s: every read returns within the 20 s read timeout, the whole would take 20 s
        server.enqueue(new MockResponse.Builder().code(200).body(bytes(200 * 1024))
                .throttleBody(1024, 100, TimeUnit.MILLISECONDS).build());
        long start = System.nanoTime();
        assertThatThrownBy(() -> images.download(ID, dir.resolve("disk.raw"), unverified(Duration.ofSeconds(1))))
                .isInstanceOfSatisfying(DeadlineExceededException.class, e -> {
                    assertThat(e.getMessage()).contains("Transfer stalled", "fewer than 65536 bytes", "1 s");
                    assertThat(e.limit()).isEqualTo(Duration.ofSeconds(1));
                });
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println("MEASURED trickling download (10 KiB/s) cut after " + ms + " ms with progressTimeout 1000 ms");
        assertThat(ms).isBetween(900L, 1600L);
        assertThat(leftoverFiles()).as("the temporary file is deleted").isZero();
        noConnectionInUse();
    }

    @Test
    void aSlowButMovingDownloadIsNotCutByTheCallTimeoutOrTheProgressRule() {
        int size = 3 * 1024 * 1024;
        // about 1.3 MB/s: 2.4 s in all, longer than the client's 1 s callTimeout, but 128 KiB every 100 ms
        server.enqueue(new MockResponse.Builder().code(200).body(bytes(size))
                .throttleBody(128 * 1024, 100, TimeUnit.MILLISECONDS).build());
        long start = System.nanoTime();
        DownloadResult r = images.download(ID, dir.resolve("disk.raw"), unverified(Duration.ofSeconds(1)));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println("MEASURED slow download of 3 MiB took " + ms + " ms under callTimeout 1000 ms, progressTimeout 1000 ms");
        assertThat(r.bytes()).isEqualTo(size);
        assertThat(ms).isGreaterThan(2000L);
    }

    @Test
    void aStalledDownloadIsCancelledByAnInterruptAndLeavesNoFile() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(bytes(1024 * 1024))
                .bodyDelay(30, TimeUnit.SECONDS).build());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        long[] ended = new long[1];
        Thread t = new Thread(() -> {
            try {
                images.download(ID, dir.resolve("disk.raw"), unverified(Duration.ofSeconds(30)));
            } catch (Throwable e) {
                thrown.set(e);
            }
            ended[0] = System.nanoTime();
        });
        t.start();
        assertThat(server.takeRequest(10, TimeUnit.SECONDS)).as("the request reached the server").isNotNull();
        Thread.sleep(300);
        long interrupted = System.nanoTime();
        t.interrupt();
        t.join(10_000);
        long ms = TimeUnit.NANOSECONDS.toMillis(ended[0] - interrupted);
        System.out.println("MEASURED interrupted download ended " + ms + " ms after the interrupt");
        assertThat(thrown.get()).isInstanceOf(CancelledException.class);
        assertThat(ms).isLessThan(1000L);
        assertThat(leftoverFiles()).as("the temporary file is deleted").isZero();
        noConnectionInUse();
    }

    private Path file(int size) throws IOException {
        Path f = dir.resolve("upload.raw");
        Files.write(f, bytes(size).readByteArray());
        return f;
    }

    @Test
    void anUploadTheServerStopsReadingFailsByTheProgressRule() throws Exception {
        Path f = file(64 * 1024 * 1024);
        server.enqueue(new MockResponse.Builder().code(204).onRequestBody(SocketEffect.Stall.INSTANCE).build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"id\": \"" + ID + "\", \"status\": \"active\"}").build());
        long start = System.nanoTime();
        assertThatThrownBy(() -> images.upload(ID, f, UploadOpts.builder().progressTimeout(Duration.ofSeconds(1)).build()))
                .isInstanceOfSatisfying(UploadInterruptedException.class,
                        e -> assertThat(e).hasCauseInstanceOf(DeadlineExceededException.class)
                                .hasStackTraceContaining("Transfer stalled"));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println("MEASURED upload to a server that stopped reading cut after " + ms + " ms with progressTimeout 1000 ms");
        assertThat(ms).as("progress window + filling the socket buffers + the status read").isBetween(900L, 4000L);
    }

    @Test
    void anUploadIsCancelledByAnInterruptWithoutResendingOrReadingTheStatus() throws Exception {
        Path f = file(64 * 1024 * 1024);
        server.enqueue(new MockResponse.Builder().code(204).onRequestBody(SocketEffect.Stall.INSTANCE).build());
        // what a status read would get: still queued, which would allow a second PUT
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"id\": \"" + ID + "\", \"status\": \"queued\"}").build());
        server.enqueue(new MockResponse.Builder().code(204).build());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        long[] ended = new long[1];
        java.util.concurrent.CountDownLatch sending = new java.util.concurrent.CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                images.upload(ID, f, UploadOpts.builder().listener((sent, total) -> sending.countDown()).build());
            } catch (Throwable e) {
                thrown.set(e);
            }
            ended[0] = System.nanoTime();
        });
        t.start();
        assertThat(sending.await(10, TimeUnit.SECONDS)).as("the upload is sending").isTrue();
        Thread.sleep(500);
        long interrupted = System.nanoTime();
        t.interrupt();
        t.join(10_000);
        long ms = TimeUnit.NANOSECONDS.toMillis(ended[0] - interrupted);
        System.out.println("MEASURED interrupted upload ended " + ms + " ms after the interrupt");
        assertThat(thrown.get()).isInstanceOf(CancelledException.class);
        assertThat(ms).isLessThan(1000L);
        java.util.List<String> seen = new java.util.ArrayList<>();
        mockwebserver3.RecordedRequest r;
        while ((r = server.takeRequest(500, TimeUnit.MILLISECONDS)) != null) {
            seen.add(r.getMethod());
        }
        // the stalled PUT may or may not be recorded once its connection is closed
        assertThat(seen).as("no status read, no resend").doesNotContain("GET").hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aListingWaitingForItsSecondPageIsCancelledByAnInterrupt() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"images\": [" + dev.imagesdk.images.MockGlance.ACTIVE_IMAGE + "], \"first\": \"/v2/images\", "
                        + "\"schema\": \"/v2/schemas/images\", \"next\": \"/v2/images?marker=" + ID + "\"}").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"images\": []}").headersDelay(30, TimeUnit.SECONDS).build());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        long[] ended = new long[1];
        try (ServiceClient patient = ServiceClient.builder().endpoint(server.url("/").toString()).auth(Auth.token("t"))
                .readTimeout(Duration.ofSeconds(60)).build()) {
            Thread t = new Thread(() -> {
                try {
                    Images.of(patient).list().forEach(i -> seen.incrementAndGet());
                } catch (Throwable e) {
                    thrown.set(e);
                }
                ended[0] = System.nanoTime();
            });
            t.start();
            assertThat(server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(server.takeRequest(10, TimeUnit.SECONDS)).as("page 2 was asked for").isNotNull();
            Thread.sleep(300);
            long interrupted = System.nanoTime();
            t.interrupt();
            t.join(10_000);
            long ms = TimeUnit.NANOSECONDS.toMillis(ended[0] - interrupted);
            System.out.println("MEASURED interrupted listing ended " + ms + " ms after the interrupt");
            assertThat(thrown.get()).isInstanceOf(CancelledException.class);
            assertThat(seen).hasValue(1);
            assertThat(ms).isLessThan(1000L);
        }
    }
}
