package dev.imagesdk.testing.faults;

import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.ChecksumMismatchException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.RateLimitedException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.ServiceResponseException;
import dev.imagesdk.core.error.TransportException;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.Images;
import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each scripted fault reaches the SDK as the exception a resilience test expects. */
class FaultInjectionTest {
    private static final byte[] DATA = new byte[300_000];
    private static ImageServiceEmulator emulator;
    private static Images images;
    private static String imageId;

    @BeforeAll
    static void start() {
        new Random(7).nextBytes(DATA);
        emulator = ImageServiceEmulator.start();
        images = Images.of(emulator.client(Identity.member("fault-project")));
        Image image = images.create(CreateOpts.builder().name("fault-target").diskFormat(DiskFormat.RAW)
                .containerFormat(ContainerFormat.BARE).build());
        imageId = image.id();
        images.upload(imageId, new ByteArrayInputStream(DATA), DATA.length);
    }

    @AfterEach
    void clearFaults() {
        emulator.clearFaults();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void status503BecomesServerExceptionWithTheStatus() {
        Fault fault = emulator.addFault(Fault.on("GET", "/v2/images/*").status(503));

        assertThatThrownBy(() -> images.get(imageId))
                .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(emulator.applied(fault)).isEqualTo(1);
        assertThat(images.get(imageId).id()).as("the fault is used up after one request").isEqualTo(imageId);
    }

    @Test
    void status429CarriesRetryAfterToRateLimitedException() {
        emulator.addFault(Fault.on("/v2/images").rateLimited(Duration.ofSeconds(7)));

        assertThatThrownBy(() -> images.list().firstPage())
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                });
    }

    @Test
    void anyOtherStatusKeepsItsNumberAndMessage() {
        emulator.addFault(Fault.on("GET", "/v2/images/*").status(404, "scripted absence"));

        assertThatThrownBy(() -> images.get(imageId))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.serverMessage()).hasValueSatisfying(m -> assertThat(m).contains("scripted absence")));
    }

    @Test
    void aRetryingClientRidesOutAFaultUsedUpWithinItsAttempts() {
        try (ServiceClient retrying = ServiceClient.builder().endpoint(emulator.endpoint().toString())
                .auth(dev.imagesdk.core.auth.Auth.trustedHeaders("fault-project", "u", "member"))
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).initialDelay(Duration.ofMillis(1))
                        .maxDelay(Duration.ofMillis(5)).build())
                .build()) {
            Fault fault = emulator.addFault(Fault.on("GET", "/v2/images/" + imageId).times(2).unavailable(Duration.ZERO));

            assertThat(Images.of(retrying).get(imageId).name()).isEqualTo("fault-target");
            assertThat(emulator.applied(fault)).isEqualTo(2);
            assertThat(emulator.exhausted(fault)).isTrue();
        }
    }

    @Test
    void aFileUploadRefusedWith503And429IsSentAgainAfterRetryAfterAndVerified(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("disk.raw");
        Files.write(file, DATA);
        try (ServiceClient retrying = ServiceClient.builder().endpoint(emulator.endpoint().toString())
                .auth(dev.imagesdk.core.auth.Auth.trustedHeaders("fault-project", "u", "member"))
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).initialDelay(Duration.ofMillis(1))
                        .maxDelay(Duration.ofMillis(5)).build())
                .build()) {
            Images client = Images.of(retrying);
            String target = client.create(CreateOpts.builder().name("fault-upload").diskFormat(DiskFormat.RAW)
                    .containerFormat(ContainerFormat.BARE).build()).id();
            Fault unavailable = emulator.addFault(Fault.on("PUT", "/v2/images/" + target + "/file").unavailable(Duration.ofSeconds(1)));
            Fault limited = emulator.addFault(Fault.on("PUT", "/v2/images/" + target + "/file").rateLimited(Duration.ofSeconds(1)));

            long start = System.nanoTime();
            client.upload(target, file);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(emulator.applied(unavailable)).isEqualTo(1);
            assertThat(emulator.applied(limited)).isEqualTo(1);
            assertThat(took).as("two Retry-After pauses of 1 s").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            Image stored = client.get(target);
            assertThat(stored.status()).isEqualTo(dev.imagesdk.images.model.ImageStatus.ACTIVE);
            assertThat(stored.size()).isEqualTo(DATA.length);
            assertThat(stored.osHashValue()).isEqualTo(java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-512").digest(DATA)));
        }
    }

    @Test
    void aStreamUploadRefusedWith503IsNotSentAgain() {
        String target = images.create(CreateOpts.builder().name("fault-upload-stream").diskFormat(DiskFormat.RAW)
                .containerFormat(ContainerFormat.BARE).build()).id();
        try (ServiceClient retrying = ServiceClient.builder().endpoint(emulator.endpoint().toString())
                .auth(dev.imagesdk.core.auth.Auth.trustedHeaders("fault-project", "u", "member"))
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).initialDelay(Duration.ofMillis(1))
                        .maxDelay(Duration.ofMillis(5)).build())
                .build()) {
            Fault fault = emulator.addFault(Fault.on("PUT", "/v2/images/" + target + "/file").always().unavailable(Duration.ZERO));

            assertThatThrownBy(() -> Images.of(retrying).upload(target, new ByteArrayInputStream(DATA), DATA.length))
                    .isInstanceOfSatisfying(ServerException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e).hasMessageContaining("cannot be read twice");
                    });
            assertThat(emulator.applied(fault)).isEqualTo(1);
        }
    }

    @Test
    void latencyBeyondTheReadTimeoutBecomesTransportException() {
        try (ServiceClient impatient = ServiceClient.builder().endpoint(emulator.endpoint().toString())
                .auth(dev.imagesdk.core.auth.Auth.trustedHeaders("fault-project", "u", "member"))
                .retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofMillis(200)).build()) {
            // Far beyond the 200 ms timeout: with 2 s, a client thread starved for that long on a loaded machine
            // would find the answer already there and pass. The emulator interrupts the sleep when it stops.
            emulator.addFault(Fault.on("GET", "/v2/images/*").latency(Duration.ofMinutes(10)));

            assertThatThrownBy(() -> Images.of(impatient).get(imageId)).isInstanceOf(TransportException.class);
        }
    }

    @Test
    void latencyAloneStillServesTheRequest() {
        Fault fault = emulator.addFault(Fault.on("GET", "/v2/images/*").latency(Duration.ofMillis(50)));

        assertThat(images.get(imageId).id()).isEqualTo(imageId);
        assertThat(emulator.applied(fault)).isEqualTo(1);
    }

    @Test
    void droppedConnectionBeforeTheAnswerBecomesTransportException() {
        // times(3): OkHttp itself silently repeats a request once when a pooled connection dies unanswered
        emulator.addFault(Fault.on("GET", "/v2/images/*").times(3).dropConnection());

        assertThatThrownBy(() -> images.get(imageId)).isInstanceOf(TransportException.class);
    }

    @Test
    void connectionDroppedInTheMiddleOfADownloadBecomesTransportException() {
        // always(): the SDK resumes a broken download with Range requests a few times before giving up
        Fault fault = emulator.addFault(Fault.on("GET", "/v2/images/*/file").always().dropAfterBytes(1000));

        assertThatThrownBy(() -> images.download(imageId, new ByteArrayOutputStream()))
                .isInstanceOf(TransportException.class);
        assertThat(emulator.applied(fault)).as("the first request and every resume attempt were cut").isGreaterThan(1);
    }

    @Test
    void aSingleMidBodyDropIsRiddenOutByTheSdksResume() {
        Fault fault = emulator.addFault(Fault.on("GET", "/v2/images/*/file").dropAfterBytes(100_000));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        images.download(imageId, out);
        assertThat(out.toByteArray()).isEqualTo(DATA);
        assertThat(emulator.applied(fault)).isEqualTo(1);
    }

    @Test
    void truncatedButWellFormedDownloadBecomesChecksumMismatch() {
        emulator.addFault(Fault.on("GET", "/v2/images/*/file").truncateAfterBytes(1000));

        assertThatThrownBy(() -> images.download(imageId, new ByteArrayOutputStream()))
                .isInstanceOf(ChecksumMismatchException.class);
    }

    @Test
    void faultsApplyPerPathAndPerCount() {
        Fault onData = emulator.addFault(Fault.on("GET", "/v2/images/*/file").skip(1).times(1).status(500));

        assertThat(images.get(imageId).id()).as("another path is untouched").isEqualTo(imageId);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        images.download(imageId, first);
        assertThat(first.toByteArray()).as("the first match is skipped").isEqualTo(DATA);
        assertThatThrownBy(() -> images.download(imageId, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(ServiceResponseException.class, e -> assertThat(e.status()).isEqualTo(500));
        ByteArrayOutputStream third = new ByteArrayOutputStream();
        images.download(imageId, third);
        assertThat(third.toByteArray()).as("after times(1) the fault is spent").isEqualTo(DATA);
        assertThat(emulator.applied(onData)).isEqualTo(1);
    }

    @Test
    void alwaysAppliesUntilRemoved() {
        Fault fault = emulator.addFault(Fault.on("regex:/v2/images/[^/]+").always().status(502));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> images.get(imageId)).isInstanceOf(ServerException.class);
        }
        emulator.removeFault(fault);
        assertThat(images.get(imageId).id()).isEqualTo(imageId);
        assertThat(emulator.applied(fault)).isEqualTo(3);
    }

    @Test
    void countsBelongToTheEmulatorAndSurviveRemovalAndReAdding() {
        Fault fault = Fault.on("GET", "/v2/images/" + imageId).status(503);
        assertThat(emulator.applied(fault)).as("never added").isZero();
        assertThat(emulator.exhausted(fault)).isFalse();

        emulator.addFault(fault);
        assertThatThrownBy(() -> images.get(imageId)).isInstanceOf(ServerException.class);
        emulator.removeFault(fault);
        assertThat(emulator.applied(fault)).isEqualTo(1);

        emulator.addFault(fault);
        assertThat(images.get(imageId).id()).as("used up: re-adding it does not re-arm it").isEqualTo(imageId);
        assertThat(emulator.applied(fault)).isEqualTo(1);
        assertThat(emulator.exhausted(fault)).isTrue();
    }

    @Test
    void aFaultIsAPlainDescriptionThatMatchesWithoutCounting() {
        Fault fault = Fault.on("get", "/v2/images/*/file").skip(2).times(3).status(500);
        assertThat(fault.method()).isEqualTo("GET");
        assertThat(fault.pathPattern()).isEqualTo("/v2/images/*/file");
        assertThat(fault.skip()).isEqualTo(2);
        assertThat(fault.times()).isEqualTo(3);
        assertThat(fault.kind()).isEqualTo(Fault.Kind.STATUS);
        assertThat(fault.matches("GET", "/v2/images/abc/file")).isTrue();
        assertThat(fault.matches("get", "/v2/images/abc/file")).isTrue();
        assertThat(fault.matches("PUT", "/v2/images/abc/file")).isFalse();
        assertThat(fault.matches("GET", "/v2/images/a/b/file")).as("* is one segment").isFalse();

        Fault any = Fault.on("/v2/**").always().dropConnection();
        assertThat(any.method()).isNull();
        assertThat(any.times()).isEqualTo(-1);
        assertThat(any.matches("DELETE", "/v2/images/x/tags/y")).isTrue();
        assertThat(any.matches("GET", "/healthcheck")).isFalse();
    }
}
