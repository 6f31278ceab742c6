package dev.imagesdk.core;

import dev.imagesdk.core.contract.ModuleArchitectureTest;

import java.util.List;

/** sdk-core keeps the library modules' architecture rules (no package cycles, an API without internal types). */
class ArchitectureTest extends ModuleArchitectureTest {

    /** The one place a user hands the SDK their own OkHttp object on purpose (see its Javadoc). */
    @Override
    protected List<String> allowedApiExposures() {
        return List.of(
                "dev.imagesdk.core.ServiceClient$Builder.httpClient(okhttp3.OkHttpClient) exposes okhttp3.OkHttpClient");
    }
}
