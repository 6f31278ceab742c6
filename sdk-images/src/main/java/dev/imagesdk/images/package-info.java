/**
 * The Image API v2 images surface: the {@link dev.imagesdk.images.Images} client, the
 * {@link dev.imagesdk.images.Image} model with its open enumerations, and the request options
 * ({@link dev.imagesdk.images.ListOpts}, {@link dev.imagesdk.images.CreateOpts},
 * {@link dev.imagesdk.images.UpdateOpts}). Sub-packages: {@code data} (streaming, verified transfers),
 * {@code importing} (interoperable import, discovery, waiting), {@code tasks} (read-only tasks),
 * {@code json} (tolerant JSON codecs).
 */
package dev.imagesdk.images;
