package dev.imagesdk.core.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The listing tool on a small compiled module whose expected listing is written out by hand. */
class ApiListingTest {

    private static final Map<String, String> FIXTURE = Map.of(
            "module-info.java", """
                    module fx {
                        exports fx.api;
                        exports fx.internal to fx.friend;
                    }
                    """,
            "fx/api/Box.java", """
                    package fx.api;

                    import java.util.List;
                    import java.util.function.Function;
                    import java.util.function.Supplier;

                    public class Box<T extends Comparable<T>> implements Supplier<T> {
                        public static final int SIZE = 1;
                        protected int count;
                        private int secret;
                        int packagePrivate;

                        public Box(T value) { }
                        protected Box() { }
                        Box(int hidden) { }

                        public T get() { return null; }
                        public <R> List<R> map(Function<? super T, ? extends R> f) throws java.io.IOException {
                            return null;
                        }
                        public void all(String... names) { }
                        @Deprecated public void old() { }
                        protected void hook() { }
                        void hidden() { }

                        public static final class Inner {
                            protected void notApiInAFinalClass() { }
                            public int[] numbers() { return null; }
                        }
                        static class NotApi { public void x() { } }
                    }
                    """,
            "fx/api/Shape.java", """
                    package fx.api;

                    public sealed interface Shape permits Shape.Dot {
                        String name();
                        default int corners() { return 0; }
                        record Dot(int x) implements Shape {
                            public String name() { return "dot"; }
                        }
                    }
                    """,
            "fx/api/Mode.java", """
                    package fx.api;

                    public enum Mode { ON, OFF }
                    """,
            "fx/api/Helper.java", """
                    package fx.api;

                    class Helper { public void x() { } }
                    """,
            "fx/internal/Impl.java", """
                    package fx.internal;

                    public class Impl { public void x() { } }
                    """);

    private static final String EXPECTED = String.join("\n",
            "# Public API of module fx (exported packages: fx.api)",
            "# Generated from the compiled classes; regenerate with: mvn -o test -Dimagesdk.api.update=true",
            "public class fx.api.Box<T extends java.lang.Comparable<T>> implements java.util.function.Supplier<T>",
            "  public static final int SIZE",
            "  protected int count",
            "  protected <init>()",
            "  public <init>(T)",
            "  public void all(java.lang.String...)",
            "  public T get()",
            "  protected void hook()",
            "  public <R> java.util.List<R> map(java.util.function.Function<? super T, ? extends R>)"
                    + " throws java.io.IOException",
            "  @Deprecated public void old()",
            "public static final class fx.api.Box$Inner",
            "  public <init>()",
            "  public int[] numbers()",
            "public enum fx.api.Mode",
            "  public static final fx.api.Mode OFF",
            "  public static final fx.api.Mode ON",
            "  public static fx.api.Mode valueOf(java.lang.String)",
            "  public static fx.api.Mode[] values()",
            "public sealed interface fx.api.Shape permits fx.api.Shape$Dot",
            "  public default int corners()",
            "  public java.lang.String name()",
            "public record fx.api.Shape$Dot implements fx.api.Shape",
            "  public <init>(int)",
            "  public final boolean equals(java.lang.Object)",
            "  public final int hashCode()",
            "  public java.lang.String name()",
            "  public final java.lang.String toString()",
            "  public int x()",
            "");

    @Test
    void listsExportedPublicAndProtectedApiWithGenericSignatures(@TempDir Path dir) throws Exception {
        Path classes = compileFixture(dir);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertThat(ApiListing.render(classes, loader)).isEqualTo(EXPECTED);
            assertThat(ApiListing.exportedPackages(classes)).containsExactly("fx.api");
        }
    }

    @Test
    void verifyFailsWithADiffAndTheCommandOrRewritesTheFileWhenAsked(@TempDir Path dir) throws Exception {
        Path module = dir.resolve("fx-module");
        compileFixture(module.resolve("target"));
        Files.move(module.resolve("target/classes-out"), module.resolve("target/classes"));
        Path api = module.resolve("api/fx-module.api");

        assertThatThrownBy(() -> verifyWith(module)).hasMessageContaining("No committed API listing")
                .hasMessageContaining("mvn -o test -Dimagesdk.api.update=true");

        Files.createDirectories(api.getParent());
        Files.writeString(api, EXPECTED.replace("  public int[] numbers()\n", "  public long[] numbers()\n"));
        assertThatThrownBy(() -> verifyWith(module)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("@@ public static final class fx.api.Box$Inner")
                .hasMessageContaining("\n-  public long[] numbers()\n+  public int[] numbers()\n")
                .hasMessageContaining("regenerate the listing with: mvn -o test -Dimagesdk.api.update=true");

        System.setProperty(ApiListing.UPDATE_PROPERTY, "true");
        try {
            verifyWith(module);
        } finally {
            System.clearProperty(ApiListing.UPDATE_PROPERTY);
        }
        assertThat(Files.readString(api)).isEqualTo(EXPECTED);
        verifyWith(module);
    }

    @Test
    void diffSeparatesDistantChangesIntoHunksHeadedByTheirType() {
        String diff = LineDiff.diff(
                List.of("class A", "  a1", "  a2", "  a3", "  a4", "  a5", "  a6", "class B", "  b1"),
                List.of("class A", "  a0", "  a1", "  a2", "  a3", "  a4", "  a5", "  a6", "class B"));
        assertThat(diff).isEqualTo(String.join("\n",
                "@@ class A",
                " class A",
                "+  a0",
                "   a1",
                "   a2",
                "@@ class B",
                "   a6",
                " class B",
                "-  b1",
                ""));
    }

    @Test
    void diffShowsRemovedAndAddedLinesUnderTheirType() {
        String diff = LineDiff.diff(
                List.of("# h", "class A", "  a1", "  a2", "class B", "  b1", "  b2", "  b3", "  b4", "  b5", "  b6"),
                List.of("# h", "class A", "  a1", "  a2", "class B", "  b1", "  b2", "  b3x", "  b4", "  b5", "  b6",
                        "class C"));
        assertThat(diff).isEqualTo(String.join("\n",
                "@@ class B",
                "   b1",
                "   b2",
                "-  b3",
                "+  b3x",
                "   b4",
                "   b5",
                "   b6",
                "+class C",
                ""));
    }

    private static Path compileFixture(Path dir) {
        Path out = dir.resolve("classes-out");
        Javac.compile(dir.resolve("src"), out, FIXTURE, List.of("--release", "17", "-Xlint:none"));
        return out;
    }

    /** {@link ApiListing#verify} with the fixture's classes loadable (a throw-away loader around the module). */
    private static void verifyWith(Path module) throws Exception {
        Path classes = module.resolve("target/classes");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            ApiListing.verify(module, loader);
        }
    }
}
