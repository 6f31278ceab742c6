package dev.imagesdk.links;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.types.Decoded;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One image link: the record that makes image {@link #imageId()} ({@code imid}) available in a
 * {@link Scope}. JSON: {@code {"linkid","imid","org_slug","space_slug","priority","space_type","comment"}}
 * (see the module's README for the whole wire contract). Immutable.
 *
 * <p>The fields are kept as the server sent them; {@link #scope()} interprets the two slugs.
 *
 * <p>Decoding is tolerant, as for images: a wrong-typed value (a fractional {@code priority}, a number
 * where a slug belongs) leaves its attribute {@code null} and is listed in {@link #decodingProblems()}, so
 * one malformed link in a listing does not hide the others. An answer about one link ({@code get},
 * {@code create}, {@code update}) without {@code linkid} or {@code imid} is still a
 * {@link dev.imagesdk.core.error.ResponseFormatException}.
 */
public final class ImageLink implements Decoded {
    private final String linkId;
    private final String imageId;
    private final String orgSlug;
    private final String spaceSlug;
    private final Integer priority;
    private final String spaceType;
    private final String comment;
    private final List<String> decodingProblems;

    private ImageLink(Builder b) {
        this.linkId = b.linkId;
        this.imageId = b.imageId;
        this.orgSlug = b.orgSlug;
        this.spaceSlug = b.spaceSlug;
        this.priority = b.priority;
        this.spaceType = b.spaceType;
        this.comment = b.comment;
        this.decodingProblems = b.decodingProblems == null ? List.of() : List.copyOf(b.decodingProblems);
    }

    /** A builder (for the JSON mapping, emulators and tests). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this link. */
    public Builder toBuilder() {
        Builder b = new Builder().linkId(linkId).imageId(imageId).orgSlug(orgSlug).spaceSlug(spaceSlug).priority(priority)
                .spaceType(spaceType).comment(comment);
        if (!decodingProblems.isEmpty()) {
            b.decodingProblems = new ArrayList<>(decodingProblems);
        }
        return b;
    }

    /** The link's id ({@code linkid}), assigned by the server. */
    public String linkId() {
        return linkId;
    }

    /** The image this link makes available ({@code imid}, a Glance image id). */
    public String imageId() {
        return imageId;
    }

    /** The organization's slug ({@code org_slug}); {@code null} for a global link. */
    public String orgSlug() {
        return orgSlug;
    }

    /** The space's slug ({@code space_slug}); {@code null} unless the link is space-scoped. */
    public String spaceSlug() {
        return spaceSlug;
    }

    /**
     * Display priority within the scope ({@code priority}): lower numbers are listed first; {@code null}
     * when the server sent none (listed after all numbered links of the scope).
     */
    public Integer priority() {
        return priority;
    }

    /** The space's type ({@code space_type}, free text used for filtering), or {@code null}. */
    public String spaceType() {
        return spaceType;
    }

    /** A descriptive comment ({@code comment}), or {@code null}. */
    public String comment() {
        return comment;
    }

    /** What could not be decoded from the server's JSON (wrong types, unparseable values); empty when all was fine. */
    @Override
    public List<String> decodingProblems() {
        return decodingProblems;
    }

    /**
     * The link's scope from its slugs: no slugs → global, organization only → organization, a space →
     * space. A space link a server sent without its organization keeps {@code orgSlug() == null}.
     */
    public Scope scope() {
        return Scope.fromWire(orgSlug, spaceSlug);
    }

    /** Shorthand for {@code scope().type()}. */
    public ScopeType scopeType() {
        return spaceSlug != null ? ScopeType.SPACE : orgSlug != null ? ScopeType.ORGANIZATION : ScopeType.GLOBAL;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ImageLink)) {
            return false;
        }
        ImageLink l = (ImageLink) o;
        return Objects.equals(linkId, l.linkId) && Objects.equals(imageId, l.imageId) && Objects.equals(orgSlug, l.orgSlug)
                && Objects.equals(spaceSlug, l.spaceSlug) && Objects.equals(priority, l.priority)
                && Objects.equals(spaceType, l.spaceType) && Objects.equals(comment, l.comment)
                && decodingProblems.equals(l.decodingProblems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(linkId, imageId, orgSlug, spaceSlug, priority, spaceType, comment, decodingProblems);
    }

    @Override
    public String toString() {
        return "ImageLink{" + linkId + ", image=" + imageId + ", " + scope() + ", priority=" + priority
                + (spaceType == null ? "" : ", spaceType=" + spaceType)
                + (decodingProblems.isEmpty() ? "" : ", problems=" + decodingProblems) + "}";
    }

    /** Builds an {@link ImageLink}. */
    public static final class Builder {
        private String linkId;
        private String imageId;
        private String orgSlug;
        private String spaceSlug;
        private Integer priority;
        private String spaceType;
        private String comment;
        private List<String> decodingProblems;

        private Builder() {
        }

        /** The link id. */
        public Builder linkId(String linkId) {
            this.linkId = linkId;
            return this;
        }

        /** The image id. */
        public Builder imageId(String imageId) {
            this.imageId = imageId;
            return this;
        }

        /** The organization slug, or {@code null}. */
        public Builder orgSlug(String orgSlug) {
            this.orgSlug = orgSlug;
            return this;
        }

        /** The space slug, or {@code null}. */
        public Builder spaceSlug(String spaceSlug) {
            this.spaceSlug = spaceSlug;
            return this;
        }

        /** Both slugs from a scope. */
        public Builder scope(Scope scope) {
            Arguments.notNull(scope, "scope");
            this.orgSlug = scope.orgSlug();
            this.spaceSlug = scope.spaceSlug();
            return this;
        }

        /** The display priority, or {@code null}. */
        public Builder priority(Integer priority) {
            this.priority = priority;
            return this;
        }

        /** The space type, or {@code null}. */
        public Builder spaceType(String spaceType) {
            this.spaceType = spaceType;
            return this;
        }

        /** The comment, or {@code null}. */
        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        /** Records a decoding problem (the JSON mapping uses it; see {@link ImageLink#decodingProblems()}). */
        public Builder decodingProblem(String problem) {
            Arguments.notNull(problem, "problem");
            if (decodingProblems == null) {
                decodingProblems = new ArrayList<>();
            }
            decodingProblems.add(problem);
            return this;
        }

        /** The immutable link. */
        public ImageLink build() {
            return new ImageLink(this);
        }
    }
}
