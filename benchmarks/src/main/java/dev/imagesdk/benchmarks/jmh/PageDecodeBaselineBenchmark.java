package dev.imagesdk.benchmarks.jmh;

import dev.imagesdk.core.internal.paging.JsonPages;
import dev.imagesdk.core.internal.paging.PageReader;
import dev.imagesdk.images.internal.json.ImageJsonAdapter;
import dev.imagesdk.images.model.Image;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The page of {@link PageDecodeBenchmark} through the same response path, read by the Moshi page reader
 * ({@code JsonPages.reader("images", ImageJsonAdapter)}: the listing's reader before the byte-level one, and its
 * fallback now). Not part of {@code benchmarks/run.sh} (its include pattern does not match this class): run it in
 * the same JMH invocation as {@link PageDecodeBenchmark} for a before/after comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PageDecodeBaselineBenchmark {
    private static final PageReader<Image> MOSHI = JsonPages.reader("images", ImageJsonAdapter.INSTANCE);

    private byte[] page;

    /** Renders the page once. */
    @Setup
    public void setup() {
        page = PageDecodeBenchmark.pageJson();
    }

    /** imagesdk with the Moshi page reader: the page into {@code List<Image>}. */
    @Benchmark
    public List<Image> imagesdkMoshiReader() {
        return PageDecodeBenchmark.decode(new ByteArrayInputStream(page), page.length, MOSHI);
    }
}
