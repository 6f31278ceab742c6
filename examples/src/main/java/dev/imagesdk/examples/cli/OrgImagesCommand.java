package dev.imagesdk.examples.cli;

import dev.imagesdk.examples.cli.output.Record;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.links.ImageLinks;
import dev.imagesdk.links.ImageSource;
import dev.imagesdk.links.OrganizationImage;
import dev.imagesdk.links.OrganizationImages;
import dev.imagesdk.links.Provenance;
import dev.imagesdk.links.Scope;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code imagectl org-images ...}: the images an organization owns in the region of the client (seed 002), over
 * sdk-links' {@code ImageLinks.organization(org)}: ownership and provenance are Glance properties the SDK reads back
 * ({@code imagesdk:org}, {@code imagesdk:provenance}), a raw image's boot sector is checked before any request, and
 * deleting refuses an image the organization does not own before any {@code DELETE}.
 */
@Command(name = "org-images", description = "An organization's images in this region (seed 002): list, show, publish "
        + "(ownership, provenance and links, a raw image's boot sector checked first), delete (only what the "
        + "organization owns).",
        mixinStandardHelpOptions = true,
        subcommands = {
                OrgImagesCommand.ListImages.class,
                OrgImagesCommand.Show.class,
                OrgImagesCommand.Publish.class,
                OrgImagesCommand.Delete.class})
final class OrgImagesCommand {
    /** Columns of {@code org-images list -f tabulated}; JSON and YAML carry every field. */
    static final List<String> COLUMNS = List.of("id", "name", "status", "visibility", "organization", "source", "by");

    private OrgImagesCommand() {
    }

    /**
     * An organization image: the image's main attributes, its ownership and provenance as the SDK decodes them, what
     * could not be decoded, and the region of the Glance that holds it ({@code null} for a fixed endpoint).
     */
    static Record record(OrganizationImage i, String region) {
        Provenance p = i.provenance().orElse(null);
        return Record.of()
                .put("id", i.id())
                .put("name", i.image().name())
                .put("status", i.image().status())
                .put("visibility", i.image().visibility())
                .put("size", i.image().size())
                .put("disk_format", i.image().diskFormat())
                .put("owner", i.image().owner())
                .put("organization", i.organization().orElse(null))
                .put("source", p == null ? null : p.source().wireValue())
                .put("by", p == null ? null : p.by().orElse(null))
                .put("from", p == null ? null : p.from().orElse(null))
                .put("region", region)
                .put("decoding_problems", i.decodingProblems());
    }

    /**
     * The organization's images. Reading and deleting touch only the images (ownership is an image property, and an
     * image's links go with it), so they need no links backend; publishing writes links and takes one.
     */
    static OrganizationImages organization(ApiCommand c, String org) {
        return ImageLinks.of(c.client()).organization(org);
    }

    @Command(name = "list", description = "List the organization's images in this region: one Glance query per page "
            + "(GET /v2/images?imagesdk:org=ORG&visibility=all); only images your project may see.",
            mixinStandardHelpOptions = true)
    static final class ListImages extends ApiCommand {
        @Mixin
        FormatOption format;

        @Option(names = "--org", required = true, paramLabel = "SLUG", description = "The organization.")
        String org;

        @Override
        void run() {
            OrganizationImages images = organization(this, org);
            String region = images.region().orElse(null);
            List<Record> rows = new ArrayList<>();
            for (OrganizationImage i : images.list()) {
                rows.add(record(i, region));
            }
            format.printList(rows, COLUMNS, out());
        }
    }

    @Command(name = "show", description = "Show an image with its ownership and provenance, whichever organization "
            + "owns it (none: organization is empty).", mixinStandardHelpOptions = true)
    static final class Show extends ApiCommand {
        @Mixin
        FormatOption format;

        @Option(names = "--org", required = true, paramLabel = "SLUG", description = "The organization.")
        String org;

        @Parameters(paramLabel = "IMAGE", description = "The image (id or unique name).")
        String image;

        @Override
        void run() {
            OrganizationImages images = organization(this, org);
            format.printOne(record(images.get(imageId(image)), images.region().orElse(null)), out());
        }
    }

    @Command(name = "publish", description = "Create an image owned by the organization, with its provenance, its "
            + "links (default: the organization's link; --space: those spaces' links) and its data (--file: uploaded, "
            + "--url: imported by Glance with web-download), all or nothing. A raw image's first 512 bytes must be a "
            + "Master Boot Record (checked before any request) unless --no-boot-sector-check.",
            mixinStandardHelpOptions = true)
    static final class Publish extends ApiCommand {
        @Mixin
        FormatOption format;

