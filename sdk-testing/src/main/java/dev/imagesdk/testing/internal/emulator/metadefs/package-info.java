/** Internal to the emulator; not API. */
package dev.imagesdk.testing.internal.emulator.metadefs;
