package dev.imagesdk.members;

import dev.imagesdk.core.internal.http.Calls;

import dev.imagesdk.core.internal.Arguments;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.core.error.NotFoundException;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.json.Json;
import dev.imagesdk.images.model.MemberStatus;

import java.util.List;
import java.util.function.Supplier;

/**
 * Client for an image's members ({@code /v2/images/{image_id}/members}): the projects a {@code shared}
 * image is offered to. Thread-safe; a thin view over a {@link ServiceClient}.
 *
 * <pre>{@code
 * Members owner = Members.of(ownerClient);
 * owner.add(imageId, targetProjectId);                                          // pending
 * Members.of(targetClient).update(imageId, targetProjectId, MemberStatus.ACCEPTED);
 * }</pre>
 *
 * <p>Operations: {@code add}, {@code get}, {@code listForImage}, {@code update} (the member's answer)
 * and {@code remove}: the verbs every client of this SDK uses for a sub-resource of an image.
 *
 * <p>Every method checks its arguments before sending anything ({@link ValidationException}); server
 * errors arrive as the typed exceptions of {@code dev.imagesdk.core.error}: 404 when the image (or the
 * membership) does not exist or is not visible to the caller, 409 when the project is already a member,
 * 400 for a status Glance does not accept. Glance's terse answers about memberships come with a hint
 * of what they mean: {@link MembershipForbiddenException} (403) and {@link MembershipNotFoundException}
 * (404 "not found in the member list").
 */
public final class Members {
    private static final String NOT_SHARED_HINT = "Glance only lets the image's owner add members, and only to an image "
            + "whose visibility is 'shared' (private, community and public images have no members)";
    private static final String NOT_THE_MEMBER_HINT = "only the member project itself can accept, reject or reset its "
            + "membership; the image's owner cannot answer on its behalf";
    private static final String NOT_OWNER_HINT = "only the image's owner can remove a member";
    private static final String OTHER_MEMBER_HINT = "Glance answers 404 when the project is not a member of the image, "
            + "and also when the caller is another member project: a member sees and answers only its own membership";

    private final ServiceClient client;

    private Members(ServiceClient client) {
        this.client = client;
    }

    /** A members client sending through {@code client} (with its credentials). */
    public static Members of(ServiceClient client) {
        return new Members(Arguments.notNull(client, "client"));
    }

    /**
     * Offers a {@code shared} image to a project ({@code POST /v2/images/{id}/members}). Glance answers
     * 200 with the new membership in status {@code pending}; the project sees the image by id at once,
     * but in its default list only after accepting.
     *
     * @param imageId the image, owned by the caller and of visibility {@code shared}
     * @param projectId the project to share with
     * @throws MembershipForbiddenException (403) when the image is not {@code shared} or not the caller's
     * @throws dev.imagesdk.core.error.ConflictException (409) when the project already is a member
     * @throws dev.imagesdk.core.error.NotFoundException (404) when the caller cannot see the image
     */
    public Member add(String imageId, String projectId) {
        Arguments.uuid(imageId, "image id");
        Arguments.id(projectId, "project id");
        String body = "{\"member\":" + jsonString(projectId) + "}";
        ApiRequest request = ApiRequest.post("images", imageId, "members").jsonBody(body).build();
        return explain(NOT_SHARED_HINT, null, () -> Calls.of(client).executeJson(request, MemberJsonAdapter::readSingle));
    }

    /**
     * The image's members ({@code GET /v2/images/{id}/members}). The owner sees all of them; a member
     * project sees only its own membership.
     *
     * @throws dev.imagesdk.core.error.NotFoundException (404) when the caller cannot see the image
     * @throws dev.imagesdk.core.error.ForbiddenException (403) when the image is not {@code shared}
     */
    public List<Member> listForImage(String imageId) {
        Arguments.uuid(imageId, "image id");
        return Calls.of(client).executeJson(ApiRequest.get("images", imageId, "members").build(),
                MemberJsonAdapter.listReader()::read).items();
    }

