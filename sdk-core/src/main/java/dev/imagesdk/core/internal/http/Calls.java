package dev.imagesdk.core.internal.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.imagesdk.core.auth.Auth;
import dev.imagesdk.core.error.ValidationException;
import okhttp3.HttpUrl;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The SDK's own access to a {@code ServiceClient}'s transport: the typed API modules (images, members,
 * links, ...) send their {@link ApiRequest}s through {@code Calls.of(client)}. Not for applications:
 * they use {@code ServiceClient.send(ServiceRequest)}.
 *
 * <p>{@code ServiceClient} registers the accessor in its static initializer (the JDK's "shared
 * secrets" pattern), so these operations are not part of its public API.
 */
public final class Calls {
    private static volatile Function<Object, Calls> access;

    private final HttpTransport transport;
    private final ServiceEndpoint endpoint;
    private final Auth auth;
    private final String requestId;
    private final FeatureGate gate;

    /**
     * @param transport the client's transport
     * @param endpoint the client's endpoint
     * @param auth the credentials of the client (view)
     * @param requestId the caller-chosen request id of the view, or {@code null}
     * @param gate checks a request's {@link ApiRequest#features()} before it is sent
     */
    public Calls(HttpTransport transport, ServiceEndpoint endpoint, Auth auth, String requestId, FeatureGate gate) {
        this.transport = transport;
        this.endpoint = endpoint;
        this.auth = auth;
        this.requestId = requestId;
        this.gate = gate;
    }

    /** Called once, by {@code ServiceClient}'s static initializer. */
    public static void register(Function<Object, Calls> accessor) {
        synchronized (Calls.class) {
            if (access != null) {
                throw new IllegalStateException("already registered");
            }
            access = Objects.requireNonNull(accessor);
        }
    }

    /**
     * The internal operations of {@code client}, a {@code ServiceClient} (typed {@code Object} so that
     * this package does not depend on the API package that depends on it).
     *
     * @throws IllegalArgumentException when {@code client} is not a {@code ServiceClient}
     */
    public static Calls of(Object client) {
        if (client == null) {
            throw new ValidationException("client must not be null");
        }
        Function<Object, Calls> a = access;
        if (a == null) {
            throw new IllegalStateException("ServiceClient did not register its accessor");
        }
        return a.apply(client);
    }

    /** The SDK's JSON codec. */
    public Moshi moshi() {
        return transport.moshi();
    }

    /** The client's transport. */
    public HttpTransport transport() {
        return transport;
    }

    /** The credentials of the client (view). */
    public Auth auth() {
        return auth;
    }

    /** The caller-chosen request id of the view, or {@code null}. */
    public String requestId() {
        return requestId;
    }

    /**
     * The service root, without the version segment; asks the {@link Auth}'s catalog on first use when
     * the client was built without an endpoint.
     *
     * @throws ValidationException when there is neither an endpoint nor a catalog
     */
    public HttpUrl root() {
        return endpoint.root(() -> auth.imageEndpoint(transport).orElseThrow(() -> new ValidationException(
                "no endpoint configured and the authentication provides no service catalog: "
                        + "call ServiceClient.builder().endpoint(...)")));
    }

    /**
     * The full URL a request goes to; every request passes here before it is sent, so this is also where
     * a request that needs an {@link ApiFeature} the server does not serve is stopped.
     *
     * @throws dev.imagesdk.core.error.UnsupportedFeatureException for such a request
     */
    public HttpUrl resolve(ApiRequest request) {
        for (ApiFeature feature : request.features()) {
            gate.check(feature);
        }
        return ServiceEndpoint.resolve(root(), request);
    }

    /** Joins a link from a response to the service, see {@link ServiceEndpoint#resolveLink}. */
    public HttpUrl resolveLink(String link, String responseRequestId) {
        return ServiceEndpoint.resolveLink(root(), link, responseRequestId);
    }

    /**
     * Sends a request and returns the successful response unread; the caller closes it.
     *
     * @throws dev.imagesdk.core.error.ServiceResponseException (a subtype per status) for an error status
     * @throws dev.imagesdk.core.error.TransportException when the exchange fails
     */
    public ApiResponse execute(ApiRequest request) {
        return execute(request, Set.of());
    }

    /** Like {@link #execute(ApiRequest)}, also handing back the listed non-2xx statuses as responses. */
    public ApiResponse execute(ApiRequest request, Set<Integer> acceptedStatuses) {
        return transport.send(request, resolve(request), auth, requestId, acceptedStatuses);
    }

    /** Sends a request and reads its JSON body through {@code adapter}, inside the retry loop. */
    public <T> T executeJson(ApiRequest request, JsonAdapter<T> adapter) {
        return transport.sendAndRead(request, resolve(request), auth, requestId, r -> r.readJson(adapter));
    }

    /** Sends a request and reads its JSON body through {@code reader}, inside the retry loop. */
    public <T> T executeJson(ApiRequest request, ApiResponse.JsonBodyReader<T> reader) {
        return transport.sendAndRead(request, resolve(request), auth, requestId, r -> r.readJson(reader));
    }

    /** Sends a request whose answer has no body worth reading (204, 202) and discards it. */
    public void executeNoContent(ApiRequest request) {
        execute(request).close();
    }
}
