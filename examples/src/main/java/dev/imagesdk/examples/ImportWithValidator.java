package dev.imagesdk.examples;

import com.sun.net.httpserver.HttpServer;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.data.RawImageValidator;
import dev.imagesdk.images.importing.ImportOpts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Example: import with Glance's interoperable import, checking first that the data is a bootable raw
 * disk ({@link RawImageValidator}: an MBR boot signature in the first 512 bytes), both for a URL (one
 * {@code Range} request, before a web-download import) and for a local file (before staging).
 *
 * <p>{@code java -cp examples/target/imagectl.jar dev.imagesdk.examples.ImportWithValidator}
 */
public final class ImportWithValidator {
    private ImportWithValidator() {
    }

    /** Runs the example on your cloud or an embedded emulator (see {@link Examples}). */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("imagesdk-example");
        try (Examples.Session session = Examples.session(System.out)) {
            run(session.client(), dir, System.out);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The example; writes its sample disks into {@code dir}. */
    public static void run(ServiceClient client, Path dir, PrintStream out) throws IOException {
        Images images = Images.of(client);

        // Two sample disks: a raw disk with a valid MBR, and something else (a qcow2 header).
        byte[] raw = new byte[1 << 20];
        raw[510] = 0x55;
        raw[511] = (byte) 0xAA;
        Path bootable = Files.write(dir.resolve("bootable.raw"), raw);
        byte[] qcow = new byte[1 << 20];
        System.arraycopy(new byte[] {'Q', 'F', 'I', (byte) 0xFB}, 0, qcow, 0, 4);
        Path notBootable = Files.write(dir.resolve("disk.qcow2"), qcow);

        // 1. Checking URLs: a small web server plays the download site.
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            Path file = exchange.getRequestURI().getPath().endsWith(".raw") ? bootable : notBootable;
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream body = exchange.getResponseBody()) {
                Files.copy(file, body);
            }
        });
        site.start();
        try {
            String base = "http://127.0.0.1:" + site.getAddress().getPort() + "/";
            for (String name : new String[] {"bootable.raw", "disk.qcow2"}) {
                RawImageValidator.Result r = RawImageValidator.check(client, URI.create(base + name));
                out.println("URL " + name + ": " + (r.isValid() ? "bootable raw disk" : "refused, " + r.reason().orElse("")));
            }
            // With requireBootableRaw() the SDK runs that check itself before a web-download import.
            if (images.importMethods().contains(ImportOpts.WEB_DOWNLOAD)) {
                Image fromUrl = images.create(CreateOpts.builder().name("example-web-download")
                        .diskFormat(DiskFormat.RAW).containerFormat(ContainerFormat.BARE).build());
                try {
                    images.importImage(fromUrl.id(),
                            ImportOpts.webDownload(URI.create(base + "bootable.raw")).requireBootableRaw().build());
                    out.println("web-download import: " + images.waitFor(fromUrl.id(), ImageStatus.ACTIVE,
                            Duration.ofMinutes(2)).status().value());
                } finally {
                    images.delete(fromUrl.id());
                }
            } else {
                out.println("This service does not offer web-download; importing the local file instead.");
            }
        } finally {
            site.stop(0);
        }

        // 2. Checking a local file, then staging it and importing it (glance-direct).
        out.println("File disk.qcow2: " + RawImageValidator.check(notBootable).reason().orElse("bootable raw disk"));
        RawImageValidator.requireBootable(bootable); // throws ValidationException with the reason otherwise
        Image image = images.create(CreateOpts.builder().name("example-import")
                .diskFormat(DiskFormat.RAW).containerFormat(ContainerFormat.BARE).build());
        try {
            images.stage(image.id(), bootable);
            out.println("Staged; status " + images.get(image.id()).status().value());
            images.importImage(image.id(), ImportOpts.glanceDirect().build());
            Image active = images.waitFor(image.id(), ImageStatus.ACTIVE, Duration.ofMinutes(2));
            out.println("Imported: status " + active.status().value() + ", size " + active.size());
        } finally {
            images.delete(image.id());
            out.println("Deleted the image.");
        }
    }
}
