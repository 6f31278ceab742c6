package dev.imagesdk.images.data;

import dev.imagesdk.core.error.ValidationException;

import java.util.Objects;

/**
 * One byte range of a download, sent as {@code Range: bytes=...}. Glance answers 206 with
 * {@code Content-Range}; several ranges in one request are refused (400), a range starting past the
 * end is 416.
 */
public final class ByteRange {
    private final Long first;
    private final Long last;
    private final Long suffixLength;

    private ByteRange(Long first, Long last, Long suffixLength) {
        this.first = first;
        this.last = last;
        this.suffixLength = suffixLength;
    }

    /** Bytes {@code first} to {@code last}, both inclusive ({@code bytes=first-last}). */
    public static ByteRange of(long first, long last) {
        if (first < 0 || last < first) {
            throw new ValidationException("byte range needs 0 <= first <= last, was " + first + "-" + last);
        }
        return new ByteRange(first, last, null);
    }

    /** From byte {@code first} to the end ({@code bytes=first-}). */
    public static ByteRange from(long first) {
        if (first < 0) {
            throw new ValidationException("byte range start must be >= 0, was " + first);
        }
        return new ByteRange(first, null, null);
    }

    /** The last {@code length} bytes ({@code bytes=-length}). */
    public static ByteRange lastBytes(long length) {
        if (length <= 0) {
            throw new ValidationException("suffix length must be > 0, was " + length);
        }
        return new ByteRange(null, null, length);
    }

    /** The {@code Range} header value. */
    public String headerValue() {
        if (suffixLength != null) {
            return "bytes=-" + suffixLength;
        }
        return "bytes=" + first + "-" + (last == null ? "" : last);
    }

    /** The number of bytes asked for, when known without the image size. */
    public Long length() {
        if (suffixLength != null) {
            return suffixLength;
        }
        return last == null ? null : last - first + 1;
    }

    /**
     * Whether a 206 answer with this {@code Content-Range} carries the bytes asked for: the same first byte
     * (for a suffix range, the same number of bytes), up to the asked last byte or to the image's end when
     * the range runs past it (a suffix longer than the image gets the whole image).
     */
    public boolean isAnsweredBy(ContentRange answer) {
        if (answer == null) {
            return false;
        }
        long total = answer.total().orElse(-1);
        boolean endsTheImage = total >= 0 && answer.last() == total - 1;
        if (suffixLength != null) {
            return answer.length() == suffixLength || (answer.first() == 0 && endsTheImage && total < suffixLength);
        }
        if (answer.first() != first) {
            return false;
        }
        if (last == null) {
            return total < 0 || endsTheImage;
        }
        return answer.last() == last || (answer.last() < last && endsTheImage);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteRange && Objects.equals(first, ((ByteRange) o).first)
                && Objects.equals(last, ((ByteRange) o).last) && Objects.equals(suffixLength, ((ByteRange) o).suffixLength);
    }

    @Override
    public int hashCode() {
        return Objects.hash(first, last, suffixLength);
    }

    @Override
    public String toString() {
        return headerValue();
    }
}
