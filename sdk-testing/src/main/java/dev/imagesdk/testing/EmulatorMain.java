package dev.imagesdk.testing;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone: {@code java -jar sdk-testing-<version>-emulator.jar --port 9292}.
 * Clients authenticate with Glance's trusted identity headers or with tokens given on the command
 * line ({@code --token TOKEN=PROJECT[:ROLE,ROLE]}). Glance's quotas and the shuffle mode are set with
 * {@code --image-property-quota N}, {@code --image-tag-quota N}, {@code --image-member-quota N},
 * {@code --image-size-cap BYTES}, {@code --user-storage-quota BYTES}, {@code --image-location-quota N},
 * {@code --metadefs PATH} (Glance's metadata definition files, see
 * {@link ImageServiceEmulator.Builder#metadefDefinitions}) and {@code --shuffle-seed N};
 * {@code --show-multiple-locations} shows image locations and serves the location operations (see
 * {@link ImageServiceEmulator.Builder}). Stops on Ctrl-C.
 */
public final class EmulatorMain {
    private EmulatorMain() {
    }

    /** Entry point; see the class comment for the options. */
    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR"); // no "no SLF4J provider" banner in the jar
        }
        CommandLine command;
        try {
            command = parse(args);
        } catch (IllegalArgumentException e) {
            usage(System.err, e.getMessage());
            System.exit(2);
            return;
        }
        if (command == null) {
            usage(System.out, null);
            return;
        }
        ImageServiceEmulator emulator = command.builder().start();
        for (String[] t : command.tokens()) {
            String[] projectAndRoles = t[1].split(":", 2);
            Identity.Builder id = Identity.builder().project(projectAndRoles[0]);
            if (projectAndRoles.length == 2) {
                id.roles(projectAndRoles[1].split(","));
            }
            emulator.registerToken(t[0], id.build());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "imagesdk-emulator-shutdown"));
        System.out.println("imagesdk emulator listening on " + emulator.endpoint());
        System.out.flush();
        stopped.await();
    }

    /** What a command line asks for: the emulator's settings and the tokens to register ({@code TOKEN}, {@code PROJECT[:ROLES]}). */
    record CommandLine(ImageServiceEmulator.Builder builder, List<String[]> tokens) {
    }

    /**
     * Reads the options; {@code null} for {@code --help}.
     *
     * @throws IllegalArgumentException for an unknown option, a missing or malformed value
     */
    static CommandLine parse(String[] args) {
        ImageServiceEmulator.Builder builder = ImageServiceEmulator.builder();
        List<String[]> tokens = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port":
                    builder.port(Integer.parseInt(value(args, ++i, a)));
                    break;
                case "--host":
                    builder.host(value(args, ++i, a));
                    break;
                case "--import-delay-ms":
                    builder.importDelay(Duration.ofMillis(Long.parseLong(value(args, ++i, a))));
                    break;
                case "--image-property-quota":
                    builder.imagePropertyQuota(Integer.parseInt(value(args, ++i, a)));
                    break;
                case "--image-tag-quota":
                    builder.imageTagQuota(Integer.parseInt(value(args, ++i, a)));
                    break;
                case "--image-member-quota":
                    builder.imageMemberQuota(Integer.parseInt(value(args, ++i, a)));
                    break;
                case "--image-size-cap":
                    builder.imageSizeCap(Long.parseLong(value(args, ++i, a)));
                    break;
                case "--user-storage-quota":
                    builder.userStorageQuota(Long.parseLong(value(args, ++i, a)));
                    break;
                case "--metadefs":
                    builder.metadefDefinitions(java.nio.file.Path.of(value(args, ++i, a)));
                    break;
                case "--image-location-quota":
                    builder.imageLocationQuota(Integer.parseInt(value(args, ++i, a)));
                    break;
                case "--show-multiple-locations":
                    builder.showMultipleLocations(true);
                    break;
                case "--shuffle-seed":
                    builder.shuffleUnordered(Long.parseLong(value(args, ++i, a)));
                    break;
                case "--token":
                    String spec = value(args, ++i, a);
                    int eq = spec.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--token needs TOKEN=PROJECT[:ROLE,ROLE]");
                    }
                    tokens.add(new String[] {spec.substring(0, eq), spec.substring(eq + 1)});
                    break;
                case "-h":
                case "--help":
                    return null;
                default:
                    throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new CommandLine(builder, tokens);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void usage(PrintStream out, String problem) {
        if (problem != null) {
            out.println("error: " + problem);
        }
        out.println("usage: java -jar sdk-testing-emulator.jar [--port N] [--host ADDR] [--import-delay-ms N]"
                + " [--image-property-quota N] [--image-tag-quota N] [--image-member-quota N]"
                + " [--image-size-cap BYTES] [--user-storage-quota BYTES] [--metadefs PATH] [--image-location-quota N]"
                + " [--show-multiple-locations] [--shuffle-seed N]"
                + " [--token TOKEN=PROJECT[:ROLE,ROLE]]...");
    }
}
