/**
 * Interoperable image import: the request options ({@link dev.imagesdk.images.importing.ImportOpts}:
 * {@code glance-direct}, {@code web-download}, {@code copy-image}, {@code glance-download}), store and
 * quota information, and the exception of a failed wait. The calls ({@code importImage},
 * {@code waitFor}, {@code waitForImport}, {@code importMethods}, {@code stores}, {@code usage}) are
 * operations of {@link dev.imagesdk.images.Images}.
 */
package dev.imagesdk.images.importing;
