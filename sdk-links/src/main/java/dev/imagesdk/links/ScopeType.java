package dev.imagesdk.links;

/**
 * The three kinds of image-link scope, in the order the server lists links: global first, then
 * organization, then space.
 */
public enum ScopeType {
    /** Neither organization nor space: every authenticated user. */
    GLOBAL,
    /** An organization only: users with an active role in that organization. */
    ORGANIZATION,
    /** A space (inside an organization): users with an active role in that space. */
    SPACE
}
