package dev.imagesdk.examples.cli;

/**
 * imagectl's exit codes. Scripts can tell "fix your command" from "the service is down" from "no such
 * image" without parsing messages.
 */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The service failed (5xx), answered something unexpected, or an unexpected error occurred. */
    public static final int SERVER_ERROR = 1;
    /** The command line or the input is invalid (also a 400 from the service): fix the command. */
    public static final int USAGE = 2;
    /** The image, member or link does not exist or is not visible to the caller (404). */
    public static final int NOT_FOUND = 3;
    /** The service could not be reached or the connection failed (DNS, refused, timeout, TLS). */
    public static final int TRANSPORT = 4;
    /** The credentials were rejected (401) or the caller may not do this (403). */
    public static final int DENIED = 5;
    /** The request conflicts (409) with the image's state (data uploaded twice, image in use) or with an existing link or member. */
    public static final int CONFLICT = 6;
    /** Downloaded data did not match the image's checksum; nothing was kept. */
    public static final int INTEGRITY = 7;
    /** A local file could not be read or written. */
    public static final int LOCAL_IO = 8;

    /** The table printed at the end of {@code imagectl --help}. */
    public static final String HELP = "%nExit codes:%n"
            + "  0  ok%n"
            + "  1  server error (5xx) or unexpected response%n"
            + "  2  usage or validation error (also HTTP 400)%n"
            + "  3  not found (HTTP 404)%n"
            + "  4  transport error: service unreachable, timeout, TLS%n"
            + "  5  authentication or permission denied (HTTP 401/403)%n"
            + "  6  conflict (HTTP 409): the image's state, or a link or member that exists already%n"
            + "  7  checksum mismatch on download%n"
            + "  8  local file error%n";

    private ExitCodes() {
    }
}
