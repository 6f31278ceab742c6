package dev.imagesdk.members;

import dev.imagesdk.core.types.Decoded;
import dev.imagesdk.images.model.MemberStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One project's membership of a shared image, as Glance reports it
 * ({@code {"member_id", "image_id", "status", "created_at", "updated_at", "schema"}}). Immutable.
 *
 * <p>Decoding is tolerant, as for images: a wrong-typed or unparseable value leaves its attribute
 * {@code null} and is listed in {@link #decodingProblems()}, so one malformed member in a list does not
 * hide the others. An answer about one membership ({@code get}, {@code add}, {@code update}) without
 * {@code member_id} or {@code image_id} is still a {@link dev.imagesdk.core.error.ResponseFormatException}.
 */
public final class Member implements Decoded {
    private final String imageId;
    private final String memberId;
    private final MemberStatus status;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final String schema;
    private final List<String> decodingProblems;

    private Member(Builder b) {
        this.imageId = b.imageId;
        this.memberId = b.memberId;
        this.status = b.status;
        this.createdAt = b.createdAt;
        this.updatedAt = b.updatedAt;
        this.schema = b.schema;
        this.decodingProblems = b.decodingProblems == null ? List.of() : List.copyOf(b.decodingProblems);
    }

    /** A builder for a member (used by the JSON mapping and tests). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this member. */
    public Builder toBuilder() {
        Builder b = new Builder().imageId(imageId).memberId(memberId).status(status).createdAt(createdAt)
                .updatedAt(updatedAt).schema(schema);
        if (!decodingProblems.isEmpty()) {
            b.decodingProblems = new ArrayList<>(decodingProblems);
        }
        return b;
    }

    /** The shared image's id ({@code image_id}). */
    public String imageId() {
        return imageId;
    }

    /** The member project's id ({@code member_id}). */
    public String memberId() {
        return memberId;
    }

    /**
     * The member's answer: {@code pending} until the member project accepts or rejects. A value this SDK
     * does not know is kept ({@link MemberStatus#isKnown()} is {@code false}); {@code null} if the
     * server sent none.
     */
    public MemberStatus status() {
        return status;
    }

    /** When the owner added the member; {@code null} if the server sent none. */
    public Instant createdAt() {
        return createdAt;
    }

    /** When the membership last changed; {@code null} if the server sent none. */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** The server's schema link ({@code /v2/schemas/member}), or {@code null}. */
    public String schema() {
        return schema;
    }

    /** What could not be decoded from the server's JSON (wrong types, unparseable values); empty when all was fine. */
    @Override
    public List<String> decodingProblems() {
        return decodingProblems;
    }

    /** {@code true} when the member has accepted, that is the image is in its default list. */
    public boolean isAccepted() {
        return MemberStatus.ACCEPTED.equals(status);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Member)) {
            return false;
        }
        Member m = (Member) o;
        return Objects.equals(imageId, m.imageId) && Objects.equals(memberId, m.memberId)
                && Objects.equals(status, m.status) && Objects.equals(createdAt, m.createdAt)
                && Objects.equals(updatedAt, m.updatedAt) && Objects.equals(schema, m.schema)
                && decodingProblems.equals(m.decodingProblems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(imageId, memberId, status, createdAt, updatedAt, schema, decodingProblems);
    }

    @Override
    public String toString() {
        return "Member{image=" + imageId + ", member=" + memberId + ", status=" + status + ", updated=" + updatedAt
                + (decodingProblems.isEmpty() ? "" : ", problems=" + decodingProblems) + "}";
    }

    /** Builds a {@link Member}. */
    public static final class Builder {
        private String imageId;
        private String memberId;
        private MemberStatus status;
        private Instant createdAt;
        private Instant updatedAt;
        private String schema;
        private List<String> decodingProblems;

        private Builder() {
        }

        /** The shared image's id. */
        public Builder imageId(String imageId) {
            this.imageId = imageId;
            return this;
        }

        /** The member project's id. */
        public Builder memberId(String memberId) {
            this.memberId = memberId;
            return this;
        }

        /** The membership status. */
        public Builder status(MemberStatus status) {
            this.status = status;
            return this;
        }

        /** Creation time. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Last change time. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /** Schema link. */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /** Records a decoding problem (the JSON mapping uses it; see {@link Member#decodingProblems()}). */
        public Builder decodingProblem(String problem) {
            dev.imagesdk.core.internal.Arguments.notNull(problem, "problem");
            if (decodingProblems == null) {
                decodingProblems = new ArrayList<>();
            }
            decodingProblems.add(problem);
            return this;
        }

        /** The immutable member. */
        public Member build() {
            return new Member(this);
        }
    }
}
