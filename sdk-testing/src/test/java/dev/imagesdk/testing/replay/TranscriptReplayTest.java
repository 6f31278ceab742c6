package dev.imagesdk.testing.replay;

import com.squareup.moshi.Moshi;
import dev.imagesdk.testing.ImageServiceEmulator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Replays every recorded Glance exchange of {@code ../shared/glance/transcript.md} against the emulator,
 * as the same callers (A, B, admin through the trusted identity headers) and with the recorded image,
 * task, checksum and time values replaced by those of this run, and asserts the same status and the
 * same body shape: the same keys (recursively; for arrays the keys of the first element and whether
 * the array is empty), HTML where Glance sent HTML, the same binary length, and the headers an SDK
 * relies on (Location, Content-Range, Content-MD5, Allow, Accept-Patch, the request-id echo).
 *
 * <p>What the replay adapts, and why: images that recorded answers show but whose creation was not
 * recorded (charlie, delta, echo) are created at their place in the creation order; ids, checksums and
 * times learnt from single-object answers replace the recorded ones in later requests; an {@code lt:}/
 * {@code lte:} time filter gets the end of the replayed second (the replay runs within a second, the
 * recording took several). No exchange is exempt. Skipped when the transcript is not found, unless
 * {@code IMAGESDK_IT_REQUIRED=true}.
 */
class TranscriptReplayTest {
    static final String PROJECT_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    static final String PROJECT_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    static final String PROJECT_ADMIN = "cccccccccccccccccccccccccccccccc";

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    private static final Pattern HEX = Pattern.compile("\\b([0-9a-f]{32}|[0-9a-f]{128})\\b");

    private final Map<String, String> substitutions = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final com.squareup.moshi.JsonAdapter<Object> json = new Moshi.Builder().build().adapter(Object.class);

    @Test
    void everyRecordedExchangeGetsTheSameStatusAndBodyShape() throws Exception {
        Path file = Transcript.locate();
        if (file == null) {
            String msg = "transcript.md not found above " + Path.of("").toAbsolutePath();
            if ("true".equalsIgnoreCase(System.getenv("IMAGESDK_IT_REQUIRED"))) {
                fail(msg);
            }
            Assumptions.abort(msg);
        }
        List<Transcript.Exchange> exchanges = Transcript.parse(file);
        assertThat(exchanges).hasSize(182);
        List<String> failures = new ArrayList<>();
        Map<Integer, List<Map<?, ?>>> seeds = unrecordedCreations(exchanges);
        try (ImageServiceEmulator emulator = ImageServiceEmulator.builder().importDelay(Duration.ZERO).start()) {
            for (Transcript.Exchange ex : exchanges) {
                for (Map<?, ?> image : seeds.getOrDefault(ex.number(), List.of())) {
                    seed(emulator, image);
                }
                long t0 = System.nanoTime();
                try {
                    replay(emulator, ex, failures);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    if (ms > 1000) {
                        System.out.println("[replay] slow " + ex + " " + ms + " ms");
                    }
                } catch (IOException | RuntimeException e) {
                    failures.add(ex + ": " + e);
                }
            }
        }
        System.out.println("[replay] " + exchanges.size() + " recorded exchanges replayed, "
                + (exchanges.size() - failures.size()) + " identical in status and shape");
        assertThat(failures).as("exchanges that differ from the recording").isEmpty();
    }

    /**
     * Images that recorded answers show but whose creation was not recorded (charlie, delta, echo):
     * the replay creates them, as their owner, just before the first recorded creation of a later image,
     * so that creation order (and with it the default sort order) is the recorded one.
     */
    private Map<Integer, List<Map<?, ?>>> unrecordedCreations(List<Transcript.Exchange> exchanges) {
        Set<String> created = new java.util.HashSet<>();
        Map<String, Map<?, ?>> seen = new LinkedHashMap<>();
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        for (Transcript.Exchange ex : exchanges) {
            Object body = parse(ex.response().body());
            if (ex.request().method().equals("POST") && ex.request().target().equals("/v2/images")
                    && ex.response().status() == 201 && body instanceof Map) {
                created.add(String.valueOf(((Map<?, ?>) body).get("id")));
            }
            collectImages(body, ex.number(), seen, firstSeen);
        }
        List<Map<?, ?>> missing = new ArrayList<>();
        for (Map.Entry<String, Map<?, ?>> e : seen.entrySet()) {
            if (!created.contains(e.getKey())) {
                missing.add(e.getValue());
            }
        }
        missing.sort(java.util.Comparator.comparing(m -> String.valueOf(m.get("created_at"))));
        Map<Integer, List<Map<?, ?>>> at = new LinkedHashMap<>();
        for (Map<?, ?> image : missing) {
            int before = firstSeen.get(String.valueOf(image.get("id")));
            for (Transcript.Exchange ex : exchanges) {
                Object body = parse(ex.response().body());
                if (ex.request().method().equals("POST") && ex.request().target().equals("/v2/images")
                        && ex.response().status() == 201 && body instanceof Map
                        && String.valueOf(((Map<?, ?>) body).get("created_at"))
                        .compareTo(String.valueOf(image.get("created_at"))) > 0) {
                    before = Math.min(before, ex.number());
                    break;
                }
            }
            at.computeIfAbsent(before, k -> new ArrayList<>()).add(image);
        }
        return at;
    }

