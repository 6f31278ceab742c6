package dev.imagesdk.benchmarks;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.imagesdk.core.contract.ApiListing;
import dev.imagesdk.core.contract.ArchitectureRules;

import org.junit.jupiter.api.Test;

import java.util.List;

/** The benchmarks use the SDK through its API, except where a benchmark measures an internal step on purpose. */
class BenchmarksUseOnlyApiTest {
    private static final JavaClasses CLASSES = ArchitectureRules.mainClasses(ApiListing.currentModule());

    /**
     * Justified exceptions (these stay): the JMH micro-benchmarks {@code PageDecodeBenchmark} and
     * {@code PageDecodeBaselineBenchmark} measure the page decoder itself ({@code ApiResponse.readJson} with the
     * images page reader, as the pager runs it), without HTTP around it; the public API has no way to reach that
     * step alone. If the decoder moves or is renamed, update the benchmarks and this entry.
     */
    private static final List<String> ALLOWED_INTERNAL_USE = List.of(
            "<dev.imagesdk.benchmarks.jmh.PageDecodeBenchmark", "<dev.imagesdk.benchmarks.jmh.PageDecodeBaselineBenchmark");

    @Test
    void benchmarksUseNoInternalPackageExceptTheListedOnes() {
        ArchitectureRules.check(ArchitectureRules.noInternalUse(), CLASSES, ALLOWED_INTERNAL_USE);
    }
}
