package dev.imagesdk.members;

import dev.imagesdk.core.error.ForbiddenException;

/**
 * Glance refused a membership change with 403. Still a {@link ForbiddenException} (status, the server's
 * own message and request id are kept unchanged); the message adds what Glance's short answer
 * ("Not allowed to create members for image …") usually means, see {@link #hint()}.
 */
public class MembershipForbiddenException extends ForbiddenException {
    private static final long serialVersionUID = 1L;

    private final String hint;

    /**
     * @param original the 403 as the transport reported it
     * @param hint what the refusal usually means, for people
     */
    public MembershipForbiddenException(ForbiddenException original, String hint) {
        super(original.serverMessage().orElse(null), original.method().orElse(null), original.url().orElse(null),
                original.requestId().orElse(null), original.headers(), original);
        this.hint = hint;
    }

    /** Why Glance most likely refused, for example "only the member project itself can accept …". */
    public String hint() {
        return hint;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " — " + hint;
    }
}
