package dev.imagesdk.links;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an organization image came from and who brought it, as the SDK recorded it when the image was created
 * through {@link OrganizationImages} (or, for a Nova snapshot, as Nova recorded it). Kept in Glance as the custom
 * property {@code imagesdk:provenance} (encoding version 1, the module's README).
 */
public final class Provenance {
    /** How the image's data arrived. */
    public enum Source {
        /** Only the record was created; data, if any, was added later by other means. */
        CREATED("created"),
        /** The data was uploaded by the SDK ({@code PUT /v2/images/{id}/file}). */
        UPLOAD("upload"),
        /** Glance imported the data from a URL ({@code web-download}). */
        WEB_DOWNLOAD("web-download"),
        /** A snapshot of a server, made by Nova ({@code image_type=snapshot}). */
        SNAPSHOT("snapshot");

        private final String wire;

        Source(String wire) {
            this.wire = wire;
        }

        /** The value kept in Glance ({@code s=...}). */
        public String wireValue() {
            return wire;
        }

        /** The source for a wire value, empty for one this SDK does not know. */
        public static Optional<Source> ofWireValue(String value) {
            dev.imagesdk.core.internal.Arguments.notNull(value, "value");
            for (Source s : values()) {
                if (s.wire.equals(value)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    private final Source source;
    private final String by;
    private final String from;

    Provenance(Source source, String by, String from) {
        this.source = Objects.requireNonNull(source, "source");
        this.by = by;
        this.from = from;
    }

    /** How the data arrived. */
    public Source source() {
        return source;
    }

    /** Who brought it (a user id or name), when recorded. */
    public Optional<String> by() {
        return Optional.ofNullable(by);
    }

    /** Where the data was imported from (a URL without credentials or query, at most 255 characters with the rest). */
    public Optional<String> from() {
        return Optional.ofNullable(from);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Provenance p && source == p.source && Objects.equals(by, p.by) && Objects.equals(from, p.from);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, by, from);
    }

    @Override
    public String toString() {
        return source.wireValue() + (by == null ? "" : " by " + by) + (from == null ? "" : " from " + from);
    }
}
