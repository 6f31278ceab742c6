package dev.imagesdk.testing;

import dev.imagesdk.core.ServiceClient;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts one {@link ImageServiceEmulator} per test class (stopped after the
 * class) and injects, into constructors, lifecycle and test methods, parameters of type
 * {@link ImageServiceEmulator} and {@link ServiceClient} (a client acting as the project member
 * {@link #DEFAULT_PROJECT}).
 *
 * <pre>{@code
 * @ExtendWith(ImageServiceEmulatorExtension.class)
 * class MyServiceTest {
 *     @Test
 *     void uploads(ServiceClient client, ImageServiceEmulator emulator) { ... }
 * }
 * }</pre>
 *
 * <p>Or, to configure it: {@code @RegisterExtension static ImageServiceEmulatorExtension emu =
 * ImageServiceEmulatorExtension.with(ImageServiceEmulator.builder().importDelay(Duration.ZERO));}
 * With {@link #resetEachTest()} the images are forgotten before every test.
 */
public final class ImageServiceEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    /** The project of the injected {@link ServiceClient}. */
    public static final String DEFAULT_PROJECT = "emulator-project";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ImageServiceEmulatorExtension.class);

    private final ImageServiceEmulator.Builder builder;
    private final boolean resetEachTest;

    /** The default extension (used by {@code @ExtendWith}). */
    public ImageServiceEmulatorExtension() {
        this(ImageServiceEmulator.builder(), false);
    }

    private ImageServiceEmulatorExtension(ImageServiceEmulator.Builder builder, boolean resetEachTest) {
        this.builder = builder;
        this.resetEachTest = resetEachTest;
    }

    /** An extension starting emulators from {@code builder}. */
    public static ImageServiceEmulatorExtension with(ImageServiceEmulator.Builder builder) {
        return new ImageServiceEmulatorExtension(builder, false);
    }

    /** The same extension, also forgetting every image before each test. */
    public ImageServiceEmulatorExtension resetEachTest() {
        return new ImageServiceEmulatorExtension(builder, true);
    }

    /** The emulator of the test class running in {@code context}. */
    public ImageServiceEmulator emulator(ExtensionContext context) {
        return holder(context).emulator;
    }

    private Holder holder(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(Holder.class, k -> new Holder(builder.start()),
                Holder.class);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        holder(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (resetEachTest) {
            holder(context).emulator.reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ImageServiceEmulator.class || type == ServiceClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Holder h = holder(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == ImageServiceEmulator.class) {
            return h.emulator;
        }
        if (type == ServiceClient.class) {
            return h.client();
        }
        throw new ParameterResolutionException("cannot inject " + type);
    }

    /** Keeps the emulator in JUnit's store; closed when the class's context ends. */
    private static final class Holder implements AutoCloseable {
        private final ImageServiceEmulator emulator;
        private ServiceClient client;

        Holder(ImageServiceEmulator emulator) {
            this.emulator = emulator;
        }

        synchronized ServiceClient client() {
            if (client == null) {
                client = emulator.client(Identity.member(DEFAULT_PROJECT));
            }
            return client;
        }

        @Override
        public void close() {
            emulator.close();
        }
    }
}
