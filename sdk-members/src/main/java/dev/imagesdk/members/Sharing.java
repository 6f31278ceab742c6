package dev.imagesdk.members;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.paging.Paged;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.ListOpts;
import dev.imagesdk.images.model.MemberStatus;
import dev.imagesdk.images.model.UpdateOpts;
import dev.imagesdk.images.model.Visibility;


/**
 * The whole sharing workflow in a few calls, for both sides:
 *
 * <pre>{@code
 * // owner project
 * Sharing.share(Images.of(owner), Members.of(owner), imageId, targetProjectId);   // pending
 * // target project
 * for (Image offer : Sharing.offers(Images.of(target), MemberStatus.PENDING)) {
 *     Members.of(target).update(offer.id(), targetProjectId, MemberStatus.ACCEPTED); // now in its default list
 * }
 * }</pre>
 *
 * <p>Glance's rules behind it: only {@code shared} images have members; a new member is {@code pending}
 * and sees the image by id but not in its default list; only the member project accepts or rejects.
 */
public final class Sharing {
    private Sharing() {
    }

    /**
     * Offers the owner's image to a project: makes the image {@code shared} if it is {@code private}
     * (a JSON-patch of {@code /visibility}), then adds the project as a member. If the project already
     * is a member, its membership is returned unchanged (no second offer).
     *
     * @param images the owner's images client
     * @param members the owner's members client
     * @param imageId the image to share
     * @param projectId the project to offer it to
     * @return the membership, {@code pending} for a new offer
     * @throws ValidationException when an id is blank, or when the image is {@code community} or
     *         {@code public}: every project can already use it, and making it {@code shared} would hide
     *         it from all others — change its visibility explicitly if that is intended
     * @throws dev.imagesdk.core.error.NotFoundException (404) when the caller cannot see the image
     * @throws dev.imagesdk.core.error.ForbiddenException (403) when the caller does not own the image
     */
    public static Member share(Images images, Members members, String imageId, String projectId) {
        Arguments.notNull(images, "images");
        Arguments.notNull(members, "members");
        Arguments.uuid(imageId, "image id");
        Arguments.id(projectId, "project id");
        Image image = images.get(imageId);
        Visibility visibility = image.visibility();
        if (Visibility.COMMUNITY.equals(visibility) || Visibility.PUBLIC.equals(visibility)) {
            throw new ValidationException("image " + imageId + " is " + visibility.value() + ": every project can already use it, "
                    + "and making it 'shared' would hide it from all projects that are not members; change its visibility to "
                    + "'shared' explicitly if that is intended");
        }
        if (!Visibility.SHARED.equals(visibility)) {
            images.update(imageId, UpdateOpts.builder().visibility(Visibility.SHARED).build());
        }
        try {
            return members.add(imageId, projectId);
        } catch (ConflictException alreadyMember) {
            return members.get(imageId, projectId);
        }
    }

    /**
     * Shared images offered to the caller's project whose membership has {@code status}, lazily paged:
     * {@code GET /v2/images?visibility=shared&member_status=…}. {@link MemberStatus#PENDING} gives the
     * offers not answered yet, which Glance leaves out of the default list.
     *
     * @throws ValidationException when {@code status} is {@code null} (use {@link #offers(Images)} for every offer)
     */
    public static Paged<Image> offers(Images images, MemberStatus status) {
        Arguments.notNull(images, "images");
        if (status == null) {
            throw new ValidationException("status must not be null (use Sharing.offers(images) for every offer)");
        }
        return images.list(ListOpts.builder().visibility(Visibility.SHARED).memberStatus(status).build());
    }

    /**
     * Every shared image offered to the caller's project, whatever its answer, lazily paged:
     * {@code GET /v2/images?visibility=shared&member_status=all}.
     */
    public static Paged<Image> offers(Images images) {
        Arguments.notNull(images, "images");
        return images.list(ListOpts.builder().visibility(Visibility.SHARED).anyMemberStatus().build());
    }
}
