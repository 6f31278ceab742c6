/**
 * Image links: which users see which image — globally, in an organization, or in a space.
 *
 * <p>{@link dev.imagesdk.links.ImageLinks} is the REST client ({@code /v2/image-links}, wire contract
 * in the module's README), including {@link dev.imagesdk.links.ImageLinks#publish all-or-nothing publishing}
 * of an image with its links; {@link dev.imagesdk.links.ImageLink} is one link and
 * {@link dev.imagesdk.links.Scope} its scope. {@code dev.imagesdk.links.access} holds the scope rules as
 * pure code (who sees which link, in which order); {@code dev.imagesdk.links.internal.json} the JSON mapping.
 *
 * <p>Names follow the rules in {@code dev.imagesdk.images}: {@code get}, {@code list}, {@code create},
 * {@code update}, {@code delete}, {@code listForImage(imageId)}; options {@code LinkListOpts},
 * {@code LinkCreateOpts}, {@code LinkUpdateOpts}, with {@code LinkListOpts.defaults()} for no filters.
 */
package dev.imagesdk.links;
