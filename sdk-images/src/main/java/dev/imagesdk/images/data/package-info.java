/**
 * Image data options and results: uploads and staging that are never repeated blindly, downloads that
 * stream in constant memory and are verified against the image's recorded hash and size, byte ranges,
 * progress ({@link dev.imagesdk.images.data.UploadOpts}, {@link dev.imagesdk.images.data.DownloadOpts},
 * {@link dev.imagesdk.images.data.DownloadResult}), and the opt-in
 * {@link dev.imagesdk.images.data.RawImageValidator}. The transfers themselves are operations of
 * {@link dev.imagesdk.images.Images} ({@code upload}, {@code download}, {@code stage}).
 */
package dev.imagesdk.images.data;
