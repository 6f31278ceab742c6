package dev.imagesdk.images.internal.data;

import dev.imagesdk.images.data.LocalFileException;
import dev.imagesdk.images.data.TransferListener;

import dev.imagesdk.core.error.TransportException;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DownloadPipelineTest {
    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static byte[] sha512(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-512").digest(data);
    }

    @Test
    void hashesAndWritesEveryByteInOrderThroughTheRing() throws Exception {
        byte[] data = random(DownloadPipeline.BUFFERS * DownloadPipeline.CHUNK * 3 + 12345, 1);
        MessageDigest digest = MessageDigest.getInstance("SHA-512");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> progress = new ArrayList<>();

        long moved = DownloadPipeline.run(new Buffer().write(data), out, List.of(digest), data.length,
                (n, total) -> progress.add(n), "out", "GET", "http://x/");

        assertThat(moved).isEqualTo(data.length);
        assertThat(out.toByteArray()).isEqualTo(data);
        assertThat(digest.digest()).isEqualTo(sha512(data));
        assertThat(progress).isSorted().last().isEqualTo((long) data.length);
    }

    @Test
    void anUnknownLengthIsPipelinedToo() throws Exception {
        byte[] data = random(DownloadPipeline.CHUNK * 5 + 1, 2);
        MessageDigest digest = MessageDigest.getInstance("SHA-512");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long moved = DownloadPipeline.run(new Buffer().write(data), out, List.of(digest), -1, TransferListener.NONE, "out", "GET", "http://x/");

        assertThat(moved).isEqualTo(data.length);
        assertThat(out.toByteArray()).isEqualTo(data);
        assertThat(digest.digest()).isEqualTo(sha512(data));
    }

    @Test
    void twoDigestsAreFedInOnePassOverTheBytes() throws Exception {
        byte[] data = random(DownloadPipeline.CHUNK * 9 + 77, 6);
        MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long moved = DownloadPipeline.run(new Buffer().write(data), out, List.of(sha512, sha256), data.length,
                TransferListener.NONE, "out", "GET", "http://x/");

        assertThat(moved).isEqualTo(data.length);
        assertThat(out.toByteArray()).isEqualTo(data);
        assertThat(sha512.digest()).isEqualTo(sha512(data));
        assertThat(sha256.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void withoutADigestTheBytesAreCopiedAndProgressIsReportedOnTheCallingThread() {
        byte[] data = random(DownloadPipeline.CHUNK * 2 + 3, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> threads = new ArrayList<>();

        long moved = DownloadPipeline.run(new Buffer().write(data), out, List.of(), data.length,
                (n, total) -> threads.add(Thread.currentThread().getName()), "out", "GET", "http://x/");

        assertThat(moved).isEqualTo(data.length);
        assertThat(out.toByteArray()).isEqualTo(data);
        assertThat(threads).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void aDestinationFailureIsALocalErrorNamingTheTarget() throws Exception {
        byte[] data = random(DownloadPipeline.CHUNK * 8, 4);
        Buffer source = new Buffer().write(data);
        OutputStream failsOnSecondWrite = new OutputStream() {
            private int writes;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (++writes == 2) {
                    throw new IOException("disk full");
                }
            }
        };

        assertThatThrownBy(() -> DownloadPipeline.run(source, failsOnSecondWrite, List.of(MessageDigest.getInstance("SHA-512")),
                data.length, TransferListener.NONE, "/tmp/target.part", "GET", "http://x/"))
                .isInstanceOf(LocalFileException.class)
                .hasMessageContaining("writing to /tmp/target.part failed after " + DownloadPipeline.CHUNK + " bytes")
                .hasMessageContaining("disk full");
    }

    @Test
    void aBrokenStreamIsATransportErrorCountingTheBytesReceived() throws Exception {
        byte[] data = random(DownloadPipeline.CHUNK * 3, 5);
        long breakAt = DownloadPipeline.CHUNK + 100;
        BufferedSource breaking = Okio.buffer(new ForwardingSource(new Buffer().write(data)) {
            private long read;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                if (read >= breakAt) {
                    throw new IOException("connection reset");
                }
                long n = super.read(sink, Math.min(byteCount, breakAt - read));
                read += Math.max(n, 0);
                return n;
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> DownloadPipeline.run(breaking, out, List.of(MessageDigest.getInstance("SHA-512")), data.length,
                TransferListener.NONE, "out", "GET", "http://x/"))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("broke off after " + breakAt + " bytes");
        assertThat(out.size()).isEqualTo(DownloadPipeline.CHUNK);
    }
}
