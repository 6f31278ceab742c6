/**
 * Sharing images between projects (Glance image members).
 *
 * <p>{@link dev.imagesdk.members.Members} is the REST client for {@code /v2/images/{id}/members};
 * {@link dev.imagesdk.members.Member} is one membership; {@link dev.imagesdk.members.Sharing} runs the
 * whole workflow (owner offers, target project finds the offer and accepts it with
 * {@code Members.update(imageId, projectId, MemberStatus.ACCEPTED)}). Operation names follow the rules in
 * {@code dev.imagesdk.images}: {@code add}, {@code get}, {@code listForImage}, {@code update}, {@code remove}. The JSON mapping lives
 * in {@code dev.imagesdk.members.internal.json}.
 *
 * <p>What Glance does: only images whose visibility is {@code shared} have members; only the owner adds
 * and removes them; only the member project itself answers an offer ({@code pending} → {@code accepted}
 * or {@code rejected}). A pending or rejected image is usable by id but stays out of the member's
 * default image list; an accepted one is in it.
 */
package dev.imagesdk.members;
