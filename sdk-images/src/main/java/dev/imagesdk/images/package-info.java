/**
 * The Image API v2 entry points: the {@link dev.imagesdk.images.Images} client and
 * {@link dev.imagesdk.images.Schemas}. Sub-packages: {@code model} (the {@link dev.imagesdk.images.model.Image}
 * model with its open enumerations, and the request options {@link dev.imagesdk.images.model.ListOpts},
 * {@link dev.imagesdk.images.model.CreateOpts}, {@link dev.imagesdk.images.model.UpdateOpts}), {@code data}
 * (the options and results of streaming, verified transfers), {@code importing} (the options and results of
 * interoperable import), {@code tasks} (read-only tasks). The layering is one-way: this package uses the
 * sub-packages, and no sub-package uses this one.
 *
 * <h2>Naming rules (the same in every module of this SDK)</h2>
 * <ul>
 *   <li><b>One entry point per operation.</b> A resource's client is obtained with
 *       {@code X.of(ServiceClient)} ({@code Images}, {@link dev.imagesdk.images.Schemas},
 *       {@link dev.imagesdk.images.tasks.Tasks}, {@code Members}, {@code ImageLinks}); every operation on
 *       an image and its data lives on {@link dev.imagesdk.images.Images} ({@code upload},
 *       {@code download}, {@code stage}, {@code importImage}, {@code waitFor}, ...), nowhere else.</li>
 *   <li><b>One verb per operation:</b> {@code get}, {@code list}, {@code create}, {@code update},
 *       {@code delete} for resources; {@code add} and {@code remove} for what is attached to an image
 *       (tags, members). What belongs to one image is listed by its own client with
 *       {@code listForImage(imageId)} ({@code Tasks}, {@code Members}, {@code ImageLinks}).</li>
 *   <li><b>Option types end in {@code Opts}.</b> The images' own are {@code ListOpts}, {@code CreateOpts},
 *       {@code UpdateOpts}, {@code UploadOpts}, {@code DownloadOpts}, {@code ImportOpts}; other resources
 *       prefix their resource ({@code TaskListOpts}, {@code LinkListOpts}, {@code LinkCreateOpts},
 *       {@code LinkUpdateOpts}). Options with nothing set are {@code defaults()}; the rest are built with
 *       {@code builder()}. How options are encoded on the wire is not part of the API.</li>
 *   <li><b>Value types hold only server values.</b> The open enumerations ({@link dev.imagesdk.images.model.Visibility},
 *       {@link dev.imagesdk.images.model.MemberStatus}, ...) have the values an image or membership can have;
 *       a listing that matches every value says so on its options
 *       ({@link dev.imagesdk.images.model.ListOpts.Builder#anyVisibility()},
 *       {@link dev.imagesdk.images.model.ListOpts.Builder#anyMemberStatus()}).</li>
 * </ul>
 */
package dev.imagesdk.images;
