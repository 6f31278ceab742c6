/**
 * The image model and the request options: {@link dev.imagesdk.images.model.Image} with its open
 * enumerations ({@link dev.imagesdk.images.model.ImageStatus}, {@link dev.imagesdk.images.model.Visibility},
 * {@link dev.imagesdk.images.model.DiskFormat}, {@link dev.imagesdk.images.model.ContainerFormat},
 * {@link dev.imagesdk.images.model.MemberStatus}), {@link dev.imagesdk.images.model.CreateOpts},
 * {@link dev.imagesdk.images.model.UpdateOpts} and its {@link dev.imagesdk.images.model.PatchOp}s, sort keys
 * and date filters. These are immutable values; the calls that send them are on
 * {@code dev.imagesdk.images.Images}. This package depends on no other package of this module.
 */
package dev.imagesdk.images.model;
