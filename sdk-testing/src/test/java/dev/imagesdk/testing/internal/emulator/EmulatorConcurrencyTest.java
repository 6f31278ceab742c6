package dev.imagesdk.testing.internal.emulator;

import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.CreateOpts;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.ListOpts;
import dev.imagesdk.images.model.UpdateOpts;
import dev.imagesdk.images.model.Visibility;
import dev.imagesdk.members.Members;
import dev.imagesdk.testing.Identity;
import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 32 concurrent clients (one project each) × 200 mixed operations each — create, show, list with filters,
 * patch, tag, upload + verified download, share with another project, delete — against one emulator:
 * no operation fails and exactly the images created and not deleted remain, with the data uploaded.
 */
class EmulatorConcurrencyTest {
    private static final int CLIENTS = 32;
    private static final int OPERATIONS = 200;

    @Test
    void thirtyTwoClientsTimesTwoHundredMixedOperations() throws Exception {
        String tag = "load-" + UUID.randomUUID();
        Set<String> alive = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        long started;
        long elapsedMs;
        try (ImageServiceEmulator emulator = ImageServiceEmulator.builder().threads(CLIENTS * 2).start()) {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch go = new CountDownLatch(1);
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    try {
                        go.await();
                        run(emulator, client, tag, alive);
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                    return null;
                }));
            }
            started = System.nanoTime();
            go.countDown();
            for (var f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
            elapsedMs = (System.nanoTime() - started) / 1_000_000;
            pool.shutdown();

            assertThat(failures).as("failed operations").isEmpty();
            Images admin = Images.of(emulator.client(Identity.admin("load-admin")));
            Set<String> listed = admin.list(ListOpts.builder().tag(tag).limit(100).build()).stream()
                    .map(Image::id).collect(Collectors.toSet());
            assertThat(listed).as("every image created and not deleted, and nothing else").isEqualTo(alive);
            assertThat(emulator.imageCount()).isEqualTo(alive.size());
            System.out.println("[concurrency] " + CLIENTS + " clients x " + OPERATIONS + " operations = "
                    + CLIENTS * OPERATIONS + " operations in " + elapsedMs + " ms; " + alive.size()
                    + " images remain, " + emulator.requestCount() + " requests served");
        }
    }

    private static void run(ImageServiceEmulator emulator, int client, String tag, Set<String> alive) {
        String project = "load-project-" + client;
        String other = "load-project-" + ((client + 1) % CLIENTS);
        Images images = Images.of(emulator.client(Identity.member(project)));
        Members members = Members.of(images.client());
        Random random = new Random(client);
        List<String> mine = new ArrayList<>();
        for (int op = 0; op < OPERATIONS; op++) {
            int kind = mine.isEmpty() ? 0 : random.nextInt(10);
            switch (kind) {
                case 0:
                case 1: {
                    Image img = images.create(CreateOpts.builder().name("c" + client + "-" + op)
                            .diskFormat(DiskFormat.RAW).containerFormat(ContainerFormat.BARE)
                            .tags(tag, "client-" + client).property("op", Integer.toString(op)).build());
                    mine.add(img.id());
                    alive.add(img.id());
                    break;
                }
                case 2:
                    assertThat(images.get(pick(mine, random)).owner()).isEqualTo(project);
                    break;
                case 3: {
                    List<Image> page = images.list(ListOpts.builder().tag("client-" + client).limit(5).build())
                            .firstPage().items();
                    assertThat(page).allSatisfy(i -> assertThat(i.tags()).contains("client-" + client));
                    break;
                }
                case 4: {
                    String id = pick(mine, random);
                    Image updated = images.update(id, UpdateOpts.builder().name("renamed-" + op)
                            .setProperty("step", Integer.toString(op)).build());
                    assertThat(updated.name()).isEqualTo("renamed-" + op);
                    break;
                }
                case 5:
                    images.addTag(pick(mine, random), "t" + (op % 3));
                    break;
                case 6: {
                    String id = pick(mine, random);
                    if (images.get(id).status().equals(ImageStatus.QUEUED)) {
                        byte[] data = new byte[1024 + random.nextInt(8192)];
                        random.nextBytes(data);
                        images.upload(id, new ByteArrayInputStream(data), data.length);
                        ByteArrayOutputStream back = new ByteArrayOutputStream();
                        images.download(id, back);
                        assertThat(back.toByteArray()).isEqualTo(data);
                    }
                    break;
                }
                case 7: {
                    String id = pick(mine, random);
                    Image img = images.get(id);
                    if (!img.visibility().equals(Visibility.SHARED)) {
                        break;
                    }
                    if (members.listForImage(id).stream().noneMatch(m -> m.memberId().equals(other))) {
                        members.add(id, other);
                    }
                    break;
                }
                case 8: {
                    String id = mine.remove(random.nextInt(mine.size()));
                    images.delete(id);
                    alive.remove(id);
                    break;
                }
                default: {
                    Set<String> seen = new HashSet<>();
                    images.list(ListOpts.builder().owner(project).tag(tag).limit(20).build()).forEach(i -> seen.add(i.id()));
                    assertThat(seen).containsAll(mine);
                }
            }
        }
    }

    private static String pick(List<String> ids, Random random) {
        return ids.get(random.nextInt(ids.size()));
    }
}
