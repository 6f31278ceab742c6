package dev.imagesdk.core.internal.http;

import dev.imagesdk.core.error.ValidationException;
import dev.imagesdk.core.http.RequestContent;
import dev.imagesdk.core.http.ServiceRequest;
import dev.imagesdk.core.http.ServiceResponse;
import dev.imagesdk.core.internal.JsonTrees;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Carries the public {@link ServiceRequest}/{@link ServiceResponse} over the internal transport. */
public final class EscapeHatch {
    private EscapeHatch() {
    }

    /**
     * Sends {@code request} through the client's pipeline (authentication, retry, redirects, error mapping).
     *
     * @throws ValidationException when an absolute URL has another origin than the service
     */
    public static ServiceResponse send(Calls calls, ServiceRequest request) {
        HttpUrl absolute = null;
        if (request.target() == ServiceRequest.Target.ABSOLUTE_URL) {
            absolute = HttpUrl.get(request.url().orElseThrow());
            HttpUrl root = calls.root();
            if (!Origins.same(root, absolute)) {
                throw new ValidationException("refusing to send credentials to another origin (" + absolute.scheme()
                        + "://" + absolute.host() + ":" + absolute.port() + "); the service is at " + root.scheme()
                        + "://" + root.host() + ":" + root.port());
            }
        }
        ApiRequest api = toApiRequest(request, absolute);
        return new Response(calls.execute(api, request.acceptedStatuses()));
    }

    /**
     * Sends {@code request}, which must be to an absolute URL (any origin), through the pipeline without
     * the authentication step and without retries of its own (for an identity service called while an
     * image request is already inside the retry loop).
     */
    public static ServiceResponse sendUnauthenticated(HttpTransport transport, ServiceRequest request) {
        if (request.target() != ServiceRequest.Target.ABSOLUTE_URL) {
            throw new ValidationException("an identity request needs an absolute URL");
        }
        HttpUrl url = HttpUrl.get(request.url().orElseThrow());
        return new Response(transport.sendUnauthenticated(toApiRequest(request, url), url, request.acceptedStatuses()));
    }

    static ApiRequest toApiRequest(ServiceRequest request, HttpUrl absolute) {
        String[] segments = request.segments().toArray(new String[0]);
        ApiRequest.Builder b;
        switch (request.target()) {
            case SERVICE_ROOT:
                b = ApiRequest.atRoot(request.method(), segments);
                break;
            case ABSOLUTE_URL:
                b = ApiRequest.toUrl(request.method(), absolute != null ? absolute : HttpUrl.get(request.url().orElseThrow()));
                break;
            default:
                b = ApiRequest.get(segments).method(request.method());
        }
        for (Map.Entry<String, String> q : request.query()) {
            b.query(q.getKey(), q.getValue());
        }
        request.headers().forEach(b::header);
        request.body().ifPresent(content -> b.body(new ContentBody(content)));
        request.retryable().ifPresent(b::retryable);
        request.timeout().ifPresent(b::timeout);
        return b.build();
    }

    /** A {@link RequestContent} as OkHttp sends it. */
    private static final class ContentBody extends RequestBody {
        private final RequestContent content;

        ContentBody(RequestContent content) {
            this.content = content;
        }

        @Override
        public MediaType contentType() {
            return MediaType.parse(content.contentType());
        }

        @Override
        public long contentLength() {
            return content.length();
        }

        @Override
        public boolean isOneShot() {
            return !content.isReplayable();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            content.writeTo(sink.outputStream());
        }
    }

    /** A {@link ServiceResponse} over an {@link ApiResponse}. */
    private static final class Response implements ServiceResponse {
        private final ApiResponse response;

        Response(ApiResponse response) {
            this.response = response;
        }

        @Override
        public int status() {
            return response.status();
        }

        @Override
        public Map<String, List<String>> headers() {
            return Redaction.withoutSecrets(Retry.restoreRetryAfter(response.headers()));
        }

        @Override
        public Optional<String> header(String name) {
            return Optional.ofNullable(Retry.restoreRetryAfter(response.headers()).get(name));
        }

        @Override
        public Optional<String> requestId() {
            return response.requestId();
        }

        @Override
        public URI url() {
            return URI.create(response.url());
        }

        @Override
        public OptionalLong contentLength() {
            return response.contentLength();
        }

        @Override
        public InputStream bodyStream() {
            return response.bodyStream();
        }

        @Override
        public String bodyText() {
            return response.readText();
        }

        @Override
        public Object bodyJson() {
            return response.readJson((reader, r) -> JsonTrees.read(reader));
        }

        @Override
        public void close() {
            response.close();
        }

        @Override
        public String toString() {
            return "ServiceResponse{" + status() + " " + response.method() + " " + response.url() + "}";
        }
    }
}