    /**
     * One membership ({@code GET /v2/images/{id}/members/{member}}).
     *
     * @throws MembershipNotFoundException (404) when the project is not a member, or the caller is
     *         another member project (a member sees only its own membership)
     * @throws dev.imagesdk.core.error.NotFoundException (404) when the caller cannot see the image
     */
    public Member get(String imageId, String memberId) {
        Arguments.uuid(imageId, "image id");
        Arguments.id(memberId, "member id");
        ApiRequest request = ApiRequest.get("images", imageId, "members", memberId).build();
        return explain(null, OTHER_MEMBER_HINT, () -> Calls.of(client).executeJson(request, MemberJsonAdapter::readSingle));
    }

    /**
     * The member project answers the offer ({@code PUT /v2/images/{id}/members/{member}} with
     * {@code {"status": …}}); Glance accepts it from the member project only, so call it with that
     * project's credentials. {@link MemberStatus#ACCEPTED} puts the image in the project's default list,
     * {@link MemberStatus#REJECTED} takes it out again (still reachable by id, and listed with
     * {@code member_status=rejected}), {@link MemberStatus#PENDING} withdraws the answer.
     *
     * @param status the new status
     * @throws ValidationException when {@code status} is {@code null}, blank or {@code all} (a list filter, not a status)
     * @throws MembershipForbiddenException (403) when the caller is not the member project
     * @throws dev.imagesdk.core.error.BadRequestException (400) for a status Glance does not know
     * @throws MembershipNotFoundException (404) when the project is not a member, or the caller is another
     *         member project trying to answer for it
     */
    public Member update(String imageId, String memberId, MemberStatus status) {
        Arguments.uuid(imageId, "image id");
        Arguments.id(memberId, "member id");
        if (status == null) {
            throw new ValidationException("status must not be null");
        }
        if ("all".equals(status.value())) {
            throw new ValidationException("status 'all' is a list filter, not a membership status; use pending, accepted or rejected");
        }
        if (status.value().isBlank()) {
            throw new ValidationException("status must not be blank");
        }
        String body = "{\"status\":" + jsonString(status.value()) + "}";
        ApiRequest request = ApiRequest.put("images", imageId, "members", memberId).jsonBody(body).build();
        return explain(NOT_THE_MEMBER_HINT, OTHER_MEMBER_HINT, () -> Calls.of(client).executeJson(request, MemberJsonAdapter::readSingle));
    }

    /**
     * The owner withdraws the offer ({@code DELETE /v2/images/{id}/members/{member}}, 204): the project
     * no longer sees the image, not even by id.
     *
     * @throws dev.imagesdk.core.error.NotFoundException (404) when the project is not (or no longer) a member
     * @throws MembershipForbiddenException (403) when the caller is not the image's owner
     */
    public void remove(String imageId, String memberId) {
        Arguments.uuid(imageId, "image id");
        Arguments.id(memberId, "member id");
        ApiRequest request = ApiRequest.delete("images", imageId, "members", memberId).build();
        explain(NOT_OWNER_HINT, null, () -> {
            Calls.of(client).executeNoContent(request);
            return null;
        });
    }

    /** Runs a call, re-throwing Glance's terse 403/404 answers with a hint of what they mean here. */
    private static <T> T explain(String forbiddenHint, String notFoundHint, Supplier<T> call) {
        try {
            return call.get();
        } catch (MembershipForbiddenException | MembershipNotFoundException e) {
            throw e;
        } catch (ForbiddenException e) {
            throw forbiddenHint == null ? e : new MembershipForbiddenException(e, forbiddenHint);
        } catch (NotFoundException e) {
            // Only Glance's "… not found in the member list …" is about the membership; "No image found" is not.
            boolean aboutMembership = e.serverMessage().map(m -> m.contains("member list")).orElse(false);
            throw notFoundHint == null || !aboutMembership ? e : new MembershipNotFoundException(e, notFoundHint);
        }
    }

    /** A JSON string literal, written by the SDK's Moshi (quotes and control characters escaped). */
    static String jsonString(String s) {
        return Json.moshi().adapter(String.class).toJson(s);
    }
}
