package dev.imagesdk.images.model;

import dev.imagesdk.core.error.ValidationException;

import java.util.Objects;

/**
 * One sort criterion of an image listing: an attribute and a direction. Glance sorts by {@code name},
 * {@code status}, {@code container_format}, {@code disk_format}, {@code size}, {@code id},
 * {@code created_at} and {@code updated_at} (other keys are answered with 400).
 */
public final class SortKey {
    /** Sort by name. */
    public static final String NAME = "name";
    /** Sort by status. */
    public static final String STATUS = "status";
    /** Sort by container format. */
    public static final String CONTAINER_FORMAT = "container_format";
    /** Sort by disk format. */
    public static final String DISK_FORMAT = "disk_format";
    /** Sort by size. */
    public static final String SIZE = "size";
    /** Sort by id. */
    public static final String ID = "id";
    /** Sort by creation time (the default order is {@code created_at:desc}). */
    public static final String CREATED_AT = "created_at";
    /** Sort by modification time. */
    public static final String UPDATED_AT = "updated_at";

    private final String attribute;
    private final SortDirection direction;

    private SortKey(String attribute, SortDirection direction) {
        if (attribute == null || attribute.isBlank() || attribute.contains(",") || attribute.contains(":")) {
            throw new ValidationException("sort attribute must be a plain attribute name, was \"" + attribute + "\"");
        }
        this.attribute = attribute;
        this.direction = direction;
    }

    /** Sort by {@code attribute} in {@code direction} ({@code null}: the server's default, descending). */
    public static SortKey of(String attribute, SortDirection direction) {
        return new SortKey(attribute, direction);
    }

    /** Ascending by {@code attribute}. */
    public static SortKey asc(String attribute) {
        return new SortKey(attribute, SortDirection.ASC);
    }

    /** Descending by {@code attribute}. */
    public static SortKey desc(String attribute) {
        return new SortKey(attribute, SortDirection.DESC);
    }

    /** The attribute. */
    public String attribute() {
        return attribute;
    }

    /** The direction, or {@code null} for the server's default. */
    public SortDirection direction() {
        return direction;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SortKey && ((SortKey) o).attribute.equals(attribute) && ((SortKey) o).direction == direction;
    }

    @Override
    public int hashCode() {
        return Objects.hash(attribute, direction);
    }

    @Override
    public String toString() {
        return direction == null ? attribute : attribute + ":" + direction.value();
    }
}
