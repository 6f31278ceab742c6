package dev.imagesdk.core.types;

import java.util.List;

/**
 * A resource read tolerantly from the server's JSON (an image, a task, a member, an image link). A
 * value of the wrong type, an unparseable timestamp, a value nested absurdly deep or an item that is
 * not an object at all never fails the read: the attribute is left empty and the problem is listed
 * here. In a listing this keeps one malformed item from hiding the others; a caller that must not act
 * on a half-read item checks {@link #isWellFormed()}.
 */
public interface Decoded {
    /** What could not be decoded from the server's JSON, one sentence each; empty when all was fine. */
    List<String> decodingProblems();

    /** {@code true} when every attribute decoded cleanly ({@link #decodingProblems()} is empty). */
    default boolean isWellFormed() {
        return decodingProblems().isEmpty();
    }
}
