package dev.imagesdk.examples.cli;

import dev.imagesdk.examples.cli.output.ProgressBar;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.data.DownloadOpts;
import dev.imagesdk.images.data.DownloadResult;
import dev.imagesdk.images.data.UploadOpts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** {@code imagectl images upload|download}: streaming image data with a progress bar. */
final class ImageDataCommands {
    private ImageDataCommands() {
    }

    static String summary(String verb, long bytes, long nanos) {
        double seconds = Math.max(nanos, 1) / 1e9;
        return String.format(Locale.ROOT, "%s %s in %s (%s/s)", verb, ProgressBar.bytes(bytes), ProgressBar.seconds(nanos),
                ProgressBar.bytes((long) (bytes / seconds)));
    }

    @Command(name = "upload", description = "Upload a file (or - for stdin) as an image's data; the image becomes active.",
            mixinStandardHelpOptions = true)
    static final class Upload extends ApiCommand {
        @Parameters(index = "0", paramLabel = "IMAGE", description = "The image: its id or its (unique) name (create it first: images create).")
        String id;

        @Parameters(index = "1", paramLabel = "FILE", description = "The data to upload; - reads stdin.")
        String file;

        @Option(names = "--store", description = "Target store of a multi-store Glance (e.g. fast).")
        String store;

        @Override
        void run() throws IOException {
            Images images = ImagesCommand.images(this);
            boolean stdin = "-".equals(file);
            long size = -1;
            if (!stdin) {
                Path path = Path.of(file);
                if (!Files.isRegularFile(path)) {
                    throw new NoSuchFileException(file);
                }
                size = Files.size(path);
            }
            String id = imageId(this.id);
            PrintWriter err = err();
            ProgressBar bar = imagectl().progress(err, "upload", size);
            UploadOpts.Builder opts = UploadOpts.builder().listener(bar::update);
            if (store != null) {
                opts.store(store);
            }
            long transferred;
            try {
                if (stdin) {
                    CountingInputStream counting = new CountingInputStream(System.in);
                    images.upload(id, counting, opts.build());
                    transferred = counting.count;
                } else {
                    images.upload(id, Path.of(file), opts.size(size).build());
                    transferred = size;
                }
            } catch (RuntimeException e) {
                bar.abandon();
                throw e;
            }
            long nanos = bar.finish();
            Image image = images.get(id);
            out().println(summary("uploaded", transferred, nanos) + " to image " + id + "; status "
                    + image.status().value() + (image.osHashAlgo() != null
                    ? ", " + image.osHashAlgo() + " " + image.osHashValue() : ""));
        }
    }

    @Command(name = "download", description = "Download an image's data, verified against its recorded checksum.",
            mixinStandardHelpOptions = true)
    static final class Download extends ApiCommand {
        @Parameters(index = "0", paramLabel = "IMAGE", description = "The image: its id or its (unique) name.")
        String id;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
                description = "Where to write the data; - writes to stdout. A file appears only when complete and verified.")
        String output;

        @Option(names = "--no-verify", description = "Do not check the data against the image's hash.")
        boolean noVerify;

        @Option(names = "--force", description = "Replace FILE if it exists (it is replaced only once the new data is complete).")
        boolean force;

        @Option(names = "--expect-hash", paramLabel = "ALGO:HEX",
                description = "Also check the data against this hash (from a manifest), e.g. sha256:9f86d0...; "
                        + "ALGO is md5, sha1, sha224, sha256, sha384, sha512 or sha3_224..sha3_512. Checked even with --no-verify.")
        String expectHash;

        @Option(names = "--no-sync", description = "Do not flush FILE to the disk before reporting success "
                + "(faster on slow disks; a crash right after may leave FILE incomplete).")
        boolean noSync;

