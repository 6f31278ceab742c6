package dev.imagesdk.examples.cli;

import dev.imagesdk.core.ServiceClient;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Base of imagectl's leaf commands: access to the client, stdout and stderr. */
abstract class ApiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The root command (global options, client). */
    Imagectl imagectl() {
        return (Imagectl) spec.root().userObject();
    }

    ServiceClient client() {
        return imagectl().client();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public final Integer call() throws Exception {
        run();
        out().flush();
        return ExitCodes.OK;
    }

    /** Does the command's work; exceptions are turned into one-line errors and exit codes. */
    abstract void run() throws Exception;
}
