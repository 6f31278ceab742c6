package dev.imagesdk.images.internal.json;

import com.squareup.moshi.JsonWriter;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.internal.paging.JsonPages;
import dev.imagesdk.core.internal.paging.PageReader;
import dev.imagesdk.core.paging.Page;
import dev.imagesdk.images.model.ContainerFormat;
import dev.imagesdk.images.model.DiskFormat;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.model.ImageStatus;
import dev.imagesdk.images.model.Visibility;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The byte-level images page reader against the Moshi reader it falls back to: the same pages, the same images
 * with the same decoding problems, the same errors. Pages: the 39 listing pages recorded from the real Glance 25
 * ({@code /glance-pages/recorded-*.json}, from {@code shared/glance/transcript.md}), pages written by
 * {@link ImageJsonAdapter#toJson}, the 4 pages of a listing the emulator (sdk-testing) served for 24 images with
 * escapes, control characters and unicode in names, tags and properties ({@code /glance-pages/emulator-*.json},
 * recorded with {@code limit=7}), and hand-written edge cases; each also shifted
 * across okio's 8 KiB segment boundaries and cut short at every byte.
 */
class ImagePageReaderTest {
    private static final PageReader<Image> MOSHI = JsonPages.reader("images", ImageJsonAdapter.INSTANCE);
    private static final String OWNER = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    /** A Glance-shaped record with the given extra members (raw JSON) first. */
    private static String record(String id, String extra) {
        return "{" + extra + "\"name\": \"n-" + id + "\", \"disk_format\": \"qcow2\", \"container_format\": \"bare\", "
                + "\"visibility\": \"private\", \"size\": 1073741824, \"virtual_size\": null, \"status\": \"active\", "
                + "\"checksum\": \"1b4f32fec01099dc12297c451826146f\", \"protected\": false, \"min_ram\": 1024, "
                + "\"min_disk\": 10, \"owner\": \"" + OWNER + "\", \"os_hidden\": false, \"os_hash_algo\": \"sha512\", "
                + "\"os_hash_value\": \"9f94a117\", \"id\": \"" + id + "\", \"created_at\": \"2026-11-22T12:50:30Z\", "
                + "\"updated_at\": \"2026-11-22T12:50:38Z\", \"tags\": [\"web\", \"linux\"], \"self\": \"/v2/images/" + id
                + "\", \"file\": \"/v2/images/" + id + "/file\", \"schema\": \"/v2/schemas/image\"}";
    }

    private static String page(String... items) {
        return "{\"images\": [" + String.join(", ", items) + "], \"first\": \"/v2/images\", "
                + "\"schema\": \"/v2/schemas/images\", \"next\": \"/v2/images?marker=m\"}";
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "\"x\"" + "]".repeat(depth);
    }

    /** Items the fast path must read itself (no fallback), each with a twist. */
    static final List<String> PLAIN_ITEMS = List.of(
            record("i-plain", ""),
            record("i-escapes", "\"esc\": \"q\\\"b\\\\s\\/b\\bf\\fn\\nr\\rt\\t\", "),
            record("i-unicode-escapes", "\"u\": \"\\u00e9\\u4E2D\\ud83d\\ude00 \\ud800 lone\", "),
            record("i-raw-utf8", "\"r\": \"é中😀 ünïcödé\", \"ключ\": \"значение\", "),
            record("i-scalars", "\"p_int\": 42, \"p_neg\": -7, \"p_zero\": 0, \"p_true\": true, \"p_false\": false, "
                    + "\"p_null\": null, \"p_big\": 999999999999999999, "),
            record("i-duplicates", "\"name\": \"first\", \"dup\": \"1\", \"other\": \"o\", \"dup\": \"2\", "),
            record("i-stores", "\"stores\": \"fast, cheap,, ,slow\", "),
            record("i-stores-list", "\"stores\": [\"a\", \"b\", \"c\"], "),
            record("i-tags-many", "\"tags\": [\"a\", \"b\", \"c\", \"\\u0064\"], "),
            "{\"id\": \"i-timestamps\", \"created_at\": \"2026-11-24T12:50:39.882172\", \"updated_at\": \"2026-11-24T12:50:39+02:00\"}",
            record("i-blank-time", "\"created_at\": \"  \", \"updated_at\": null, "),
            record("i-empty-key", "\"\": \"empty key\", "),
            "{\"id\": \"i-nulls\", \"name\": null, \"status\": null, \"visibility\": null, \"disk_format\": null, "
                    + "\"protected\": null, \"min_ram\": null, \"tags\": null, \"stores\": null, \"direct_url\": null}",
            record("i-unknown-enums", "\"status\": \"uploading-later\", \"disk_format\": \"qcow3\", "),
            "{\"id\": \"i-minimal\"}",
            "{\"name\": \"no id\"}",
            "{}",
            "  {  \"id\"  :  \"i-spaces\"  ,\n\t\"size\"\r:\n12 , \"tags\" : [ ] }  ");

    /** Items the fast path leaves to the adapter (wrong types, nested values, numbers it does not read ...). */
    static final List<String> ODD_ITEMS = List.of(
            record("o-big", "\"p_huge\": 12345678901234567890, \"size\": 12345678901234567890, "),
            record("o-fraction", "\"p_frac\": 1.5, \"p_exp\": 1e3, \"size\": 1.0, \"virtual_size\": 2e2, "),
            record("o-minus-zero", "\"p_m0\": -0, "),
            record("o-int-range", "\"min_ram\": 99999999999, "),
            record("o-wrong-types", "\"protected\": \"true\", \"size\": \"42\", \"status\": 5, \"tags\": [1, null, \"a\"], "),
            record("o-nested-props", "\"p_obj\": {\"a\": [1, 2, {\"b\": null}]}, \"p_list\": [\"x\", true], "),
            record("o-locations", "\"locations\": [{\"url\": \"file:///x\", \"metadata\": {\"k\": 1}}], \"direct_url\": \"file:///x\", "),
            record("o-bad-time", "\"created_at\": \"yesterday\", \"updated_at\": 17, "),
            record("o-escaped-core-key", "\"n\\u0061me\": \"sneaky\", "),
            record("o-number-string", "\"id\": 5, \"name\": 7, \"checksum\": true, "),
            "null", "5", "\"x\"", "[]", "[{\"id\": \"in-array\"}]", "true");

    /** Items nested deeper than the byte-level reader follows: the whole page goes to the Moshi reader. */
    static final List<String> DEEP_ITEMS = List.of(
            record("o-deep-65", "\"p_deep\": " + nested(65) + ", "),
            record("o-deep-100", "\"p_deep\": {\"a\": " + nested(100) + "}, "),
            record("o-deep-300", "\"p_deep\": " + nested(300) + ", "),
            record("o-deep-5000", "\"p_deep\": " + nested(5000) + ", "));

    @Test
    void recordedGlancePagesDecodeTheSameAndTakeTheFastPath() throws IOException {
        List<String> pages = recordedPages();
        assertThat(pages).hasSize(39);
        for (String page : pages) {
            assertSameOutcome(page);
            assertThat(ImagePageReader.fastOnly(buffer(page))).as(page).isNotNull();
        }
    }

    @Test
    void emulatorPagesDecodeTheSameAndTakeTheFastPath() throws IOException {
        List<String> pages = pages("emulator");
        assertThat(pages).hasSize(4);
        for (String page : pages) {
            assertSameOutcome(page);
            Page<Image> fast = ImagePageReader.fastOnly(buffer(page));
            assertThat(fast).as(page).isNotNull();
            assertThat(fast.items()).allSatisfy(image -> assertThat(image.isWellFormed()).isTrue());
        }
    }

    @Test
    void pagesWrittenByTheAdapterDecodeTheSame() throws IOException {
        List<String> items = new ArrayList<>();
        for (String item : PLAIN_ITEMS) {
            Image image = ImageJsonAdapter.INSTANCE.fromJson(item);
            if (image.id() != null && image.properties().keySet().stream().noneMatch(String::isEmpty)) {
                Buffer out = new Buffer();
                ImageJsonAdapter.INSTANCE.toJson(JsonWriter.of(out), image);
                items.add(out.readUtf8());
            }
        }
        String page = page(items.toArray(new String[0]));
        assertSameOutcome(page);
        assertThat(ImagePageReader.fastOnly(buffer(page)).items()).hasSize(items.size());
    }

    @Test
    void plainItemsAreReadByTheFastPathAndOddOnesByTheAdapterWithTheSameResult() {
        for (String item : PLAIN_ITEMS) {
            assertSameOutcome(page(item));
            Page<Image> fast = ImagePageReader.fastOnly(buffer(page(item)));
            assertThat(fast).as(item).isNotNull();
        }
        for (String item : ODD_ITEMS) {
            assertSameOutcome(page(item));
            assertSameOutcome(page(record("before", ""), item, record("after", "")));
            assertThat(ImagePageReader.fastOnly(buffer(page(record("before", ""), item)))).as(item).isNotNull();
        }
        assertSameOutcome(page(ODD_ITEMS.toArray(new String[0])));
        for (String item : DEEP_ITEMS) {
            assertSameOutcome(page(record("before", ""), item, record("after", "")));
            assertThat(ImagePageReader.fastOnly(buffer(page(item)))).as(item).isNull();
        }
    }

    @Test
    void everyTokenAcrossASegmentBoundaryDecodesTheSame() throws IOException {
        List<String> items = new ArrayList<>(PLAIN_ITEMS);
        items.addAll(ODD_ITEMS);
        items.addAll(PLAIN_ITEMS);
        String page = page(items.toArray(new String[0]));
        assertThat(page.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(2 * 8192 + 1200);
        assertThat(ImagePageReader.fastOnly(buffer(page))).isNotNull();
        for (int shift = 0; shift < 1200; shift++) {  // longer than any item: every byte of one crosses a boundary
            assertSameOutcome(" ".repeat(shift) + page);
        }
    }

    @Test
    void pagesCutShortFailTheSameWay() throws IOException {
        String page = page(PLAIN_ITEMS.get(2), PLAIN_ITEMS.get(4), ODD_ITEMS.get(5));
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        for (int n = 1; n < bytes.length; n++) {
            assertSameOutcome(Arrays.copyOf(bytes, n));
        }
    }

    @Test
    void brokenAndUnusualPagesGiveTheSameResultOrError() {
        String item = record("x", "");
        for (String page : List.of(
                "{\"images\": []}",
                "{}",
                "{\"next\": \"/v2/images?marker=a\"}",
                "{\"images\": {}}",
                "{\"images\": null, \"next\": 5}",
                "{\"images\": [" + item + "], \"images\": [" + record("y", "") + "]}",
                "{\"images\": [" + item + "], \"next\": null}",
                "{\"images\": [" + item + ",]}",
                "{\"images\": [" + item + "],}",
                "{\"images\": [" + item + "] \"next\": \"x\"}",
                "{\"images\": [" + item + "], \"first\": " + nested(5000) + "}",
                "{\"images\": [" + item + "], \"first\": [1 2 3]}",
                "{\"images\": [{\"id\": \"a\" \"name\": \"b\"}]}",
                "{\"images\": [{\"id\": 'single'}]}",
                "{\"images\": [{id: \"unquoted\"}]}",
                "{\"images\": [{\"id\": \"a\", \"p\": tru}]}",
                "{\"images\": [{\"id\": \"a\", \"p\": nulls}]}",
                "{\"images\": [{\"id\": \"a\", \"p\": 12abc}]}",
                "{\"images\": [{\"id\": \"a\", \"p\": \"bad \\x escape\"}]}",
                "{\"images\": [{\"id\": \"a\", \"p\": \"short \\u12\"}]}",
                "{\"images\": [{\"id\": \"a\\u0000b\", \"p\": \"tab\there\"}]}",
                "{\"images\": [" + item + "]} trailing garbage",
                "\uFEFF{\"images\": []}",
                "// comment\n{\"images\": []}",
                "[]",
                "\"images\"",
                " \n\t{\"images\": [ ] } ")) {
            assertSameOutcome(page);
        }
        // malformed UTF-8 in a value: okio's replacement characters, via the adapter
        byte[] bad = page(record("u", "\"p\": \"XX\", ")).getBytes(StandardCharsets.UTF_8);
        int at = new String(bad, StandardCharsets.ISO_8859_1).indexOf("XX");
        bad[at] = (byte) 0xC3;
        bad[at + 1] = (byte) 0x28;
        assertSameOutcome(bad);
        bad[at] = (byte) 0xED;  // an encoded surrogate
        bad[at + 1] = (byte) 0xA0;
        assertSameOutcome(bad);
    }

    @Test
    void fastPathValuesMatchHandWrittenExpectations() {
        Page<Image> page = ImagePageReader.fastOnly(buffer(page(PLAIN_ITEMS.get(1), PLAIN_ITEMS.get(2),
                PLAIN_ITEMS.get(3), PLAIN_ITEMS.get(4), PLAIN_ITEMS.get(5), PLAIN_ITEMS.get(6), PLAIN_ITEMS.get(9),
                PLAIN_ITEMS.get(12), PLAIN_ITEMS.get(15))));
        assertThat(page).isNotNull();
        assertThat(page.nextLink()).contains("/v2/images?marker=m");
        List<Image> images = page.items();

        Image escapes = images.get(0);
        assertThat(escapes.property("esc")).contains("q\"b\\s/b\bf\fn\nr\rt\t");
        assertThat(escapes.id()).isEqualTo("i-escapes");
        assertThat(escapes.name()).isEqualTo("n-i-escapes");
        assertThat(escapes.status()).isEqualTo(ImageStatus.ACTIVE);
        assertThat(escapes.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(escapes.diskFormat()).isEqualTo(DiskFormat.QCOW2);
        assertThat(escapes.containerFormat()).isEqualTo(ContainerFormat.BARE);
        assertThat(escapes.size()).isEqualTo(1_073_741_824L);
        assertThat(escapes.virtualSize()).isNull();
        assertThat(escapes.isProtected()).isFalse();
        assertThat(escapes.minRam()).isEqualTo(1024);
        assertThat(escapes.minDisk()).isEqualTo(10);
        assertThat(escapes.owner()).isEqualTo(OWNER);
        assertThat(escapes.tags()).containsExactly("web", "linux");
        assertThat(escapes.createdAt()).isEqualTo(Instant.parse("2026-11-22T12:50:30Z"));
        assertThat(escapes.updatedAt()).isEqualTo(Instant.parse("2026-11-22T12:50:38Z"));
        assertThat(escapes.file()).isEqualTo("/v2/images/i-escapes/file");
        assertThat(escapes.isWellFormed()).isTrue();

        assertThat(images.get(1).property("u")).contains("é中\uD83D\uDE00 \uD800 lone");
        assertThat(images.get(2).properties()).contains(entry("r", "é中\uD83D\uDE00 ünïcödé"), entry("ключ", "значение"));
        assertThat(images.get(3).properties()).contains(entry("p_int", 42L), entry("p_neg", -7L), entry("p_zero", 0L),
                entry("p_true", true), entry("p_false", false), entry("p_null", null), entry("p_big", 999_999_999_999_999_999L));
        Image duplicates = images.get(4);
        assertThat(duplicates.name()).isEqualTo("n-i-duplicates");
        assertThat(duplicates.properties()).containsExactly(entry("dup", "2"), entry("other", "o"));
        assertThat(images.get(5).stores()).containsExactly("fast", "cheap", "slow");
        assertThat(images.get(6).createdAt()).isEqualTo(Instant.parse("2026-11-24T12:50:39.882172Z"));
        assertThat(images.get(6).updatedAt()).isEqualTo(Instant.parse("2026-11-24T10:50:39Z"));
        assertThat(images.get(7).name()).isNull();
        assertThat(images.get(7).status()).isNull();
        assertThat(images.get(7).tags()).isEmpty();
        assertThat(images.get(8).id()).isNull();
        assertThat(images.get(8).decodingProblems()).containsExactly("id: missing");
    }

    @Test
    void theListingUsesTheByteLevelReader() throws IOException {
        Buffer body = buffer(recordedPages().get(0));
        Buffer before = body.clone();
        Page<Image> page = ImagePageReader.INSTANCE.readBuffered(body, apiResponse(new byte[0]));
        assertThat(page.items()).isNotEmpty();
        assertThat(body).isEqualTo(before);  // read in place, not consumed
    }

    // --- helpers

    private static List<String> recordedPages() throws IOException {
        return pages("recorded");
    }

    private static List<String> pages(String prefix) throws IOException {
        List<String> pages = new ArrayList<>();
        for (int i = 1; ; i++) {
            try (InputStream in = ImagePageReaderTest.class.getResourceAsStream(String.format("/glance-pages/%s-%02d.json", prefix, i))) {
                if (in == null) {
                    return pages;
                }
                pages.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    private static Buffer buffer(String json) {
        return new Buffer().writeUtf8(json);
    }

    private static void assertSameOutcome(String json) {
        assertSameOutcome(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertSameOutcome(byte[] body) {
        Object fast = outcome(body, ImagePageReader.INSTANCE);
        Object moshi = outcome(body, MOSHI);
        assertThat(fast).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(moshi);
    }

    /** A page as (items, next, request id), or an exception as (class, message). */
    private static Object outcome(byte[] body, PageReader<Image> reader) {
        try {
            Page<Image> page = apiResponse(body).readJson(reader);
            return List.of(page.items(), Objects.toString(page.nextLink().orElse(null)), page.requestId().orElse("-"));
        } catch (RuntimeException e) {
            return Map.entry(e.getClass().getName(), String.valueOf(e.getMessage()));
        }
    }

    private static ApiResponse apiResponse(byte[] body) {
        return ApiResponse.of(new Response.Builder()
                .request(new Request.Builder().url("http://glance.test/v2/images?limit=5").build())
                .protocol(Protocol.HTTP_1_1).code(200).message("OK")
                .header("x-openstack-request-id", "req-test")
                .body(ResponseBody.create(body, MediaType.get("application/json")))
                .build());
    }
}
