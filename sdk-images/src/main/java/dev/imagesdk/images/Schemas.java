package dev.imagesdk.images;

import dev.imagesdk.images.model.Image;

import dev.imagesdk.core.internal.http.Calls;

import dev.imagesdk.core.internal.Arguments;
import com.squareup.moshi.JsonReader;
import dev.imagesdk.core.ServiceClient;
import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.internal.http.ApiRequest;
import dev.imagesdk.core.internal.http.ApiResponse;
import dev.imagesdk.core.internal.json.JsonValues;

import java.util.Map;

/**
 * The JSON schemas the server publishes under {@code /v2/schemas/} (read-only). They show, among
 * other things, which disk and container formats and which optional properties an operator allows.
 */
public final class Schemas {
    private final ServiceClient client;

    private Schemas(ServiceClient client) {
        this.client = Arguments.notNull(client, "client");
    }

    /** The schemas of {@code client}'s server. */
    public static Schemas of(ServiceClient client) {
        return new Schemas(client);
    }

    /** {@code GET /v2/schemas/image}. */
    public Map<String, Object> image() {
        return get("image");
    }

    /** {@code GET /v2/schemas/images}. */
    public Map<String, Object> images() {
        return get("images");
    }

    /** {@code GET /v2/schemas/member}. */
    public Map<String, Object> member() {
        return get("member");
    }

    /** {@code GET /v2/schemas/members}. */
    public Map<String, Object> members() {
        return get("members");
    }

    /** {@code GET /v2/schemas/task}. */
    public Map<String, Object> task() {
        return get("task");
    }

    /** {@code GET /v2/schemas/tasks}. */
    public Map<String, Object> tasks() {
        return get("tasks");
    }

    /**
     * {@code GET /v2/schemas/metadefs/{name}}: a schema of the metadefs API, {@code name} one of
     * {@code namespace}, {@code namespaces}, {@code object}, {@code objects}, {@code property},
     * {@code properties}, {@code tag}, {@code tags}, {@code resource_type}, {@code resource_types}.
     *
     * @throws dev.imagesdk.core.error.NotFoundException for a schema the server does not have
     */
    public Map<String, Object> metadef(String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("schema name must not be blank");
        }
        return read(ApiRequest.get("schemas", "metadefs", name).build());
    }

    /**
     * {@code GET /v2/schemas/{name}} as a JSON object (values typed as in {@link Image#properties()}).
     *
     * @throws dev.imagesdk.core.error.NotFoundException for a schema the server does not have
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> get(String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("schema name must not be blank");
        }
        return read(ApiRequest.get("schemas", name).build());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(ApiRequest request) {
        return Calls.of(client).executeJson(request, (JsonReader r, ApiResponse resp) -> {
            Object doc = JsonValues.read(r);
            if (!(doc instanceof Map)) {
                throw resp.malformed("schema is not a JSON object", null, null);
            }
            return (Map<String, Object>) doc;
        });
    }
}
