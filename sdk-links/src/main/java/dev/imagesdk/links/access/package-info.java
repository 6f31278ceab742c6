/**
 * Who the caller is, as the image-link scope rules see it: {@link dev.imagesdk.links.access.CallerRoles} (its
 * organization and space roles, each active or not, and the project it acts for), given by the application or read
 * from Keystone by {@link dev.imagesdk.links.access.KeystoneRoles}; and which project stands for an organization or a
 * space ({@link dev.imagesdk.links.access.ScopeProjects}, for availability). The rules themselves are
 * {@link dev.imagesdk.links.ScopeRules}. This package depends on no other API package of the module (only on its
 * internal Keystone reader), so a roles source can be plugged into {@link dev.imagesdk.links.ImageLinks}.
 */
package dev.imagesdk.links.access;
