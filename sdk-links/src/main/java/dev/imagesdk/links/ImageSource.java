package dev.imagesdk.links;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.error.ValidationException;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The data of an image created with {@link OrganizationImages#create}: none (the record only), a local file to
 * upload, or a URL Glance imports from ({@code web-download}); plus who brings it, recorded as the image's
 * {@link Provenance}. Immutable: the {@code by} and {@code withoutBootSectorCheck} methods return copies.
 *
 * <p>A {@code raw} image's first 512 bytes must be a Master Boot Record (boot signature {@code 55 AA} at bytes
 * 510-511, see {@link dev.imagesdk.images.data.RawImageValidator}); the file is read, or the URL's first bytes are
 * fetched with one ranged {@code GET} (without the cloud's credentials), <em>before</em> anything is created, unless
 * the check is switched off with {@link #withoutBootSectorCheck()}.
 */
public final class ImageSource {
    private final Provenance.Source kind;
    private final Path file;
    private final URI url;
    private final String by;
    private final boolean checkBootSector;

    private ImageSource(Provenance.Source kind, Path file, URI url, String by, boolean checkBootSector) {
        this.kind = kind;
        this.file = file;
        this.url = url;
        this.by = by;
        this.checkBootSector = checkBootSector;
    }

    /** No data: only the image record is created (provenance {@code created}). */
    public static ImageSource none() {
        return new ImageSource(Provenance.Source.CREATED, null, null, null, true);
    }

    /** A local file, uploaded after the record is created (provenance {@code upload}). */
    public static ImageSource file(Path file) {
        return new ImageSource(Provenance.Source.UPLOAD, Arguments.notNull(file, "file"), null, null, true);
    }

    /**
     * An http(s) URL Glance imports from with {@code web-download} (provenance {@code web-download}, the URL kept
     * without credentials or query).
     */
    public static ImageSource webDownload(URI url) {
        Arguments.notNull(url, "url");
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || url.getHost() == null) {
            throw new ValidationException("web-download needs an http(s) URL with a host, was " + url.getScheme() + ":…");
        }
        return new ImageSource(Provenance.Source.WEB_DOWNLOAD, null, url, null, true);
    }

    /**
     * Who brings the image (a user id or name, 1 to 64 characters without {@code ;} or control characters),
     * recorded in its provenance. When not given, the user of the client's Keystone token is recorded, if any.
     */
    public ImageSource by(String who) {
        dev.imagesdk.links.internal.glance.OwnershipEncoding.checkBy(Arguments.notNull(who, "by"));
        return new ImageSource(kind, file, url, who, checkBootSector);
    }

    /** The same source without the boot-sector check of {@code raw} images (the caller vouches for the data). */
    public ImageSource withoutBootSectorCheck() {
        return new ImageSource(kind, file, url, by, false);
    }

    /** The provenance recorded for this source. */
    public Provenance.Source kind() {
        return kind;
    }

    /** The file to upload, if this is one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The URL to import from, if this is one. */
    public Optional<URI> url() {
        return Optional.ofNullable(url);
    }

    /** Who brings the image, when given. */
    public Optional<String> by() {
        return Optional.ofNullable(by);
    }

    /** Whether a {@code raw} image's boot sector is checked before anything is created (default {@code true}). */
    public boolean checksBootSector() {
        return checkBootSector;
    }

    @Override
    public String toString() {
        return "ImageSource{" + kind.wireValue() + (file != null ? " " + file : "")
                + (url != null ? " " + url.getScheme() + "://" + url.getHost() : "") + (checkBootSector ? "" : ", unchecked") + "}";
    }
}
