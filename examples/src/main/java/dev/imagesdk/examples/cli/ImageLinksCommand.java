package dev.imagesdk.examples.cli;

import dev.imagesdk.examples.cli.output.Record;
import dev.imagesdk.links.ImageLink;
import dev.imagesdk.links.ImageLinks;
import dev.imagesdk.links.LinkCreateOpts;
import dev.imagesdk.links.LinkListOpts;
import dev.imagesdk.links.LinkUpdateOpts;
import dev.imagesdk.links.Scope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code imagectl image-links ...}: the records that make an image available globally (no organization,
 * no space), to an organization, or to a space. Listings show only the links that apply to the caller:
 * global ones, those of organizations where the caller has an active role, those of spaces where it has
 * an active space role.
 */
@Command(name = "image-links", description = "Image links: which users see which image (global, organization, space).",
        mixinStandardHelpOptions = true,
        subcommands = {
                ImageLinksCommand.ListLinks.class,
                ImageLinksCommand.Show.class,
                ImageLinksCommand.Create.class,
                ImageLinksCommand.Update.class,
                ImageLinksCommand.Delete.class})
final class ImageLinksCommand {
    /** The fields of a link, as the seed's {@code image-links list} prints them. */
    static final List<String> COLUMNS = List.of("imid", "linkid", "org_slug", "space_slug", "priority", "space_type", "comment");

    private ImageLinksCommand() {
    }

    static Record record(ImageLink l) {
        return Record.of()
                .put("imid", l.imageId())
                .put("linkid", l.linkId())
                .put("org_slug", l.orgSlug())
                .put("space_slug", l.spaceSlug())
                .put("priority", l.priority())
                .put("space_type", l.spaceType())
                .put("comment", l.comment());
    }

    static ImageLinks links(ApiCommand c) {
        return ImageLinks.of(c.client());
    }

    /** The scope named by --org/--space (neither: global); --space without --org is a usage error. */
    static Scope scope(String org, String space) {
        if (space != null && org == null) {
            throw new CommandException(ExitCodes.USAGE, "--space " + space + " needs its organization",
                    "Add --org SLUG (a space belongs to an organization)");
        }
        return Scope.of(org, space);
    }

    @Command(name = "list", description = "List the image links that apply to you: global first, then organization, "
            + "then space links, each by priority.", mixinStandardHelpOptions = true)
    static final class ListLinks extends ApiCommand {
        @Mixin
        FormatOption format;

        @Option(names = "--image", paramLabel = "IMAGE", description = "Only links of this image (id or unique name).")
        String imageId;

        @Option(names = "--org", paramLabel = "SLUG", description = "Only links of this organization.")
        String org;

        @Option(names = "--space", paramLabel = "SLUG", description = "Only links of this space.")
        String space;

        @Option(names = "--space-type", paramLabel = "TYPE", description = "Only links with this space type.")
        String spaceType;

        @Override
        void run() {
            LinkListOpts.Builder b = LinkListOpts.builder();
            if (imageId != null) {
                b.imageId(imageId(imageId));
            }
            if (org != null) {
                b.orgSlug(org);
            }
            if (space != null) {
                b.spaceSlug(space);
            }
            if (spaceType != null) {
                b.spaceType(spaceType);
            }
            List<Record> rows = new ArrayList<>();
            for (ImageLink link : links(this).list(b.build())) {
                rows.add(record(link));
            }
            format.printList(rows, COLUMNS, out());
        }
    }

    @Command(name = "show", description = "Show one image link.", mixinStandardHelpOptions = true)
    static final class Show extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(paramLabel = "LINKID", description = "The link id.")
        String linkId;

        @Override
        void run() {
            format.printOne(record(links(this).get(linkId)), out());
        }
    }

    @Command(name = "create", description = "Make an image available: globally (no --org), to an organization "
            + "(--org) or to a space (--org and --space).", mixinStandardHelpOptions = true)
    static final class Create extends ApiCommand {
        @Mixin
        FormatOption format;

        @Option(names = "--image", required = true, paramLabel = "IMAGE", description = "The image (id or unique name).")
        String imageId;

        @Option(names = "--org", paramLabel = "SLUG", description = "Organization slug.")
        String org;

        @Option(names = "--space", paramLabel = "SLUG", description = "Space slug (needs --org).")
        String space;

        @Option(names = "--priority", description = "Display priority within the scope (lower first).")
        Integer priority;

        @Option(names = "--space-type", paramLabel = "TYPE", description = "Type of space, for filtering.")
        String spaceType;

        @Option(names = "--comment", description = "A descriptive comment.")
        String comment;

        @Override
        void run() {
            Scope scope = scope(org, space);
            LinkCreateOpts.Builder b = LinkCreateOpts.builder(imageId(imageId), scope);
            if (priority != null) {
                b.priority(priority);
            }
            if (spaceType != null) {
                b.spaceType(spaceType);
            }
            if (comment != null) {
                b.comment(comment);
            }
            format.printOne(record(links(this).create(b.build())), out());
        }
    }

    @Command(name = "update", description = "Change a link's priority or comment (its image and scope stay).",
            mixinStandardHelpOptions = true)
    static final class Update extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(paramLabel = "LINKID", description = "The link id.")
        String linkId;

        @Option(names = "--priority", description = "New display priority within the scope (lower first).")
        Integer priority;

        @Option(names = "--comment", description = "New comment.")
        String comment;

        @Option(names = "--no-comment", description = "Remove the comment.")
        boolean noComment;

        @Override
        void run() {
            if (comment != null && noComment) {
                throw new CommandException(ExitCodes.USAGE, "--comment and --no-comment exclude each other", "Give one of them");
            }
            if (priority == null && comment == null && !noComment) {
                throw new CommandException(ExitCodes.USAGE, "nothing to change", "Give --priority, --comment or --no-comment");
            }
            LinkUpdateOpts.Builder b = LinkUpdateOpts.builder();
            if (priority != null) {
                b.priority(priority);
            }
            if (comment != null) {
                b.comment(comment);
            }
            if (noComment) {
                b.clearComment();
            }
            format.printOne(record(links(this).update(linkId, b.build())), out());
        }
    }

    @Command(name = "delete", description = "Delete image links (the images stay).", mixinStandardHelpOptions = true)
    static final class Delete extends ApiCommand {
        @Parameters(paramLabel = "LINKID", arity = "1..*", description = "Link ids.")
        List<String> linkIds;

        @Override
        void run() {
            each(linkIds, "image links", "deleted", id -> {
                links(this).delete(id);
                out().println("deleted image link " + id);
            });
        }
    }
}
