/**
 * Image links: which users see which image — globally, in an organization, or in a space.
 *
 * <p>{@link dev.imagesdk.links.ImageLinks} is the client, with two backends picked at construction: an
 * image-link service ({@code ImageLinks.of}, {@code /v2/image-links}, wire contract in the module's README) or
 * the links kept on their images in Glance ({@code ImageLinks.inGlance}, encoding in the module's README);
 * it includes {@link dev.imagesdk.links.ImageLinks#publish all-or-nothing publishing} of an image with its
 * links. {@link dev.imagesdk.links.ImageLink} is one link, {@link dev.imagesdk.links.Scope} its scope and
 * {@link dev.imagesdk.links.ScopeRules} the scope rules as pure code (who sees which link, in which order).
 * {@code dev.imagesdk.links.access} says who calls ({@code CallerRoles}); {@code dev.imagesdk.links.internal.glance}
 * is the Glance encoding.
 *
 * <p>Names follow the rules in {@code dev.imagesdk.images}: {@code get}, {@code list}, {@code create},
 * {@code update}, {@code delete}, {@code listForImage(imageId)}; options {@code LinkListOpts},
 * {@code LinkCreateOpts}, {@code LinkUpdateOpts}, with {@code LinkListOpts.defaults()} for no filters.
 */
package dev.imagesdk.links;
