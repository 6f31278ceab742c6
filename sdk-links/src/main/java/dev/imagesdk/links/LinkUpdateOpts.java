package dev.imagesdk.links;

import com.squareup.moshi.JsonWriter;
import dev.imagesdk.core.error.ValidationException;
import okhttp3.MediaType;
import okio.Buffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The body of {@code PATCH /v2/image-links/{linkid}}: a JSON merge patch (RFC 7396, media type
 * {@code application/merge-patch+json}) of the only mutable fields, {@code priority} and
 * {@code comment}. Image and scope of a link never change: delete it and create another.
 */
public final class LinkUpdateOpts {
    /** {@code application/merge-patch+json}. */
    static final MediaType MERGE_PATCH = MediaType.get("application/merge-patch+json");

    private final Integer priority;
    private final boolean commentSet;
    private final String comment;

    private LinkUpdateOpts(Builder b) {
        this.priority = b.priority;
        this.commentSet = b.commentSet;
        this.comment = b.comment;
    }

    /** A builder with no change yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** The new priority, or {@code null} to leave it. */
    public Integer priority() {
        return priority;
    }

    /** {@code true} when the comment is changed (set, or removed with {@code null}). */
    public boolean changesComment() {
        return commentSet;
    }

    /** The new comment ({@code null} removes it), when {@link #changesComment()}. */
    public String comment() {
        return comment;
    }

    /** The merge patch, for example {@code {"priority":5,"comment":null}} (the wire encoding; not API). */
    String toJson() {
        Buffer buffer = new Buffer();
        try (JsonWriter w = JsonWriter.of(buffer)) {
            w.setSerializeNulls(true);
            w.beginObject();
            if (priority != null) {
                w.name("priority").value(priority);
            }
            if (commentSet) {
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
        if (!(o instanceof LinkUpdateOpts)) {
            return false;
        }
        LinkUpdateOpts u = (LinkUpdateOpts) o;
        return Objects.equals(priority, u.priority) && commentSet == u.commentSet && Objects.equals(comment, u.comment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(priority, commentSet, comment);
    }

    @Override
    public String toString() {
        return "LinkUpdateOpts" + toJson();
    }

    /** Builds {@link LinkUpdateOpts}. */
    public static final class Builder {
        private Integer priority;
        private boolean commentSet;
        private String comment;

        private Builder() {
        }

        /** Sets the display priority. */
        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /** Sets the comment; {@code null} removes it. */
        public Builder comment(String comment) {
            this.commentSet = true;
            this.comment = comment;
            return this;
        }

        /** Removes the comment. */
        public Builder clearComment() {
            return comment(null);
        }

        /**
         * The options.
         *
         * @throws ValidationException when nothing is changed
         */
        public LinkUpdateOpts build() {
            if (priority == null && !commentSet) {
                throw new ValidationException("nothing to update: set priority and/or comment");
            }
            return new LinkUpdateOpts(this);
        }
    }
}
