package dev.imagesdk.examples;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.ImageServiceException;
import dev.imagesdk.images.Images;
import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.Test;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ```java} block of the READMEs ({@code README.md} and each module's {@code README.md},
 * {@code benchmarks} aside) compiles, with its imports as shown, against this module's test class path (all library modules).
 *
 * <p>A block may be indented (in a list item); the fence's indentation is removed from its lines.
 *
 * <p>How a block becomes a compilation unit — the one rule a README writer needs:
 * <ul>
 *   <li>The block's {@code import} lines are used as they are; nothing is imported for it.</li>
 *   <li>A block that declares a type (a line starting with {@code class}, {@code interface},
 *       {@code record} or {@code enum}, optionally after modifiers) is compiled as a source file.</li>
 *   <li>Any other block is a sequence of statements: it becomes the body of a method that
 *       {@code throws Exception}. Variables it uses without declaring them are named, with their types,
 *       in a first comment line {@code // given: ServiceClient client, String imageId}; they become the
 *       method's parameters (their types must be imported by the block, like everything else).</li>
 * </ul>
 * Each block lives in its own package, so blocks may reuse names. A compile error is reported as
 * {@code README:line: message} at the README's own line.
 */
class ReadmeSnippetsTest {
    private static final Pattern BLOCK = Pattern.compile("(?m)^([ \\t]*)```java\\s*$\\n(.*?)^\\1```\\s*$", Pattern.DOTALL);
    private static final Pattern GIVEN = Pattern.compile("^\\s*//\\s*given:\\s*(.+)$");
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "^(?:(?:public|final|abstract|sealed|static)\\s+)*(?:class|interface|record|enum)\\s+\\w+.*");
    /** Modules whose README is not compiled here: they are not on this module's class path. */
    private static final Set<String> NOT_ON_THE_CLASS_PATH = Set.of("benchmarks");

    /** One README block turned into source, with the README line of each source line. */
    private record Snippet(String readme, String className, String source, int[] readmeLines) {
        String where(long sourceLine) {
            int i = (int) sourceLine - 1;
            return readme + ":" + (i >= 0 && i < readmeLines.length ? readmeLines[i] : readmeLines[0]);
        }
    }

    private static Path projectRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("sdk-core")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the project root above " + Paths.get("").toAbsolutePath()).isNotNull();
        return dir;
    }

    /** {@code README.md} and the {@code README.md} of each module (a directory with a {@code pom.xml}). */
    private static List<String> readmes(Path root) throws IOException {
        List<String> out = new ArrayList<>(List.of("README.md"));
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")) && Files.isRegularFile(d.resolve("README.md")))
                    .map(d -> d.getFileName().toString())
                    .filter(name -> !NOT_ON_THE_CLASS_PATH.contains(name))
                    .sorted()
                    .forEach(name -> out.add(name + "/README.md"));
        }
        return out;
    }

    private static List<Snippet> snippets() throws IOException {
        Path root = projectRoot();
        List<Snippet> out = new ArrayList<>();
        for (String readme : readmes(root)) {
            Path file = root.resolve(readme);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                int firstLine = 1 + (int) text.substring(0, m.start(2)).chars().filter(c -> c == '\n').count();
                String indent = m.group(1);
                String block = m.group(2).lines().map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l)
                        .reduce("", (a, b) -> a + b + "\n");
                out.add(snippet(readme, out.size() + 1, block, firstLine));
            }
        }
        return out;
    }

    static Snippet snippet(String readme, int number, String block, int firstLine) {
        String pkg = "readme.s" + number;
        String[] lines = block.split("\n", -1);
        List<String> source = new ArrayList<>();
        List<Integer> readmeLines = new ArrayList<>();
        boolean declaresType = false;
        String parameters = "";
        int body = 0;
        // Imports (and blank or comment lines among them) come first.
        while (body < lines.length && (lines[body].startsWith("import ") || lines[body].isBlank()
                || lines[body].trim().startsWith("//"))) {
            Matcher given = GIVEN.matcher(lines[body]);
            if (given.matches()) {
                parameters = given.group(1).trim();
            }
            body++;
        }
        for (int i = body; i < lines.length; i++) {
            if (TYPE_DECLARATION.matcher(lines[i]).matches()) {
                declaresType = true;
            }
        }
        source.add("package " + pkg + ";");
        readmeLines.add(firstLine);
        for (int i = 0; i < body; i++) {
            source.add(lines[i]);
            readmeLines.add(firstLine + i);
        }
        String className = "Snippet" + number;
        if (!declaresType) {
            source.add("class " + className + " { void run(" + parameters + ") throws Exception {");
            readmeLines.add(firstLine + body);
        }
        for (int i = body; i < lines.length; i++) {
            source.add(lines[i]);
            readmeLines.add(firstLine + i);
        }
        if (!declaresType) {
            source.add("}}");
            readmeLines.add(firstLine + lines.length - 1);
        }
        return new Snippet(readme, pkg + "." + className, String.join("\n", source) + "\n",
                readmeLines.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void everyJavaSnippetOfTheReadmesCompilesAsShown() throws IOException {
        assertThat(readmes(projectRoot())).contains("README.md", "sdk-members/README.md", "sdk-links/README.md",
                "sdk-testing/README.md", "examples/README.md");
        List<Snippet> snippets = snippets();
        assertThat(snippets).as("java blocks in the READMEs").hasSizeGreaterThanOrEqualTo(8);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK compiler (tests run on a JDK)").isNotNull();
        List<JavaFileObject> units = new ArrayList<>();
        for (Snippet s : snippets) {
            units.add(new SimpleJavaFileObject(URI.create("string:///" + s.className().replace('.', '/') + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return s.source();
                }
            });
        }
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path out = Files.createTempDirectory("readme-snippets");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            compiler.getTask(null, files, diagnostics, List.of("-classpath", classPath, "-d", out.toString(),
                    "-proc:none", "-Xlint:none", "--release", "17"), null, units).call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String unit = d.getSource() == null ? "" : d.getSource().toUri().getPath();
            Snippet s = snippets.stream().filter(x -> unit.endsWith("/" + x.className().replace('.', '/') + ".java"))
                    .findFirst().orElse(null);
            errors.add((s == null ? unit : s.where(d.getLineNumber())) + ": " + d.getMessage(Locale.ROOT));
        }
        assertThat(errors).as("compile errors in README snippets").isEmpty();
    }

    @Test
    void statementBlocksBecomeAMethodWithTheGivenVariables() {
        Snippet s = snippet("X.md", 7, "import java.nio.file.Path;\n// given: Path file\nSystem.out.println(file);\n", 10);
        assertThat(s.source()).isEqualTo("package readme.s7;\nimport java.nio.file.Path;\n// given: Path file\n"
                + "class Snippet7 { void run(Path file) throws Exception {\nSystem.out.println(file);\n\n}}\n");
        assertThat(s.where(2)).isEqualTo("X.md:10");
        assertThat(s.where(5)).isEqualTo("X.md:12");
        Snippet type = snippet("Y.md", 8, "import java.util.List;\n\nclass Mine {\n}\n", 3);
        assertThat(type.source()).isEqualTo("package readme.s8;\nimport java.util.List;\n\nclass Mine {\n}\n\n");
    }

    @Test
    void theMainReadmeNamesThePackagesANewcomerNeeds() throws IOException {
        String readme = Files.readString(projectRoot().resolve("README.md"), StandardCharsets.UTF_8);
        for (Class<?> type : List.of(ServiceClient.class, Auth.class, Images.class, ImageServiceException.class,
                ImageServiceEmulator.class, Identity.class)) {
            assertThat(readme).as("README.md names the package of " + type.getSimpleName())
                    .contains("`" + type.getPackageName() + "`").contains("`" + type.getSimpleName() + "`");
        }
    }
}
