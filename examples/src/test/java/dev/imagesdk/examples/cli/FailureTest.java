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
}
