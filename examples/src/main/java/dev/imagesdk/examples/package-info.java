/**
 * Runnable example programs, each a short commented {@code main} that reads like documentation: list and
 * filter images ({@link dev.imagesdk.examples.ListAndFilterImages}), upload with progress and download with
 * checksum verification ({@link dev.imagesdk.examples.UploadAndDownload}), share an image and accept it as
 * the other project ({@link dev.imagesdk.examples.ShareImage}), publish an image to a space with links
 * ({@link dev.imagesdk.examples.PublishWithLinks}), import with the raw-image validator
 * ({@link dev.imagesdk.examples.ImportWithValidator}) and page through thousands of images lazily
 * ({@link dev.imagesdk.examples.PageThroughImages}). They run against your cloud when {@code OS_CLOUD} or
 * {@code OS_AUTH_URL} is set, otherwise against an embedded emulator ({@link dev.imagesdk.examples.Examples}).
 *
 * <p>{@code dev.imagesdk.examples.cli} is {@code imagectl}, the command-line tool.
 */
package dev.imagesdk.examples;
