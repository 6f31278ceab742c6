package dev.imagesdk.core;

import dev.imagesdk.core.error.ValidationException;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A version of the Image API as the server lists it in version discovery, for example {@code v2.16 CURRENT}. */
public final class ApiVersion implements Comparable<ApiVersion> {
    private static final Pattern ID = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?", Pattern.CASE_INSENSITIVE);

    private final String id;
    private final int major;
    private final int minor;
    private final String status;

    private ApiVersion(String id, int major, int minor, String status) {
        this.id = id;
        this.major = major;
        this.minor = minor;
        this.status = status;
    }

    /**
     * Parses an id such as {@code v2.16} or {@code 2.16}.
     *
     * @param status the server's status for it ({@code CURRENT}, {@code SUPPORTED}, {@code DEPRECATED}, ...), may be {@code null}
     * @throws ValidationException when the id is not of that form
     */
    public static ApiVersion of(String id, String status) {
        Matcher m = ID.matcher(id == null ? "" : id.trim());
        if (!m.matches()) {
            throw new ValidationException("not an API version: \"" + id + "\"");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return new ApiVersion("v" + major + "." + minor, major, minor, status == null ? "" : status.toUpperCase(Locale.ROOT));
    }

    /** The id, normalised to {@code v<major>.<minor>}. */
    public String id() {
        return id;
    }

    /** Major version (2 for the Image API v2). */
    public int major() {
        return major;
    }

    /** Minor version (16 for Glance 25 "Zed"). */
    public int minor() {
        return minor;
    }

    /** The server's status for this version, upper case ({@code CURRENT}, {@code SUPPORTED}, ...). */
    public String status() {
        return status;
    }

    /** {@code true} when this version is at least {@code major.minor} with the same major. */
    public boolean atLeast(int major, int minor) {
        return this.major == major && this.minor >= minor;
    }

    @Override
    public int compareTo(ApiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiVersion && ((ApiVersion) o).major == major && ((ApiVersion) o).minor == minor
                && Objects.equals(((ApiVersion) o).status, status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, status);
    }

    @Override
    public String toString() {
        return status.isEmpty() ? id : id + " " + status;
    }
}
