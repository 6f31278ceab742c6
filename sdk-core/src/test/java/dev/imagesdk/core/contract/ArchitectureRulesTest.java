package dev.imagesdk.core.contract;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared architecture rules and the known-violations check, on a small compiled fixture. */
class ArchitectureRulesTest {

    private static final Map<String, String> FIXTURE = Map.of(
            "dev/imagesdk/fx/Api.java", """
                    package dev.imagesdk.fx;

                    public class Api {
                        public dev.imagesdk.fx.internal.Impl impl() { return null; }
                        public java.util.List<okhttp3.HttpUrl> urls() { return null; }
                        public void take(okhttp3.OkHttpClient client) { }
                        protected okio.Buffer buffer;
                        public String fine(java.util.Map<String, Integer> m) { return null; }
                        okhttp3.Request packagePrivateIsNotApi() { return null; }
                        dev.imagesdk.fx.other.Other other;
                    }
                    """,
            "dev/imagesdk/fx/internal/Impl.java", """
                    package dev.imagesdk.fx.internal;

                    public class Impl {
                        public com.squareup.moshi.Moshi notApi() { return null; }
                    }
                    """,
            "dev/imagesdk/fx/other/Other.java", """
                    package dev.imagesdk.fx.other;

                    public class Other {
                        dev.imagesdk.fx.Api api;
                    }
                    """);

    @Test
    void apiRuleReportsEachExposedInternalOrTransportTypeByMember(@TempDir Path dir) {
        JavaClasses classes = compile(dir);
        assertThatThrownBy(() -> ArchitectureRules.check(
                ArchitectureRules.apiExposesNoInternalOrTransportType(Set.of("dev.imagesdk.fx")), classes, List.of()))
                .hasMessageContaining("4 violation(s)")
                .hasMessageContaining("\"dev.imagesdk.fx.Api.impl() exposes dev.imagesdk.fx.internal.Impl\"")
                .hasMessageContaining("\"dev.imagesdk.fx.Api.urls() exposes okhttp3.HttpUrl\"")
                .hasMessageContaining("\"dev.imagesdk.fx.Api.take(okhttp3.OkHttpClient) exposes okhttp3.OkHttpClient\"")
                .hasMessageContaining("\"dev.imagesdk.fx.Api.buffer exposes okio.Buffer\"");

        ArchitectureRules.check(ArchitectureRules.apiExposesNoInternalOrTransportType(Set.of("dev.imagesdk.fx")),
                classes, List.of("Api.impl()", "Api.urls()", "Api.take(", "Api.buffer "));
    }

    @Test
    void cycleRuleNamesTheCycleAndAKnownEntryThatNoLongerOccursFails(@TempDir Path dir) {
        JavaClasses classes = compile(dir);
        ArchitectureRules.check(ArchitectureRules.noPackageCycles(), classes,
                List.of("Cycle detected: fx -> fx.other -> fx"));

        assertThatThrownBy(() -> ArchitectureRules.check(ArchitectureRules.noPackageCycles(), classes,
                List.of("Cycle detected: fx -> fx.other -> fx", "Cycle detected: fx -> fx.internal -> fx")))
                .hasMessageContaining("1 known violation(s) no longer occur")
                .hasMessageContaining("\"Cycle detected: fx -> fx.internal -> fx\"")
                .hasMessageNotContaining("not in the test's list");
    }

    @Test
    void internalUseRuleFindsEveryDependencyOnAnInternalPackage(@TempDir Path dir) {
        JavaClasses classes = compile(dir);
        assertThatThrownBy(() -> ArchitectureRules.check(ArchitectureRules.noInternalUse(), classes, List.of()))
                .hasMessageContaining("<dev.imagesdk.fx.Api.impl()> has return type <dev.imagesdk.fx.internal.Impl>");
        ArchitectureRules.check(ArchitectureRules.noInternalUse(), classes,
                List.of("<dev.imagesdk.fx.internal.Impl>"));
    }

    @Test
    void exportsMustBeExactlyTheNonInternalPackages(@TempDir Path dir) {
        Map<String, String> sources = Map.of(
                "dev/imagesdk/fy/A.java", "package dev.imagesdk.fy; public class A { }",
                "dev/imagesdk/fy/extra/C.java", "package dev.imagesdk.fy.extra; public class C { }",
                "dev/imagesdk/fy/internal/B.java", "package dev.imagesdk.fy.internal; public class B { }");
        Path forgotten = dir.resolve("forgotten");
        Javac.compile(dir.resolve("src1"), forgotten, withModuleInfo(sources,
                "module fy { exports dev.imagesdk.fy; exports dev.imagesdk.fy.internal to fz; }"),
                List.of("--release", "17", "-Xlint:none"));
        assertThatThrownBy(() -> ArchitectureRules.checkExports(forgotten))
                .hasMessageContaining("not exported: [dev.imagesdk.fy.extra]")
                .hasMessageContaining("exported but internal or empty: []");

        Path leaking = dir.resolve("leaking");
        Javac.compile(dir.resolve("src2"), leaking, withModuleInfo(sources,
                "module fy { exports dev.imagesdk.fy; exports dev.imagesdk.fy.extra; exports dev.imagesdk.fy.internal; }"),
                List.of("--release", "17", "-Xlint:none"));
        assertThatThrownBy(() -> ArchitectureRules.checkExports(leaking))
                .hasMessageContaining("not exported: []")
                .hasMessageContaining("exported but internal or empty: [dev.imagesdk.fy.internal]");

        Path right = dir.resolve("right");
        Javac.compile(dir.resolve("src3"), right, withModuleInfo(sources,
                "module fy { exports dev.imagesdk.fy; exports dev.imagesdk.fy.extra; exports dev.imagesdk.fy.internal to fz; }"),
                List.of("--release", "17", "-Xlint:none"));
        ArchitectureRules.checkExports(right);
    }

    private static Map<String, String> withModuleInfo(Map<String, String> sources, String moduleInfo) {
        Map<String, String> all = new java.util.HashMap<>(sources);
        all.put("module-info.java", moduleInfo);
        return all;
    }

    private static JavaClasses compile(Path dir) {
        Path out = dir.resolve("classes");
        String classPath = System.getProperty("java.class.path");
        Javac.compile(dir.resolve("src"), out, FIXTURE,
                List.of("--release", "17", "-Xlint:none", "-classpath", classPath));
        assertThat(classPath).contains(File.pathSeparator);
        return new ClassFileImporter().importPath(out);
    }
}
