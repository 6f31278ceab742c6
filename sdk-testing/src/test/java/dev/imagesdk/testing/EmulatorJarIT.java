package dev.imagesdk.testing;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.PayloadTooLargeException;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.Images;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The standalone jar ({@code sdk-testing-<version>-emulator.jar}, built in {@code package}) starts with
 * {@code --port}, {@code --token} and a quota option, serves the image API, and stops on SIGTERM.
 */
class EmulatorJarIT {

    @Test
    void theShadedJarRunsTheEmulatorStandalone() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().endsWith("-emulator.jar"))
                    .collect(Collectors.toList());
            Assumptions.assumeFalse(jars.isEmpty(), "the emulator jar is built in the package phase");
            jar = jars.get(0);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--port", Integer.toString(port),
                "--token", "jar-token=jar-project:member,reader", "--image-tag-quota", "1").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).isEqualTo("imagesdk emulator listening on http://127.0.0.1:" + port);
            try (ServiceClient client = ServiceClient.builder().endpoint("http://127.0.0.1:" + port)
                    .auth(Auth.token("jar-token")).build()) {
                assertThat(client.apiVersion().toString()).contains("2.16");
                assertThat(Images.of(client).create(CreateOpts.builder().name("from-jar").build()).owner())
                        .isEqualTo("jar-project");
                assertThatThrownBy(() -> Images.of(client).create(CreateOpts.builder().tags("a", "b").build()))
                        .as("--image-tag-quota 1").isInstanceOf(PayloadTooLargeException.class);
            }
        } finally {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue(); // generous: a loaded machine
        }
        assertThat(new File(jar.toString()).length()).isPositive();
    }
}
