package dev.imagesdk.examples;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;

import java.io.PrintStream;

/**
 * Where the example programs run: your cloud when {@code OS_CLOUD} or {@code OS_AUTH_URL} is set (the
 * usual OpenStack configuration, read by {@link ServiceClient#fromEnvironment()}), otherwise an
 * embedded emulator started just for the example.
 */
public final class Examples {
    private Examples() {
    }

    /** Opens a session and says on {@code log} where it runs. */
    public static Session session(PrintStream log) {
        String cloud = System.getenv("OS_CLOUD");
        if (notBlank(cloud) || notBlank(System.getenv("OS_AUTH_URL"))) {
            ServiceClient client = ServiceClient.fromEnvironment();
            log.println("Using your cloud " + (notBlank(cloud) ? "'" + cloud + "'" : "from OS_* variables") + ".");
            return new Session(client, null);
        }
        ImageServiceEmulator emulator = ImageServiceEmulator.start();
        log.println("Using an embedded emulator at " + emulator.endpoint() + " (set OS_CLOUD to use your cloud).");
        return new Session(emulator.client(Identity.member("example-project")), emulator);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** A client, and the emulator behind it when there is one. */
    public static final class Session implements AutoCloseable {
        private final ServiceClient client;
        private final ImageServiceEmulator emulator;

        Session(ServiceClient client, ImageServiceEmulator emulator) {
            this.client = client;
            this.emulator = emulator;
        }

        /** The client to use. */
        public ServiceClient client() {
            return client;
        }

        /**
         * A client acting as another identity: on the emulator any identity; on a real cloud the cloud
         * named by {@code cloudVariable} (an environment variable holding a clouds.yaml name).
         */
        public ServiceClient as(Identity identity, String cloudVariable) {
            if (emulator != null) {
                return emulator.client(identity);
            }
            String cloud = System.getenv(cloudVariable);
            if (!notBlank(cloud)) {
                throw new IllegalStateException("set " + cloudVariable + " to the clouds.yaml entry of " + identity.projectId());
            }
            return ServiceClient.fromCloud(cloud);
        }

        @Override
        public void close() {
            if (emulator != null) {
                emulator.close();
            } else {
                client.close();
            }
        }
    }
}
