package dev.imagesdk.benchmarks.jmh;

import dev.imagesdk.benchmarks.canned.CannedImages;
import dev.imagesdk.images.model.Image;
import dev.imagesdk.images.internal.json.ImageJsonAdapter;

import com.squareup.moshi.JsonReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
 *   <li>imagesdk: a Moshi {@link JsonReader} over an okio source, the items decoded one by one by
 *       {@link ImageJsonAdapter} (the loop {@code JsonPages} runs on a response);</li>
 *   <li>openstack4j: what its OkHttp connector does with a response, {@code body().string()} and then
 *       {@code ObjectMapperSingleton.getContext(type).reader(type).readValue(string)} into
 *       {@code GlanceImage.Images}.</li>
 * </ul>
 * Run with {@code -prof gc}: {@code gc.alloc.rate.norm / 1000} is the bytes allocated per image.
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
    public List<Image> imagesdk() throws IOException {
        return decodeImagesdk(new ByteArrayInputStream(page));
    }

    /** openstack4j: the page into {@code GlanceImage.Images}. */
    @Benchmark
    public List<GlanceImage> openstack4j() throws IOException {
        return decodeOpenstack4j(new ByteArrayInputStream(page));
    }

    /** Decodes a listing page with imagesdk's adapter, streaming. */
    public static List<Image> decodeImagesdk(InputStream in) throws IOException {
        try (BufferedSource source = Okio.buffer(Okio.source(in)); JsonReader reader = JsonReader.of(source)) {
            List<Image> items = new ArrayList<>();
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                if (name.equals("images")) {
                    reader.beginArray();
                    while (reader.hasNext()) {
                        items.add(ImageJsonAdapter.INSTANCE.fromJson(reader));
                    }
                    reader.endArray();
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
            return items;
        }
    }

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
