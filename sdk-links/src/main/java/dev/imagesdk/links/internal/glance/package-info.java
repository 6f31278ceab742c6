/**
 * Image links kept in Glance: the encoding of a link as custom properties of its image ({@link
 * dev.imagesdk.links.internal.glance.LinkEncoding}, version 1, documented in the module's README) and the writes
 * that survive Glance's read-modify-write {@code PATCH} ({@link dev.imagesdk.links.internal.glance.LinkWrites}, under
 * the per-image {@link dev.imagesdk.links.internal.glance.ImageWriteLock}: a hidden lock image with a chosen id).
 * Knows nothing of the module's model types (the package {@code dev.imagesdk.links} maps to them), so there is no
 * package cycle.
 */
package dev.imagesdk.links.internal.glance;
