package dev.imagesdk.examples.cli;

import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.examples.cli.output.Record;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.ListOpts;
import dev.imagesdk.images.model.MemberStatus;
import dev.imagesdk.images.model.SortDirection;
import dev.imagesdk.images.model.UpdateOpts;
import dev.imagesdk.images.model.Visibility;
import dev.imagesdk.links.ImageLink;
import dev.imagesdk.links.ImageLinks;
import dev.imagesdk.links.PublishedImage;
import dev.imagesdk.links.Scope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code imagectl images ...}: the Image API v2 images resource. */
@Command(name = "images", description = "List, inspect, create, change and delete images; move image data.",
        mixinStandardHelpOptions = true,
        subcommands = {
                ImagesCommand.ListImages.class,
                ImagesCommand.Show.class,
                ImagesCommand.Create.class,
                ImagesCommand.Update.class,
                ImagesCommand.Delete.class,
                ImagesCommand.Deactivate.class,
                ImagesCommand.Reactivate.class,
                ImagesCommand.StoreDelete.class,
                ImageDataCommands.Upload.class,
                ImageDataCommands.Download.class,
                ImageDataCommands.Import.class,
                ImagesCommand.Tag.class})
final class ImagesCommand {

    private ImagesCommand() {
    }

    static Images images(ApiCommand c) {
        return Images.of(c.client());
    }

