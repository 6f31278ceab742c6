package dev.imagesdk.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's complete consumer pom is the one scripts/consumer-check.sh builds (examples/consumer/pom.xml):
 * what a newcomer copies is what the build proves.
 */
class ConsumerPomTest {

    @Test
    void theReadmeConsumerPomIsTheOneTheConsumerCheckBuilds() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("sdk-core"))) {
            root = root.getParent();
        }
        String readme = Files.readString(root.resolve("README.md"));
        Matcher m = Pattern.compile("```xml\\n(<project xmlns=\"http://maven.apache.org/POM/4.0.0\">.*?</project>\\n)```",
                Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README.md has a complete consumer pom").isTrue();
        assertThat(Files.readString(root.resolve("examples/consumer/pom.xml"))).isEqualTo(m.group(1));
    }
}
