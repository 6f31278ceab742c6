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

    /**
     * The id of the image named by {@code nameOrId}: a UUID as it is (no request), else the one image
     * with that exact name ({@code Images.find}); several matches fail with the candidates.
     */
    String imageId(String nameOrId) {
        if (nameOrId != null && UUID_FORM.matcher(nameOrId).matches()) {
            return nameOrId;
        }
        return dev.imagesdk.images.Images.of(client()).find(nameOrId).id();
    }

    private static final java.util.regex.Pattern UUID_FORM = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

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

    /** One step of a command that works through several arguments. */
    interface Step<T> {
        void run(T item) throws Exception;
    }

    /**
     * Runs {@code step} for every item, even after one fails: each failure is reported on stderr as
     * it happens ({@code imagectl: ITEM: message. hint}); at the end, if any failed, the command
     * fails with the first failure's exit code and a count ({@code 2 of 3 images not deleted}).
     *
     * @param what the items, plural, for the closing line (e.g. "images")
     * @param notDone what did not happen to them (e.g. "deleted")
     */
    <T> void each(java.util.List<T> items, String what, String notDone, Step<T> step) {
        int failed = 0;
        int firstCode = ExitCodes.OK;
        for (T item : items) {
            try {
                step.run(item);
            } catch (Exception e) {
                Failure f = Failure.of(e);
                if (failed++ == 0) {
                    firstCode = f.exitCode();
                }
                out().flush();
                err().println("imagectl: " + item + ": " + f.line().substring("imagectl: ".length()));
                if (imagectl().debug()) {
                    e.printStackTrace(err());
                }
                err().flush();
            }
        }
        if (failed > 0) {
            throw new CommandException(firstCode, failed + " of " + items.size() + " " + what + " not " + notDone, "");
        }
    }
}