    /** Parses {@code key=value} pairs of repeatable options. */
    static Map<String, String> pairs(List<String> values, String option) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                throw new ValidationException(option + " needs KEY=VALUE, got \"" + v + "\"");
            }
            out.put(v.substring(0, eq), v.substring(eq + 1));
        }
        return out;
    }

    @Command(name = "list", description = "List the images you can see, newest first (all pages, fetched lazily).",
            mixinStandardHelpOptions = true)
    static final class ListImages extends ApiCommand {
        @Mixin
        FormatOption format;

        @Option(names = "--name", description = "Only images with this exact name.")
        String name;

        @Option(names = "--status", description = "Only images in this status (queued, active, deactivated, ...).")
        String status;

        @Option(names = "--visibility", description = "public, community, shared, private or all.")
        String visibility;

        @Option(names = "--member-status", description = "For shared images: pending, accepted, rejected or all.")
        String memberStatus;

        @Option(names = "--owner", paramLabel = "PROJECT", description = "Only images owned by this project.")
        String owner;

        @Option(names = "--tag", description = "Only images carrying this tag (repeat: all of them).")
        List<String> tags = new ArrayList<>();

        @Option(names = "--property", paramLabel = "KEY=VALUE", description = "Only images with this custom property.")
        List<String> properties = new ArrayList<>();

        @Option(names = "--sort", paramLabel = "KEY[:asc|desc][,...]", description = "Sort, e.g. name:asc,created_at:desc.")
        String sort;

        @Option(names = "--limit", description = "Print at most this many images.")
        Integer limit;

        @Option(names = "--page-size", description = "Images per request (the server's default when absent).")
        Integer pageSize;

        @Option(names = "--hidden", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
                description = "Only hidden images (os_hidden; not in default listings), or with false only visible ones.")
        Boolean hidden;

        @Option(names = "--protected", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
                description = "Only protected images, or with false only unprotected ones.")
        Boolean isProtected;

        @Option(names = "--disk-format", paramLabel = "FORMAT", split = ",",
                description = "Only images with this disk format (raw, qcow2, ...; comma-separated: any of them).")
        List<String> diskFormats = new ArrayList<>();

        @Option(names = "--container-format", paramLabel = "FORMAT", split = ",",
                description = "Only images with this container format (bare, ovf, ...; comma-separated: any of them).")
        List<String> containerFormats = new ArrayList<>();

        @Option(names = "--size-min", paramLabel = "BYTES", description = "Only images with at least this many bytes.")
        Long sizeMin;

        @Option(names = "--size-max", paramLabel = "BYTES", description = "Only images with at most this many bytes.")
        Long sizeMax;

        @Option(names = "--checksum", paramLabel = "MD5", description = "Only images with this md5 checksum.")
        String checksum;

        @Option(names = "--hash", paramLabel = "HEX", description = "Only images with this os_hash_value (e.g. sha512).")
        String hash;

        @Option(names = "--long", description = "Show every field in tabulated, value and CSV output.")
        boolean longListing;

        @Override
        void run() {
            ListOpts.Builder b = ListOpts.builder();
            if (name != null) {
                b.name(name);
            }
            if (hidden != null) {
                b.hidden(hidden);
            }
            if (isProtected != null) {
                b.isProtected(isProtected);
            }
            if (!diskFormats.isEmpty()) {
                b.diskFormats(diskFormats.stream().map(DiskFormat::of).toArray(DiskFormat[]::new));
            }
            if (!containerFormats.isEmpty()) {
                b.containerFormats(containerFormats.stream().map(ContainerFormat::of).toArray(ContainerFormat[]::new));
            }
            if (sizeMin != null) {
                b.sizeMin(sizeMin);
            }
            if (sizeMax != null) {
                b.sizeMax(sizeMax);
            }
            if (checksum != null) {
                b.checksum(checksum);
            }
            if (hash != null) {
                b.osHashValue(hash);
            }
            if (status != null) {
                b.status(ImageStatus.of(status));
            }
            if ("all".equals(visibility)) {
                b.anyVisibility();
            } else if (visibility != null) {
                b.visibility(Visibility.of(visibility));
            }
            if ("all".equals(memberStatus)) {
                b.anyMemberStatus();
            } else if (memberStatus != null) {
                b.memberStatus(MemberStatus.of(memberStatus));
            }
            if (owner != null) {
                b.owner(owner);
            }
            tags.forEach(b::tag);
            pairs(properties, "--property").forEach(b::property);
            if (sort != null) {
                for (String part : sort.split(",")) {
                    String[] kd = part.trim().split(":", 2);
                    SortDirection dir = kd.length == 2 ? direction(kd[1]) : SortDirection.DESC;
                    b.sort(kd[0], dir);
                }
            }
            if (pageSize != null) {
                b.limit(pageSize);
            }
            if (limit != null && limit < 0) {
                throw new ValidationException("--limit must not be negative");
            }
            List<Record> rows = new ArrayList<>();
            for (Image image : images(this).list(b.build())) {
                if (limit != null && rows.size() >= limit) {
                    break;
                }
                rows.add(ImageViews.record(image));
            }
            format.printList(rows, longListing ? List.of() : ImageViews.LIST_COLUMNS, out());
        }

        private static SortDirection direction(String d) {
            try {
                return SortDirection.valueOf(d.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ValidationException("sort direction must be asc or desc, was \"" + d + "\"", e);
            }
        }
    }

    @Command(name = "show", description = "Show every attribute of an image.", mixinStandardHelpOptions = true)
    static final class Show extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(paramLabel = "IMAGE", description = "The image: its id or its (unique) name.")
        String id;

        @Override
        void run() {
            format.printOne(ImageViews.record(images(this).find(id)), out());
        }
    }

    /** Options shared by create and update. */
    static final class ImageAttributes {
        @Option(names = "--name", description = "Image name.")
        String name;

        @Option(names = "--visibility", description = "private, shared (Glance's default), community or public (admin).")
        String visibility;

        @Option(names = "--disk-format", description = "raw, qcow2, vmdk, vdi, iso, ...")
        String diskFormat;

        @Option(names = "--container-format", description = "bare, ovf, ova, docker, ...")
        String containerFormat;

        @Option(names = "--min-disk", paramLabel = "GB", description = "Minimum disk size to boot, in GB.")
        Integer minDisk;

        @Option(names = "--min-ram", paramLabel = "MB", description = "Minimum RAM to boot, in MB.")
        Integer minRam;

        @Option(names = "--protected", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
                description = "Protect the image from deletion.")
        Boolean isProtected;

        @Option(names = "--hidden", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
                description = "Hide the image from default listings (os_hidden).")
        Boolean hidden;

        @Option(names = "--property", paramLabel = "KEY=VALUE", description = "Set a custom property (repeatable).")
        List<String> properties = new ArrayList<>();

        /** The options of an image to create, as given ({@code images create}, {@code org-images publish}). */
        CreateOpts.Builder createOpts() {
            CreateOpts.Builder b = CreateOpts.builder();
            if (name != null) {
                b.name(name);
            }
            if (visibility != null) {
                b.visibility(Visibility.of(visibility));
            }
            if (diskFormat != null) {
                b.diskFormat(DiskFormat.of(diskFormat));
            }
            if (containerFormat != null) {
                b.containerFormat(ContainerFormat.of(containerFormat));
            }
            if (minDisk != null) {
                b.minDisk(minDisk);
            }
            if (minRam != null) {
                b.minRam(minRam);
            }
            if (isProtected != null) {
                b.isProtected(isProtected);
            }
            if (hidden != null) {
                b.hidden(hidden);
            }
            pairs(properties, "--property").forEach(b::property);
            return b;
        }
    }

    @Command(name = "create", description = "Create an image record; with --file also upload its data (else see "
            + "images upload); with --global, --org or --org/--space also its image link (publish). Links kept in "
            + "Glance set the image's visibility and members only with --scope-project (or clouds.yaml "
            + "imagesdk_scope_projects); otherwise run 'image-links reconcile' afterwards.",
            mixinStandardHelpOptions = true)
    static final class Create extends ApiCommand {
        @Mixin
        FormatOption format;

        @Mixin
        ImageAttributes attributes;

        @Option(names = "--id", description = "Use this UUID instead of a server-chosen one.")
        String id;

        @Option(names = "--tag", description = "Add a tag (repeatable).")
        List<String> tags = new ArrayList<>();

        @Option(names = "--global", description = "Publish: also create a global image link (every user sees it).")
        boolean global;

        @Option(names = "--org", paramLabel = "SLUG",
                description = "Publish: also create an image link for this organization (with --space: for that space).")
        String org;

        @Option(names = "--space", paramLabel = "SLUG", description = "Publish to this space of --org.")
        String space;

        @Option(names = "--file", paramLabel = "FILE",
                description = "Also upload this file as the image's data (one step: create + upload). If the upload "
                        + "fails, the new image is deleted again.")
        java.nio.file.Path file;

        @Option(names = "--wait", description = "With --file: wait until the image is active.")
        boolean waitActive;

        @picocli.CommandLine.ArgGroup(exclusive = false, heading = "Links backend (seed 000: with a backend chosen by "
                + "flag or clouds.yaml, an image created without --org gets a global link):%n")
        ImageLinksCommand.BackendOptions backend = new ImageLinksCommand.BackendOptions();

        @Mixin
        ImageLinksCommand.ScopeProjectOptions scopeProjects;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
                description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Override
        void run() throws java.io.IOException {
            if (waitActive && file == null) {
                throw new CommandException(ExitCodes.USAGE, "--wait needs --file", "Give --file FILE to upload, or leave out --wait");
            }
            if (file != null && !java.nio.file.Files.isRegularFile(file)) {
                throw new java.nio.file.NoSuchFileException(file.toString());
            }
            CreateOpts.Builder b = attributes.createOpts();
            if (id != null) {
                b.id(id);
            }
            if (!tags.isEmpty()) {
                b.tags(tags);
            }
            // Seed 000: once a links backend is chosen, every image is created with its links; without scope, global.
            boolean autoGlobal = ImageLinksCommand.backendChosen(this, backend) && org == null && space == null;
            if (!global && !autoGlobal && org == null && space == null) {
                if (scopeProjects.given()) {
                    throw ImageLinksCommand.scopeProjectsWithoutGlance();
                }
                Image created = images(this).create(b.build());
                format.printOne(ImageViews.record(file == null ? created : uploadOrDelete(created, null, List.of())), out());
                return;
            }
            // Image and link(s) all or nothing: if a link fails, the image is removed again.
            List<Scope> scopes = new ArrayList<>();
            if (global || autoGlobal) {
                scopes.add(Scope.global());
            }
            if (org != null || space != null) {
                scopes.add(ImageLinksCommand.scope(org, space));
            }
            ImageLinks links = ImageLinksCommand.links(this, backend, scopeProjects);
            PublishedImage published = links.publish(b.build(), scopes.toArray(new Scope[0]));
            Image image = file == null ? published.image() : uploadOrDelete(published.image(), links, published.links());
            Record r = ImageViews.record(image);
            r.put("links", published.links().stream().map(ImageLink::linkId).toList());
            format.printOne(r, out());
            ImageLinksCommand.warnUnresolved(this, scopeProjects, scopes);
        }

        /**
         * Uploads --file to the new image, then waits if asked. If the upload fails, the image's new
         * links and the image are deleted again (a protected image is unprotected first).
         */
        private Image uploadOrDelete(Image created, ImageLinks linksClient, List<ImageLink> links) throws java.io.IOException {
            String imageId = created.id();
            Images images = images(this);
            long size = java.nio.file.Files.size(file);
            dev.imagesdk.examples.cli.output.ProgressBar bar = imagectl().progress(err(), "upload", size);
            try {
                images.upload(imageId, file, dev.imagesdk.images.data.UploadOpts.builder().size(size).listener(bar::update).build());
            } catch (RuntimeException e) {
                bar.abandon();
                try {
                    for (ImageLink link : links) {
                        linksClient.delete(link.linkId());
                    }
                    if (created.isProtected()) {
                        images.update(imageId, UpdateOpts.builder().isProtected(false).build());
                    }
                    images.delete(imageId);
                    err().println("imagectl: the upload failed; image " + imageId
                            + (links.isEmpty() ? "" : " and its links") + " were deleted again");
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                    err().println("imagectl: the upload failed and image " + imageId + " could not be deleted: "
                            + Failure.of(cleanup).message());
                }
                throw e;
            }
            long nanos = bar.finish();
            err().println(ImageDataCommands.summary("uploaded", size, nanos) + " to image " + imageId);
            return waitActive ? images.waitFor(imageId, ImageStatus.ACTIVE, java.time.Duration.ofSeconds(timeoutSeconds))
                    : images.get(imageId);
        }
    }

    @Command(name = "update", description = "Change an image's attributes (JSON patch).", mixinStandardHelpOptions = true)
    static final class Update extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(paramLabel = "IMAGE", description = "The image: its id or its (unique) name.")
        String id;

        @Mixin
        ImageAttributes attributes;

        @Option(names = "--remove-property", paramLabel = "KEY", description = "Remove a custom property (repeatable).")
        List<String> removeProperties = new ArrayList<>();

        @Option(names = "--tags", split = ",", paramLabel = "TAG", description = "Replace all tags with these.")
        List<String> tags;

        @Override
        void run() {
            UpdateOpts.Builder b = UpdateOpts.builder();
            ImageAttributes a = attributes;
            if (a.name != null) {
                b.name(a.name);
            }
            if (a.visibility != null) {
                b.visibility(Visibility.of(a.visibility));
            }
            if (a.diskFormat != null) {
                b.diskFormat(DiskFormat.of(a.diskFormat));
            }
            if (a.containerFormat != null) {
                b.containerFormat(ContainerFormat.of(a.containerFormat));
            }
            if (a.minDisk != null) {
                b.minDisk(a.minDisk);
            }
            if (a.minRam != null) {
                b.minRam(a.minRam);
            }
            if (a.isProtected != null) {
                b.isProtected(a.isProtected);
            }
            if (a.hidden != null) {
                b.hidden(a.hidden);
            }
            if (tags != null) {
                b.tags(tags);
            }
            pairs(a.properties, "--property").forEach(b::setProperty);
            removeProperties.forEach(b::removeProperty);
            boolean anyChange = a.name != null || a.visibility != null || a.diskFormat != null || a.containerFormat != null
                    || a.minDisk != null || a.minRam != null || a.isProtected != null || a.hidden != null || tags != null
                    || !a.properties.isEmpty() || !removeProperties.isEmpty();
            if (!anyChange) {
                throw new ValidationException("nothing to change: give at least one option such as --name or --property");
            }
            UpdateOpts opts = b.build();
            format.printOne(ImageViews.record(images(this).update(imageId(id), opts)), out());
        }
    }

    @Command(name = "delete", description = "Delete images and their data.", mixinStandardHelpOptions = true)
    static final class Delete extends ApiCommand {
        @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Images: ids or (unique) names.")
        List<String> ids;

        @Override
        void run() {
            each(ids, "images", "deleted", id -> {
                String imageId = imageId(id);
                images(this).delete(imageId);
                out().println("deleted image " + imageId + (imageId.equals(id) ? "" : " (" + id + ")"));
            });
        }
    }

    @Command(name = "store-delete", description = "Remove an image's data from one of its stores (the image and "
            + "its other copies stay).", mixinStandardHelpOptions = true)
    static final class StoreDelete extends ApiCommand {
        @Parameters(index = "0", paramLabel = "IMAGE", description = "The image: its id or its (unique) name.")
        String id;

        @Parameters(index = "1", paramLabel = "STORE", description = "The store to remove the data from (imagectl stores).")
        String store;

        @Override
        void run() {
            String imageId = imageId(id);
            images(this).deleteFromStore(imageId, store);
            out().println("removed the data of image " + imageId + " from store " + store);
        }
    }

    @Command(name = "deactivate", description = "Block downloads of an image's data (non-admins).",
            mixinStandardHelpOptions = true)
    static final class Deactivate extends ApiCommand {
        @Parameters(paramLabel = "IMAGE", description = "The image: its id or its (unique) name.")
        String id;

        @Override
        void run() {
            String imageId = imageId(id);
            images(this).deactivate(imageId);
            out().println("deactivated image " + imageId);
        }
    }

    @Command(name = "reactivate", description = "Make a deactivated image usable again.", mixinStandardHelpOptions = true)
    static final class Reactivate extends ApiCommand {
        @Parameters(paramLabel = "IMAGE", description = "The image: its id or its (unique) name.")
        String id;

        @Override
        void run() {
            String imageId = imageId(id);
            images(this).reactivate(imageId);
            out().println("reactivated image " + imageId);
        }
    }

    @Command(name = "tag", description = "Add or remove image tags.", mixinStandardHelpOptions = true,
            subcommands = {Tag.Add.class, Tag.Remove.class})
    static final class Tag {
        /**
         * Checks every tag before the first request: a tag goes into the URL path of
         * {@code /v2/images/ID/tags/TAG}, where Glance garbles non-ASCII characters (it decodes the
         * path as Latin-1); such tags can only be set through {@code images update --tags}.
         */
        static void checkTags(String id, List<String> tags) {
            for (String tag : tags) {
                if (tag.isBlank() || tag.length() > 255) {
                    throw new CommandException(ExitCodes.USAGE, "invalid tag \"" + tag + "\": a tag has 1 to 255 characters "
                            + "and is not blank", "Nothing was changed");
                }
                if (!tag.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
                    throw new CommandException(ExitCodes.USAGE, "tag \"" + tag + "\" has non-ASCII or control characters, "
                            + "which Glance garbles in a tag URL", "Nothing was changed. Set all of the image's tags "
                            + "in one go instead: imagectl images update " + id + " --tags TAG1,TAG2,...");
                }
            }
        }

        @Command(name = "add", description = "Add tags to an image.", mixinStandardHelpOptions = true)
        static final class Add extends ApiCommand {
            @Parameters(index = "0", paramLabel = "IMAGE", description = "The image: its id or its (unique) name.")
            String id;

            @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG", description = "Tags to add.")
            List<String> tags;

            @Override
            void run() {
                checkTags(id, tags);
                String id = imageId(this.id);
                each(tags, "tags", "added", tag -> {
                    images(this).addTag(id, tag);
                    out().println("tagged image " + id + " with " + tag);
                });
            }
        }

        @Command(name = "remove", description = "Remove tags from an image.", mixinStandardHelpOptions = true)
        static final class Remove extends ApiCommand {
            @Parameters(index = "0", paramLabel = "IMAGE", description = "The image: its id or its (unique) name.")
            String id;

            @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG", description = "Tags to remove.")
            List<String> tags;

            @Override
            void run() {
                checkTags(id, tags);
                String id = imageId(this.id);
                each(tags, "tags", "removed", tag -> {
                    images(this).removeTag(id, tag);
                    out().println("removed tag " + tag + " from image " + id);
                });
            }
        }
    }
}
