/**
 * Glance's metadata definitions ("metadefs", {@code /v2/metadefs}): the catalogue of namespaces,
 * property definitions, objects, tags and resource type associations that dashboards use to offer image
 * (and flavor, volume) properties. One client per resource, each obtained with {@code X.of(ServiceClient)}:
 * {@link dev.imagesdk.images.metadefs.MetadefNamespaces}, {@link dev.imagesdk.images.metadefs.MetadefObjects},
 * {@link dev.imagesdk.images.metadefs.MetadefProperties}, {@link dev.imagesdk.images.metadefs.MetadefTags},
 * {@link dev.imagesdk.images.metadefs.MetadefResourceTypes}; their JSON schemas are read with
 * {@code Schemas.metadef(name)}. Under Glance's default policy everyone reads (public namespaces and the
 * project's own), and only administrators write.
 */
package dev.imagesdk.images.metadefs;
