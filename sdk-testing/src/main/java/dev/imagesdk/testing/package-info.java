/**
 * Test support for users of the SDK: {@link dev.imagesdk.testing.ImageServiceEmulator}, an
 * in-process emulator of the image service (Glance v2 plus image links), its JUnit 5 extension
 * {@link dev.imagesdk.testing.ImageServiceEmulatorExtension}, caller {@link dev.imagesdk.testing.Identity
 * identities} and a standalone {@link dev.imagesdk.testing.EmulatorMain main}.
 *
 * <p>Layout: {@code faults} (public: scripted failures); {@code emulator} (internal: the HTTP server and
 * routing), {@code emulator.http} (exchange, errors, JSON), {@code emulator.auth}, {@code emulator.store}
 * (state, records, temp-file data), {@code emulator.glance} (Glance's semantics), {@code emulator.links}
 * (the image-links resource). Only this package and {@code faults} are API.
 */
package dev.imagesdk.testing;
