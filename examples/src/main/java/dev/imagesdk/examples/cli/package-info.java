/**
 * {@code imagectl}, a command-line tool on the SDK (picocli): {@link dev.imagesdk.examples.cli.Imagectl} is
 * the root command with the global options; one class per command group (images, image data, members,
 * image links, emulator, demo); {@link dev.imagesdk.examples.cli.Failure} and
 * {@link dev.imagesdk.examples.cli.ExitCodes} turn exceptions into one-line messages and exit codes;
 * {@code output} prints records (tabulated, JSON, YAML) and progress bars.
 */
package dev.imagesdk.examples.cli;
