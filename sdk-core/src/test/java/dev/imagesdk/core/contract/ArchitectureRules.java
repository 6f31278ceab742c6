package dev.imagesdk.core.contract;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules every module checks in its tests (ArchUnit, test scope only), and the one way exceptions are
 * written down: an explicit list of known violations in the test ({@link #check(ArchRule, JavaClasses, List)}). A
 * known violation that no longer occurs fails the check too, so the lists only shrink.
 */
public final class ArchitectureRules {
    /** Packages only the SDK's own modules may use. */
    public static final String INTERNAL = "dev.imagesdk..internal..";

    private ArchitectureRules() {
    }

    /** The main classes of the module at {@code moduleDir} ({@code target/classes}). */
    public static JavaClasses mainClasses(Path moduleDir) {
        return new ClassFileImporter().importPath(moduleDir.resolve("target/classes"));
    }

    /** No cycles between the packages under {@code dev.imagesdk} (each package one slice). */
    public static ArchRule noPackageCycles() {
        return slices().matching("dev.imagesdk.(**)").namingSlices("$1").should().beFreeOfCycles();
    }

    /** Code outside the SDK's library modules uses no {@code ..internal..} package. */
    public static ArchRule noInternalUse() {
        return noClasses().should().dependOnClassesThat().resideInAPackage(INTERNAL)
                .because("internal packages are the SDK's implementation, not API (only exported to SDK modules)");
    }

    /**
     * The API (public and protected types and members in {@code exportedPackages}) shows no internal type and no
     * OkHttp, okio or Moshi type in supertypes, fields, constructor and method signatures (generics included).
     * Violations read {@code <member> exposes <type>}.
     */
    public static ArchRule apiExposesNoInternalOrTransportType(Set<String> exportedPackages) {
        DescribedPredicate<JavaClass> api = DescribedPredicate.describe("API types",
                c -> exportedPackages.contains(c.getPackageName()) && isApiType(c));
        return classes().that(api).should(new ArchCondition<>("expose no internal, OkHttp, okio or Moshi type") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (String violation : exposures(type)) {
                    events.add(SimpleConditionEvent.violated(type, violation));
                }
            }
        }).allowEmptyShould(true);
    }

    /**
     * The module descriptor in {@code classes} exports (to everyone) exactly the packages that hold classes and are
     * not {@code internal}: a new API package cannot be forgotten in module-info (it would be invisible on the module
     * path), and no internal package is exported to everyone.
     */
    public static void checkExports(Path classes) {
        Set<String> packages;
        try (Stream<Path> files = Files.walk(classes)) {
            packages = files.filter(f -> f.getFileName().toString().endsWith(".class")
                            && !f.getFileName().toString().equals("module-info.class"))
                    .map(f -> classes.relativize(f.getParent()).toString().replace(File.separatorChar, '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> expected = packages.stream().filter(pkg -> !isInternal(pkg))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> exported = ApiListing.exportedPackages(classes);
        if (!expected.equals(exported)) {
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(exported);
            Set<String> extra = new TreeSet<>(exported);
            extra.removeAll(expected);
            throw new AssertionError("module-info of " + classes + " must export exactly the non-internal packages;"
                    + " not exported: " + missing + "; exported but internal or empty: " + extra);
        }
    }

    private static boolean isInternal(String pkg) {
        return pkg.matches("dev\\.imagesdk(\\.\\w+)*\\.internal(\\.\\w+)*");
    }

    /**
     * Checks {@code rule} and fails with every violation that is not in {@code known} and with every entry of
     * {@code known} that matches no violation any more. A violation matches an entry when its summary contains the
     * entry (a cycle: equals it); the summary is the violation's first part with white space collapsed, e.g.
     * {@code Cycle detected: core -> core.auth -> core} or
     * {@code Method <a.B.m()> exposes okhttp3.HttpUrl}.
     */
    public static void check(ArchRule rule, JavaClasses classes, List<String> known) {
        EvaluationResult result = rule.evaluate(classes);
        List<String> details = result.getFailureReport().getDetails();
        List<String> unexpected = new ArrayList<>();
        List<String> unexpectedDetails = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        for (String detail : details) {
            String summary = summary(detail);
            summaries.add(summary);
            if (known.stream().noneMatch(k -> matches(summary, k))) {
                unexpected.add(summary);
                unexpectedDetails.add(detail);
            }
        }
        List<String> stale = new ArrayList<>();
        for (String k : known) {
            if (summaries.stream().noneMatch(v -> matches(v, k))) {
                stale.add(k);
            }
        }
        if (!unexpected.isEmpty() || !stale.isEmpty()) {
            StringBuilder message = new StringBuilder("Rule '").append(rule.getDescription()).append("'\n");
            if (!unexpected.isEmpty()) {
                message.append(unexpected.size()).append(" violation(s) not in the test's list of known ones:\n");
                unexpected.forEach(v -> message.append("  \"").append(v).append("\",\n"));
                message.append("In detail (first ").append(Math.min(3, unexpectedDetails.size())).append("):\n");
                unexpectedDetails.stream().limit(3).forEach(d -> message.append(d).append('\n'));
            }
            if (!stale.isEmpty()) {
                message.append(stale.size())
                        .append(" known violation(s) no longer occur: remove them from the test's list:\n");
                stale.forEach(k -> message.append("  \"").append(k).append("\"\n"));
            }
            message.append("All current violations, as entries for the test's list:\n");
            summaries.stream().distinct().sorted()
                    .forEach(v -> message.append("            \"").append(v.replace("\"", "\\\"")).append("\",\n"));
            throw new AssertionError(message.toString());
        }
    }

    /**
     * A cycle entry ({@code Cycle detected: ...}) matches only the same cycle (a longer cycle through the same
     * packages is a new one); any other entry matches every violation whose summary contains it.
     */
    private static boolean matches(String summary, String entry) {
        return entry.startsWith("Cycle detected: ") ? summary.equals(entry) : summary.contains(entry);
    }

    /** The first part of an ArchUnit violation (before a cycle's dependency list), white space collapsed. */
    static String summary(String detail) {
        String head = detail.split("\\s+1\\. Dependencies of ", 2)[0];
        return head.replaceAll("\\s+", " ").trim();
    }

    private static boolean isApiType(JavaClass type) {
        for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
            Set<JavaModifier> m = c.getModifiers();
            boolean visible = m.contains(JavaModifier.PUBLIC) || (m.contains(JavaModifier.PROTECTED)
                    && c.getEnclosingClass().map(o -> !o.getModifiers().contains(JavaModifier.FINAL)).orElse(false));
            if (!visible || c.isAnonymousClass() || c.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    /** {@code <where> exposes <type>} for each forbidden type in the API surface of {@code type}, sorted. */
    static Set<String> exposures(JavaClass type) {
        Set<String> out = new TreeSet<>();
        boolean extensible = !type.getModifiers().contains(JavaModifier.FINAL) && !type.isEnum() && !type.isRecord();
        type.getSuperclass().ifPresent(s -> forbiddenIn(s).forEach(t -> out.add(type.getName() + " extends " + t)));
        for (JavaType i : type.getInterfaces()) {
            forbiddenIn(i).forEach(t -> out.add(type.getName() + " implements " + t));
        }
        for (JavaTypeVariable<JavaClass> v : type.getTypeParameters()) {
            v.getUpperBounds().forEach(b -> forbiddenIn(b).forEach(t -> out.add(type.getName() + " bound " + t)));
        }
        for (JavaField f : type.getFields()) {
            if (isApiMember(f, extensible)) {
                forbiddenIn(f.getType()).forEach(t -> out.add(f.getFullName() + " exposes " + t));
            }
        }
        for (JavaCodeUnit u : type.getCodeUnits()) {
            if (!isApiMember(u, extensible) || u.getModifiers().contains(JavaModifier.SYNTHETIC)
                    || u.getModifiers().contains(JavaModifier.BRIDGE)) {
                continue;
            }
            List<JavaType> involved = new ArrayList<>();
            involved.add(u.getReturnType());
            involved.addAll(u.getParameterTypes());
            involved.addAll(u.getThrowsClause().getTypes());
            for (JavaTypeVariable<?> v : u.getTypeParameters()) {
                involved.addAll(v.getUpperBounds());
            }
            for (JavaType j : involved) {
                forbiddenIn(j).forEach(t -> out.add(u.getFullName() + " exposes " + t));
            }
        }
        return out;
    }

    private static boolean isApiMember(JavaMember member, boolean extensible) {
        Set<JavaModifier> m = member.getModifiers();
        return m.contains(JavaModifier.PUBLIC) || (extensible && m.contains(JavaModifier.PROTECTED));
    }

    private static Set<String> forbiddenIn(JavaType type) {
        Set<String> out = new TreeSet<>();
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            if (forbidden(raw)) {
                out.add(raw.getName());
            }
        }
        return out;
    }

    private static boolean forbidden(JavaClass c) {
        JavaClass base = c.isArray() ? c.getBaseComponentType() : c;
        String pkg = base.getPackageName();
        Predicate<String> under = p -> pkg.equals(p) || pkg.startsWith(p + ".");
        return isInternal(pkg) || under.test("okhttp3") || under.test("okio") || under.test("com.squareup.moshi");
    }
}
