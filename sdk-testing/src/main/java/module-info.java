/**
 * imagesdk testing: an in-process Glance emulator, fault injection and a JUnit 5 extension.
 *
 * <p>JUnit is optional ({@code requires static}): the emulator works without it; only
 * {@code ImageServiceEmulatorExtension} needs JUnit Jupiter, which a JUnit user has anyway.
 * {@code dev.imagesdk.testing.internal.*} is the emulator's implementation and is not exported.
 */
module dev.imagesdk.testing {
    requires transitive dev.imagesdk.core;
    requires dev.imagesdk.images;
    requires dev.imagesdk.members;
    requires dev.imagesdk.links;
    requires com.squareup.moshi;
    requires org.slf4j;
    requires jdk.httpserver;
    requires java.net.http;
    requires static org.junit.jupiter.api;

    exports dev.imagesdk.testing;
    exports dev.imagesdk.testing.faults;
}
