package dev.imagesdk.examples.cli;

import dev.imagesdk.core.ServiceClient;

/** Builds a client from clouds.yaml ({@code --os-cloud}/{@code OS_CLOUD}) or {@code OS_*} variables. */
final class CloudConfig {
    private CloudConfig() {
    }

    static ServiceClient open(Imagectl o, String cloud) {
        throw new CommandException(ExitCodes.USAGE, "clouds.yaml and OS_* configuration are not available in this build",
                "Pass --endpoint URL with --token or --project");
    }
}
