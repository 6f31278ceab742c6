package dev.imagesdk.examples;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.imagesdk.core.contract.ApiListing;
import dev.imagesdk.core.contract.ArchitectureRules;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The example programs and imagectl are written the way a user writes code: they use no {@code ..internal..}
 * package of the SDK (on the class path nothing else would stop them).
 */
class ExamplesUseOnlyApiTest {
    private static final JavaClasses CLASSES = ArchitectureRules.mainClasses(ApiListing.currentModule());

    /**
     * FREEZE: internal types the examples may use: none (issue 13 removed the last one). An
     * entry that no longer occurs fails the test until it is deleted.
     */
    private static final List<String> KNOWN_INTERNAL_USE = List.of();

    @Test
    void examplesUseNoInternalPackage() {
        ArchitectureRules.check(ArchitectureRules.noInternalUse(), CLASSES, KNOWN_INTERNAL_USE);
    }
}
