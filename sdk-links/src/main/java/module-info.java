/**
 * imagesdk links: image links and their access scopes.
 *
 * <p>Only the packages exported here are API; {@code dev.imagesdk.links.internal.*} is implementation.
 */
module dev.imagesdk.links {
    requires transitive dev.imagesdk.images;
    requires dev.imagesdk.members;
    requires com.squareup.moshi;
    requires org.slf4j;

    exports dev.imagesdk.links;
    exports dev.imagesdk.links.access;
}
