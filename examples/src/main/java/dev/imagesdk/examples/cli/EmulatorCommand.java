package dev.imagesdk.examples.cli;

import dev.imagesdk.testing.ImageServiceEmulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.BindException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code imagectl emulator}: runs the SDK's image-service emulator in the foreground, for trying
 * imagectl or testing programs in any language without a cloud.
 */
@Command(name = "emulator", description = "Run an image-service emulator (Glance Image API v2 + image links) "
        + "in the foreground until interrupted (Ctrl-C). Data lives in a temporary directory and is deleted on exit.",
        mixinStandardHelpOptions = true)
final class EmulatorCommand extends ApiCommand {
    @Option(names = "--port", defaultValue = "9292", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Override
    void run() {
        ImageServiceEmulator emulator;
        try {
            emulator = ImageServiceEmulator.builder().host(host).port(port).start();
        } catch (RuntimeException e) {
            if (causedBy(e, BindException.class)) {
                throw new CommandException(ExitCodes.LOCAL_IO, "cannot listen on " + host + ":" + port + " (" + rootMessage(e) + ")",
                        "Another service uses the port; pick a free one with --port N (0 = any)");
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "imagectl-emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            DemoIdentities.register(emulator);
            String endpoint = emulator.endpoint().toString().replaceAll("/+$", "");
            PrintWriter out = out();
            out.println("Image service emulator listening on " + endpoint + " (Ctrl-C to stop)");
            out.println("Tokens it accepts:");
            DemoIdentities.describe(out);
            out.println("Trusted identity headers work too (--project P [--user U] [--roles member,reader]).");
            out.println("Try:  imagectl --endpoint " + endpoint + " --token " + DemoIdentities.ALPHA_TOKEN + " images list");
            out.flush();
            stopped.await(); // until Ctrl-C (shutdown hook) or interruption
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt(); // stopped by the caller (in-process use): a normal end
        } finally {
            if (stopped.getCount() > 0) {
                // Interrupted (in-process use): stop here and forget the hook.
                Runtime.getRuntime().removeShutdownHook(hook);
                emulator.close();
            }
        }
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage();
    }
}
