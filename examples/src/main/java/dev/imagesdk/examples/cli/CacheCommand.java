package dev.imagesdk.examples.cli;

import dev.imagesdk.examples.cli.output.Record;
import dev.imagesdk.images.cache.CacheClearTarget;
import dev.imagesdk.images.cache.CacheContents;
import dev.imagesdk.images.cache.CachedImage;
import dev.imagesdk.images.cache.ImageCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code imagectl cache ...}: the API node's image cache (Image API 2.14, administrators). */
@Command(name = "cache", description = "Show and manage the image cache of the service (admin; Image API 2.14).",
        mixinStandardHelpOptions = true,
        subcommands = {CacheCommand.ListCache.class, CacheCommand.Queue.class, CacheCommand.Remove.class,
                CacheCommand.Clear.class})
final class CacheCommand {
    private CacheCommand() {
    }

    /** Applies {@code action} to each image (id or unique name) in turn and says so on stderr. */
    private static void eachImage(ApiCommand command, List<String> images,
                                  java.util.function.BiConsumer<ImageCache, String> action, String done) {
        ImageCache cache = ImageCache.of(command.client());
        for (String image : images) {
            String id = command.imageId(image);
            action.accept(cache, id);
            command.err().println("imagectl: " + String.format(done, id));
        }
    }

    @Command(name = "list", description = "List the cached images and the images queued for caching.",
            mixinStandardHelpOptions = true)
    static final class ListCache extends ApiCommand {
        @Mixin
        FormatOption format;

        @Override
        void run() {
            CacheContents contents = ImageCache.of(client()).list();
            List<Record> rows = new ArrayList<>();
            for (CachedImage c : contents.cached()) {
                rows.add(Record.of().put("image_id", c.imageId()).put("state", "cached").put("size", c.size())
                        .put("hits", c.hits()).put("last_accessed", c.lastAccessed()).put("last_modified", c.lastModified()));
            }
            for (String id : contents.queued()) {
                rows.add(Record.of().put("image_id", id).put("state", "queued").put("size", null).put("hits", null)
                        .put("last_accessed", null).put("last_modified", null));
            }
            format.printList(rows, List.of("image_id", "state", "size", "hits", "last_accessed"), out());
        }
    }

    @Command(name = "queue", description = "Queue images for caching (active images only).", mixinStandardHelpOptions = true)
    static final class Queue extends ApiCommand {
        @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image ids or unique names.")
        List<String> images;

        @Override
        void run() {
            eachImage(this, images, ImageCache::queue, "queued %s for caching");
        }
    }

    @Command(name = "remove", description = "Remove images' cached copies and queue entries (the images stay).",
            mixinStandardHelpOptions = true)
    static final class Remove extends ApiCommand {
        @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image ids or unique names.")
        List<String> images;

        @Override
        void run() {
            eachImage(this, images, ImageCache::remove, "removed %s from the cache");
        }
    }

    @Command(name = "clear", description = "Empty the cache and the queue (or only one of them).",
            mixinStandardHelpOptions = true)
    static final class Clear extends ApiCommand {
        @Option(names = "--cached-only", description = "Only the cached copies; keep the queue.")
        boolean cachedOnly;

        @Option(names = "--queued-only", description = "Only the queue; keep the cached copies.")
        boolean queuedOnly;

        @Override
        void run() {
            if (cachedOnly && queuedOnly) {
                throw new CommandException(ExitCodes.USAGE, "--cached-only and --queued-only exclude each other",
                        "Leave both out to clear everything");
            }
            CacheClearTarget target = cachedOnly ? CacheClearTarget.CACHED
                    : queuedOnly ? CacheClearTarget.QUEUED : CacheClearTarget.ALL;
            ImageCache.of(client()).clear(target);
            err().println("imagectl: cleared " + (cachedOnly ? "the cached copies" : queuedOnly ? "the queue"
                    : "the cache and the queue"));
        }
    }
}
