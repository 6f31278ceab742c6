package dev.imagesdk.links;

import com.squareup.moshi.JsonWriter;
import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.error.ValidationException;
import okio.Buffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The body of {@code POST /v2/image-links}: a new link of image {@code imid} in a {@link Scope}.
 * Checked when built ({@link ValidationException}); the server assigns {@code linkid}.
 *
 * <pre>{@code
 * LinkCreateOpts.builder(imageId, Scope.space("acme", "ml-lab")).priority(10).spaceType("research").build();
 * }</pre>
 */
public final class LinkCreateOpts {
    private final String imageId;
    private final Scope scope;
    private final Integer priority;
    private final String spaceType;
    private final String comment;

    private LinkCreateOpts(Builder b) {
        this.imageId = b.imageId;
        this.scope = b.scope;
        this.priority = b.priority;
        this.spaceType = b.spaceType;
        this.comment = b.comment;
    }

    /**
     * A builder for a link of {@code imageId} in {@code scope}.
     *
     * @throws ValidationException when the image id is not a UUID or the scope is null
     */
    public static Builder builder(String imageId, Scope scope) {
        return new Builder(imageId, scope);
    }

    /** A link of {@code imageId} in {@code scope} with the server's defaults for everything else. */
    public static LinkCreateOpts of(String imageId, Scope scope) {
        return builder(imageId, scope).build();
    }

    /** The image ({@code imid}). */
    public String imageId() {
        return imageId;
    }

    /** The scope ({@code org_slug}, {@code space_slug}). */
    public Scope scope() {
        return scope;
    }

    /** The display priority, or {@code null} for the server's default (0). */
    public Integer priority() {
        return priority;
    }

    /** The space type, or {@code null}. */
    public String spaceType() {
        return spaceType;
    }

    /** The comment, or {@code null}. */
    public String comment() {
        return comment;
    }

    /**
     * The JSON body: {@code imid}, {@code org_slug} and {@code space_slug} always (slugs {@code null}
     * where the scope has none), {@code priority}, {@code space_type} and {@code comment} when set (the wire encoding; not API).
     */
    String toJson() {
        Buffer buffer = new Buffer();
        try (JsonWriter w = JsonWriter.of(buffer)) {
            w.setSerializeNulls(true);
            w.beginObject();
            w.name("imid").value(imageId);
            w.name("org_slug").value(scope.orgSlug());
            w.name("space_slug").value(scope.spaceSlug());
            if (priority != null) {
                w.name("priority").value(priority);
            }
            if (spaceType != null) {
                w.name("space_type").value(spaceType);
            }
            if (comment != null) {
                w.name("comment").value(comment);
            }
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.readUtf8();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LinkCreateOpts)) {
            return false;
        }
        LinkCreateOpts c = (LinkCreateOpts) o;
        return imageId.equals(c.imageId) && scope.equals(c.scope) && Objects.equals(priority, c.priority)
                && Objects.equals(spaceType, c.spaceType) && Objects.equals(comment, c.comment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(imageId, scope, priority, spaceType, comment);
    }

    @Override
    public String toString() {
        return "LinkCreateOpts{image=" + imageId + ", " + scope + (priority == null ? "" : ", priority=" + priority)
                + (spaceType == null ? "" : ", spaceType=" + spaceType) + "}";
    }

    /** Builds {@link LinkCreateOpts}. */
    public static final class Builder {
        private final String imageId;
        private final Scope scope;
        private Integer priority;
        private String spaceType;
        private String comment;

        private Builder(String imageId, Scope scope) {
            Arguments.uuid(imageId, "image id (imid)");
            if (scope == null) {
                throw new ValidationException("scope must not be null: use Scope.global(), Scope.organization(org) or Scope.space(org, space)");
            }
            this.imageId = imageId;
            this.scope = scope;
        }

        /** Display priority within the scope; lower is listed first. */
        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /**
         * The type of the space (free text the server filters on). Only a space link has one.
         *
         * @throws ValidationException when blank, or when the link is not space-scoped
         */
        public Builder spaceType(String spaceType) {
            if (spaceType == null || spaceType.isBlank()) {
                throw new ValidationException("space type must not be blank");
            }
            if (scope.type() != ScopeType.SPACE) {
                throw new ValidationException("space type \"" + spaceType + "\" given for a " + scope
                        + " link: only a space link has a space type");
            }
            this.spaceType = spaceType;
            return this;
        }

        /** A descriptive comment; {@code null} for none. */
        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        /** The options. */
        public LinkCreateOpts build() {
            return new LinkCreateOpts(this);
        }
    }
}
