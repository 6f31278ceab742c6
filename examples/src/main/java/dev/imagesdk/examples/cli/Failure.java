package dev.imagesdk.examples.cli;

import dev.imagesdk.core.error.BadRequestException;
import dev.imagesdk.core.error.ChecksumMismatchException;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.ImageServiceException;
import dev.imagesdk.core.error.UnsupportedFeatureException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.ServerException;
import dev.imagesdk.core.error.ServiceResponseException;
import dev.imagesdk.core.error.TransportException;
import dev.imagesdk.core.error.UnauthorizedException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.images.AmbiguousNameException;
import dev.imagesdk.images.data.LocalFileException;
import dev.imagesdk.members.MembershipForbiddenException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.UnknownHostException;
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
        if (hint.isEmpty()) {
            return "imagectl: " + message;
        }
        boolean closed = message.endsWith(".") || message.endsWith("?") || message.endsWith("!");
        return "imagectl: " + message + (closed ? " " : ". ") + hint;
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
        if (t instanceof ChecksumMismatchException c && c.expectedBy() == ChecksumMismatchException.ExpectedBy.CALLER) {
            return new Failure(ExitCodes.INTEGRITY, t.getMessage(),
                    "The data does not match the --expect-hash you gave; nothing was kept. Check the hash (and its algorithm) in your manifest");
        }
        if (t instanceof ChecksumMismatchException) {
            return new Failure(ExitCodes.INTEGRITY, t.getMessage(),
                    "The data was corrupted in transit or on the server; nothing was kept. Retry the download");
        }
        if (t instanceof AmbiguousNameException a) {
            return new Failure(ExitCodes.USAGE, a.candidates().size() + " images are named \"" + a.name() + "\": "
                    + a.candidates().stream().map(i -> i.id() + " (" + (i.status() == null ? "?" : i.status().value())
                    + ", owner " + i.owner() + ")").collect(java.util.stream.Collectors.joining(", ")),
                    "Give the id of the one you mean");
        }
        if (t instanceof LocalFileException) {
            return new Failure(ExitCodes.LOCAL_IO, "local file error: " + t.getMessage(), "Check the path and disk space");
        }
        if (t instanceof NotFoundException nf) {
            String path = path(nf);
            if (isCollection(path)) {
                // Nothing at a listing's URL: not a missing id, a wrong endpoint or a service without that API.
                return new Failure(ExitCodes.NOT_FOUND, "404 Not Found: the service has no " + path + where(nf),
                        "Check --endpoint (the image service's root URL, e.g. http://127.0.0.1:9292)"
                                + (path.contains("/image-links") ? " and that this service offers image links" : ""));
            }
            if (path.isEmpty()) {
                // found no image by name (Images.find): no request URL to blame
                return new Failure(ExitCodes.NOT_FOUND, t.getMessage(),
                        "Check the name (imagectl images list --name NAME) and that your project may see it");
            }
            String listing = path.contains("/image-links") ? "imagectl image-links list"
                    : path.matches(".*/members/[^/]+/?") ? "imagectl members list IMAGE"
                    : path.contains("/tasks") ? "imagectl tasks list" : "imagectl images list";
            return new Failure(ExitCodes.NOT_FOUND, t.getMessage(),
                    "Check the id (" + listing + ") and that your project may see it");
        }
        if (t instanceof UnauthorizedException u && path(u).contains("/auth/tokens")) {
            return new Failure(ExitCodes.DENIED, "401 Unauthorized: Keystone did not accept the cloud's credentials "
                    + "(user name, password or application credential, project or domain)" + where(u),
                    "Check the cloud's auth section in clouds.yaml / secure.yaml, or the OS_* variables");
        }
        if (t instanceof UnauthorizedException u) {
            // Glance's own text ("... your browser does not understand ...") speaks to web browsers.
            return new Failure(ExitCodes.DENIED, "401 Unauthorized: the service accepted no credential of this "
                    + "request: none was given, or the token is wrong or expired" + where(u),
                    "Give --token (or $OS_TOKEN), --project for trusted headers, or --os-cloud / OS_* variables");
        }
        if (t instanceof dev.imagesdk.links.NotOwnedException n) {
            return new Failure(ExitCodes.DENIED, t.getMessage() + "; nothing was deleted", n.owner()
                    .map(o -> "Only its organization deletes it: imagectl org-images delete --org " + o + " " + n.imageId())
                    .orElse("It belongs to no organization: imagectl images delete " + n.imageId()));
        }
        if (t instanceof dev.imagesdk.core.error.ImageInUseException) {
            return new Failure(ExitCodes.CONFLICT, t.getMessage(), "Delete what still uses the image first, then retry");
        }
        if (t instanceof MembershipForbiddenException) {
            return new Failure(ExitCodes.DENIED, t.getMessage(), ""); // its message already says why
        }
        if (t instanceof ForbiddenException fe && path(fe).contains("/v2/tasks")) {
            return new Failure(ExitCodes.DENIED, t.getMessage(), "By Glance's default policy only admins may use the "
                    + "tasks API; the tasks of your own image: imagectl tasks list --image ID");
        }
        if (t instanceof ForbiddenException) {
            return new Failure(ExitCodes.DENIED, t.getMessage(),
                    "The service refused this for your project or role, or in the image's current state (imagectl images show ID)");
        }
        if (t instanceof ConflictException c) {
            String path = path(c);
            String hint = path.contains("/image-links")
                    ? "The image probably has a link in this scope already (imagectl image-links list --image ID)"
                    : path.contains("/members")
                    ? "The project is probably a member already (imagectl members list IMAGE_ID)"
                    : "Check the image's status (imagectl images show ID)";
            return new Failure(ExitCodes.CONFLICT, t.getMessage(), hint);
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
        if (t instanceof TransportException te && cause(te, UnknownHostException.class) != null) {
            String host = host(te);
            return new Failure(ExitCodes.TRANSPORT, "unknown host" + (host.isEmpty() ? "" : " " + host)
                    + ": no address found for this name" + where(te),
                    "Check the host name in --endpoint, clouds.yaml or OS_AUTH_URL");
        }
        if (t instanceof TransportException te) {
            return new Failure(ExitCodes.TRANSPORT, t.getMessage(), te.isConnectFailure()
                    ? "Is the endpoint right and the service running? (--endpoint, --os-cloud; or try: imagectl demo)"
                    : "The connection failed; retry");
        }
        if (t instanceof UnsupportedFeatureException) {
            return new Failure(ExitCodes.SERVER_ERROR, t.getMessage(),
                    "This service does not offer it (an older release, or its operator switched it off); "
                            + "imagectl import-info and imagectl stores show what it offers");
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

    /** The URL path of the failed request, without query ("" when unknown). */
    private static String path(ImageServiceException e) {
        String url = e.url().orElse("");
        try {
            String p = URI.create(url).getPath();
            return p == null ? "" : p;
        } catch (IllegalArgumentException ignored) {
            int q = url.indexOf('?');
            return q < 0 ? url : url.substring(0, q);
        }
    }

    private static String host(ImageServiceException e) {
        try {
            String h = URI.create(e.url().orElse("")).getHost();
            return h == null ? "" : h;
        } catch (IllegalArgumentException ignored) {
            return "";
        }
    }

    /** A listing's URL (no id in it): /v2/images, /v2/image-links, /v2/tasks, /v2/info/.... */
    private static boolean isCollection(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.endsWith("/v2/images") || p.endsWith("/v2/image-links") || p.endsWith("/v2/tasks")
                || p.contains("/v2/info/") || p.endsWith("/v2/schemas/image");
    }

    /** " (GET url, request id)" for a request-related failure, "" otherwise. */
    private static String where(ImageServiceException e) {
        if (e.method().isEmpty() && e.url().isEmpty() && e.requestId().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (");
        e.method().ifPresent(m -> sb.append(m).append(' '));
        e.url().ifPresent(sb::append);
        e.requestId().ifPresent(r -> sb.append(e.method().isPresent() || e.url().isPresent() ? ", request " : "request ")
                .append(r));
        return sb.append(')').toString().replace("  ", " ");
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
