package dev.imagesdk.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.imagesdk.core.contract.ApiListing;
import dev.imagesdk.core.contract.ArchitectureRules;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The architecture rules of sdk-core, checked on its compiled main classes: no cycles between packages, and the exported
 * API (module-info) shows no internal, OkHttp, okio or Moshi type.
 *
 * <p>The KNOWN_* lists are empty (issue 13 removed every violation) and must stay so: they are a freeze, not an
 * exception list. A new violation fails, and an entry that no longer occurs fails too until it is deleted here. A failure ends with every current
 * violation written as list entries.
 */
class ArchitectureTest {
    private static final Path MODULE = ApiListing.currentModule();
    private static final JavaClasses CLASSES = ArchitectureRules.mainClasses(MODULE);

    /** FREEZE: package cycles tolerated for now: none. */
    private static final List<String> KNOWN_CYCLES = List.of();

    /** FREEZE: API members tolerated to show internal/OkHttp/okio/Moshi types: none. */
    private static final List<String> KNOWN_API_EXPOSURES = List.of();

    /**
     * Documented places where a user hands the SDK their own OkHttp/okio/Moshi object on purpose. Not a to-do list:
     * these stay (each is mentioned in the method's Javadoc).
     */
    private static final List<String> ALLOWED_API_EXPOSURES = List.of(
            "dev.imagesdk.core.ServiceClient$Builder.httpClient(okhttp3.OkHttpClient) exposes okhttp3.OkHttpClient");

    @Test
    void moduleExportsExactlyTheNonInternalPackages() {
        ArchitectureRules.checkExports(MODULE.resolve("target/classes"));
    }

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.check(ArchitectureRules.noPackageCycles(), CLASSES, KNOWN_CYCLES);
    }

    @Test
    void apiExposesNoInternalOkHttpOkioOrMoshiType() {
        ArchitectureRules.check(ArchitectureRules.apiExposesNoInternalOrTransportType(
                ApiListing.exportedPackages(MODULE.resolve("target/classes"))), CLASSES, concat(ALLOWED_API_EXPOSURES, KNOWN_API_EXPOSURES));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toList());
    }
}
