/**
 * imagesdk images: image metadata, uploads and downloads ({@code data}), interoperable import ({@code importing})
 * tasks, the image cache ({@code cache}), image locations ({@code locations}) and metadata definitions
 * ({@code metadefs}).
 *
 * <p>Only the packages exported here are API; {@code dev.imagesdk.images.internal.*} is implementation.
 */
module dev.imagesdk.images {
    requires transitive dev.imagesdk.core;
    requires com.squareup.moshi;
    requires org.slf4j;

    exports dev.imagesdk.images;
    exports dev.imagesdk.images.model;
    exports dev.imagesdk.images.data;
    exports dev.imagesdk.images.importing;
    exports dev.imagesdk.images.tasks;
    exports dev.imagesdk.images.cache;
    exports dev.imagesdk.images.locations;
    exports dev.imagesdk.images.metadefs;
}
