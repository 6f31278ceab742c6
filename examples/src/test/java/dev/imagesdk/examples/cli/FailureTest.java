package dev.imagesdk.examples.cli;

import dev.imagesdk.core.error.ChecksumMismatchException;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.TransportException;
import dev.imagesdk.core.error.UnauthorizedException;
import dev.imagesdk.core.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FailureTest {
    @Test
    void eachKindOfFailureHasItsExitCodeAndAHint() {
        assertThat(Failure.of(new ValidationException("name must not be blank")).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Failure.of(new NotFoundException("No image found with ID x", "GET", "http://h/v2/images/x",
                "req-1", Map.of())).exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(Failure.of(new UnauthorizedException(null, "GET", "http://h/v2/images", null, Map.of()))
                .exitCode()).isEqualTo(ExitCodes.DENIED);
        assertThat(Failure.of(new ConflictException("in use", "DELETE", "http://h/v2/images/x", null, Map.of()))
                .exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(Failure.of(new ServerException(503, null, "GET", "http://h/v2/images", null, Map.of()))
                .exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
        assertThat(Failure.of(new ChecksumMismatchException("sha512", "aa", "bb", "GET", "http://h/v2/images/x/file",
                null)).exitCode()).isEqualTo(ExitCodes.INTEGRITY);
        assertThat(Failure.of(new NoSuchFileException("/nope")).line()).isEqualTo("imagectl: no such file: /nope. Check the path");
        Failure unsupported = Failure.of(new dev.imagesdk.core.error.UnsupportedFeatureException("the image cache API",
                "2.14", List.of("v2.13 CURRENT"), "http://h/", null));
        assertThat(unsupported.exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
        assertThat(unsupported.line()).contains("does not serve the image cache API (Image API 2.14)",
                "This service does not offer it");
    }

    @Test
    void anImageTheOrganizationDoesNotOwnIsDeniedAndOneInUseIsAConflict() {
        Failure notOwned = Failure.of(new dev.imagesdk.links.NotOwnedException("img-1", "globex", "acme"));
        assertThat(notOwned.exitCode()).isEqualTo(ExitCodes.DENIED);
        assertThat(notOwned.line()).isEqualTo("imagectl: image img-1 is not owned by organization globex (it belongs to acme); "
                + "nothing was deleted. Only its organization deletes it: imagectl org-images delete --org acme img-1");
        assertThat(Failure.of(new dev.imagesdk.links.NotOwnedException("img-2", "globex", null)).line())
                .isEqualTo("imagectl: image img-2 is not owned by organization globex (it belongs to no organization); "
                        + "nothing was deleted. It belongs to no organization: imagectl images delete img-2");
        Failure inUse = Failure.of(new dev.imagesdk.core.error.ImageInUseException("img-1", "Image img-1 could not be deleted "
                + "because it is in use", "DELETE", "http://h/v2/images/img-1", null, Map.of(), null));
        assertThat(inUse.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(inUse.line()).endsWith("Delete what still uses the image first, then retry");
    }

    @Test
    void unreachableServiceSuggestsCheckingTheEndpoint() {
        Failure f = Failure.of(new TransportException("Connecting failed: refused", "GET", "http://127.0.0.1:1/v2/images",
                new ConnectException("refused"), true));
        assertThat(f.exitCode()).isEqualTo(ExitCodes.TRANSPORT);
        assertThat(f.line()).startsWith("imagectl: Connecting failed: refused (GET http://127.0.0.1:1/v2/images). ")
                .contains("--endpoint").doesNotContain("\n");
    }

    @Test
    void notFoundLineCarriesTheServerMessageAndRequestId() {
        Failure f = Failure.of(new NotFoundException("No image found with ID x", "GET", "http://h/v2/images/x",
                "req-1", Map.of()));
        assertThat(f.line()).isEqualTo("imagectl: 404 Not Found: No image found with ID x (GET http://h/v2/images/x, "
                + "request req-1). Check the id (imagectl images list) and that your project may see it");
    }

    @Test
    void a401SaysNoOrABadCredentialWasGivenNotGlancesBrowserText() {
        Failure f = Failure.of(new UnauthorizedException("This server could not verify that you are authorized ... "
                + "or your browser does not understand how to supply the credentials required.", "GET",
                "http://h/v2/images", "req-9", Map.of()));
        assertThat(f.exitCode()).isEqualTo(ExitCodes.DENIED);
        assertThat(f.line()).isEqualTo("imagectl: 401 Unauthorized: the service accepted no credential of this request: "
                + "none was given, or the token is wrong or expired (GET http://h/v2/images, request req-9). "
                + "Give --token (or $OS_TOKEN), --project for trusted headers, or --os-cloud / OS_* variables");
    }

    @Test
    void a404OnAListingPointsAtTheEndpointNotAnId() {
        Failure f = Failure.of(new NotFoundException(null, "GET", "http://h/glance/v2/images?limit=20", null, Map.of()));
        assertThat(f.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(f.line()).startsWith("imagectl: 404 Not Found: the service has no /glance/v2/images (GET ")
                .contains("Check --endpoint").doesNotContain("Check the id");
        assertThat(Failure.of(new NotFoundException(null, "GET", "http://h/v2/image-links", null, Map.of())).line())
                .contains("offers image links").doesNotContain("Check the id");
    }

    @Test
    void a409OnALinkOrMemberIsNotAboutTheImagesStatus() {
        Failure link = Failure.of(new ConflictException("exists", "POST", "http://h/v2/image-links", null, Map.of()));
        assertThat(link.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(link.line()).contains("link in this scope already (imagectl image-links list --image ID)")
                .doesNotContain("status");
        Failure member = Failure.of(new ConflictException("exists", "POST", "http://h/v2/images/x/members", null, Map.of()));
        assertThat(member.line()).contains("member already").doesNotContain("status");
        Failure image = Failure.of(new ConflictException("in use", "PUT", "http://h/v2/images/x/file", null, Map.of()));
        assertThat(image.line()).endsWith("Check the image's status (imagectl images show ID)");
    }

    @Test
    void anUnknownHostSaysSo() {
        Failure f = Failure.of(new TransportException("Connection failed: nohost.invalid", "GET",
                "http://nohost.invalid:9292/v2/images", new java.net.UnknownHostException("nohost.invalid"), false));
        assertThat(f.exitCode()).isEqualTo(ExitCodes.TRANSPORT);
        assertThat(f.line()).isEqualTo("imagectl: unknown host nohost.invalid: no address found for this name "
                + "(GET http://nohost.invalid:9292/v2/images). Check the host name in --endpoint, clouds.yaml or OS_AUTH_URL");
    }

    @Test
    void aMessageEndingInAQuestionMarkGetsNoExtraFullStop() {
        assertThat(new Failure(ExitCodes.USAGE, "which one?", "Say it").line()).isEqualTo("imagectl: which one? Say it");
        assertThat(new Failure(ExitCodes.USAGE, "no", "").line()).isEqualTo("imagectl: no");
    }

    @Test
    void aLocalFileFailureOfTheSdkIsExitCode8() {
        Failure f = Failure.of(new dev.imagesdk.images.data.LocalFileException("writing to /x failed after 0 bytes",
                new java.io.IOException("No space left on device")));
        assertThat(f.exitCode()).isEqualTo(ExitCodes.LOCAL_IO);
        assertThat(f.line()).startsWith("imagectl: local file error: writing to /x failed after 0 bytes: No space left");
    }

    @Test
    void aKeystone401NamesTheCloudsCredentials() {
        Failure f = Failure.of(new UnauthorizedException("The request you have made requires authentication.", "POST",
                "http://keystone:5000/v3/auth/tokens", null, Map.of()));
        assertThat(f.exitCode()).isEqualTo(ExitCodes.DENIED);
        assertThat(f.line()).startsWith("imagectl: 401 Unauthorized: Keystone did not accept the cloud's credentials")
                .contains("clouds.yaml").doesNotContain("--token");
    }

    @Test
    void a404OfAnImagesMembersPointsAtTheImageAndOfOneMemberAtTheMembers() {
        assertThat(Failure.of(new NotFoundException(null, "GET", "http://h/v2/images/x/members", null, Map.of())).line())
                .endsWith("Check the id (imagectl images list) and that your project may see it");
        assertThat(Failure.of(new NotFoundException(null, "GET", "http://h/v2/images/x/members/p2", null, Map.of())).line())
                .endsWith("Check the id (imagectl members list IMAGE) and that your project may see it");
    }
}
