package dev.imagesdk.benchmarks.jmh;

import dev.imagesdk.benchmarks.canned.CannedImages;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.internal.paging.PageReader;
import dev.imagesdk.images.internal.json.ImageJsonAdapter;
import dev.imagesdk.images.internal.json.ImagePageReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.Okio;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openstack4j.core.transport.ObjectMapperSingleton;
import org.openstack4j.openstack.image.v2.domain.GlanceImage;

/**
 * Decoding one 1,000-image listing page (Glance's shape, with custom properties) into each library's
 * models, starting from the bytes as they come off the socket:
 * <ul>
 *   <li>imagesdk: what the pager does with a listing response ({@code PagedListing} through
 *       {@code Calls.executeJson}): {@code ApiResponse.readJson(reader)} reads the body into its buffer (with its
 *       size cap) and hands it to the images page reader {@link ImagePageReader} (the byte-level reader, falling
 *       back to {@link ImageJsonAdapter}), giving the page's {@code List<Image>};</li>
 *   <li>openstack4j: what its OkHttp connector does with a response, {@code body().string()} and then
 *       {@code ObjectMapperSingleton.getContext(type).reader(type).readValue(string)} into
 *       {@code GlanceImage.Images}.</li>
 * </ul>
 * Run with {@code -prof gc}: {@code gc.alloc.rate.norm / 1000} is the bytes allocated per image.
 * {@link PageDecodeBaselineBenchmark} measures the Moshi page reader the same way, for before/after comparisons.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PageDecodeBenchmark {
    /** Images on the page. */
    public static final int IMAGES = 1000;

    private byte[] page;

    /** Renders the page once. */
    @Setup
    public void setup() {
        page = pageJson();
    }

    /** The page's bytes. */
    public static byte[] pageJson() {
        return CannedImages.page("decode", IMAGES, IMAGES, 0).getBytes(StandardCharsets.UTF_8);
    }

    /** Size of the page in bytes. */
    public static int pageBytes() {
        return pageJson().length;
    }

    /** imagesdk: the page into {@code List<Image>}. */
    @Benchmark
    public List<Image> imagesdk() {
        return decodeImagesdk(new ByteArrayInputStream(page), page.length);
    }

    /** openstack4j: the page into {@code GlanceImage.Images}. */
    @Benchmark
    public List<GlanceImage> openstack4j() throws IOException {
        return decodeOpenstack4j(new ByteArrayInputStream(page));
    }

    /** Decodes a listing page the way the SDK's pager does (the listing's page reader). */
    public static List<Image> decodeImagesdk(InputStream in, long length) {
        return decode(in, length, ImagePageReader.INSTANCE);
    }

    /** Decodes a listing page through {@code ApiResponse.readJson} with {@code reader}, as the pager does. */
    static List<Image> decode(InputStream in, long length, PageReader<Image> reader) {
        return response(in, length).readJson(reader).items();
    }

    /** A 200 answer to {@code GET /v2/images} whose body streams from {@code in}. */
    static ApiResponse response(InputStream in, long length) {
        return ApiResponse.of(new Response.Builder()
                .request(REQUEST)
                .protocol(Protocol.HTTP_1_1).code(200).message("OK")
                .header("x-openstack-request-id", "req-bench")
                .body(ResponseBody.create(Okio.buffer(Okio.source(in)), JSON, length))
                .build());
    }

    private static final Request REQUEST = new Request.Builder().url("http://glance.bench/v2/images?limit=1000").build();
    private static final MediaType JSON = MediaType.get("application/json");

    /** Decodes a listing page the way openstack4j's OkHttp connector does. */
    public static List<GlanceImage> decodeOpenstack4j(InputStream in) throws IOException {
        String body;
        try (BufferedSource source = Okio.buffer(Okio.source(in))) {
            body = source.readUtf8();
        }
        GlanceImage.Images images = ObjectMapperSingleton.getContext(GlanceImage.Images.class)
                .reader(GlanceImage.Images.class).readValue(body);
        return images.getList();
    }
}
