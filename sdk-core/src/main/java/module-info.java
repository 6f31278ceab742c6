/**
 * imagesdk core: the client ({@code ServiceClient}), authentication (static tokens, Keystone), clouds.yaml
 * configuration, the error hierarchy, paging and {@code dev.imagesdk.core.http} (any request through the same
 * pipeline: the escape hatch).
 *
 * <p>Only the packages exported here are API. {@code dev.imagesdk.core.internal.*} is the implementation shared with
 * the SDK's sibling modules; it is exported to them only and may change in any release.
 *
 * <p>OkHttp is read transitively because a caller may hand the SDK its own {@code OkHttpClient}
 * ({@code ServiceClient.Builder.httpClient}); Moshi, Failsafe, SLF4J and SnakeYAML are implementation details.
 * No package is opened: every JSON adapter is hand-written (Moshi never reflects over the SDK's classes), and the
 * open-enum adapter calls the public {@code of(String)} of public types in exported packages.
 */
module dev.imagesdk.core {
    requires transitive okhttp3;
    requires okio;
    requires com.squareup.moshi;
    requires dev.failsafe.core;
    requires org.slf4j;
    requires org.yaml.snakeyaml;
    requires jdk.net;

    exports dev.imagesdk.core;
    exports dev.imagesdk.core.auth;
    exports dev.imagesdk.core.config;
    exports dev.imagesdk.core.error;
    exports dev.imagesdk.core.http;
    exports dev.imagesdk.core.paging;
    exports dev.imagesdk.core.types;

    exports dev.imagesdk.core.internal
            to dev.imagesdk.images, dev.imagesdk.members, dev.imagesdk.links, dev.imagesdk.testing;
    exports dev.imagesdk.core.internal.http
            to dev.imagesdk.images, dev.imagesdk.members, dev.imagesdk.links;
    exports dev.imagesdk.core.internal.json
            to dev.imagesdk.images, dev.imagesdk.members, dev.imagesdk.links;
    exports dev.imagesdk.core.internal.paging
            to dev.imagesdk.images, dev.imagesdk.members, dev.imagesdk.links;
}
