/**
 * Who may see which image link — the scope rules of the image-link service as pure, offline code.
 *
 * <p>{@link dev.imagesdk.links.access.CallerRoles} describes a caller (its organization and space roles,
 * each active or not); {@link dev.imagesdk.links.access.ScopeRules} decides which links apply to it and
 * in which order the server lists them. Servers and emulators enforce the same rules with the same code.
 */
package dev.imagesdk.links.access;
