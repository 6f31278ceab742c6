/**
 * The escape hatch: send any request to the image service through the same authentication, retry,
 * redirect and error handling as the SDK's typed operations, and read status, headers and body.
 *
 * <pre>{@code
 * import dev.imagesdk.core.http.ServiceRequest;
 * import dev.imagesdk.core.http.ServiceResponse;
 *
 * try (ServiceResponse r = client.send(ServiceRequest.get("images").query("tag", "a").query("tag", "b").build())) {
 *     Map<?, ?> page = (Map<?, ?>) r.bodyJson();
 * }
 * }</pre>
 *
 * No OkHttp, okio or Moshi type appears here; JSON is a tree of {@code Map}, {@code List},
 * {@code String}, {@code Number}, {@code Boolean} and {@code null}.
 */
package dev.imagesdk.core.http;
