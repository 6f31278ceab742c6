package dev.imagesdk.examples;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.paging.Page;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.ListOpts;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Example: page through thousands of images lazily. A listing is never loaded whole: the SDK follows
 * Glance's {@code next} links as you iterate and keeps one page in memory.
 *
 * <p>{@code java -cp examples/target/imagectl.jar dev.imagesdk.examples.PageThroughImages [count]}
 * (default 2000 images, against the embedded emulator unless {@code OS_CLOUD}/{@code OS_*} is set).
 */
public final class PageThroughImages {
    private PageThroughImages() {
    }

    /** Runs the example on your cloud or an embedded emulator with {@code args[0]} images (default 2000). */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        try (Examples.Session session = Examples.session(System.out)) {
            run(session.client(), System.out, count, 100);
        }
    }

    /** The example: creates {@code count} tagged images, pages through them, deletes them. */
    public static void run(ServiceClient client, PrintStream out, int count, int pageSize) {
        Images images = Images.of(client);
        String tag = "paging-example-" + UUID.randomUUID().toString().substring(0, 8);

        // Setup: many images, created from several threads (a client is thread-safe).
        List<String> ids = concurrently(count, i ->
                images.create(CreateOpts.builder().name(String.format("paged-%05d", i)).tags(tag).build()).id());
        out.println("Created " + count + " images tagged " + tag + ".");
        try {
            ListOpts opts = ListOpts.builder().tag(tag).limit(pageSize).build();

            // 1. Item by item: the loop neither knows nor cares where one page ends.
            long seen = 0;
            for (Image ignored : images.list(opts)) {
                seen++;
            }
            out.println("Iterated over " + seen + " images.");

            // 2. Page by page, when you want to see the requests: each page is one GET.
            int pages = 0;
            for (Page<Image> page : images.list(opts).pages()) {
                pages++;
                if (pages <= 2) {
                    out.println("Page " + pages + ": " + page.items().size() + " images");
                }
            }
            out.println("Fetched " + pages + " pages of up to " + pageSize + ".");

            // 3. Stop early and nothing more is fetched: only the first page is requested here.
            List<String> firstFive = images.list(opts).stream().limit(5).map(Image::name).toList();
            out.println("First five (one request): " + firstFive.size() + " names");
        } finally {
            concurrently(ids.size(), i -> {
                images.delete(ids.get(i));
                return null;
            });
            out.println("Deleted the " + ids.size() + " example images.");
        }
    }

    /** Runs {@code task(0..count-1)} on 8 threads and returns the results in order. */
    private static <T> List<T> concurrently(int count, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> task.apply(n)));
            }
            List<T> results = new ArrayList<>(count);
            for (Future<T> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
