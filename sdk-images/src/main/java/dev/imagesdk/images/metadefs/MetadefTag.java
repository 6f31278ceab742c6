package dev.imagesdk.images.metadefs;

import dev.imagesdk.core.types.Decoded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tag a metadef namespace offers (for a dashboard to suggest as an image tag). Glance compares tag
 * names case-insensitively within a namespace. Read-only.
 */
public final class MetadefTag implements Decoded {
    private final String name;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final List<String> decodingProblems;

    private MetadefTag(String name, Instant createdAt, Instant updatedAt, List<String> problems) {
        this.name = name;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.decodingProblems = List.copyOf(problems);
    }

    static MetadefTag decode(Object raw) {
        return decode(raw, new ArrayList<>());
    }

    static MetadefTag decode(Object raw, List<String> problems) {
        Fields f = Fields.of(raw, problems, "a tag");
        return new MetadefTag(f.string("name"), f.instant("created_at"), f.instant("updated_at"), problems);
    }

    /** The tag. */
    public String name() {
        return name;
    }

    /** Creation time (Glance leaves it out of listings and bulk answers). */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    /** Last change (left out of listings and bulk answers). */
    public Optional<Instant> updatedAt() {
        return Optional.ofNullable(updatedAt);
    }

    @Override
    public List<String> decodingProblems() {
        return decodingProblems;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetadefTag && Objects.equals(name, ((MetadefTag) o).name)
                && Objects.equals(createdAt, ((MetadefTag) o).createdAt)
                && Objects.equals(updatedAt, ((MetadefTag) o).updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "MetadefTag{" + name + "}";
    }
}
