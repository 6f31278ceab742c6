/**
 * Interoperable image import ({@code glance-direct}, {@code web-download}, {@code copy-image},
 * {@code glance-download}), import and store discovery, quota usage, and a waiter for image status.
 */
package dev.imagesdk.images.importing;