        @Override
        void run() throws IOException {
            DownloadOpts.Builder builder = DownloadOpts.builder().verify(!noVerify).durable(!noSync);
            if (expectHash != null) {
                int colon = expectHash.indexOf(':');
                if (colon <= 0) {
                    throw new CommandException(ExitCodes.USAGE, "--expect-hash needs ALGO:HEX, was \"" + expectHash + "\"",
                            "Give the algorithm and the hex digest, e.g. --expect-hash sha256:HEX");
                }
                builder.expectedHash(expectHash.substring(0, colon), expectHash.substring(colon + 1));
            }
            Images images = ImagesCommand.images(this);
            boolean toStdout = "-".equals(output);
            if (!toStdout) {
                checkTarget(Path.of(output), force);
            }
            String id = imageId(this.id);
            ProgressBar bar = imagectl().progress(err(), "download", -1);
            DownloadOpts opts = builder.listener(bar::update).build();
            DownloadResult result;
            try {
                if (toStdout) {
                    OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
                    result = images.download(id, stdout, opts);
                    stdout.flush();
                } else {
                    result = images.download(id, Path.of(output), opts);
                }
            } catch (RuntimeException | IOException e) {
                bar.abandon();
                throw e;
            }
            long nanos = bar.finish();
            String line = summary("downloaded", result.bytes(), nanos) + " of image " + id
                    + (toStdout ? "" : " to " + output) + "; "
                    + result.verifiedAlgorithm().map(a -> a + " verified").orElse("not verified")
                    + (opts.expectedHash() == null ? "" : "; " + opts.expectedHashAlgorithm() + " matches --expect-hash");
            // With -o - the data owns stdout: the report goes to stderr.
            (toStdout ? err() : out()).println(line);
        }
    }

    /** Refuses, before any request, a download into a missing directory or over an existing file. */
    static void checkTarget(Path target, boolean force) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new CommandException(ExitCodes.LOCAL_IO, "no such directory: " + dir, "Create it first, or choose another -o FILE");
        }
        if (Files.isDirectory(target)) {
            throw new CommandException(ExitCodes.LOCAL_IO, target + " is a directory", "Give a file name: -o " + target
                    + java.io.File.separator + "NAME");
        }
        if (Files.exists(target) && !force) {
            throw new CommandException(ExitCodes.LOCAL_IO, target + " exists", "Add --force to replace it, or choose another -o FILE");
        }
    }

    @Command(name = "import", description = "Import data with Glance's interoperable import: stage a local file "
            + "(glance-direct), have the service fetch a URL (web-download) or copy to more stores (copy-image); "
            + "then wait until the image is active.", mixinStandardHelpOptions = true)
    static final class Import extends ApiCommand {
        @Parameters(index = "0", paramLabel = "IMAGE", description = "The image: its id or its (unique) name (create it first: images create).")
        String id;

        @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--file", paramLabel = "FILE", description = "Stage this file, then import it (glance-direct).")
            Path file;

            @Option(names = "--url", paramLabel = "URL", description = "Let the service download this URL (web-download).")
            java.net.URI url;

            @Option(names = "--copy", description = "Copy the image's existing data to --store stores (copy-image, admin).")
            boolean copy;
        }

        @Option(names = "--store", paramLabel = "STORE", description = "Target store (repeatable).")
        java.util.List<String> stores = new java.util.ArrayList<>();

        @Option(names = "--all-stores", description = "Import into every store.")
        boolean allStores;

        @Option(names = "--require-bootable-raw",
                description = "Refuse data that is not a bootable raw disk (MBR boot signature in its first 512 bytes), "
                        + "checked before anything is sent.")
        boolean requireBootableRaw;

        @Option(names = "--no-wait", description = "Return once the import is accepted instead of waiting for it to finish.")
        boolean noWait;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
                description = "How long to wait for the image to become active (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Override
        void run() throws IOException {
            if (!stores.isEmpty() && allStores) {
                throw new CommandException(ExitCodes.USAGE, "--store and --all-stores exclude each other",
                        "Give either --store STORE (repeatable) or --all-stores");
            }
            if (source.file != null && !Files.isRegularFile(source.file)) {
                throw new NoSuchFileException(source.file.toString());
            }
            Images images = ImagesCommand.images(this);
            String id = imageId(this.id);
            dev.imagesdk.images.importing.ImportOpts.Builder request;
            if (source.file != null) {
                if (!Files.isRegularFile(source.file)) {
                    throw new NoSuchFileException(source.file.toString());
                }
                if (requireBootableRaw) {
                    dev.imagesdk.images.data.RawImageValidator.requireBootable(source.file);
                }
                long size = Files.size(source.file);
                ProgressBar bar = imagectl().progress(err(), "stage", size);
                try {
                    images.stage(id, source.file, UploadOpts.builder().size(size).listener(bar::update).build());
                } catch (RuntimeException e) {
                    bar.abandon();
                    throw e;
                }
                long nanos = bar.finish();
                out().println(summary("staged", size, nanos) + " for image " + id);
                request = dev.imagesdk.images.importing.ImportOpts.glanceDirect();
            } else if (source.url != null) {
                request = dev.imagesdk.images.importing.ImportOpts.webDownload(source.url);
                if (requireBootableRaw) {
                    request.requireBootableRaw();
                }
            } else {
                request = dev.imagesdk.images.importing.ImportOpts.copyImage();
            }
            if (!stores.isEmpty()) {
                request.stores(stores.toArray(new String[0]));
            }
            if (allStores) {
                request.allStores();
            }
            images.importImage(id, request.build());
            out().println("import of image " + id + " started (" + request.build().method() + ")");
            if (!noWait) {
                // the import's end, not only "active": a copy-image import keeps the image active throughout
                Image image = images.waitForImport(id, java.time.Duration.ofSeconds(timeoutSeconds));
                out().println("image " + id + " is " + image.status().value()
                        + (image.size() != null ? ", " + ProgressBar.bytes(image.size()) : ""));
            }
        }
    }

    /** Counts the bytes read from stdin, whose size is not known up front. */
    static final class CountingInputStream extends java.io.FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
