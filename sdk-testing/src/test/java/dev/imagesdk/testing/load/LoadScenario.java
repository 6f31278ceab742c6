package dev.imagesdk.testing.load;

import dev.imagesdk.core.internal.http.Calls;

import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.ListOpts;
import dev.imagesdk.images.model.UpdateOpts;
import okhttp3.ConnectionPool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Many threads sharing one {@link ServiceClient} run a mix of image operations (create, get, update,
 * list, tag, upload, verified download, delete), each thread on images it created. Afterwards every
 * image still alive must be listed under the run's tag (none lost, none extra), and no connection may
 * still be checked out of the pool (a leaked response would hold one).
 */
final class LoadScenario {
    private static final byte[] DATA = new byte[4096];

    static {
        new java.util.Random(7).nextBytes(DATA);
    }

    /** What a run did. */
    static final class Result {
        final int operations;
        final int created;
        final int deleted;
        final Set<String> alive;
        final Set<String> listed;
        final List<String> failures;
        final Duration elapsed;
        final int connectionsInUse;
        final int connections;

        Result(int operations, int created, int deleted, Set<String> alive, Set<String> listed, List<String> failures,
               Duration elapsed, int connectionsInUse, int connections) {
            this.operations = operations;
            this.created = created;
            this.deleted = deleted;
            this.alive = alive;
            this.listed = listed;
            this.failures = failures;
            this.elapsed = elapsed;
            this.connectionsInUse = connectionsInUse;
            this.connections = connections;
        }

        @Override
        public String toString() {
            return operations + " operations by shared client in " + elapsed.toMillis() + " ms: " + created + " images created, "
                    + deleted + " deleted during the run, " + alive.size() + " alive at the end, " + failures.size()
                    + " failures, " + connections + " pooled connections (" + connectionsInUse + " in use)";
        }
    }

    private LoadScenario() {
    }

    static Result run(ServiceClient client, int threads, int operations, String runTag) throws InterruptedException {
        Images images = Images.of(client);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger deleted = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Set<String> alive = ConcurrentHashMap.newKeySet();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            int share = operations / threads + (t < operations % threads ? 1 : 0);
            pool.execute(() -> {
                Deque<String> mine = new ArrayDeque<>();
                Set<String> withData = new HashSet<>();
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < share; i++) {
                    int kind = mine.isEmpty() ? 0 : i % 8;
                    try {
                        operate(images, kind, thread, i, runTag, mine, withData, alive, created, deleted);
                    } catch (RuntimeException e) {
                        failures.add("thread " + thread + " op " + i + " (" + kind + "): " + e);
                    }
                    done.incrementAndGet();
                }
            });
        }
        start.countDown();
        pool.shutdown();
        if (!pool.awaitTermination(20, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            failures.add("the run did not finish in 20 minutes");
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        Set<String> listed = images.list(ListOpts.builder().tag(runTag).limit(100).build()).stream()
                .map(Image::id).collect(Collectors.toSet());
        ConnectionPool connections = Calls.of(client).transport().httpClient().connectionPool();
        int inUse = connections.connectionCount() - connections.idleConnectionCount();
        return new Result(done.get(), created.get(), deleted.get(), Set.copyOf(alive), listed, List.copyOf(failures),
                elapsed, inUse, connections.connectionCount());
    }

    private static void operate(Images images, int kind, int thread, int i, String runTag, Deque<String> mine,
                                Set<String> withData, Set<String> alive, AtomicInteger created, AtomicInteger deleted) {
        String id = mine.peekLast();
        switch (kind) {
            case 0: {
                Image image = images.create(CreateOpts.builder().name("load-" + thread + "-" + i).tags(runTag)
                        .diskFormat(DiskFormat.RAW).containerFormat(ContainerFormat.BARE).property("load_thread", "t" + thread).build());
                mine.addLast(image.id());
                alive.add(image.id());
                created.incrementAndGet();
                break;
            }
            case 1:
                check(images.get(id).id().equals(id), "get returned another image");
                break;
            case 2:
                images.update(id, UpdateOpts.builder().setProperty("load_step", "s" + i).build());
                break;
            case 3:
                images.list(ListOpts.builder().tag(runTag).limit(5).build()).firstPage();
                break;
            case 4:
                images.addTag(id, "step-" + (i % 3));
                break;
            case 5:
                if (!withData.contains(id)) {
                    images.upload(id, new ByteArrayInputStream(DATA), DATA.length);
                    withData.add(id);
                }
                break;
            case 6:
                if (withData.contains(id)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    images.download(id, out);
                    check(out.size() == DATA.length, "downloaded " + out.size() + " bytes");
                }
                break;
            default: {
                String oldest = mine.pollFirst();
                images.delete(oldest);
                withData.remove(oldest);
                alive.remove(oldest);
                deleted.incrementAndGet();
            }
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** Deletes what a run left behind. */
    static void cleanUp(ServiceClient client, Set<String> ids) {
        Images images = Images.of(client);
        for (String id : ids) {
            images.delete(id);
        }
    }
}
