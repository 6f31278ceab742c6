package dev.imagesdk.examples.cli;

import dev.imagesdk.examples.cli.output.Record;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.locations.ImageLocations;
import dev.imagesdk.images.locations.LocationOpts;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code imagectl locations ...}: an image's locations (servers that show them; API 2.17's locations API). */
@Command(name = "locations", description = "Show and change where an image's data lives (servers that show locations).",
        mixinStandardHelpOptions = true,
        subcommands = {LocationsCommand.ListLocations.class, LocationsCommand.Add.class, LocationsCommand.Remove.class,
                LocationsCommand.Replace.class, LocationsCommand.Create.class})
final class LocationsCommand {
    private LocationsCommand() {
    }

    private static List<Record> rows(List<Image.Location> locations) {
        List<Record> rows = new ArrayList<>();
        for (Image.Location l : locations) {
            Object store = l.metadata().get("store");
            rows.add(Record.of().put("url", l.url()).put("store", store == null ? null : String.valueOf(store))
                    .put("metadata", l.metadata()));
        }
        return rows;
    }

    private static final List<String> COLUMNS = List.of("url", "store");

    /** The hidden-locations case of a listing from the image record. */
    private static List<Image.Location> shown(Image image) {
        return image.locations().orElseThrow(() -> new CommandException(ExitCodes.SERVER_ERROR,
                "the service hides image locations (Glance's show_multiple_locations is off)",
                "An operator can show them; API 2.17 services may use: imagectl locations list --api"));
    }

    /** Options shared by add and create. */
    static final class LocationOptions {
        @Option(names = "--hash", paramLabel = "ALGO:HEX",
                description = "The data's hash as Glance computes it (e.g. sha512:...); Glance trusts it.")
        String hash;

        @Option(names = "--checksum", paramLabel = "MD5", description = "The data's MD5 (Glance's checksum).")
        String checksum;

        LocationOpts.Builder builder(String url) {
            LocationOpts.Builder b = LocationOpts.builder().url(url);
            if (hash != null) {
                int colon = hash.indexOf(':');
                if (colon <= 0) {
                    throw new CommandException(ExitCodes.USAGE, "--hash must be ALGO:HEX, was " + hash,
                            "For example --hash sha512:$(sha512sum FILE | cut -d' ' -f1)");
                }
                b.hash(hash.substring(0, colon), hash.substring(colon + 1));
            }
            if (checksum != null) {
                b.checksum(checksum);
            }
            return b;
        }
    }

    @Command(name = "list", description = "List an image's locations.", mixinStandardHelpOptions = true)
    static final class ListLocations extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(paramLabel = "IMAGE", description = "Image id or unique name.")
        String image;

        @Option(names = "--api", description = "Ask the locations API (Image API 2.17; the service role) "
                + "instead of reading the image record.")
        boolean api;

        @Override
        void run() {
            String id = imageId(image);
            List<Image.Location> locations = api ? ImageLocations.of(client()).list(id)
                    : shown(Images.of(client()).get(id));
            format.printList(rows(locations), COLUMNS, out());
        }
    }

    @Command(name = "add", description = "Add a location to an image (a queued image becomes active).",
            mixinStandardHelpOptions = true)
    static final class Add extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(index = "0", paramLabel = "IMAGE", description = "Image id or unique name.")
        String image;

        @Parameters(index = "1", paramLabel = "URL", description = "Where the data is (http(s) for a project).")
        String url;

        @Option(names = "--metadata", paramLabel = "KEY=VALUE", description = "Store metadata; repeatable.")
        Map<String, String> metadata = new LinkedHashMap<>();

        @Mixin
        LocationOptions options;

        @Override
        void run() {
            LocationOpts.Builder b = options.builder(url);
            metadata.forEach(b::metadata);
            Image after = ImageLocations.of(client()).add(imageId(image), b.build());
            format.printList(rows(shown(after)), COLUMNS, out());
            err().println("imagectl: image " + after.id() + " has " + shown(after).size() + " location(s), status "
                    + after.status());
        }
    }

    @Command(name = "remove", description = "Remove an image's location (the data behind the URL stays).",
            mixinStandardHelpOptions = true)
    static final class Remove extends ApiCommand {
        @Parameters(index = "0", paramLabel = "IMAGE", description = "Image id or unique name.")
        String image;

        @Parameters(index = "1", paramLabel = "URL", description = "The location's URL.")
        String url;

        @Override
        void run() {
            Image after = ImageLocations.of(client()).remove(imageId(image), url);
            err().println("imagectl: removed " + url + " from image " + after.id() + " ("
                    + shown(after).size() + " location(s) left)");
        }
    }

    @Command(name = "replace", description = "Set the locations of an image that has none (it becomes active).",
            mixinStandardHelpOptions = true)
    static final class Replace extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(index = "0", paramLabel = "IMAGE", description = "Image id or unique name.")
        String image;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "URL", description = "The locations' URLs.")
        List<String> urls;

        @Override
        void run() {
            List<LocationOpts> locations = urls.stream().map(LocationOpts::of).toList();
            Image after = ImageLocations.of(client()).replace(imageId(image), locations);
            format.printList(rows(shown(after)), COLUMNS, out());
        }
    }

    @Command(name = "create", description = "Attach the data at an http(s) URL to a queued image "
            + "(Image API 2.17; Glance reads it and makes the image active).", mixinStandardHelpOptions = true)
    static final class Create extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(index = "0", paramLabel = "IMAGE", description = "Image id or unique name.")
        String image;

        @Parameters(index = "1", paramLabel = "URL", description = "Where the data is.")
        String url;

        @Mixin
        LocationOptions options;

        @Option(names = "--wait", description = "Wait until the image is active and show it.")
        boolean wait;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
                description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Override
        void run() {
            String id = imageId(image);
            ImageLocations.of(client()).create(id, options.builder(url).build());
            if (wait) {
                Image active = Images.of(client()).waitFor(id, ImageStatus.ACTIVE, Duration.ofSeconds(timeoutSeconds));
                format.printOne(ImageViews.record(active), out());
            } else {
                err().println("imagectl: Glance is adding " + url + " to image " + id
                        + " (see imagectl images show " + id + ")");
            }
        }
    }
}
