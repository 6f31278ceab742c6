/**
 * Reading what a user may read about themselves in Keystone ({@code GET /v3/auth/projects} with the user's own
 * token, through sdk-core's transport) and the organization/space naming convention of the projects (tags
 * {@code imagesdk-org:<org>} and {@code imagesdk-space:<org>:<space>}). Not exported; depends on no other package of
 * the module, so {@code dev.imagesdk.links.access.KeystoneRoles} can build on it.
 */
package dev.imagesdk.links.internal.keystone;
