/**
 * Keystone v3 authentication: tokens from passwords, application credentials or existing tokens,
 * renewed before expiry and after a 401, and the service catalog that locates the image service.
 * Start with {@link dev.imagesdk.core.auth.Auth#keystone(String)}.
 */
package dev.imagesdk.core.auth.keystone;