        @Mixin
        ImagesCommand.ImageAttributes attributes;

        @Option(names = "--org", required = true, paramLabel = "SLUG", description = "The organization that owns the image.")
        String org;

        @Option(names = "--space", paramLabel = "SLUG", description = "Link the image to this space of --org (repeatable) "
                + "instead of to the organization itself.")
        List<String> spaces = new ArrayList<>();

        @Option(names = "--org-link", description = "With --space: also link the image to the organization itself.")
        boolean orgLink;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Data data = new Data();

        /** Where the data comes from; neither: the record only. */
        static final class Data {
            @Option(names = "--file", paramLabel = "FILE", description = "Upload this file as the image's data.")
            Path file;

            @Option(names = "--url", paramLabel = "URL", description = "Have Glance import the data from this URL "
                    + "(web-download; Glance works in the background: see --wait).")
            URI url;
        }

        @Option(names = "--by", paramLabel = "USER", description = "Who brings the data, recorded in the provenance "
                + "(default: the user of your Keystone token; none with --endpoint).")
        String by;

        @Option(names = "--no-boot-sector-check", description = "Do not check that a raw image starts with a Master "
                + "Boot Record (Glance 30.0 still inspects uploaded data itself).")
        boolean noBootSectorCheck;

        @Option(names = "--wait", description = "Wait until the image is active (with --file or --url).")
        boolean waitActive;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
                description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @ArgGroup(exclusive = false, heading = "Links backend:%n")
        ImageLinksCommand.BackendOptions backend = new ImageLinksCommand.BackendOptions();

        @Mixin
        ImageLinksCommand.ScopeProjectOptions scopeProjects;

        @Override
        void run() throws NoSuchFileException {
            if (orgLink && spaces.isEmpty()) {
                throw new CommandException(ExitCodes.USAGE, "--org-link needs --space",
                        "Without --space the image gets the organization's link anyway");
            }
            if (waitActive && data.file == null && data.url == null) {
                throw new CommandException(ExitCodes.USAGE, "--wait needs --file or --url", "Give the data, or leave out --wait");
            }
            if (data.file != null && !Files.isRegularFile(data.file)) {
                throw new NoSuchFileException(data.file.toString());
            }
            ImageSource source = data.file != null ? ImageSource.file(data.file)
                    : data.url != null ? ImageSource.webDownload(data.url) : ImageSource.none();
            if (by != null) {
                source = source.by(by);
            }
            if (noBootSectorCheck) {
                source = source.withoutBootSectorCheck();
            }
            List<Scope> scopes = new ArrayList<>();
            if (orgLink) {
                scopes.add(Scope.organization(org));
            }
            for (String s : spaces) {
                scopes.add(Scope.space(org, s));
            }
            OrganizationImages images = ImageLinksCommand.links(this, backend, scopeProjects).organization(org);
            OrganizationImage created = images.create(attributes.createOpts().build(), source, scopes.toArray(new Scope[0]));
            if (waitActive) {
                Images glance = Images.of(client());
                Duration timeout = Duration.ofSeconds(timeoutSeconds);
                if (data.url != null) {
                    glance.waitForImport(created.id(), timeout);
                } else {
                    glance.waitFor(created.id(), ImageStatus.ACTIVE, timeout);
                }
                created = images.get(created.id());
            }
            format.printOne(record(created, images.region().orElse(null)), out());
            ImageLinksCommand.warnUnresolved(this, scopeProjects, scopes.isEmpty() ? List.of(Scope.organization(org)) : scopes);
        }
    }

    @Command(name = "delete", description = "Delete images of the organization; an image it does not own is refused "
            + "before any DELETE (exit code 5), one Glance says is in use is exit code 6.", mixinStandardHelpOptions = true)
    static final class Delete extends ApiCommand {
        @Option(names = "--org", required = true, paramLabel = "SLUG", description = "The organization.")
        String org;

        @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image ids (or unique names).")
        List<String> images;

        @Override
        void run() {
            OrganizationImages organization = organization(this, org);
            each(images, "images", "deleted", image -> {
                String id = imageId(image);
                organization.delete(id);
                out().println("deleted image " + id + " of organization " + org);
            });
        }
    }
}
