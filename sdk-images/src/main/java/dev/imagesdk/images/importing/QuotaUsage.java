package dev.imagesdk.images.importing;

import java.util.OptionalLong;

/** One quota of {@code GET /v2/info/usage}: the limit and the current consumption. */
public final class QuotaUsage {
    private final Long limit;
    private final Long usage;

    /**
     * @param limit the limit, or {@code null} when not reported
     * @param usage the usage, or {@code null} when not reported
     */
    public QuotaUsage(Long limit, Long usage) {
        this.limit = limit;
        this.usage = usage;
    }

    /** The limit (negative means unlimited in Keystone's unified limits). */
    public OptionalLong limit() {
        return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    /** The current usage. */
    public OptionalLong usage() {
        return usage == null ? OptionalLong.empty() : OptionalLong.of(usage);
    }

    @Override
    public String toString() {
        return usage + "/" + limit;
    }
}
