/**
 * Who the caller is, as the image-link scope rules see it: {@link dev.imagesdk.links.access.CallerRoles} (its
 * organization and space roles, each active or not, and the project it acts for). The rules themselves are
 * {@link dev.imagesdk.links.ScopeRules}. This package depends on no other package of the module, so a roles
 * source (the application today, Keystone later) can be plugged into {@link dev.imagesdk.links.ImageLinks}.
 */
package dev.imagesdk.links.access;
