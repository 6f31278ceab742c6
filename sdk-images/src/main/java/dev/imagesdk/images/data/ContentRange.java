package dev.imagesdk.images.data;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed {@code Content-Range: bytes first-last/total} response header (RFC 9110). */
public final class ContentRange {
    private static final Pattern SHAPE = Pattern.compile("\\s*bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)\\s*");

    private final long first;
    private final long last;
    private final long total;
    private final String raw;

    private ContentRange(long first, long last, long total, String raw) {
        this.first = first;
        this.last = last;
        this.total = total;
        this.raw = raw;
    }

    /** Parses the header; empty when absent or not of the {@code bytes a-b/n} shape. */
    public static Optional<ContentRange> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(header);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long total = "*".equals(m.group(3)) ? -1 : Long.parseLong(m.group(3));
            return Optional.of(new ContentRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), total, header.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** First byte position (inclusive). */
    public long first() {
        return first;
    }

    /** Last byte position (inclusive). */
    public long last() {
        return last;
    }

    /** Number of bytes in the range. */
    public long length() {
        return last - first + 1;
    }

    /** The size of the whole image, when the server sent it. */
    public OptionalLong total() {
        return total < 0 ? OptionalLong.empty() : OptionalLong.of(total);
    }

    /** The header as received. */
    @Override
    public String toString() {
        return raw;
    }
}
