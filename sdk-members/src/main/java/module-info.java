/**
 * imagesdk members: sharing an image with other projects (image members) and the consumer's accept/reject.
 *
 * <p>Only {@code dev.imagesdk.members} is API; {@code dev.imagesdk.members.internal.*} is implementation.
 */
module dev.imagesdk.members {
    requires transitive dev.imagesdk.images;
    requires com.squareup.moshi;

    exports dev.imagesdk.members;
}
