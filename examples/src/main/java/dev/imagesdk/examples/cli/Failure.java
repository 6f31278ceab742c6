package dev.imagesdk.examples.cli;

import dev.imagesdk.core.error.BadRequestException;
import dev.imagesdk.core.error.ChecksumMismatchException;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.ImageServiceException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.ServiceResponseException;
import dev.imagesdk.core.error.TransportException;
import dev.imagesdk.core.error.UnauthorizedException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.members.MembershipForbiddenException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * What imagectl tells the user when a command fails: an exit code and one line saying what went
 * wrong and what to do about it.
 *
 * @param exitCode one of {@link ExitCodes}
 * @param message what went wrong
 * @param hint what to do next (may be empty)
 */
public record Failure(int exitCode, String message, String hint) {

    /** The line printed on stderr. */
    public String line() {
        return "imagectl: " + message + (hint.isEmpty() ? "" : ". " + hint);
    }

    /** Classifies any exception a command may end with. */
    public static Failure of(Throwable t) {
        if (t instanceof UncheckedIOException u && u.getCause() != null) {
            return of(u.getCause());
        }
        if (t instanceof CommandException c) {
            return new Failure(c.exitCode(), c.getMessage(), c.hint());
        }
        if (t instanceof ValidationException) {
            return new Failure(ExitCodes.USAGE, "invalid input: " + t.getMessage(),
                    "Fix the option and retry (see --help)");
        }
        if (t instanceof ChecksumMismatchException) {
            return new Failure(ExitCodes.INTEGRITY, t.getMessage(),
                    "The data was corrupted in transit or on the server; nothing was kept. Retry the download");
        }
        if (t instanceof NotFoundException nf) {
            String url = nf.url().orElse("");
            String listing = url.contains("/image-links") ? "imagectl image-links list"
                    : url.contains("/members") ? "imagectl members list IMAGE_ID" : "imagectl images list";
            return new Failure(ExitCodes.NOT_FOUND, t.getMessage(),
                    "Check the id (" + listing + ") and that your project may see it");
        }
        if (t instanceof UnauthorizedException) {
            return new Failure(ExitCodes.DENIED, t.getMessage(),
                    "Check your credentials (--token, --os-cloud or OS_* variables)");
        }
        if (t instanceof MembershipForbiddenException) {
            return new Failure(ExitCodes.DENIED, t.getMessage(), ""); // its message already says why
        }
        if (t instanceof ForbiddenException) {
            return new Failure(ExitCodes.DENIED, t.getMessage(),
                    "The service refused this for your project or role, or in the image's current state (imagectl images show ID)");
        }
        if (t instanceof ConflictException) {
            return new Failure(ExitCodes.CONFLICT, t.getMessage(),
                    "Check the image's status (imagectl images show ID)");
        }
        if (t instanceof BadRequestException) {
            return new Failure(ExitCodes.USAGE, t.getMessage(), "The service rejected the input; fix it and retry");
        }
        if (t instanceof ServerException) {
            return new Failure(ExitCodes.SERVER_ERROR, t.getMessage(),
                    "The service failed; retry later or report the request id to its operator");
        }
        if (t instanceof ServiceResponseException) {
            return new Failure(ExitCodes.SERVER_ERROR, t.getMessage(), "Rerun with --debug for details");
        }
        if (t instanceof TransportException te) {
            return new Failure(ExitCodes.TRANSPORT, t.getMessage(), te.isConnectFailure()
                    ? "Is the endpoint right and the service running? (--endpoint, --os-cloud; or try: imagectl demo)"
                    : "The connection failed; retry");
        }
        if (t instanceof ImageServiceException) {
            return new Failure(ExitCodes.SERVER_ERROR, t.getMessage(), "Rerun with --debug for details");
        }
        if (t instanceof NoSuchFileException e) {
            return new Failure(ExitCodes.LOCAL_IO, "no such file: " + e.getFile(), "Check the path");
        }
        if (t instanceof AccessDeniedException e) {
            return new Failure(ExitCodes.LOCAL_IO, "permission denied: " + e.getFile(), "Check the file's permissions");
        }
        if (t instanceof IOException) {
            return new Failure(ExitCodes.LOCAL_IO, "local file error: " + t.getMessage(), "Check the path and disk space");
        }
        return new Failure(ExitCodes.SERVER_ERROR, "unexpected error: " + t,
                "Rerun with --debug and report the stack trace");
    }
}
