package dev.imagesdk.examples.cli;

/** A failure a command detected itself, with its exit code and a hint for the user. */
public final class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final String hint;

    /**
     * @param exitCode one of {@link ExitCodes}
     * @param message what went wrong
     * @param hint what to do about it
     */
    public CommandException(int exitCode, String message, String hint) {
        super(message);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    /** The exit code imagectl ends with. */
    public int exitCode() {
        return exitCode;
    }

    /** What the user should do next. */
    public String hint() {
        return hint;
    }
}
