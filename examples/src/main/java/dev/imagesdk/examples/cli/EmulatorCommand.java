package dev.imagesdk.examples.cli;

import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.BindException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Label and help of the emulator's own {@code --token} (as the standalone emulator jar takes it). */
    static final String TOKEN_LABEL = "TOKEN=PROJECT[:ROLE,ROLE]";

    /**
     * Gives the emulator command its own options only: the client options imagectl's other commands
     * inherit (--endpoint, --token, --os-cloud, ...) do not apply to a server, and its {@code --token}
     * registers a token, as the standalone emulator jar's does. Picocli cannot declare an option with
     * the name of an inherited one, hence this is done on the model.
     */
    static void ownOptionsOnly(CommandSpec spec, boolean withToken) {
        for (OptionSpec o : new ArrayList<>(spec.options())) {
            if (o.inherited() && !"--debug".equals(o.longestName())) {
                spec.remove(o);
            }
        }
        if (withToken) {
            spec.addOption(OptionSpec.builder("--token").type(String[].class).paramLabel(TOKEN_LABEL)
                    .description("Also accept this token, for this project (roles default: member,reader); repeatable. "
                            + "The demo tokens are always accepted.").build());
        }
    }

    /** The --token values, as token -> identity. */
    private Map<String, Identity> extraTokens() {
        OptionSpec option = spec.findOption("--token");
        String[] values = option == null ? null : option.getValue();
        Map<String, Identity> out = new LinkedHashMap<>();
        if (values == null) {
            return out;
        }
        for (String v : values) {
            int eq = v.indexOf('=');
            String[] projectAndRoles = eq < 0 ? new String[0] : v.substring(eq + 1).split(":", 2);
            if (eq <= 0 || projectAndRoles[0].isBlank()) {
                throw new CommandException(ExitCodes.USAGE, "--token needs " + TOKEN_LABEL + ", got \"" + v + "\"",
                        "e.g. --token my-token=my-project:member,reader");
            }
            Identity.Builder id = Identity.builder().project(projectAndRoles[0]);
            if (projectAndRoles.length == 2 && !projectAndRoles[1].isBlank()) {
                id.roles(List.of(projectAndRoles[1].split(",")).stream().map(String::trim)
                        .filter(r -> !r.isEmpty()).toArray(String[]::new));
            }
            out.put(v.substring(0, eq), id.build());
        }
        return out;
    }

    @Override
    void run() {
        Map<String, Identity> extra = extraTokens();
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
            extra.forEach(emulator::registerToken);
            String endpoint = emulator.endpoint().toString().replaceAll("/+$", "");
            PrintWriter out = out();
            out.println("Image service emulator listening on " + endpoint + " (Ctrl-C to stop)");
            out.println("Tokens it accepts:");
            DemoIdentities.describe(out);
            extra.forEach((token, id) -> out.println("  --token " + token + "   project " + id.projectId()
                    + " (" + String.join(",", id.roles()) + ")"));
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
