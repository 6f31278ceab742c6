package dev.imagesdk.testing;

import dev.imagesdk.core.internal.http.Calls;

import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.TransportException;
import dev.imagesdk.core.error.UnauthorizedException;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.Images;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lifecycle and identities of the emulator itself. */
class ImageServiceEmulatorTest {

    @Test
    void startsOnAFreeLoopbackPortAndAnswersVersionDiscovery() {
        try (ImageServiceEmulator emulator = ImageServiceEmulator.start()) {
            assertThat(emulator.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(emulator.port()).isPositive();
            assertThat(emulator.client(Identity.member("p")).apiVersion().toString()).contains("2.16");
        }
    }

    @Test
    void closeStopsTheServerAndDeletesTheImageData(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        ImageServiceEmulator emulator = ImageServiceEmulator.builder().dataDirectory(data).start();
        Images images = Images.of(emulator.client(Identity.member("p")));
        String id = images.create(CreateOpts.builder().name("x").diskFormat(dev.imagesdk.images.model.DiskFormat.RAW)
                .containerFormat(dev.imagesdk.images.model.ContainerFormat.BARE).build()).id();
        images.upload(id, new ByteArrayInputStream(new byte[4096]), 4096);
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.count()).as("image data lives in a file, not in memory").isEqualTo(1);
        }
        ServiceClient other = ServiceClient.builder().endpoint(emulator.endpoint().toString())
                .auth(dev.imagesdk.core.auth.Auth.trustedHeaders("p", "u", "member"))
                .retryPolicy(dev.imagesdk.core.RetryPolicy.none()).build();

        emulator.close();

        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.count()).isZero();
        }
        assertThatThrownBy(() -> Images.of(other).get(id)).isInstanceOf(TransportException.class);
        other.close();
    }

    @Test
    void tokensAndTrustedHeadersIdentifyCallersAndAnythingElseIsUnauthorized() {
        try (ImageServiceEmulator emulator = ImageServiceEmulator.start()) {
            emulator.registerToken("token-of-b", Identity.member("project-b"));
            ServiceClient byToken = emulator.client(Identity.member("project-a"));
            ServiceClient byRegisteredToken = ServiceClient.builder().endpoint(emulator.endpoint().toString())
                    .auth(dev.imagesdk.core.auth.Auth.token("token-of-b")).build();
            ServiceClient byHeaders = emulator.headersClient(Identity.admin("ops"));
            ServiceClient badToken = ServiceClient.builder().endpoint(emulator.endpoint().toString())
                    .auth(dev.imagesdk.core.auth.Auth.token("nope")).build();
            ServiceClient anonymous = ServiceClient.builder().endpoint(emulator.endpoint().toString()).build();

            assertThat(Images.of(byToken).create(CreateOpts.builder().name("a").build()).owner()).isEqualTo("project-a");
            assertThat(Images.of(byRegisteredToken).create(CreateOpts.builder().name("b").build()).owner())
                    .isEqualTo("project-b");
            assertThat(Images.of(byHeaders).list().stream()).hasSize(2);
            assertThatThrownBy(() -> Images.of(badToken).list().firstPage()).isInstanceOf(UnauthorizedException.class);
            assertThatThrownBy(() -> Calls.of(anonymous).execute(ApiRequest.get("images").build()).close())
                    .isInstanceOf(UnauthorizedException.class);
            byRegisteredToken.close();
            badToken.close();
            anonymous.close();
        }
    }

    @Test
    void resetForgetsImagesButKeepsIdentities() {
        try (ImageServiceEmulator emulator = ImageServiceEmulator.start()) {
            Images images = Images.of(emulator.client(Identity.member("p")));
            images.create(CreateOpts.builder().name("x").build());
            assertThat(emulator.imageCount()).isEqualTo(1);

            emulator.reset();

            assertThat(emulator.imageCount()).isZero();
            assertThat(images.list().stream()).isEmpty();
        }
    }

    @Test
    void forcedKilledStatusIsWhatClientsSeeAndTheDataIsGone() {
        try (ImageServiceEmulator emulator = ImageServiceEmulator.start()) {
            Images images = Images.of(emulator.client(Identity.member("p")));
            String id = images.create(CreateOpts.builder().name("x").diskFormat(dev.imagesdk.images.model.DiskFormat.RAW)
                    .containerFormat(dev.imagesdk.images.model.ContainerFormat.BARE).build()).id();
            images.upload(id, new ByteArrayInputStream(new byte[10]), 10);

            emulator.forceStatus(id, ImageStatus.KILLED);

            assertThat(images.get(id).status()).isEqualTo(dev.imagesdk.images.model.ImageStatus.KILLED);
            assertThat(images.get(id).stores()).isEmpty();
            assertThatThrownBy(() -> emulator.forceStatus("nope", ImageStatus.KILLED)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void identityRefusesBlankIdsAndKnowsItsActiveRoles() {
        Identity who = Identity.builder().project("p").organization("acme").inactiveOrganization("globex")
                .space("acme", "lab").inactiveSpace("acme", "old").build();

        assertThat(who.activeOrganizations()).containsExactly("acme");
        assertThat(who.activeSpaces()).containsExactly("acme/lab");
        assertThat(who.isAdmin()).isFalse();
        assertThat(Identity.admin("ops").isAdmin()).isTrue();
        assertThat(who.roles()).containsExactly("member", "reader");
        assertThatThrownBy(() -> Identity.member(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