    private static void collectImages(Object node, int number, Map<String, Map<?, ?>> seen,
                                      Map<String, Integer> firstSeen) {
        if (node instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) node;
            Object self = m.get("self");
            if (m.containsKey("id") && self instanceof String && ((String) self).startsWith("/v2/images/")) {
                String id = String.valueOf(m.get("id"));
                seen.putIfAbsent(id, m);
                firstSeen.putIfAbsent(id, number);
            }
            m.values().forEach(v -> collectImages(v, number, seen, firstSeen));
        } else if (node instanceof List) {
            ((List<?>) node).forEach(v -> collectImages(v, number, seen, firstSeen));
        }
    }

    private static final Set<String> SEED_ATTRIBUTES = Set.of("name", "disk_format", "container_format", "visibility",
            "tags", "min_ram", "min_disk", "protected");
    private static final Set<String> NOT_SEEDED = Set.of("size", "virtual_size", "status", "checksum", "owner",
            "os_hidden", "os_hash_algo", "os_hash_value", "id", "created_at", "updated_at", "self", "file", "schema",
            "stores");

    private void seed(ImageServiceEmulator emulator, Map<?, ?> image) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : image.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (SEED_ATTRIBUTES.contains(k) || !NOT_SEEDED.contains(k) && !k.startsWith("os_glance")) {
                body.put(k, e.getValue());
            }
        }
        String owner = String.valueOf(image.get("owner"));
        Transcript.Caller caller = owner.equals(PROJECT_B) ? Transcript.Caller.B
                : owner.equals(PROJECT_ADMIN) ? Transcript.Caller.ADMIN : Transcript.Caller.A;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/v2/images"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toJson(body)));
        identityHeaders(caller, b);
        HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).as("seeding " + body).isEqualTo(201);
        Map<?, ?> ours = (Map<?, ?>) parse(resp.body());
        substitutions.put(String.valueOf(image.get("id")), String.valueOf(ours.get("id")));
        System.out.println("[replay] created unrecorded image '" + image.get("name") + "' before exchange");
    }

    private void replay(ImageServiceEmulator emulator, Transcript.Exchange ex, List<String> failures)
            throws IOException, InterruptedException {
        Transcript.Request req = ex.request();
        String target = substitute(req.target());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.endpoint() + target))
                .timeout(Duration.ofSeconds(30));
        identityHeaders(req.caller(), b);
        req.headers().forEach((name, value) -> b.header(name, substitute(value)));
        if (req.header("Accept") == null) {
            b.header("Accept", "*/*"); // the recording's curl sent this by default (no Accept at all: text/plain)
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (req.binaryLength() >= 0) {
            body = HttpRequest.BodyPublishers.ofByteArray(payload((int) req.binaryLength()));
        } else if (req.body() != null) {
            body = HttpRequest.BodyPublishers.ofString(substitute(req.body()));
        }
        b.method(req.method(), body);
        HttpResponse<byte[]> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        Transcript.Response rec = ex.response();
        if (resp.statusCode() == 200 && rec.status() == 200 && isImageGet(req) && awaitsBackgroundWork(rec, resp)) {
            // The emulator's import worker finishes on its own thread: wait for the recorded state, which is
            // certain to come, with a bound generous enough for a loaded machine (not 50 x 20 ms).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (awaitsBackgroundWork(rec, resp) && System.nanoTime() < deadline) {
                Thread.sleep(20);
                resp = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            }
        }
        List<String> problems = new ArrayList<>();
        if (resp.statusCode() != rec.status()) {
            problems.add("status " + resp.statusCode() + " != recorded " + rec.status()
                    + " body=" + new String(resp.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        compareHeaders(ex, rec, resp, problems);
        compareBody(rec, resp, problems);
        if (!problems.isEmpty()) {
            failures.add(ex + ": " + String.join("; ", problems));
        }
    }

    private static boolean isImageGet(Transcript.Request req) {
        return req.method().equals("GET") && req.target().matches("/v2/images/[0-9a-f-]{36}");
    }

    /** An import or copy is still running here while the recording shows it finished. */
    private boolean awaitsBackgroundWork(Transcript.Response rec, HttpResponse<byte[]> resp) {
        Object r = parse(rec.body());
        Object o = parse(new String(resp.body(), java.nio.charset.StandardCharsets.UTF_8));
        if (!(r instanceof Map) || !(o instanceof Map)) {
            return false;
        }
        Map<?, ?> rm = (Map<?, ?>) r;
        Map<?, ?> om = (Map<?, ?>) o;
        if (!String.valueOf(rm.get("status")).equals(String.valueOf(om.get("status")))) {
            return true;
        }
        return rm.get("stores") != null && (om.get("stores") == null
                || String.valueOf(rm.get("stores")).split(",").length != String.valueOf(om.get("stores")).split(",").length);
    }

    private static void identityHeaders(Transcript.Caller caller, HttpRequest.Builder b) {
        switch (caller) {
            case A:
                trusted(b, PROJECT_A, "a11ce000000000000000000000000000", "member,reader");
                break;
            case B:
                trusted(b, PROJECT_B, "b0b00000000000000000000000000000", "member,reader");
                break;
            case ADMIN:
                trusted(b, PROJECT_ADMIN, "ad000000000000000000000000000000", "admin,member,reader");
                break;
            default:
        }
    }

    private static void trusted(HttpRequest.Builder b, String project, String user, String roles) {
        b.header("X-Identity-Status", "Confirmed").header("X-Project-Id", project).header("X-User-Id", user)
                .header("X-Roles", roles);
    }

    /** The same deterministic bytes for every upload of a length (the recording used one 1 MiB file). */
    private static byte[] payload(int length) {
        byte[] data = new byte[length];
        new Random(20261122L).nextBytes(data);
        return data;
    }

    private String substitute(String s) {
        Matcher t = TIME.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (t.find()) {
            String replacement = substitutions.getOrDefault(t.group(),
                    Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
            String before = s.substring(Math.max(0, t.start() - 4), t.start());
            if (before.endsWith("lt:") || before.endsWith("lte:")) {
                // The recording spread over seconds, the replay runs within one: "at or before <that
                // second>" must include what this run did during that second (timestamps keep microseconds).
                replacement = Instant.parse(replacement).plusSeconds(1).toString();
            }
            t.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        t.appendTail(sb);
        String out = sb.toString();
        for (Map.Entry<String, String> e : substitutions.entrySet()) {
            if (!TIME.matcher(e.getKey()).matches()) {
                out = out.replace(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private void compareHeaders(Transcript.Exchange ex, Transcript.Response rec, HttpResponse<byte[]> resp,
                                List<String> problems) {
        for (String name : List.of("Location", "Content-Range", "Content-MD5", "Allow", "Accept-Patch",
                "OpenStack-image-import-methods", "OpenStack-image-store-ids")) {
            boolean recorded = rec.header(name) != null;
            boolean ours = resp.headers().firstValue(name).isPresent();
            if (recorded != ours) {
                problems.add("header " + name + (recorded ? " missing" : " unexpected"));
            }
        }
        if (rec.header("Content-Range") != null && resp.headers().firstValue("Content-Range").isPresent()) {
            String r = rec.header("Content-Range");
            String o = resp.headers().firstValue("Content-Range").get();
            if (!r.equals(o)) {
                problems.add("Content-Range " + o + " != " + r);
            }
        }
        String sentId = ex.request().header("X-Openstack-Request-Id");
        String gotId = resp.headers().firstValue("X-Openstack-Request-Id").orElse(null);
        boolean recordedId = rec.header("X-Openstack-Request-Id") != null;
        if (!recordedId && gotId != null && rec.status() == 401) {
            // Glance's 401s come before its request-id middleware (on /, /versions and /healthcheck the
            // emulator's request id is a deliberate difference, see the README)
            problems.add("unexpected request id");
        } else if ((recordedId || rec.status() != 401) && (gotId == null || !gotId.matches("req-[0-9a-f-]{36}"))) {
            problems.add("no request id");
        } else if (sentId != null && !sentId.equals(gotId)) {
            problems.add("request id not echoed");
        }
    }

    private void compareBody(Transcript.Response rec, HttpResponse<byte[]> resp, List<String> problems) {
        String ourType = resp.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        String recType = rec.mediaType();
        String ourBody = new String(resp.body(), java.nio.charset.StandardCharsets.UTF_8);
        if (rec.body().isEmpty()) {
            if (resp.body().length != 0) {
                problems.add("body expected empty, got " + resp.body().length + " bytes");
            }
            return;
        }
        if (!recType.equals(ourType)) {
            problems.add("Content-Type " + ourType + " != " + recType);
            return;
        }
        if (recType.equals("application/octet-stream")) {
            Matcher m = Pattern.compile("<(\\d+) bytes").matcher(rec.body());
            if (m.find() && Long.parseLong(m.group(1)) != resp.body().length) {
                problems.add("binary length " + resp.body().length + " != " + m.group(1));
            }
            return;
        }
        if (recType.equals("application/json")) {
            Object r = parse(rec.body());
            Object o = parse(ourBody);
            if (r instanceof Map && !((Map<?, ?>) r).containsKey("images")) {
                learn(r, o);
            }
            shape("$", r, o, problems);
        } else if (recType.equals("text/html") && !ourBody.startsWith("<html>")) {
            problems.add("HTML body expected");
        }
    }

    private Object parse(String s) {
        try {
            return s == null || s.isBlank() ? null : json.fromJson(s);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Compares keys recursively; arrays by emptiness and the keys of their first element. */
    private static void shape(String path, Object r, Object o, List<String> problems) {
        if (r instanceof Map && o instanceof Map) {
            Set<String> rk = new TreeSet<>();
            ((Map<?, ?>) r).keySet().forEach(k -> rk.add(String.valueOf(k)));
            Set<String> ok = new TreeSet<>();
            ((Map<?, ?>) o).keySet().forEach(k -> ok.add(String.valueOf(k)));
            if (!rk.equals(ok)) {
                Set<String> missing = new TreeSet<>(rk);
                missing.removeAll(ok);
                Set<String> extra = new TreeSet<>(ok);
                extra.removeAll(rk);
                problems.add(path + " keys: missing " + missing + ", extra " + extra);
                return;
            }
            for (String k : rk) {
                shape(path + "." + k, ((Map<?, ?>) r).get(k), ((Map<?, ?>) o).get(k), problems);
            }
        } else if (r instanceof List && o instanceof List) {
            List<?> rl = (List<?>) r;
            List<?> ol = (List<?>) o;
            if (rl.isEmpty() != ol.isEmpty()) {
                problems.add(path + ": " + (rl.isEmpty() ? "expected empty, got " + ol.size() : "expected items, got none"));
            } else if (!rl.isEmpty() && (rl.get(0) instanceof Map || rl.get(0) instanceof List)) {
                shape(path + "[0]", rl.get(0), ol.get(0), problems);
            }
        } else if ((r == null) != (o == null) && !(path.endsWith(".next") || path.endsWith(".first"))) {
            problems.add(path + ": " + (r == null ? "expected null, got " + o : "expected " + r + ", got null"));
        } else if (r != null && o != null && r.getClass() != o.getClass()) {
            problems.add(path + ": type " + o.getClass().getSimpleName() + " != " + r.getClass().getSimpleName());
        }
    }

    /**
     * Records recorded → replayed values (ids, checksums, timestamps) found at the same place in both
     * answers: members of single-object answers, and the {@code tasks} of an image's task list.
     */
    private void learn(Object r, Object o) {
        if (!(r instanceof Map) || !(o instanceof Map)) {
            return;
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) r).entrySet()) {
            Object ov = ((Map<?, ?>) o).get(e.getKey());
            Object rv = e.getValue();
            if (rv instanceof String && ov instanceof String) {
                String rs = (String) rv;
                if (UUID.matcher(rs).matches() || HEX.matcher(rs).matches() || TIME.matcher(rs).matches()) {
                    substitutions.putIfAbsent(rs, (String) ov);
                }
            } else if (rv instanceof Map) {
                learn(rv, ov);
            } else if ("tasks".equals(e.getKey()) && rv instanceof List && ov instanceof List
                    && !((List<?>) rv).isEmpty() && !((List<?>) ov).isEmpty()) {
                learn(((List<?>) rv).get(0), ((List<?>) ov).get(0));
            }
        }
    }
}
