package dev.imagesdk.core.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of one library module, written down as text: every public or protected type in the packages the
 * module's compiled {@code module-info.class} exports to everyone (qualified {@code exports ... to} are not API),
 * with its supertypes, and every public or protected constructor, method and field with full generic signatures.
 *
 * <p>One line per type (header) followed by its members, each on one indented line; types sorted by binary name,
 * members as fields, constructors, methods, each group sorted by name and then by the whole line. The output depends only on the compiled classes, so the same tree always gives the same
 * listing.
 *
 * <p>{@link #verify(Path)} compares the listing with the committed {@code api/<artifact>.api} file of the module and
 * fails with a diff; with {@code -Dimagesdk.api.update=true} it rewrites the file instead ({@value #UPDATE_COMMAND}).
 */
public final class ApiListing {
    /** The one command that regenerates every module's listing. */
    public static final String UPDATE_COMMAND = "mvn -o test -Dimagesdk.api.update=true";
    /** The system property that switches {@link #verify(Path)} from comparing to rewriting. */
    public static final String UPDATE_PROPERTY = "imagesdk.api.update";

    private ApiListing() {
    }

    /**
     * Checks the listing of the module whose Maven base directory is {@code moduleDir} (its compiled classes in
     * {@code target/classes}) against {@code api/<directory name>.api}, or rewrites that file when
     * {@value #UPDATE_PROPERTY} is {@code true}.
     *
     * @throws AssertionError when the listing differs, with a diff and the command that regenerates it
     */
    public static void verify(Path moduleDir) {
        verify(moduleDir, ApiListing.class.getClassLoader());
    }

    /** {@link #verify(Path)}, loading the module's classes through {@code loader}. */
    public static void verify(Path moduleDir, ClassLoader loader) {
        Path classes = moduleDir.resolve("target/classes");
        Path file = apiFile(moduleDir);
        String actual = render(classes, loader);
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError("No committed API listing " + file + ". Create it with: " + UPDATE_COMMAND);
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                throw new AssertionError("The public API of " + moduleDir.getFileName() + " differs from "
                        + moduleDir.relativize(file) + " (- committed, + compiled):\n"
                        + LineDiff.diff(lines(expected), lines(actual))
                        + "\nIf the change is intended, regenerate the listing with: " + UPDATE_COMMAND
                        + " and commit it with the change.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Maven base directory of the module whose tests are running (surefire's {@code basedir}). */
    public static Path currentModule() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /** {@code <moduleDir>/api/<moduleDir name>.api}. */
    public static Path apiFile(Path moduleDir) {
        return moduleDir.resolve("api").resolve(moduleDir.getFileName() + ".api");
    }

    /** The packages {@code module-info.class} in {@code classes} exports to every module, sorted. */
    public static Set<String> exportedPackages(Path classes) {
        ModuleDescriptor descriptor = descriptor(classes);
        return descriptor.exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The compiled module descriptor in {@code classes}. */
    public static ModuleDescriptor descriptor(Path classes) {
        Path info = classes.resolve("module-info.class");
        try (InputStream in = Files.newInputStream(info)) {
            return ModuleDescriptor.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + info + " (compile the module first)", e);
        }
    }

    /** The public types (top-level and nested) of the exported packages, loaded without initialising them. */
    public static List<Class<?>> apiTypes(Path classes, ClassLoader loader) {
        List<Class<?>> types = new ArrayList<>();
        for (String pkg : exportedPackages(classes)) {
            Path dir = classes.resolve(pkg.replace('.', '/'));
            List<String> names;
            try (Stream<Path> files = Files.list(dir)) {
                names = files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
                        .map(n -> pkg + "." + n.substring(0, n.length() - ".class".length()))
                        .sorted()
                        .collect(Collectors.toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String name : names) {
                Class<?> type;
                try {
                    type = Class.forName(name, false, loader);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("cannot load " + name, e);
                }
                if (isApi(type)) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    /** The whole listing of the module compiled into {@code classes}. */
    public static String render(Path classes, ClassLoader loader) {
        ModuleDescriptor descriptor = descriptor(classes);
        TreeMap<String, List<String>> blocks = new TreeMap<>();
        for (Class<?> type : apiTypes(classes, loader)) {
            blocks.put(type.getName(), typeBlock(type));
        }
        StringBuilder out = new StringBuilder();
        out.append("# Public API of module ").append(descriptor.name())
                .append(" (exported packages: ").append(String.join(", ", exportedPackages(classes))).append(")\n");
        out.append("# Generated from the compiled classes; regenerate with: ").append(UPDATE_COMMAND).append('\n');
        for (List<String> block : blocks.values()) {
            for (String line : block) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static boolean isApi(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            int m = c.getModifiers();
            boolean visible = Modifier.isPublic(m) || (Modifier.isProtected(m) && c.getDeclaringClass() != null
                    && !Modifier.isFinal(c.getDeclaringClass().getModifiers()));
            if (!visible) {
                return false;
            }
        }
        return true;
    }

    private static List<String> typeBlock(Class<?> type) {
        List<String> block = new ArrayList<>();
        block.add(typeHeader(type));
        boolean extensible = !Modifier.isFinal(type.getModifiers()) && !type.isEnum() && !type.isRecord();
        // Fields, then constructors, then methods; each group by name, then by the whole line.
        TreeMap<String, String> members = new TreeMap<>();
        for (Field f : type.getDeclaredFields()) {
            if (visible(f, extensible) && !f.isSynthetic()) {
                String line = deprecated(f) + modifiers(f.getModifiers() & Modifier.fieldModifiers()
                        & ~(Modifier.TRANSIENT | Modifier.VOLATILE))
                        + typeName(f.getGenericType()) + " " + f.getName();
                members.put("1 " + f.getName() + " " + line, line);
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c, extensible) && !c.isSynthetic()) {
                String line = deprecated(c) + modifiers(c.getModifiers() & Modifier.constructorModifiers())
                        + typeParameters(c.getTypeParameters()) + "<init>" + parameters(c) + exceptions(c);
                members.put("2 <init> " + line, line);
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m, extensible) && !m.isSynthetic() && !m.isBridge()) {
                int mods = m.getModifiers() & Modifier.methodModifiers()
                        & ~(Modifier.NATIVE | Modifier.SYNCHRONIZED | Modifier.STRICT);
                if (type.isInterface()) {
                    mods &= ~Modifier.ABSTRACT;
                }
                String line = deprecated(m) + modifiers(mods) + (m.isDefault() ? "default " : "")
                        + typeParameters(m.getTypeParameters()) + typeName(m.getGenericReturnType()) + " "
                        + m.getName() + parameters(m) + exceptions(m);
                members.put("3 " + m.getName() + " " + line, line);
            }
        }
        for (String member : members.values()) {
            block.add("  " + member);
        }
        return block;
    }

    private static boolean visible(Member member, boolean extensible) {
        int m = member.getModifiers();
        return Modifier.isPublic(m) || (extensible && Modifier.isProtected(m));
    }

    private static String typeHeader(Class<?> type) {
        StringBuilder s = new StringBuilder(deprecated(type));
        int mods = type.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
                | Modifier.FINAL | Modifier.ABSTRACT);
        String kind;
        if (type.isAnnotation()) {
            kind = "@interface";
            mods &= ~(Modifier.ABSTRACT | Modifier.STATIC);
        } else if (type.isInterface()) {
            kind = "interface";
            mods &= ~(Modifier.ABSTRACT | Modifier.STATIC);
        } else if (type.isEnum()) {
            kind = "enum";
            mods &= ~(Modifier.FINAL | Modifier.STATIC | Modifier.ABSTRACT);
        } else if (type.isRecord()) {
            kind = "record";
            mods &= ~(Modifier.FINAL | Modifier.STATIC);
        } else {
            kind = "class";
        }
        s.append(modifiers(mods));
        if (type.isSealed()) {
            s.append("sealed ");
        }
        s.append(kind).append(' ').append(type.getName()).append(typeParameters(type.getTypeParameters()).stripTrailing());
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            s.append(" extends ").append(typeName(superclass));
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0) {
            s.append(type.isInterface() ? " extends " : " implements ");
            s.append(Arrays.stream(interfaces).map(ApiListing::typeName).sorted().collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            s.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses()).map(Class::getName).sorted()
                    .collect(Collectors.joining(", ")));
        }
        return s.toString();
    }

    private static String deprecated(AnnotatedElement element) {
        return element.isAnnotationPresent(Deprecated.class) ? "@Deprecated " : "";
    }

    private static String modifiers(int mods) {
        String s = Modifier.toString(mods);
        return s.isEmpty() ? "" : s + " ";
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (TypeVariable<?> v : variables) {
            Type[] bounds = v.getBounds();
            if (bounds.length == 1 && bounds[0] == Object.class) {
                parts.add(v.getName());
            } else {
                parts.add(v.getName() + " extends " + Arrays.stream(bounds).map(ApiListing::typeName)
                        .collect(Collectors.joining(" & ")));
            }
        }
        return "<" + String.join(", ", parts) + "> ";
    }

    private static String parameters(Executable e) {
        Type[] types = e.getGenericParameterTypes();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            if (e.isVarArgs() && i == types.length - 1) {
                parts.add(componentName(types[i]) + "...");
            } else {
                parts.add(typeName(types[i]));
            }
        }
        return "(" + String.join(", ", parts) + ")";
    }

    private static String componentName(Type array) {
        if (array instanceof Class<?> c && c.isArray()) {
            return typeName(c.getComponentType());
        }
        if (array instanceof GenericArrayType g) {
            return typeName(g.getGenericComponentType());
        }
        return typeName(array);
    }

    private static String exceptions(Executable e) {
        Type[] thrown = e.getGenericExceptionTypes();
        if (thrown.length == 0) {
            return "";
        }
        return " throws " + Arrays.stream(thrown).map(ApiListing::typeName).sorted().collect(Collectors.joining(", "));
    }

    private static String typeName(Type type) {
        return type.getTypeName();
    }

    private static List<String> lines(String text) {
        return text.lines().collect(Collectors.toList());
    }
}
