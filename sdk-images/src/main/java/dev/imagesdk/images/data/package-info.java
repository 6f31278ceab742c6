/**
 * Image data: uploads and staging that are never repeated blindly, downloads that stream in constant memory
 * and are verified against the image's recorded hash and size, byte ranges, progress, and the opt-in
 * {@link dev.imagesdk.images.data.RawImageValidator}.
 */
package dev.imagesdk.images.data;
