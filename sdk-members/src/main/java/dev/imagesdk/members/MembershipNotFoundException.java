package dev.imagesdk.members;

import dev.imagesdk.core.error.NotFoundException;

/**
 * Glance answered 404 for a membership ("… not found in the member list of the image …"). Still a
 * {@link NotFoundException} with the server's message and request id unchanged; the message adds why
 * that happens although the project may well be a member (see {@link #hint()}).
 */
public class MembershipNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    private final String hint;

    /**
     * @param original the 404 as the transport reported it
     * @param hint what the answer usually means, for people
     */
    public MembershipNotFoundException(NotFoundException original, String hint) {
        super(original.serverMessage().orElse(null), original.method().orElse(null), original.url().orElse(null),
                original.requestId().orElse(null), original.headers(), original);
        this.hint = hint;
    }

    /** Why Glance most likely answered 404. */
    public String hint() {
        return hint;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " — " + hint;
    }
}
