package dev.imagesdk.examples.cli;

import dev.imagesdk.images.model.MemberStatus;
import dev.imagesdk.examples.cli.output.Record;
import dev.imagesdk.members.Member;
import dev.imagesdk.members.Members;
import dev.imagesdk.members.Sharing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * {@code imagectl members ...}: sharing an image with other projects. The owner adds a project; the
 * project accepts (or rejects) with its own credentials; the owner can remove it again.
 */
@Command(name = "members", description = "Share images with other projects: add, accept, reject, remove, list.",
        mixinStandardHelpOptions = true,
        subcommands = {
                MembersCommand.ListMembers.class,
                MembersCommand.Add.class,
                MembersCommand.Accept.class,
                MembersCommand.Reject.class,
                MembersCommand.Remove.class})
final class MembersCommand {
    static final List<String> COLUMNS = List.of("image_id", "member_id", "status", "created_at", "updated_at");

    private MembersCommand() {
    }

    static Record record(Member m) {
        return Record.of()
                .put("image_id", m.imageId())
                .put("member_id", m.memberId())
                .put("status", m.status())
                .put("created_at", m.createdAt())
                .put("updated_at", m.updatedAt());
    }

    static Members members(ApiCommand c) {
        return Members.of(c.client());
    }

    /** The member project: the argument, else the caller's own --project. */
    static String memberOrSelf(ApiCommand c, String given) {
        if (given != null) {
            return given;
        }
        String own = c.imagectl().project;
        if (own == null) {
            throw new CommandException(ExitCodes.USAGE, "no member project given",
                    "Give your own project id after the image id (IMAGE PROJECT_ID), or --project");
        }
        return own;
    }

    @Command(name = "list", description = "List the projects an image is shared with (owner only).",
            mixinStandardHelpOptions = true)
    static final class ListMembers extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(paramLabel = "IMAGE", description = "The shared image (id or unique name).")
        String imageId;

        @Override
        void run() {
            List<Record> rows = members(this).listForImage(imageId(imageId)).stream().map(MembersCommand::record).toList();
            format.printList(rows, COLUMNS, out());
        }
    }

    @Command(name = "add", description = "Offer an image to a project (a private image is made 'shared' first). "
            + "The project then sees it with: images list --visibility shared --member-status pending",
            mixinStandardHelpOptions = true)
    static final class Add extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(index = "0", paramLabel = "IMAGE", description = "Your image (id or unique name).")
        String imageId;

        @Parameters(index = "1", paramLabel = "PROJECT_ID", description = "The project to share it with.")
        String projectId;

        @Override
        void run() {
            Member m = Sharing.share(ImagesCommand.images(this), members(this), imageId(imageId), projectId);
            format.printOne(record(m), out());
        }
    }

    @Command(name = "accept", description = "Accept an image offered to your project: it joins your default list.",
            mixinStandardHelpOptions = true)
    static final class Accept extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(index = "0", paramLabel = "IMAGE", description = "The offered image (id or unique name).")
        String imageId;

        @Parameters(index = "1", arity = "0..1", paramLabel = "PROJECT_ID",
                description = "Your project (default: --project).")
        String projectId;

        @Override
        void run() {
            format.printOne(record(members(this).update(imageId(imageId), memberOrSelf(this, projectId), MemberStatus.ACCEPTED)), out());
        }
    }

    @Command(name = "reject", description = "Reject an image offered to your project.", mixinStandardHelpOptions = true)
    static final class Reject extends ApiCommand {
        @Mixin
        FormatOption format;

        @Parameters(index = "0", paramLabel = "IMAGE", description = "The offered image (id or unique name).")
        String imageId;

        @Parameters(index = "1", arity = "0..1", paramLabel = "PROJECT_ID",
                description = "Your project (default: --project).")
        String projectId;

        @Override
        void run() {
            format.printOne(record(members(this).update(imageId(imageId), memberOrSelf(this, projectId), MemberStatus.REJECTED)), out());
        }
    }

    @Command(name = "remove", description = "Stop sharing an image with a project (owner only).",
            mixinStandardHelpOptions = true)
    static final class Remove extends ApiCommand {
        @Parameters(index = "0", paramLabel = "IMAGE", description = "Your image (id or unique name).")
        String imageId;

        @Parameters(index = "1", paramLabel = "PROJECT_ID", description = "The member project to remove.")
        String projectId;

        @Override
        void run() {
            members(this).remove(imageId(imageId), projectId);
            out().println("removed project " + projectId + " from image " + imageId);
        }
    }
}
