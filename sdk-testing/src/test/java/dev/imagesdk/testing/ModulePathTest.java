package dev.imagesdk.testing;

import dev.imagesdk.core.contract.Javac;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's jars work on the module path: a small modular consumer ({@code requires dev.imagesdk.testing},
 * {@code dev.imagesdk.members}, {@code dev.imagesdk.links}) is compiled and run with {@code --module-path} only
 * (no class path) holding the SDK modules and their runtime dependencies, and without JUnit (sdk-testing's
 * {@code requires static}). It starts the emulator, creates and reads an image (open-enum JSON adapters reached across
 * modules), and checks that the internal packages are not readable by the consumer.
 *
 * <p>All other tests run on the class path (surefire {@code useModulePath=false}), which is how examples and
 * benchmarks consume the SDK.
 */
class ModulePathTest {

    private static final String CONSUMER = """
            package consumer;

            import dev.imagesdk.core.ServiceClient;
            import dev.imagesdk.images.model.ContainerFormat;
            import dev.imagesdk.images.model.CreateOpts;
            import dev.imagesdk.images.model.DiskFormat;
            import dev.imagesdk.images.model.Image;
            import dev.imagesdk.images.Images;
            import dev.imagesdk.testing.Identity;
            import dev.imagesdk.testing.ImageServiceEmulator;

            public final class Main {
                public static void main(String[] args) throws Exception {
                    Module core = ServiceClient.class.getModule();
                    System.out.println("core module " + core.getName() + " named=" + core.isNamed());
                    System.out.println("internal exported to consumer: "
                            + core.isExported("dev.imagesdk.core.internal", Main.class.getModule()));
                    System.out.println("junit present: " + ModuleLayer.boot().findModule("org.junit.jupiter.api")
                            .isPresent());
                    try (ImageServiceEmulator emulator = ImageServiceEmulator.start()) {
                        ServiceClient client = emulator.client(Identity.member("project-a"));
                        Images images = Images.of(client);
                        String id = images.create(CreateOpts.builder().name("on-the-module-path")
                                .diskFormat(DiskFormat.QCOW2).containerFormat(ContainerFormat.BARE).build()).id();
                        Image image = images.get(id);
                        System.out.println("image " + image.name() + " " + image.diskFormat().value() + " "
                                + image.status().value());
                    }
                }
            }
            """;

    private static final String CONSUMER_MODULE = """
            module consumer {
                requires dev.imagesdk.testing;
                requires dev.imagesdk.members;
                requires dev.imagesdk.links;
            }
            """;

    @Test
    void aModularConsumerRunsOnTheModulePathWithoutJUnit(@TempDir Path dir) throws Exception {
        String modulePath = modulePath();
        Path out = dir.resolve("consumer-classes");
        Javac.compile(dir.resolve("src"), out,
                Map.of("module-info.java", CONSUMER_MODULE, "consumer/Main.java", CONSUMER),
                List.of("--release", "17", "--module-path", modulePath, "-Xlint:none"));

        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", out + File.pathSeparator + modulePath,
                "--module", "consumer/consumer.Main")
                .redirectErrorStream(true)
                .start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(finished).as("consumer finished within 120 s; output:\n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit status; output:\n%s", output).isZero();
        assertThat(output).contains("core module dev.imagesdk.core named=true")
                .contains("internal exported to consumer: false")
                .contains("junit present: false")
                .contains("image on-the-module-path qcow2 queued");
    }

    /**
     * The SDK modules (their {@code target/classes} in a reactor build, or their jars) and the runtime libraries
     * they require, taken from this test's class path; test classes, test jars, JUnit and test-only libraries are
     * left out.
     */
    private static String modulePath() {
        List<String> wanted = List.of("okhttp-jvm-", "okio-jvm-", "moshi-", "failsafe-", "slf4j-api-", "snakeyaml-",
                "kotlin-stdlib-", "annotations-");
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            boolean sdkClasses = name.equals("classes") && p.getParent() != null
                    && p.getParent().getFileName().toString().equals("target")
                    && p.getParent().getParent().getFileName().toString().startsWith("sdk-");
            boolean sdkJar = name.startsWith("sdk-") && name.endsWith(".jar") && !name.endsWith("-tests.jar");
            boolean library = wanted.stream().anyMatch(name::startsWith) && name.endsWith(".jar");
            if (sdkClasses || sdkJar || library) {
                entries.add(entry);
            }
        }
        assertThat(entries.stream().map(e -> Path.of(e).getFileName().toString()).collect(Collectors.toList()))
                .as("module path built from %s", Arrays.toString(entries.toArray()))
                .anyMatch(n -> n.startsWith("okhttp-jvm-"))
                .anyMatch(n -> n.startsWith("moshi-"));
        return String.join(File.pathSeparator, entries);
    }
}
