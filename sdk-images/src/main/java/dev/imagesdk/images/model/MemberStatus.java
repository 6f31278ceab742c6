package dev.imagesdk.images.model;

import dev.imagesdk.core.types.OpenEnum;

import java.util.List;

/**
 * A project's answer to an image shared with it.
 * Values this SDK does not know are kept verbatim ({@link #isKnown()} is {@code false}).
 */
public final class MemberStatus extends OpenEnum {
    private static final Values<MemberStatus> VALUES = new Values<>(MemberStatus::new);

    /** Offered, not answered yet: the image is usable by id but not in the member's default list. */
    public static final MemberStatus PENDING = VALUES.declare("pending");
    /** Accepted: the image is in the member's default list. */
    public static final MemberStatus ACCEPTED = VALUES.declare("accepted");
    /** Rejected: the image is hidden from the member's default list. */
    public static final MemberStatus REJECTED = VALUES.declare("rejected");

    private MemberStatus(String value, Boolean known) {
        super(value, known);
    }

    /** The constant for {@code value}, or an unknown value kept verbatim; {@code null} for {@code null}. */
    public static MemberStatus of(String value) {
        return VALUES.of(value);
    }

    /** The values this SDK version knows, in the server's documented order. */
    public static List<MemberStatus> knownValues() {
        return VALUES.known();
    }
}
