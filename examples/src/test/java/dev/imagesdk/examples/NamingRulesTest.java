package dev.imagesdk.examples;

import dev.imagesdk.core.types.OpenEnum;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The naming rules of the public API (written down in {@code dev.imagesdk.images}' package Javadoc),
 * checked over every public type of the exported packages of sdk-images, sdk-members, sdk-links and
 * sdk-testing, so a new operation or option type cannot quietly bring back a second spelling.
 */
class NamingRulesTest {
    private static final List<String> ROOTS = List.of("dev/imagesdk/images", "dev/imagesdk/members",
            "dev/imagesdk/links", "dev/imagesdk/testing");
    private static final List<Class<?>> API = new ArrayList<>();

    @BeforeAll
    static void loadTheApi() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (String root : ROOTS) {
            Enumeration<URL> urls = NamingRulesTest.class.getClassLoader().getResources(root);
            for (URL url : Collections.list(urls)) {
                names.addAll(classNames(url, root));
            }
        }
        for (String name : names) {
            if (name.contains(".internal.") || name.contains("$")) {
                continue;
            }
            try {
                Class<?> c = Class.forName(name, false, NamingRulesTest.class.getClassLoader());
                if (Modifier.isPublic(c.getModifiers())) {
                    API.add(c);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(name, e);
            }
        }
    }

    @Test
    void theApiWasFound() {
        assertThat(API).extracting(Class::getSimpleName)
                .contains("Images", "ListOpts", "UploadOpts", "Members", "ImageLinks", "LinkListOpts", "ImageServiceEmulator")
                .doesNotContain("ImageData", "ImageImport");
    }

    @Test
    void optionTypesEndInOpts() {
        assertThat(API).extracting(Class::getName)
                .filteredOn(n -> n.endsWith("Options") || n.endsWith("Request") || n.endsWith("Params"))
                .as("option types end in Opts")
                .isEmpty();
    }

    @Test
    void optionsWithNothingSetAreCalledDefaults() {
        List<String> wrong = new ArrayList<>();
        for (Class<?> c : API) {
            if (!c.getSimpleName().endsWith("Opts")) {
                continue;
            }
            for (Method m : c.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && m.getReturnType() == c
                        && !m.getName().equals("defaults")) {
                    wrong.add(c.getSimpleName() + "." + m.getName() + "()");
                }
            }
        }
        assertThat(wrong).as("a no-argument factory of an options type is called defaults()").isEmpty();
    }

    @Test
    void wireEncodingsAreNotApi() {
        List<String> wrong = new ArrayList<>();
        for (Class<?> c : API) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && (m.getName().equals("toJson") || m.getName().equals("toQuery"))) {
                    wrong.add(c.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void whatBelongsToOneImageIsListedWithListForImage() {
        List<String> wrong = new ArrayList<>();
        for (Class<?> c : API) {
            for (Method m : c.getDeclaredMethods()) {
                String n = m.getName();
                // tasksOf(id), ofImage(id), linksOfImage(id), membersForImage(id): the spellings this rule replaced
                boolean aboutOneImage = n.endsWith("OfImage") || n.endsWith("ForImage") || n.matches("[a-z]+sOf")
                        || n.matches("of[A-Z].*");
                if (Modifier.isPublic(m.getModifiers()) && aboutOneImage && !n.equals("listForImage")) {
                    wrong.add(c.getSimpleName() + "." + n);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void openEnumsHoldOnlyServerValues() throws ReflectiveOperationException {
        List<String> wrong = new ArrayList<>();
        for (Class<?> c : API) {
            if (!OpenEnum.class.isAssignableFrom(c)) {
                continue;
            }
            for (Object v : (List<?>) c.getMethod("knownValues").invoke(null)) {
                if (((OpenEnum) v).value().equals("all")) {
                    wrong.add(c.getSimpleName());
                }
            }
        }
        assertThat(wrong).as("'all' is a list filter (ListOpts.Builder.anyVisibility/anyMemberStatus), not a value").isEmpty();
    }

    private static List<String> classNames(URL url, String root) throws IOException {
        List<String> out = new ArrayList<>();
        if (url.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry e : Collections.list(jar.entries())) {
                    if (e.getName().startsWith(root + "/") && e.getName().endsWith(".class")) {
                        out.add(e.getName().replace('/', '.').substring(0, e.getName().length() - ".class".length()));
                    }
                }
            }
            return out;
        }
        Path dir;
        try {
            dir = Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url.toString(), e);
        }
        Path base = dir;
        for (int i = 0; i < root.split("/").length; i++) {
            base = base.getParent();
        }
        Path classes = base;
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                String rel = classes.relativize(p).toString().replace('\\', '/').replace('/', '.');
                out.add(rel.substring(0, rel.length() - ".class".length()));
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }
}
