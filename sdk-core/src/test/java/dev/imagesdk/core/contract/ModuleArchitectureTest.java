package dev.imagesdk.core.contract;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

/**
 * The architecture rules every library module keeps, checked on its compiled main classes: module-info exports
 * exactly the non-internal packages, no cycles between packages, and the exported API shows no internal, OkHttp,
 * okio or Moshi type. A module's {@code ArchitectureTest} extends this class; a failure ends with every current
 * violation.
 */
public abstract class ModuleArchitectureTest {
    private final Path module = ApiListing.currentModule();
    private final JavaClasses classes = ArchitectureRules.mainClasses(module);

    /**
     * Documented places where a user hands the SDK their own OkHttp/okio/Moshi object on purpose, as the rule
     * prints them. Not a to-do list: each is mentioned in the method's Javadoc. None by default.
     */
    protected List<String> allowedApiExposures() {
        return List.of();
    }

    @Test
    void moduleExportsExactlyTheNonInternalPackages() {
        ArchitectureRules.checkExports(module.resolve("target/classes"));
    }

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.check(ArchitectureRules.noPackageCycles(), classes, List.of());
    }

    @Test
    void apiExposesNoInternalOkHttpOkioOrMoshiType() {
        ArchitectureRules.check(ArchitectureRules.apiExposesNoInternalOrTransportType(
                ApiListing.exportedPackages(module.resolve("target/classes"))), classes, allowedApiExposures());
    }
}
