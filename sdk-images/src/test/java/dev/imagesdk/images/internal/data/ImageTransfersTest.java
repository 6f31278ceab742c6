package dev.imagesdk.images.internal.data;

import dev.imagesdk.images.data.*;


import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.error.ChecksumMismatchException;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.RangeNotSatisfiableException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.MockGlance;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageTransfersTest {
    private static final String ID = "b8fd9546-45a4-476f-93df-a13b5f7c2269";
    private static final byte[] DATA = new byte[700_000];

    static {
        new Random(42).nextBytes(DATA);
    }

    @TempDir
    Path dir;

    private MockGlance glance = new MockGlance();

    @AfterEach
    void close() {
        glance.close();
    }

    private static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    private static String image(Long size, String algo, String hashValue, String md5) {
        return "{\"id\": \"" + ID + "\", \"status\": \"active\", \"size\": " + size
                + ", \"os_hash_algo\": " + (algo == null ? "null" : "\"" + algo + "\"")
                + ", \"os_hash_value\": " + (hashValue == null ? "null" : "\"" + hashValue + "\"")
                + ", \"checksum\": " + (md5 == null ? "null" : "\"" + md5 + "\"") + "}";
    }

    /** Queues Glance's answers to an upload of {@code data} that stored it: 204, then the image read back. */
    private void stored(byte[] data) {
        try {
            glance.empty(204).json(200, image((long) data.length, "sha512", hex("SHA-512", data), null));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Glance's data answer: chunked, no Content-Length, hex Content-MD5. */
    private MockResponse data(byte[] body, String md5) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                .addHeader("Content-MD5", md5).chunkedBody(new Buffer().write(body), 65536).build();
    }

    @Test
    void downloadReadsMetadataFirstThenVerifiesSha512WhileStreaming() throws Exception {
        String md5 = hex("MD5", DATA);
        glance.json(200, image((long) DATA.length, "sha512", hex("SHA-512", DATA), md5)).enqueue(data(DATA, md5));
        List<long[]> progress = new ArrayList<>();
        Path target = dir.resolve("image.raw");

        DownloadResult result = glance.images().download(ID, target,
                DownloadOpts.builder().listener((n, total) -> progress.add(new long[]{n, total})).build());

        assertThat(Files.readAllBytes(target)).isEqualTo(DATA);
        assertThat(result.bytes()).isEqualTo(DATA.length);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.verifiedAlgorithm()).contains("sha512");
        assertThat(result.digest()).contains(hex("SHA-512", DATA));
        assertThat(result.contentMd5()).contains(md5);
        assertThat(result.contentRange()).isEmpty();
        assertThat(result.target()).contains(target.toAbsolutePath());
        assertThat(glance.take().getUrl().encodedPath()).isEqualTo("/v2/images/" + ID);
        RecordedRequest file = glance.take();
        assertThat(file.getUrl().encodedPath()).isEqualTo("/v2/images/" + ID + "/file");
        assertThat(file.getHeaders().get("Range")).isNull();
        assertThat(progress).isNotEmpty().hasSizeLessThanOrEqualTo(DATA.length / (64 * 1024) + 2);
        assertThat(progress.get(progress.size() - 1)).containsExactly(DATA.length, DATA.length);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void largeDownloadsRunThroughTheReadAndDigestPipeline() throws Exception {
        byte[] big = new byte[(int) DownloadPipeline.INLINE_BELOW * 2 + 12345];
        new Random(7).nextBytes(big);
        glance.json(200, image((long) big.length, "sha512", hex("SHA-512", big), hex("MD5", big))).enqueue(data(big, "x"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        DownloadResult result = glance.images().download(ID, out);

        assertThat(out.toByteArray()).isEqualTo(big);
        assertThat(result.digest()).contains(hex("SHA-512", big));
    }

    @Test
    void aFailingDestinationStopsTheDownloadWithALocalError() throws Exception {
        byte[] big = new byte[(int) DownloadPipeline.INLINE_BELOW * 2];
        glance.json(200, image((long) big.length, "sha512", hex("SHA-512", big), null)).enqueue(data(big, "x"));
        java.io.OutputStream broken = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                throw new java.io.IOException("disk full");
            }
        };

        assertThatThrownBy(() -> glance.images().download(ID, broken)).isInstanceOf(LocalFileException.class)
                .hasMessageContaining("disk full");
    }

    @Test
    void aBrokenConnectionIsResumedWithARangeRequestAndStillVerified() throws Exception {
        byte[] big = new byte[6 * 1024 * 1024];
        new Random(9).nextBytes(big);
        String meta = image((long) big.length, "sha512", hex("SHA-512", big), hex("MD5", big));
        List<String> ranges = new java.util.concurrent.CopyOnWriteArrayList<>();
        glance.server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!request.getUrl().encodedPath().endsWith("/file")) {
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(meta).build();
                }
                String range = request.getHeaders().get("Range");
                if (range == null) {
                    // the connection dies part-way through the body
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                            .chunkedBody(new Buffer().write(big), 65536)
                            .onResponseBody(new mockwebserver3.SocketEffect.CloseSocket(true, false, false)).build();
                }
                ranges.add(range);
                int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
                return new MockResponse.Builder().code(206).addHeader("Content-Type", "application/octet-stream")
                        .addHeader("Content-Range", "bytes " + from + "-" + (big.length - 1) + "/" + big.length)
                        .body(new Buffer().write(big, from, big.length - from)).build();
            }
        });
        Path target = dir.resolve("resumed.raw");

        DownloadResult result = glance.images().download(ID, target);

        assertThat(ranges).hasSize(1);
        assertThat(Files.readAllBytes(target)).isEqualTo(big);
        assertThat(result.verifiedAlgorithm()).contains("sha512");
        assertThat(result.bytes()).isEqualTo(big.length);
    }

    @Test
    void oldImagesWithoutOsHashAreVerifiedWithMd5() throws Exception {
        String md5 = hex("MD5", DATA);
        glance.json(200, image((long) DATA.length, null, null, md5)).enqueue(data(DATA, md5));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        DownloadResult result = glance.images().download(ID, out);

        assertThat(out.toByteArray()).isEqualTo(DATA);
        assertThat(result.verifiedAlgorithm()).contains("md5");
        assertThat(result.target()).isEmpty();
    }

    @Test
    void checksumMismatchLeavesNoFileAndKeepsAnExistingTarget() throws Exception {
        byte[] corrupted = DATA.clone();
        corrupted[1234] ^= 1;
        glance.json(200, image((long) DATA.length, "sha512", hex("SHA-512", DATA), hex("MD5", DATA)))
                .enqueue(data(corrupted, hex("MD5", DATA)));
        Path target = dir.resolve("image.raw");
        Files.writeString(target, "previous version");

        assertThatThrownBy(() -> glance.images().download(ID, target))
                .isInstanceOfSatisfying(ChecksumMismatchException.class, e -> {
                    assertThat(e.algorithm()).isEqualTo("sha512");
                    assertThat(e.expected()).isEqualTo(hexUnchecked("SHA-512", DATA));
                    assertThat(e.actual()).isEqualTo(hexUnchecked("SHA-512", corrupted));
                });

        assertThat(Files.readString(target)).isEqualTo("previous version");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aShortBodyIsALengthMismatchAndLeavesNoFile() throws Exception {
        byte[] shortData = java.util.Arrays.copyOf(DATA, DATA.length - 10);
        glance.json(200, image((long) DATA.length, "sha512", hex("SHA-512", DATA), null)).enqueue(data(shortData, "x"));
        Path target = dir.resolve("short.raw");

        assertThatThrownBy(() -> glance.images().download(ID, target))
                .isInstanceOfSatisfying(ChecksumMismatchException.class, e -> {
                    assertThat(e.algorithm()).isEqualTo("length");
                    assertThat(e.expected()).isEqualTo(Integer.toString(DATA.length));
                });
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private static String hexUnchecked(String algorithm, byte[] data) {
        try {
            return hex(algorithm, data);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anImageWithoutDataIsAClearError() {
        glance.json(200, image(null, null, null, null)).empty(204);

        assertThatThrownBy(() -> glance.images().download(ID, dir.resolve("none")))
                .isInstanceOf(NoImageDataException.class).hasMessageContaining("has no data");
        assertThat(dir.resolve("none")).doesNotExist();
    }

    @Test
    void rangeDownloadSendsTheHeaderSkipsMetadataAndExposesContentRange() throws Exception {
        byte[] part = java.util.Arrays.copyOfRange(DATA, 0, 100);
        glance.enqueue(new MockResponse.Builder().code(206).addHeader("Content-Type", "application/octet-stream")
                .addHeader("Content-Range", "bytes 0-99/" + DATA.length).addHeader("Content-MD5", hex("MD5", DATA))
                .body(new Buffer().write(part)).build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        DownloadResult result = glance.images().download(ID, out, DownloadOpts.builder().range(ByteRange.of(0, 99)).build());

        RecordedRequest r = glance.take();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v2/images/" + ID + "/file");
        assertThat(r.getHeaders().get("Range")).isEqualTo("bytes=0-99");
        assertThat(out.toByteArray()).isEqualTo(part);
        assertThat(result.status()).isEqualTo(206);
        assertThat(result.verifiedAlgorithm()).isEmpty();
        assertThat(result.contentMd5()).contains(hex("MD5", DATA));
        ContentRange range = result.contentRange().orElseThrow();
        assertThat(range.first()).isZero();
        assertThat(range.last()).isEqualTo(99);
        assertThat(range.length()).isEqualTo(100);
        assertThat(range.total()).hasValue(DATA.length);
    }

    @Test
    void rangeHeaderShapes() {
        assertThat(ByteRange.of(5, 9).headerValue()).isEqualTo("bytes=5-9");
        assertThat(ByteRange.from(1048000).headerValue()).isEqualTo("bytes=1048000-");
        assertThat(ByteRange.lastBytes(10).headerValue()).isEqualTo("bytes=-10");
        assertThatThrownBy(() -> ByteRange.of(9, 5)).isInstanceOf(ValidationException.class);
        assertThat(ContentRange.parse("bytes 1048566-1048575/1048576").orElseThrow().length()).isEqualTo(10);
        assertThat(ContentRange.parse("bytes 0-1/*").orElseThrow().total()).isEmpty();
        assertThat(ContentRange.parse("nonsense")).isEmpty();
    }

    @Test
    void aRangedDownloadAnsweredWithTheWholeImageFailsAndWritesNothing() {
        glance.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                .body(new Buffer().write(DATA)).build());
        Path target = dir.resolve("range.raw");

        assertThatThrownBy(() -> glance.images().download(ID, target,
                DownloadOpts.builder().range(ByteRange.of(0, 99)).build()))
                .isInstanceOfSatisfying(RangeIgnoredException.class, e -> {
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.requested()).isEqualTo(ByteRange.of(0, 99));
                    assertThat(e.getMessage()).contains("bytes=0-99", "ignored the Range header");
                });
        assertThat(target).doesNotExist();
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void aRangedDownloadAnsweredWithAnotherRangeFails() {
        glance.enqueue(new MockResponse.Builder().code(206).addHeader("Content-Type", "application/octet-stream")
                .addHeader("Content-Range", "bytes 100-199/" + DATA.length)
                .body(new Buffer().write(DATA, 100, 100)).build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> glance.images().download(ID, out,
                DownloadOpts.builder().range(ByteRange.of(0, 99)).build()))
                .isInstanceOfSatisfying(RangeIgnoredException.class, e -> {
                    assertThat(e.status()).isEqualTo(206);
                    assertThat(e.contentRange()).isEqualTo("bytes 100-199/" + DATA.length);
                });
        assertThat(out.size()).isZero();
    }

    @Test
    void whichContentRangesAnswerWhichRanges() {
        assertThat(ByteRange.of(0, 99).isAnsweredBy(ContentRange.parse("bytes 0-99/1000").orElseThrow())).isTrue();
        // a range past the end is cut at the image's last byte
        assertThat(ByteRange.of(900, 1999).isAnsweredBy(ContentRange.parse("bytes 900-999/1000").orElseThrow())).isTrue();
        assertThat(ByteRange.of(900, 1999).isAnsweredBy(ContentRange.parse("bytes 900-949/1000").orElseThrow())).isFalse();
        assertThat(ByteRange.of(0, 99).isAnsweredBy(ContentRange.parse("bytes 1-100/1000").orElseThrow())).isFalse();
        assertThat(ByteRange.from(500).isAnsweredBy(ContentRange.parse("bytes 500-999/1000").orElseThrow())).isTrue();
        assertThat(ByteRange.from(500).isAnsweredBy(ContentRange.parse("bytes 500-599/1000").orElseThrow())).isFalse();
        assertThat(ByteRange.lastBytes(10).isAnsweredBy(ContentRange.parse("bytes 990-999/1000").orElseThrow())).isTrue();
        // a suffix longer than the image gets the whole image
        assertThat(ByteRange.lastBytes(5000).isAnsweredBy(ContentRange.parse("bytes 0-999/1000").orElseThrow())).isTrue();
        assertThat(ByteRange.lastBytes(10).isAnsweredBy(ContentRange.parse("bytes 0-9/1000").orElseThrow())).isTrue();
        assertThat(ByteRange.lastBytes(10).isAnsweredBy(ContentRange.parse("bytes 0-99/1000").orElseThrow())).isFalse();
        assertThat(ByteRange.of(0, 99).isAnsweredBy(null)).isFalse();
    }

    @Test
    void aResumeAnsweredWithTheWholeImageSaysSoInsteadOfABrokenStream() throws Exception {
        byte[] big = new byte[6 * 1024 * 1024];
        new Random(11).nextBytes(big);
        String meta = image((long) big.length, "sha512", hex("SHA-512", big), hex("MD5", big));
        glance.server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!request.getUrl().encodedPath().endsWith("/file")) {
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(meta).build();
                }
                if (request.getHeaders().get("Range") == null) {
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                            .chunkedBody(new Buffer().write(big), 65536)
                            .onResponseBody(new mockwebserver3.SocketEffect.CloseSocket(true, false, false)).build();
                }
                // the resume ignores Range and starts the whole image again
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                        .body(new Buffer().write(big)).build();
            }
        });
        Path target = dir.resolve("resume-refused.raw");

        assertThatThrownBy(() -> glance.images().download(ID, target))
                .isInstanceOfSatisfying(RangeIgnoredException.class, e -> {
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.getMessage()).contains("ignored the Range header").doesNotContain("broke off");
                });
        assertThat(target).doesNotExist();
    }

    @Test
    void unsatisfiableRangeIs416() {
        glance.error(416, "Request Range Not Satisfiable", "The Range requested is not available.");

        assertThatThrownBy(() -> glance.images().download(ID, new ByteArrayOutputStream(),
                DownloadOpts.builder().range(ByteRange.from(2_000_000)).build()))
                .isInstanceOf(RangeNotSatisfiableException.class);
    }

    @Test
    void fileUploadSendsLengthSizeHeaderStoreAndOctetStream() throws Exception {
        Path file = dir.resolve("up.raw");
        Files.write(file, DATA);
        stored(DATA);
        List<Long> progress = new ArrayList<>();

        glance.images().upload(ID, file, UploadOpts.builder().store("cheap").listener((n, t) -> progress.add(n)).build());

        RecordedRequest r = glance.take();
        assertThat(r.getMethod()).isEqualTo("PUT");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v2/images/" + ID + "/file");
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(r.getHeaders().get("Content-Length")).isEqualTo(Integer.toString(DATA.length));
        assertThat(r.getHeaders().get("x-openstack-image-size")).isEqualTo(Integer.toString(DATA.length));
        assertThat(r.getHeaders().get("X-Image-Meta-Store")).isEqualTo("cheap");
        assertThat(r.getBody().toByteArray()).isEqualTo(DATA);
        assertThat(progress).hasSizeLessThanOrEqualTo(DATA.length / ImageUploads.BUFFER_SIZE + 1).last().isEqualTo((long) DATA.length);
    }

    @Test
    void aFileThatShrinksDuringTheUploadFailsWithALocalErrorBeforeTheAnnouncedLengthIsSent() throws Exception {
        Path file = dir.resolve("shrinking.raw");
        Files.write(file, DATA);
        glance.empty(204);
        TransferListener truncateAfterFirstBuffer = (sent, total) -> {
            if (sent == ImageUploads.BUFFER_SIZE) {
                try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                    channel.truncate(300_000);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };

        assertThatThrownBy(() -> glance.images().upload(ID, file, UploadOpts.builder().listener(truncateAfterFirstBuffer).build()))
                .isInstanceOf(LocalFileException.class)
                .hasMessageContaining("ended after 300000 of the announced " + DATA.length + " bytes");
    }

    @Test
    void aFileThatGrowsDuringTheUploadFailsBeforeItsLastBufferIsSent() throws Exception {
        Path file = dir.resolve("growing.raw");
        Files.write(file, DATA);
        glance.empty(204);
        List<Long> progress = new ArrayList<>();
        TransferListener appendAfterFirstBuffer = (sent, total) -> {
            progress.add(sent);
            if (sent == ImageUploads.BUFFER_SIZE) {
                try {
                    Files.write(file, new byte[1000], java.nio.file.StandardOpenOption.APPEND);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };

        assertThatThrownBy(() -> glance.images().upload(ID, file, UploadOpts.builder().listener(appendAfterFirstBuffer).build()))
                .isInstanceOf(LocalFileException.class)
                .hasMessageContaining("has " + (DATA.length + 1000) + " bytes, more than the announced " + DATA.length);
        // the last buffer was never handed to the connection
        assertThat(progress).containsExactly((long) ImageUploads.BUFFER_SIZE, 2L * ImageUploads.BUFFER_SIZE);
    }

    @Test
    void anEmptyFileIsUploadedWithLengthZero() throws Exception {
        Path file = dir.resolve("empty.raw");
        Files.write(file, new byte[0]);
        stored(new byte[0]);

        glance.images().upload(ID, file);

        RecordedRequest r = glance.take();
        assertThat(r.getHeaders().get("Content-Length")).isEqualTo("0");
        assertThat(r.getHeaders().get("x-openstack-image-size")).isEqualTo("0");
        assertThat(r.getBodySize()).isZero();
    }

    @Test
    void aLargeFileIsSentByteForByteWithProgressPerBuffer() throws Exception {
        byte[] big = new byte[3 * ImageUploads.BUFFER_SIZE + ImageUploads.SINK_STEP / 2 + 7];
        new Random(11).nextBytes(big);
        Path file = dir.resolve("big.raw");
        Files.write(file, big);
        stored(big);
        List<Long> progress = new ArrayList<>();

        glance.images().upload(ID, file, UploadOpts.builder().listener((n, t) -> progress.add(n)).build());

        assertThat(glance.take().getBody().toByteArray()).isEqualTo(big);
        assertThat(progress).containsExactly((long) ImageUploads.BUFFER_SIZE, 2L * ImageUploads.BUFFER_SIZE,
                3L * ImageUploads.BUFFER_SIZE, (long) big.length);
    }

    @Test
    void aLargeCorruptedDownloadLeavesNoPartialFileAndKeepsTheExistingTarget() throws Exception {
        byte[] big = new byte[(int) DownloadPipeline.INLINE_BELOW * 2 + 999];
        new Random(5).nextBytes(big);
        byte[] corrupted = big.clone();
        corrupted[corrupted.length - 1] ^= 1;
        glance.json(200, image((long) big.length, "sha512", hex("SHA-512", big), hex("MD5", big))).enqueue(data(corrupted, "x"));
        Path target = dir.resolve("big.raw");
        Files.writeString(target, "previous version");

        assertThatThrownBy(() -> glance.images().download(ID, target))
                .isInstanceOfSatisfying(ChecksumMismatchException.class, e -> {
                    assertThat(e.algorithm()).isEqualTo("sha512");
                    assertThat(e.actual()).isEqualTo(hexUnchecked("SHA-512", corrupted));
                });

        assertThat(Files.readString(target)).isEqualTo("previous version");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aLargeDownloadToAFileIsVerifiedWithOnlyTheSha512AndReportsProgress() throws Exception {
        byte[] big = new byte[(int) DownloadPipeline.INLINE_BELOW * 3 + 4321];
        new Random(3).nextBytes(big);
        // a wrong MD5 checksum: only os_hash_value may be checked when it is there
        glance.json(200, image((long) big.length, "sha512", hex("SHA-512", big), hex("MD5", DATA))).enqueue(data(big, "x"));
        List<Long> progress = new ArrayList<>();
        Path target = dir.resolve("big.raw");

        DownloadResult result = glance.images().download(ID, target,
                DownloadOpts.builder().listener((n, total) -> progress.add(n)).build());

        assertThat(Files.readAllBytes(target)).isEqualTo(big);
        assertThat(result.verifiedAlgorithm()).contains("sha512");
        assertThat(result.digest()).contains(hex("SHA-512", big));
        assertThat(progress).isSorted().hasSizeLessThanOrEqualTo(big.length / (64 * 1024) + 2).last().isEqualTo((long) big.length);
    }

    @Test
    void streamOfUnknownSizeIsSentChunked() {
        stored(DATA);

        glance.images().upload(ID, new ByteArrayInputStream(DATA), -1);

        RecordedRequest r = glance.take();
        assertThat(r.getHeaders().get("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(r.getHeaders().get("x-openstack-image-size")).isNull();
        assertThat(r.getBody().toByteArray()).isEqualTo(DATA);
    }

    @Test
    void streamWithKnownSizeAnnouncesIt() {
        stored(DATA);

        glance.images().upload(ID, new ByteArrayInputStream(DATA), DATA.length);

        RecordedRequest r = glance.take();
        assertThat(r.getHeaders().get("Content-Length")).isEqualTo(Integer.toString(DATA.length));
        assertThat(r.getHeaders().get("x-openstack-image-size")).isEqualTo(Integer.toString(DATA.length));
    }

    @Test
    void aStreamShorterThanAnnouncedFailsWithALocalError() {
        glance.empty(204);

        assertThatThrownBy(() -> glance.images().upload(ID, new ByteArrayInputStream(DATA), DATA.length + 5L))
                .isInstanceOf(LocalFileException.class).hasMessageContaining("ended after");
    }

    @Test
    void aKnownSizeReadsExactlyThatManyBytes() {
        stored(java.util.Arrays.copyOf(DATA, 1000));
        ByteArrayInputStream in = new ByteArrayInputStream(DATA);

        glance.images().upload(ID, in, 1000);

        assertThat(glance.take().getBody().toByteArray()).isEqualTo(java.util.Arrays.copyOf(DATA, 1000));
        assertThat(in.available()).isEqualTo(DATA.length - 1000);
    }

    @Test
    void secondUploadIsAConflict() throws Exception {
        Path file = dir.resolve("up.raw");
        Files.write(file, DATA);
        glance.error(409, "Conflict", "Image status transition from active to saving is not allowed");

        assertThatThrownBy(() -> glance.images().upload(ID, file)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("active to saving");
    }

    @Test
    void stagePutsToTheStagePath() throws Exception {
        Path file = dir.resolve("up.raw");
        Files.write(file, DATA);
        glance.empty(204).json(200, "{\"id\": \"" + ID + "\", \"status\": \"uploading\"}");

        glance.images().stage(ID, file);

        RecordedRequest r = glance.take();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v2/images/" + ID + "/stage");
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/octet-stream");
    }

    @Test
    void localProblemsAreValidationErrors() {
        Images images = glance.images();
        assertThatThrownBy(() -> images.upload(ID, dir.resolve("missing"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> images.download(ID, dir.resolve("no/such/dir/x"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> images.download(ID, dir)).isInstanceOf(ValidationException.class);
        assertThat(glance.server.getRequestCount()).isZero();
    }

    @Test
    void imageIdsThatAreNotUuidsAreRefusedBeforeAnyRequestWhenImageDataIsUsedDirectly() throws Exception {
        ImageUploads data = ImageUploads.of(glance.client);
        ImageDownloads downloads = ImageDownloads.of(glance.client);
        Path file = dir.resolve("up.raw");
        Files.write(file, DATA);
        assertThatThrownBy(() -> data.upload("not-a-uuid", file, UploadOpts.defaults()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("UUID");
        assertThatThrownBy(() -> data.stage("../images", new ByteArrayInputStream(DATA), UploadOpts.defaults()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("UUID");
        assertThatThrownBy(() -> downloads.download("x", dir.resolve("out"), DownloadOpts.defaults()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("UUID");
        assertThatThrownBy(() -> downloads.download(ID + "x", new ByteArrayOutputStream(), DownloadOpts.defaults()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("UUID");
        assertThat(glance.server.getRequestCount()).isZero();
    }
}
