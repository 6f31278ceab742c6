package dev.imagesdk.images.model;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.error.ValidationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An image update: a list of JSON-patch operations sent as
 * {@code PATCH /v2/images/{id}} with {@code Content-Type: application/openstack-images-v2.1-json-patch}.
 * Glance applies them in order, all or nothing, and answers with the whole updated image.
 *
 * <p>Core attributes are set with {@code replace} and keep their JSON types; custom properties are
 * strings. {@link Builder#setProperty(String, String)} uses {@code add}, which Glance treats as
 * "create or overwrite"; {@link Builder#replaceProperty(String, String)} and
 * {@link Builder#removeProperty(String)} fail with 409 when the property does not exist.
 */
public final class UpdateOpts {
    private final List<PatchOp> ops;

    private UpdateOpts(List<PatchOp> ops) {
        if (ops.isEmpty()) {
            throw new ValidationException("an update needs at least one operation");
        }
        this.ops = List.copyOf(ops);
    }

    /** A builder with no operations. */
    public static Builder builder() {
        return new Builder();
    }

    /** An update made of these raw operations (custom-property names are checked like the builder does). */
    public static UpdateOpts of(PatchOp... ops) {
        Builder b = new Builder();
        for (PatchOp op : ops) {
            b.op(op);
        }
        return b.build();
    }

    /** The operations, in order. */
    public List<PatchOp> operations() {
        return ops;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UpdateOpts && ((UpdateOpts) o).ops.equals(ops);
    }

    @Override
    public int hashCode() {
        return ops.hashCode();
    }

    @Override
    public String toString() {
        return "UpdateOpts" + ops;
    }

    /** Builds {@link UpdateOpts}. */
    public static final class Builder {
        private final List<PatchOp> ops = new ArrayList<>();

        private Builder() {
        }

        /** Renames the image ({@code replace /name}); {@code null} clears the name. */
        public Builder name(String name) {
            if (name != null && name.length() > 255) {
                throw new ValidationException("name longer than 255 characters");
            }
            ops.add(PatchOp.replace("name", name));
            return this;
        }

        /** Changes the visibility ({@code replace /visibility}); {@code public} needs an admin by default. */
        public Builder visibility(Visibility visibility) {
            Arguments.notNull(visibility, "visibility");
            if (visibility != null && "all".equals(visibility.value())) {
                throw new ValidationException("\"all\" is a listing filter, not a visibility");
            }
            ops.add(PatchOp.replace("visibility", visibility.value()));
            return this;
        }

        /** Replaces all tags ({@code replace /tags}). */
        public Builder tags(String... tags) {
            return tags(Arrays.asList(tags));
        }

        /** Replaces all tags ({@code replace /tags}). */
        public Builder tags(List<String> tags) {
            LinkedHashSet<String> set = new LinkedHashSet<>();
            for (String t : tags) {
                set.add(Arguments.tag(t));
            }
            ops.add(PatchOp.replace("tags", new ArrayList<>(set)));
            return this;
        }

        /** Sets {@code protected} (a protected image cannot be deleted). */
        public Builder isProtected(boolean isProtected) {
            ops.add(PatchOp.replace("protected", isProtected));
            return this;
        }

        /** Sets {@code os_hidden}. */
        public Builder hidden(boolean hidden) {
            ops.add(PatchOp.replace("os_hidden", hidden));
            return this;
        }

        /** Sets {@code min_disk} (GB). */
        public Builder minDisk(int gigabytes) {
            ops.add(PatchOp.replace("min_disk", (long) nonNegative("minDisk", gigabytes)));
            return this;
        }

        /** Sets {@code min_ram} (MB). */
        public Builder minRam(int megabytes) {
            ops.add(PatchOp.replace("min_ram", (long) nonNegative("minRam", megabytes)));
            return this;
        }

        /** Changes the owning project ({@code replace /owner}); admin-only under Glance's default policy. */
        public Builder owner(String projectId) {
            if (projectId == null || projectId.isBlank()) {
                throw new ValidationException("owner must not be blank");
            }
            ops.add(PatchOp.replace("owner", projectId));
            return this;
        }

        /** Sets {@code disk_format} (only while the image has no data). */
        public Builder diskFormat(DiskFormat format) {
            ops.add(PatchOp.replace("disk_format", Arguments.notNull(format, "format").value()));
            return this;
        }

        /** Sets {@code container_format} (only while the image has no data). */
        public Builder containerFormat(ContainerFormat format) {
            ops.add(PatchOp.replace("container_format", Arguments.notNull(format, "format").value()));
            return this;
        }

        /** Creates or overwrites a custom property ({@code add}). */
        public Builder setProperty(String name, String value) {
            ReservedNames.checkCustomProperty(name);
            ops.add(PatchOp.add(name, requireValue(name, value)));
            return this;
        }

        /** Overwrites an existing custom property ({@code replace}; 409 when it does not exist). */
        public Builder replaceProperty(String name, String value) {
            ReservedNames.checkCustomProperty(name);
            ops.add(PatchOp.replace(name, requireValue(name, value)));
            return this;
        }

        /** Removes a custom property ({@code remove}; 409 when it does not exist). */
        public Builder removeProperty(String name) {
            ReservedNames.checkCustomProperty(name);
            ops.add(PatchOp.remove(name));
            return this;
        }

        /**
         * Adds a raw operation. Operations on names that are not core attributes are checked like
         * custom properties (strings only, no reserved names).
         */
        public Builder op(PatchOp op) {
            Arguments.notNull(op, "op");
            if (!Image.CORE_ATTRIBUTES.contains(op.attribute())) {
                ReservedNames.checkCustomProperty(op.attribute());
                if (op.kind() != PatchOp.Kind.REMOVE && !(op.value() instanceof String)) {
                    throw new ValidationException("custom property \"" + op.attribute() + "\" must be a string: "
                            + "Glance's schema answers 400 for other types");
                }
            } else if (ReservedNames.READ_ONLY.contains(op.attribute())) {
                throw new ValidationException("\"" + op.attribute() + "\" is read-only: Glance answers 403");
            }
            ops.add(op);
            return this;
        }

        /**
         * The update.
         *
         * @throws ValidationException when no operation was added
         */
        public UpdateOpts build() {
            return new UpdateOpts(ops);
        }

        private static String requireValue(String name, String value) {
            if (value == null) {
                throw new ValidationException("property \"" + name + "\" needs a value; use removeProperty to delete it");
            }
            return value;
        }

        private static int nonNegative(String what, int v) {
            if (v < 0) {
                throw new ValidationException(what + " must be >= 0, was " + v);
            }
            return v;
        }
    }
}
