/** Internal to the emulator; not API. */
package dev.imagesdk.testing.emulator;
