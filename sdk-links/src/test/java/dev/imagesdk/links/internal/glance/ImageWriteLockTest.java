package dev.imagesdk.links.internal.glance;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.imagesdk.core.RetryPolicy;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.ConflictException;
import dev.imagesdk.core.error.ForbiddenException;
import dev.imagesdk.images.Images;
import dev.imagesdk.images.model.Image;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The link-write lock against a fake of the part of Glance it uses: create with a chosen id (409 when the id exists or
 * existed), get, delete. Lock ids are written out by hand (name-based UUIDs of {@code imagesdk:lock:<image>:<g>},
 * computed with {@code python3 -c "import uuid,hashlib; print(uuid.UUID(bytes=hashlib.md5(b'imagesdk:lock:<image>:<g>').digest(), version=3))"}).
 */
class ImageWriteLockTest {
    private static final String IMAGE = "3c441d1e-aa40-4d8a-b060-2a7e24d1af6a";
    private static final Moshi MOSHI = new Moshi.Builder().build();
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    private final LockGlance glance = new LockGlance();
    private MockWebServer server;
    private Images images;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(glance);
        server.start();
        images = Images.of(ServiceClient.builder().endpoint(server.url("/").toString()).auth(Auth.token("t"))
                .retryPolicy(RetryPolicy.none()).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ImageWriteLock lock(Duration lease, Duration maxWait) {
        return new ImageWriteLock(images, Clock.fixed(NOW, ZoneOffset.UTC), lease, maxWait);
    }

    private static Image target(String hint) {
        Image.Builder b = Image.builder().id(IMAGE).owner("aaaa");
        if (hint != null) {
            b.property("imagesdk:lock", hint);
        }
        return b.build();
    }

    @Test
    void lockIdsAreNameBasedUuidsOfImageAndGeneration() {
        assertThat(ImageWriteLock.lockId(IMAGE, 0)).isEqualTo(G0);
        assertThat(ImageWriteLock.lockId(IMAGE, 1)).isEqualTo(G1);
        assertThat(ImageWriteLock.lockId(IMAGE, 7)).isEqualTo(G7);
    }

    @Test
    void aFreeLockIsOneCreateOfAHiddenPrivateImageOwnedByTheImagesOwnerAndReleasingDeletesIt() {
        try (ImageWriteLock.Held held = lock(Duration.ofSeconds(30), Duration.ofSeconds(5)).acquire(target(null))) {
            assertThat(held.generation()).isZero();
            assertThat(held.lockImageId()).isEqualTo(G0);
        }
        assertThat(glance.calls).containsExactly("POST /v2/images", "DELETE /v2/images/" + G0);
        Map<String, Object> body = glance.posted.get(0);
        assertThat(body).containsEntry("id", G0).containsEntry("name", "imagesdk link-write lock")
                .containsEntry("visibility", "private").containsEntry("os_hidden", true).containsEntry("owner", "aaaa")
                .containsEntry("imagesdk:lock-of", IMAGE).containsKey("imagesdk:lock-holder");
        assertThat(glance.existing).isEmpty();
    }

    @Test
    void theSearchStartsAtTheHintAndPassesReleasedGenerations() {
        glance.deleted.add(G7);   // generation 7 was held and released

        try (ImageWriteLock.Held held = lock(Duration.ofSeconds(30), Duration.ofSeconds(5)).acquire(target("7"))) {
            assertThat(held.generation()).isEqualTo(8);
        }
        assertThat(glance.calls).containsExactly("POST /v2/images", "GET /v2/images/" + G7, "POST /v2/images",
                "DELETE /v2/images/" + G8);
        assertThat(glance.posted.get(0)).containsEntry("id", G7);
    }

    @Test
    void aHeldLockIsWaitedForAndTakenOnceReleased() {
        glance.existing.put(G0, lockImage("someone-else", NOW.minusSeconds(1)));
        glance.releaseAfterGets = 2;   // the holder releases after the waiter saw it twice

        try (ImageWriteLock.Held held = lock(Duration.ofSeconds(30), Duration.ofSeconds(5)).acquire(target(null))) {
            assertThat(held.generation()).isEqualTo(1);
        }
        // while held, the waiter only reads the lock image; once it is gone, it creates the next generation
        assertThat(glance.calls).containsExactly("POST /v2/images", "GET /v2/images/" + G0, "GET /v2/images/" + G0,
                "GET /v2/images/" + G0, "POST /v2/images", "DELETE /v2/images/" + G1);
    }

    @Test
    void aLockLeftLongAgoIsTakenOverAtOnce() {
        glance.existing.put(G0, lockImage("crashed", NOW.minus(Duration.ofMinutes(6))));

        try (ImageWriteLock.Held held = lock(Duration.ofSeconds(30), Duration.ofSeconds(5)).acquire(target(null))) {
            assertThat(held.generation()).isEqualTo(1);
        }
        assertThat(glance.calls).containsExactly("POST /v2/images", "GET /v2/images/" + G0, "DELETE /v2/images/" + G0,
                "POST /v2/images", "DELETE /v2/images/" + G1);
    }

    @Test
    void aHolderSeenForTheWholeLeaseIsTakenOver() {
        glance.existing.put(G0, lockImage("stuck", NOW.minusSeconds(1)));

        try (ImageWriteLock.Held held = lock(Duration.ofMillis(200), Duration.ofSeconds(5)).acquire(target(null))) {
            assertThat(held.generation()).isEqualTo(1);
        }
        assertThat(glance.calls).contains("DELETE /v2/images/" + G0);
        assertThat(glance.calls.stream().filter(c -> c.equals("GET /v2/images/" + G0)).count()).isGreaterThan(1);
    }

    @Test
    void aLockNeverReleasedWithinTheWaitIsAConflictAndNothingIsWritten() {
        glance.existing.put(G0, lockImage("busy", NOW.minusSeconds(1)));

        assertThatThrownBy(() -> lock(Duration.ofSeconds(30), Duration.ofMillis(300)).acquire(target(null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("other writers kept its link-write lock");
        assertThat(glance.calls).noneMatch(c -> c.startsWith("DELETE") || c.startsWith("PATCH"));
    }

    @Test
    void aCreateWithAnUnknownOutcomeIsResolvedByTheHoldersToken() {
        glance.failNextPostAfterStoring = true;   // stored, then answered 500

        try (ImageWriteLock.Held held = lock(Duration.ofSeconds(30), Duration.ofSeconds(5)).acquire(target(null))) {
            assertThat(held.generation()).isZero();
        }
        assertThat(glance.calls).containsExactly("POST /v2/images", "GET /v2/images/" + G0, "DELETE /v2/images/" + G0);
    }

    @Test
    void aCreateWithAnUnknownOutcomeThatDidNotHappenIsTriedAgainForTheSameGeneration() {
        glance.failNextPostWithoutStoring = true;   // answered 500, nothing stored

        try (ImageWriteLock.Held held = lock(Duration.ofSeconds(30), Duration.ofSeconds(5)).acquire(target(null))) {
            assertThat(held.generation()).isZero();
        }
        assertThat(glance.calls).containsExactly("POST /v2/images", "GET /v2/images/" + G0, "POST /v2/images",
                "DELETE /v2/images/" + G0);
    }

    @Test
    void aCallerThatMayNotCreateImagesForTheOwnerIsToldWhy() {
        glance.forbidden = true;

        assertThatThrownBy(() -> lock(Duration.ofSeconds(30), Duration.ofSeconds(5)).acquire(target(null)))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("only its owner's project or an administrator can change its links");
    }

    @Test
    void aHoldersTimeIsHalfTheLeaseCountedFromTheCreateThatTookTheLock() throws Exception {
        ImageWriteLock.Held held = lock(Duration.ofSeconds(2), Duration.ofSeconds(5)).acquire(target(null));
        assertThat(held.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        Thread.sleep(1100);
        assertThat(held.remaining()).isNegative();
        held.close();
        held.close();
        assertThat(glance.calls).containsExactly("POST /v2/images", "DELETE /v2/images/" + G0);
    }

    /**
     * Every request under the lock ends by the holder's time (half the lease): a {@code PATCH} whose answer comes
     * later is cancelled (the operation deadline) and the lock is released.
     */
    @Test
    void aRequestUnderTheLockEndsByTheHoldersTime() {
        glance.target = true;
        glance.patchDelayMillis = 3000;
        LinkWrites writes = new LinkWrites(images, lock(Duration.ofSeconds(1), Duration.ofSeconds(5)));
        long started = System.nanoTime();

        assertThatThrownBy(() -> {
            try (LinkWrites.Locked w = writes.lock(target(null))) {
                w.apply(new LinkWrites.Intent(LinkWrites.Kind.CREATE, "global", "v1;p=0;r=abcdefgh", "abcdefgh", null));
            }
        }).isInstanceOf(dev.imagesdk.core.error.DeadlineExceededException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(glance.calls).containsExactly("POST /v2/images", "GET /v2/images/" + IMAGE, "PATCH /v2/images/" + IMAGE,
                "DELETE /v2/images/" + G0);
    }

    private static Map<String, Object> lockImage(String holder, Instant created) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("imagesdk:lock-holder", holder);
        m.put("created_at", created.toString());
        return m;
    }

    private static final String G0 = "43ed5464-1ca9-3b0b-83bb-accb699187bc";
    private static final String G1 = "38c347c0-4bd9-332d-b39e-1096bcc56ad4";
    private static final String G7 = "be144656-c357-33da-8a17-2744ed1e4696";
    private static final String G8 = "f19b6ea9-2ceb-3035-9a9b-3a8049546ae1";

    /** Creates with a chosen id (409 when it exists or existed), gets, deletes: what the lock uses of Glance. */
    private static final class LockGlance extends Dispatcher {
        final Map<String, Map<String, Object>> existing = Collections.synchronizedMap(new LinkedHashMap<>());
        final Set<String> deleted = Collections.synchronizedSet(new HashSet<>());
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final List<Map<String, Object>> posted = Collections.synchronizedList(new ArrayList<>());
        volatile int releaseAfterGets = -1;
        volatile boolean failNextPostAfterStoring;
        volatile boolean failNextPostWithoutStoring;
        volatile boolean forbidden;
        /** Also answer the locked image itself: GET as an image owned by aaaa, PATCH after this delay. */
        volatile boolean target;
        volatile long patchDelayMillis;

        @Override
        public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
            String path = r.getTarget();
            calls.add(r.getMethod() + " " + path);
            try {
                switch (r.getMethod()) {
                    case "POST": {
                        Map<String, Object> body = MOSHI.<Map<String, Object>>adapter(
                                Types.newParameterizedType(Map.class, String.class, Object.class)).fromJson(r.getBody().utf8());
                        posted.add(body);
                        String id = (String) body.get("id");
                        if (forbidden) {
                            return error(403, "You are not permitted to create images owned by 'aaaa'.");
                        }
                        if (failNextPostWithoutStoring) {
                            failNextPostWithoutStoring = false;
                            return error(500, "boom");
                        }
                        if (existing.containsKey(id) || deleted.contains(id)) {
                            return error(409, "Image ID " + id + " already exists!");
                        }
                        Map<String, Object> stored = new LinkedHashMap<>(body);
                        stored.put("created_at", NOW.toString());
                        existing.put(id, stored);
                        if (failNextPostAfterStoring) {
                            failNextPostAfterStoring = false;
                            return error(500, "boom");
                        }
                        return json(201, render(id, stored));
                    }
                    case "PATCH":
                        return new MockResponse.Builder().code(200).headers(Headers.of("Content-Type", "application/json"))
                                .body(render(IMAGE, Map.of("created_at", NOW.toString())))
                                .headersDelay(patchDelayMillis, java.util.concurrent.TimeUnit.MILLISECONDS).build();
                    case "GET": {
                        String id = path.substring("/v2/images/".length());
                        if (target && id.equals(IMAGE)) {
                            return json(200, render(IMAGE, Map.of("created_at", NOW.toString())));
                        }
                        Map<String, Object> m = existing.get(id);
                        if (m == null) {
                            return error(404, "No image found with ID " + id);
                        }
                        if (releaseAfterGets > 0 && --releaseAfterGets == 0) {
                            existing.remove(id);   // answered as held; released right after
                            deleted.add(id);
                        }
                        return json(200, render(id, m));
                    }
                    case "DELETE": {
                        String id = path.substring("/v2/images/".length());
                        if (existing.remove(id) == null) {
                            return error(404, "Failed to find image " + id + " to delete");
                        }
                        deleted.add(id);
                        return new MockResponse.Builder().code(204).build();
                    }
                    default:
                        return error(405, "not here");
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String render(String id, Map<String, Object> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", id);
            out.put("name", "imagesdk link-write lock");
            out.put("status", "queued");
            out.put("visibility", "private");
            out.put("owner", "aaaa");
            out.put("os_hidden", true);
            out.put("tags", List.of());
            out.put("updated_at", m.get("created_at"));
            m.forEach((k, v) -> {
                if (k.startsWith("imagesdk:") || k.equals("created_at")) {
                    out.put(k, v);
                }
            });
            return MOSHI.adapter(Object.class).toJson(out);
        }

        private static MockResponse json(int code, String body) {
            return new MockResponse.Builder().code(code).headers(Headers.of("Content-Type", "application/json")).body(body).build();
        }

        private static MockResponse error(int code, String message) {
            return json(code, "{\"code\": \"" + code + "\", \"title\": \"error\", \"message\": \"" + message + "\"}");
        }
    }
}
