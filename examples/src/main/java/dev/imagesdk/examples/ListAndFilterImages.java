package dev.imagesdk.examples;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.ListOpts;
import dev.imagesdk.images.model.SortDirection;
import dev.imagesdk.images.model.SortKey;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Example: list images and filter the listing on the server.
 *
 * <p>Run it against your cloud ({@code OS_CLOUD} or {@code OS_*} set) or, without configuration,
 * against an embedded emulator:
 * {@code java -cp examples/target/imagectl.jar dev.imagesdk.examples.ListAndFilterImages}
 */
public final class ListAndFilterImages {
    private ListAndFilterImages() {
    }

    /** Runs the example on your cloud or an embedded emulator (see {@link Examples}). */
    public static void main(String[] args) {
        try (Examples.Session session = Examples.session(System.out)) {
            run(session.client(), System.out);
        }
    }

    /** The example: creates three images, filters them three ways, deletes them again. */
    public static void run(ServiceClient client, PrintStream out) {
        Images images = Images.of(client);

        // Some images to look at: two tagged "example-web", one qcow2 with a custom property.
        List<String> created = new ArrayList<>();
        created.add(images.create(CreateOpts.builder().name("example-web-1").diskFormat(DiskFormat.RAW)
                .tags("example-web").build()).id());
        created.add(images.create(CreateOpts.builder().name("example-web-2").diskFormat(DiskFormat.RAW)
                .tags("example-web").build()).id());
        created.add(images.create(CreateOpts.builder().name("example-db").diskFormat(DiskFormat.QCOW2)
                .property("os_distro", "debian").build()).id());
        try {
            // list() is lazy: pages are fetched as the loop advances, one page in memory at a time.
            out.println("Images tagged example-web, by name:");
            ListOpts byTag = ListOpts.builder().tag("example-web").sort(SortKey.asc("name")).build();
            for (Image image : images.list(byTag)) {
                out.println("  " + image.name() + "  " + image.status().value());
            }

            // Custom properties are filters too: ?os_distro=debian
            out.println("Images with os_distro=debian:");
            images.list(ListOpts.builder().property("os_distro", "debian").build())
                    .forEach(image -> out.println("  " + image.name() + "  " + image.diskFormat().value()));

            // Several names at once (Glance's in: operator), sorted by name descending.
            out.println("Images named example-web-2 or example-db, by name descending:");
            ListOpts byNames = ListOpts.builder().names("example-web-2", "example-db")
                    .sort("name", SortDirection.DESC).build();
            images.list(byNames).stream().map(Image::name).forEach(name -> out.println("  " + name));
        } finally {
            created.forEach(images::delete);
            out.println("Deleted the " + created.size() + " example images.");
        }
    }
}
